// The build: clean dist/, compile TypeScript, copy the icons, codex files and output schemas n8n
// reads beside each compiled node. Compilation uses the TypeScript API so a type error fails the build with its message.
const { rm } = require('node:fs/promises');
const path = require('node:path');
const { src, dest, series, parallel } = require('gulp');
const ts = require('typescript');

const OUT_DIR = 'dist';
const SOURCES = ['nodes', 'credentials'];

function clean() {
	return rm(OUT_DIR, { recursive: true, force: true });
}

async function compile() {
	const configPath = ts.findConfigFile(__dirname, ts.sys.fileExists, 'tsconfig.json');
	const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
	if (error) throw new Error(formatDiagnostics([error]));
	const parsed = ts.parseJsonConfigFileContent(config, ts.sys, __dirname);
	if (parsed.errors.length) throw new Error(formatDiagnostics(parsed.errors));

	const program = ts.createProgram(parsed.fileNames, parsed.options);
	const emitted = program.emit();
	const diagnostics = ts.getPreEmitDiagnostics(program).concat(emitted.diagnostics);
	if (diagnostics.length) throw new Error(formatDiagnostics(diagnostics));
}

function formatDiagnostics(diagnostics) {
	return ts.formatDiagnosticsWithColorAndContext(diagnostics, {
		getCanonicalFileName: (fileName) => fileName,
		getCurrentDirectory: () => __dirname,
		getNewLine: () => '\n',
	});
}

function copyIcons() {
	return src(SOURCES.map((dir) => `${dir}/**/*.{svg,png}`), { base: '.', encoding: false }).pipe(
		dest(OUT_DIR),
	);
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest(path.join(OUT_DIR)));
}

/** What each operation outputs, for n8n 2.x's editor and agents: __schema__/v<version>/<resource>/<operation>.json */
function copySchemas() {
	return src('nodes/**/__schema__/**/*.json', { base: '.' }).pipe(dest(OUT_DIR));
}

exports.clean = clean;
exports.build = series(clean, compile, parallel(copyIcons, copyCodex, copySchemas));
exports.default = exports.build;
