#!/usr/bin/env node
// Prints what the first page loads (HTML + the JS and CSS it references, followed through
// static imports), raw and gzip. Run after `npm run build`. Exit 1 when over the budget
// (40 KB gzip; tests/unit/size.test.ts asserts the same budget on a fresh build).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';

/** The initial page budget: HTML + JS + CSS of the first page, gzip -9, in bytes. */
export const INITIAL_PAGE_BUDGET = 40 * 1024;

/** @typedef {{ file: string, raw: number, gzip: number }} SizeRow */

/**
 * @param {string} buildDir
 * @param {string} [page]
 * @returns {{ rows: SizeRow[], total: { raw: number, gzip: number } }}
 */
export function initialPageAssets(buildDir, page = 'index.html') {
	const html = readFileSync(join(buildDir, page), 'utf8');
	/** @type {Set<string>} */
	const files = new Set();
	/** @type {string[]} */
	const queue = [];
	/** @param {string} rel */
	const add = (rel) => {
		const abs = resolve(buildDir, rel.replace(/^\//, ''));
		if (!files.has(abs) && existsSync(abs)) {
			files.add(abs);
			queue.push(abs);
		}
	};
	for (const m of html.matchAll(/(?:href|src)="\.?\/?([^"]+\.(?:js|css))"/g)) add(m[1] ?? '');
	for (const m of html.matchAll(/import\("\.?\/?([^"]+\.js)"\)/g)) add(m[1] ?? '');
	while (queue.length) {
		const f = queue.shift();
		if (!f || !f.endsWith('.js')) continue;
		const src = readFileSync(f, 'utf8');
		// static imports only: `import ... from "./x.js"` and `import "./x.js"`
		for (const m of src.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
			const abs = resolve(dirname(f), m[1] ?? '');
			if (!files.has(abs) && existsSync(abs)) {
				files.add(abs);
				queue.push(abs);
			}
		}
	}
	const rows = [{ file: page, raw: Buffer.byteLength(html), gzip: gzipSync(html, { level: 9 }).length }];
	for (const f of files) {
		const b = readFileSync(f);
		rows.push({ file: f.slice(resolve(buildDir).length + 1), raw: b.length, gzip: gzipSync(b, { level: 9 }).length });
	}
	const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
	return { rows, total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = process.argv[2] ?? 'build';
	const budget = process.env.BUDGET_KB ? Number(process.env.BUDGET_KB) * 1024 : INITIAL_PAGE_BUDGET;
	const { rows, total } = initialPageAssets(dir);
	for (const r of rows) console.log(`${String(r.raw).padStart(9)} B ${String(r.gzip).padStart(8)} B gz  ${r.file}`);
	console.log(`${String(total.raw).padStart(9)} B ${String(total.gzip).padStart(8)} B gz  TOTAL initial page (budget ${budget / 1024} KB gzip)`);
	if (total.gzip > budget) {
		console.error('Over budget.');
		process.exit(1);
	}
}
