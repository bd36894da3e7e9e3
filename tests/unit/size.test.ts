/**
 * The initial page budget (issue 6): the welcome page's HTML + JS + CSS (followed through static
 * imports) must stay ≤ 40 KB gzip however many practices are added. Sizes are deterministic, so
 * this is asserted on a real production build: `build/` is reused when it is newer than every
 * source file, otherwise it is rebuilt here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { initialPageAssets, INITIAL_PAGE_BUDGET } from '../../scripts/size.js';
import { buildDir, ensureFreshBuild, root } from '../fresh-build';

describe('initial page budget', () => {
	it('the welcome page loads at most 40 KB gzip of HTML, JS and CSS', { timeout: 300_000 }, () => {
		ensureFreshBuild();
		const { rows, total } = initialPageAssets(buildDir);
		// It really followed the app: the HTML, the kit entry, the root layout and the page.
		expect(rows.some((r) => r.file.startsWith('_app/immutable/entry/start.'))).toBe(true);
		expect(rows.some((r) => r.file.startsWith('_app/immutable/nodes/0.'))).toBe(true);
		expect(rows.some((r) => r.file.endsWith('.css'))).toBe(true);
		const detail = rows.map((r) => `${r.gzip} B gz  ${r.file}`).join('\n');
		expect(total.gzip, `initial page is ${(total.gzip / 1024).toFixed(1)} KB gzip:\n${detail}`).toBeLessThanOrEqual(INITIAL_PAGE_BUDGET);
	});

	it('the welcome page does not load the wizard (practices, zod, the address parser)', { timeout: 300_000 }, () => {
		ensureFreshBuild();
		const { rows } = initialPageAssets(buildDir);
		const initial = new Set(rows.map((r) => r.file));
		const read = (f: string) => readFileSync(join(buildDir, f), 'utf8');
		const allJs = listJs(join(buildDir, '_app'), '_app');
		const initialText = allJs.filter((f) => initial.has(f)).map(read).join('\n');
		const lazyText = allJs.filter((f) => !initial.has(f)).map(read).join('\n');
		for (const [what, marker] of [
			['the address parser ($lib/validate/net)', /is not a valid CIDR range/],
			['zod', /_zod/],
			['practice modules', /appliesTo/]
		] as const) {
			expect(lazyText, `${what} is in the build`).toMatch(marker);
			expect(initialText, `${what} is not on the first page`).not.toMatch(marker);
		}
	});

	it('the build holds no ipaddr.js (replaced by $lib/validate/net; a devDependency for tests only)', { timeout: 300_000 }, () => {
		ensureFreshBuild();
		// strings of ipaddr.js 2.x that survive minification (its error messages and method names)
		const markers = ['ipaddr: string is not formatted like', 'isValidFourPartDecimal', 'deprecatedSiteLocal', 'toRFC5952String'];
		const library = readFileSync(join(root, 'node_modules', 'ipaddr.js', 'lib', 'ipaddr.js'), 'utf8');
		for (const m of markers) expect(library, `${m} is a marker of ipaddr.js`).toContain(m);
		const files = listFiles(buildDir, '').filter((f) => /\.(js|html)$/.test(f));
		expect(files.some((f) => f.startsWith('_app/immutable/'))).toBe(true);
		for (const f of files) {
			const text = readFileSync(join(buildDir, f), 'utf8');
			for (const m of markers) expect(text.includes(m), `${f} contains ipaddr.js (${m})`).toBe(false);
		}
	});
});

function listFiles(dir: string, rel: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		const r = rel ? `${rel}/${name}` : name;
		return statSync(p).isDirectory() ? listFiles(p, r) : [r];
	});
}

function listJs(dir: string, rel: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? listJs(p, `${rel}/${name}`) : name.endsWith('.js') ? [`${rel}/${name}`] : [];
	});
}
