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
import { buildDir, ensureFreshBuild } from '../fresh-build';

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

	it('the welcome page does not load the wizard (practices, zod, ipaddr.js)', { timeout: 300_000 }, () => {
		ensureFreshBuild();
		const { rows } = initialPageAssets(buildDir);
		const initial = new Set(rows.map((r) => r.file));
		const read = (f: string) => readFileSync(join(buildDir, f), 'utf8');
		const allJs = listJs(join(buildDir, '_app'), '_app');
		const initialText = allJs.filter((f) => initial.has(f)).map(read).join('\n');
		const lazyText = allJs.filter((f) => !initial.has(f)).map(read).join('\n');
		for (const [what, marker] of [
			['ipaddr.js', /parseCIDR/],
			['zod', /_zod/],
			['practice modules', /appliesTo/]
		] as const) {
			expect(lazyText, `${what} is in the build`).toMatch(marker);
			expect(initialText, `${what} is not on the first page`).not.toMatch(marker);
		}
	});
});


function listJs(dir: string, rel: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? listJs(p, `${rel}/${name}`) : name.endsWith('.js') ? [`${rel}/${name}`] : [];
	});
}
