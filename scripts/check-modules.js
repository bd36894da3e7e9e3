#!/usr/bin/env node
// Parses and links every JavaScript file of a build as the ES module the browser gets, without
// running any: a file that exports a name it never declares, or imports one another file does not
// export, fails here (the browser would refuse the whole chunk, and whatever loads it, at once).
// Bundler options such as the page chunks of vite.config.ts can produce such a file: rolldown
// 1.2.19 once emitted `export { highlight_exports as t }` with no `highlight_exports` in the file.
//
// Usage: node --experimental-vm-modules scripts/check-modules.js [buildDir]; prints the count
// checked, or each broken file with its error, and exits 1.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import vm from 'node:vm';

const dir = resolve(process.argv[2] ?? 'build');
/** @param {string} d @returns {string[]} */
const list = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? list(join(d, n)) : n.endsWith('.js') ? [join(d, n)] : []));
const files = list(join(dir, '_app'));
const context = vm.createContext({});
/** @type {Map<string, vm.SourceTextModule>} */
const modules = new Map();
/** @type {string[]} */
const broken = [];
/** @param {string} file */
function load(file) {
	let m = modules.get(file);
	if (!m) {
		m = new vm.SourceTextModule(readFileSync(file, 'utf8'), { identifier: file, context });
		modules.set(file, m);
	}
	return m;
}
for (const file of files) {
	try {
		const m = load(file);
		if (m.status !== 'unlinked') continue; // linked with a module that imports it
		await m.link((spec, ref) => {
			if (!spec.startsWith('.')) throw new Error(`imports ${spec}, outside the build`);
			return load(resolve(dirname(ref.identifier), spec));
		});
	} catch (e) {
		broken.push(`${file.slice(dir.length + 1)}: ${e instanceof Error ? e.message : String(e)}`);
	}
}
if (broken.length) {
	console.error(broken.join('\n'));
	process.exit(1);
}
console.log(`${files.length} modules parse and link`);
