/**
 * `npm run bench -- --no-build` as a smoke test (issue 16): it crashed with "RangeError: Maximum
 * call stack size exceeded" (the dynamic-import walk of scripts/bench.js recursed without its
 * `seen` set). It must exit 0 and write reports/bench.json, with each figure printed next to its
 * budget. No timing is asserted here: one run, on the build tests use (build-test/, built here
 * when older than the sources).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildEnv, ensureFreshBuild, root } from '../fresh-build';

describe('npm run bench -- --no-build', () => {
	it('exits 0, writes reports/bench.json and prints budgets beside the figures', { timeout: 900_000 }, () => {
		ensureFreshBuild();
		const started = Date.now();
		const out = execFileSync(process.execPath, [join(root, 'scripts', 'bench.js'), '--no-build'], {
			cwd: root,
			encoding: 'utf8',
			env: { ...buildEnv({ BUILD_DIR: 'build-test' }), RUNS: '1', ITERATIONS: '100' },
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: 880_000
		});
		const file = join(root, 'reports', 'bench.json');
		expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
		const report = JSON.parse(readFileSync(file, 'utf8'));
		// It measured something real: the first page, the lazy chunks with what loads them, a browser
		// run through every step to the summary's exports, the regeneration, the feature benches.
		expect(report.sizes.initial.total.gzip).toBeGreaterThan(0);
		expect(report.sizes.lazy.some((c: { loadedBy: string[] }) => c.loadedBy.some((l) => l.startsWith('import() of')))).toBe(true);
		expect(report.browser.raw.tti).toHaveLength(1);
		expect(report.browser.raw.walkedSteps).toBeGreaterThan(5);
		expect(Object.keys(report.browser.raw.exports)).toEqual(expect.arrayContaining([expect.stringMatching(/PDF/), expect.stringMatching(/Markdown/)]));
		expect(report.regeneration.files.length).toBeGreaterThan(0);
		expect(Object.keys(report.features)).toEqual(expect.arrayContaining(['bench-pdf.js', 'bench-strength.js']));
		// Each figure with a budget is printed next to it.
		expect(out).toMatch(/TOTAL\s+[\d.]+ KB\s+[\d.]+ KB\nbudget\s+40\.0 KB/);
		expect(out).toMatch(/initial page: bytes requested before interactive.*40\.0 KB gzip \(raw here; gzip: [\d.]+ KB, (within|OVER)\)/);
		expect(out).toMatch(/wall p95\s+[\d.]+ ms\s+2\.000 ms \((within|OVER)\)/);
		expect(out).toMatch(/CPU p95\s+[\d.]+ ms\s+2\.000 ms \((within|OVER)\)/);
		expect(out).toMatch(/Download PDF checklist.*300\.0 ms CPU/);
	});
});
