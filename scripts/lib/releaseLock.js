#!/usr/bin/env node
'use strict';
/**
 * Checks a freshly resolved lock file of a real n8n release before scripts/lock-n8n.sh puts it in
 * dev/n8n-releases/<version>/, and says how it differs from the lock it replaces:
 *   node scripts/lib/releaseLock.js <version> <new lock> [<old lock>]
 * A committed lock must install on any machine with `npm ci`: every package named with the npm
 * registry's tarball URL (npm swaps in the user's own registry for that host, no other) and its
 * checksum. A user setting such as omit-lockfile-registry-resolved, a mirror, or a package fetched
 * from elsewhere (n8n 1.x's xlsx comes from SheetJS's CDN unless overridden) breaks that.
 */
const { existsSync, readFileSync } = require('node:fs');

const REGISTRY = 'https://registry.npmjs.org/';

/** The installed packages of a lock, by their node_modules path. */
const packagesOf = (lock) => Object.fromEntries(Object.entries(lock.packages ?? {}).filter(([where]) => where !== ''));

const nameAt = (where, entry) => entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** What keeps this lock from installing the release on another machine; empty when nothing does. */
function lockProblems(lock, version) {
	const problems = [];
	const n8n = lock.packages?.['node_modules/n8n'];
	if (n8n?.version !== version) problems.push(`it installs n8n ${n8n?.version ?? '(none)'}, not ${version}`);
	for (const [where, entry] of Object.entries(packagesOf(lock))) {
		if (entry.link) continue;
		const spec = `${nameAt(where, entry)}@${entry.version}`;
		if (!entry.resolved) problems.push(`${spec} has no "resolved" URL (is omit-lockfile-registry-resolved set?)`);
		else if (!entry.resolved.startsWith(REGISTRY)) problems.push(`${spec} comes from ${entry.resolved}, outside ${REGISTRY}`);
		if (!entry.integrity) problems.push(`${spec} has no integrity checksum`);
	}
	return problems;
}

/** How many packages the new lock adds, drops and moves to another version, against the old one. */
function lockChanges(oldLock, newLock) {
	const before = packagesOf(oldLock);
	const after = packagesOf(newLock);
	const added = Object.keys(after).filter((where) => !(where in before)).length;
	const removed = Object.keys(before).filter((where) => !(where in after)).length;
	const changed = Object.keys(after).filter((where) => where in before && before[where].version !== after[where].version).length;
	return { added, removed, changed };
}

if (require.main === module) {
	const [version, newFile, oldFile] = process.argv.slice(2);
	const lock = JSON.parse(readFileSync(newFile, 'utf8'));
	const problems = lockProblems(lock, version);
	if (problems.length) {
		const shown = problems.slice(0, 20);
		if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
		console.error(`The lock resolved for n8n ${version} cannot be committed:\n  ${shown.join('\n  ')}`);
		process.exit(1);
	}
	const count = Object.keys(packagesOf(lock)).length;
	let versus = 'a new lock';
	if (oldFile && existsSync(oldFile)) {
		const { added, removed, changed } = lockChanges(JSON.parse(readFileSync(oldFile, 'utf8')), lock);
		versus = `against the previous lock: ${changed} changed version, ${added} added, ${removed} removed`;
	}
	console.log(`${count} packages, all from ${REGISTRY} with checksums; ${versus}`);
}

module.exports = { lockProblems, lockChanges, REGISTRY };
