#!/usr/bin/env node
'use strict';
/**
 * One line saying what a failed npm run could not get, read from npm's own output, for the install
 * scripts to print after it (npm's output is shown in full above it):
 *   node scripts/lib/npmFailure.js <what> <npm output file> [<lock file>]
 *   → Installing n8n 1.29.1 from dev/n8n-releases/1.29.1/package-lock.json failed: the registry has no
 *     @babel/helper-validator-identifier@7.29.17 (E404: GET https://registry.npmjs.org/…)
 * npm's output names a URL or a checksum more often than a package; the package is read from the
 * tarball URL, or for a checksum from the lock file that holds it.
 */
const { readFileSync } = require('node:fs');

/** Codes npm gives when the registry did not answer at all (as opposed to answering "no"). */
const NETWORK = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_SOCKET_TIMEOUT', 'FETCH_ERROR'];

/** npm's error lines without their prefix (`npm error` since npm 10, `npm ERR!` before). */
function errorLines(output) {
	return output
		.split('\n')
		.map((line) => /^npm (?:error|ERR!)(?: (.*))?$/.exec(line.trimEnd()))
		.filter(Boolean)
		.map((match) => match[1] ?? '');
}

/** `name@version` of a registry tarball URL (…/<name>/-/<basename>-<version>.tgz), or undefined. */
function packageOfTarball(url) {
	const match = /\/((?:@[^/]+(?:\/|%2[fF]))?[^/@]+)\/-\/([^/]+)\.tgz(?:[?#].*)?$/.exec(url);
	if (!match) return undefined;
	const name = decodeURIComponent(match[1]);
	const base = name.split('/').pop();
	const version = match[2].startsWith(`${base}-`) ? match[2].slice(base.length + 1) : undefined;
	return version ? `${name}@${version}` : name;
}

/** `name@version` of the package a lock file gives this integrity, or undefined. */
function packageOfIntegrity(integrity, lockFile) {
	if (!lockFile) return undefined;
	let lock;
	try {
		lock = JSON.parse(readFileSync(lockFile, 'utf8'));
	} catch {
		return undefined;
	}
	for (const [where, entry] of Object.entries(lock.packages ?? {})) {
		if (entry.integrity?.split(/\s+/).includes(integrity)) {
			const name = entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
			return `${name}@${entry.version}`;
		}
	}
	return undefined;
}

/** What npm could not get, in a few words; undefined when its output names nothing this knows. */
function reason(output, lockFile) {
	const lines = errorLines(output);
	const code = lines.map((line) => /^code (\S+)$/.exec(line)?.[1]).find(Boolean);
	const find = (pattern) => lines.map((line) => pattern.exec(line)).find(Boolean);
	if (!code) return undefined;

	if (code === 'ETARGET') {
		const spec = find(/^notarget No matching version found for (\S+?)\.?$/)?.[1];
		return spec && `the registry has no ${spec} (ETARGET)`;
	}
	if (code === 'E404') {
		const url = find(/^404 Not Found - (?:GET|HEAD) (\S+)/)?.[1];
		// npm 11: "The requested resource '<spec>' could not be found …"; before: "'<spec>' is not in this registry."
		const resource = find(/^404 +(?:The requested resource )?'([^']+)' (?:could not be found|is not in this registry)/)?.[1];
		const spec = (url && packageOfTarball(url)) ?? resource ?? 'a package';
		return `the registry has no ${spec} (E404${url ? `: GET ${url}` : ''})`;
	}
	if (code === 'EINTEGRITY') {
		const match = find(/^(\S+) integrity checksum failed when using \S+: wanted (\S+) but got (\S+?)\.?(?: \(\d+ bytes\))?$/);
		if (!match) return 'a downloaded file does not match its checksum (EINTEGRITY)';
		const [, , wanted, got] = match;
		const spec = packageOfIntegrity(wanted, lockFile) ?? packageOfIntegrity(match[1], lockFile) ?? 'a package';
		return `the file the registry sent for ${spec} does not match the lock's checksum (EINTEGRITY: got ${got})`;
	}
	if (NETWORK.includes(code)) {
		const request = find(/request to (\S+) failed, reason: (.+)$/);
		const timeout = find(/^network timeout at: (\S+)/);
		const url = request?.[1] ?? timeout?.[1];
		const why = request?.[2] ?? (timeout ? 'network timeout' : code);
		const spec = url && (packageOfTarball(url) ?? decodeURIComponent(url.split('/').pop()));
		return `the registry did not answer${spec ? ` for ${spec}` : ''} (${code}: ${why}${url ? `, ${url}` : ''})`;
	}
	if (code === 'EUSAGE' && lines.some((line) => line.includes('in sync'))) {
		return 'its package.json and package-lock.json are out of sync (EUSAGE)';
	}
	// A lifecycle script (a native build) that failed: npm gives its exit status as the code.
	if (/^\d+$/.test(code)) {
		const where = find(/^path (.+)$/)?.[1];
		return `a build script exited with ${code}${where ? ` in ${where}` : ''}`;
	}
	const first = lines.find((line) => line && !/^(code|errno|syscall|path) /.test(line) && !line.startsWith('A complete log'));
	return `npm said: ${first ?? code} (${code})`;
}

/** The whole sentence: "<what> failed: <reason>". */
function describeNpmFailure(what, output, lockFile) {
	return `${what} failed: ${reason(output, lockFile) ?? 'npm stopped without an error code; its output is above'}`;
}

if (require.main === module) {
	const [what, outputFile, lockFile] = process.argv.slice(2);
	let output = '';
	try {
		output = readFileSync(outputFile, 'utf8');
	} catch {
		// Nothing captured: the sentence says npm gave no code.
	}
	console.log(describeNpmFailure(what, output, lockFile));
}

module.exports = { describeNpmFailure, packageOfTarball };
