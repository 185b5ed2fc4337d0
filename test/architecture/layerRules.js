'use strict';
// The package's layers, as ESLint rules layers.test.js runs (the strict community lint allows no
// rules of our own in eslint.config.mjs). A file imports its own layer and the ones below, never above:
//   compat/, network/, suvvy/  →  transport/, credentials/, replies/  →  actions/shared/  →  an
//   operation's parts  →  the operation  →  its resource, the router  →  the node classes;
//   the trigger stands beside the actions, on compat/, network/, suvvy/ and replies/ only.
const tsParser = require('@typescript-eslint/parser');
const importX = require('eslint-plugin-import-x');

const NODE_CLASSES = ['**/*.node'];

/** Imports the files matching `files` may not make, and why. */
const forbid = (files, patterns, why) => ({
	files,
	rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }] },
});

module.exports = [
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'import-x': importX },
		settings: {
			'import-x/extensions': ['.ts'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
			'import-x/resolver': { node: { extensions: ['.ts'] } },
		},
		rules: { 'import-x/no-cycle': 'error' },
	},
	forbid(
		['nodes/Suvvy/compat/**/*.ts', 'nodes/Suvvy/network/**/*.ts', 'nodes/Suvvy/suvvy/**/*.ts'],
		['../**'],
		'compat/, network/ and suvvy/ are the bottom layer: they import nothing else of the package.',
	),
	forbid(
		['nodes/Suvvy/replies/**/*.ts'],
		['**/actions/**', '**/trigger/**', '**/transport/**', ...NODE_CLASSES],
		'replies/ (what a Suvvy reply is, and fetching its files) serves the trigger and the node alike.',
	),
	forbid(
		['nodes/Suvvy/transport/**/*.ts', 'credentials/**/*.ts'],
		['**/actions/**', '**/trigger/**', ...NODE_CLASSES],
		'transport/ and the credentials sit below the operations and the trigger.',
	),
	forbid(
		['nodes/Suvvy/trigger/**/*.ts'],
		['**/actions/**', '**/transport/**', ...NODE_CLASSES],
		'The trigger stands on its own: it shares only compat/, network/, suvvy/ and replies/ with the node.',
	),
	forbid(
		['nodes/Suvvy/actions/shared/**/*.ts'],
		['**/message/**', '**/router', '**/trigger/**', ...NODE_CLASSES],
		'actions/shared/ serves every operation and depends on none.',
	),
	forbid(
		['nodes/Suvvy/actions/*/*/**/*.ts'],
		['**/*.operation', '**/*.resource', '**/router', '**/trigger/**', ...NODE_CLASSES],
		"An operation's parts sit below the operation, its resource and the router.",
	),
	forbid(
		['nodes/Suvvy/actions/*/*.operation.ts'],
		['./*.operation', '**/*.resource', '**/router', '**/trigger/**', ...NODE_CLASSES],
		'An operation imports its own parts, never another operation, its resource or the router.',
	),
	forbid(
		['nodes/Suvvy/actions/*/*.resource.ts', 'nodes/Suvvy/actions/*.ts'],
		['**/trigger/**', ...NODE_CLASSES],
		'Only the node classes sit above the router and the resources.',
	),
];
