#!/usr/bin/env node
// `npm run bench`: the performance report of issue 6. Times are printed, never asserted.
//   1. sizes (deterministic): the initial page (HTML + JS + CSS, raw and gzip) and every lazy
//      chunk with what loads it;
//   2. headless Chromium against the production build served locally (scripts/serve.js), median
//      of RUNS (default 7) fresh browser contexts: bytes transferred, time to interactive of the
//      first page, first step (cold: wizard chunks load), step change (warm), and every export
//      button on the summary from click to download (PDF, zip, ... as they exist);
//   3. Node (same V8 as Chromium), modules loaded through Vite: regenerating every output of a
//      fully-filled self-hosted plan after one input change, `derivePlan` + `outputsFor` (p50/p95,
//      budget p95 <= 2 ms).
//   4. every feature bench in scripts/bench-*.js (PDF generation, password strength, ...), run
//      on the same build with its output included.
// Writes reports/bench.json. Options: --no-build, RUNS=n, ITERATIONS=n, BUILD_DIR=dir (default build).
// Every figure with a budget is printed next to it (and `within` / `OVER`); times are never asserted.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { initialPageAssets, INITIAL_PAGE_BUDGET } from './size.js';
import { freePort } from './free-port.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// BUILD_DIR: which static build to measure (default build/; tests use build-test/, see tests/fresh-build.ts).
const buildDir = join(root, process.env.BUILD_DIR ?? 'build');
const RUNS = Number(process.env.RUNS ?? 7);
const ITERATIONS = Number(process.env.ITERATIONS ?? 2000);
const REGEN_BUDGET_MS = 2;
/** bench-pdf.js's budget (median main-thread CPU time of one PDF). */
const PDF_BUDGET_MS = Number(process.env.BUDGET_MS ?? 300);

/** @param {number} value @param {number} budget @param {(x: number) => string} fmt */
const vsBudget = (value, budget, fmt) => (Number.isFinite(value) ? `${fmt(budget)} (${value <= budget ? 'within' : 'OVER'})` : fmt(budget));

/* ------------------------------------------------------------------ helpers */

/** @param {number[]} xs @param {number} p */
function percentile(xs, p) {
	const s = [...xs].sort((a, b) => a - b);
	if (!s.length) return NaN;
	const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
	return /** @type {number} */ (s[i]);
}
/** @param {number[]} xs */
const median = (xs) => percentile(xs, 50);
/** @param {number} b */
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
/** @param {number} ms */
const ms = (ms) => (Number.isFinite(ms) ? `${ms < 10 ? ms.toFixed(3) : ms.toFixed(1)} ms` : 'n/a');

/** @param {string[][]} rows */
function table(rows) {
	const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
	return rows.map((r, j) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ') + (j === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('  ') : '')).join('\n');
}


/* ------------------------------------------------------------------ 1. sizes */

/** @param {string} dir @returns {string[]} */
function listFiles(dir) {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? listFiles(p) : [p];
	});
}

function sizes() {
	const initial = initialPageAssets(buildDir);
	const initialSet = new Set(initial.rows.map((r) => r.file));
	// What loads each file: route nodes (static closure) and dynamic import() sites, from Vite's manifest.
	const manifestPath = join(root, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json');
	/** @type {Record<string, { file: string, name?: string, imports?: string[], dynamicImports?: string[], css?: string[] }>} */
	const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
	const appSrc = readFileSync(join(root, '.svelte-kit', 'generated', 'client-optimized', 'app.js'), 'utf8');
	/** @type {Map<number, string>} */
	const nodeLabel = new Map([
		[0, 'root layout'],
		[1, 'error page']
	]);
	for (const m of appSrc.matchAll(/"([^"]+)":\s*\[(\d+)(?:,\s*\[([\d,\s]*)\])?/g)) {
		nodeLabel.set(Number(m[2]), `page ${m[1]}`);
		for (const l of (m[3] ?? '').split(',').filter((x) => x.trim())) nodeLabel.set(Number(l), `layout of ${m[1]}`);
	}
	/** @type {Map<string, Set<string>>} file → loaders */
	const loaders = new Map();
	/** @param {string} file @param {string} by */
	const mark = (file, by) => {
		if (!loaders.has(file)) loaders.set(file, new Set());
		loaders.get(file)?.add(by);
	};
	/** @param {string} key @param {string} by @param {Set<string>} seen */
	const closure = (key, by, seen = new Set()) => {
		if (seen.has(key)) return;
		seen.add(key);
		const e = manifest[key];
		if (!e) return;
		mark(e.file, by);
		for (const c of e.css ?? []) mark(c, by);
		for (const i of e.imports ?? []) closure(i, by, seen);
		for (const d of e.dynamicImports ?? []) {
			if (/nodes\/\d+\.js$/.test(d)) continue; // the router's own lazy nodes
			const target = manifest[d];
			// The same `seen`: chunks import each other both ways (a dynamic import back into a
			// chunk already on the path recursed without end: RangeError, issue 16).
			closure(d, `import() of ${target?.name ?? d} from ${by}`, seen);
		}
	};
	for (const [key, e] of Object.entries(manifest)) {
		const n = /nodes\/(\d+)\.js$/.exec(key);
		if (n) closure(key, nodeLabel.get(Number(n[1])) ?? `node ${n[1]}`);
		else if (key.endsWith('error-template.js')) mark(e.file, 'error page');
	}
	const lazy = listFiles(join(buildDir, '_app', 'immutable'))
		.map((f) => relative(buildDir, f))
		.filter((f) => !initialSet.has(f) && /\.(js|css)$/.test(f))
		.map((f) => {
			const b = readFileSync(join(buildDir, f));
			const entry = Object.values(manifest).find((e) => e.file === f);
			return { file: f, name: entry?.name ?? '', raw: b.length, gzip: gzipSync(b, { level: 9 }).length, loadedBy: [...(loaders.get(f) ?? [])].sort() };
		})
		.sort((a, b) => b.gzip - a.gzip);
	return { initial, lazy };
}

/* ------------------------------------------------------------------ 2. browser */

async function browserRuns() {
	const { chromium } = await import('@playwright/test');
	const port = await freePort();
	const server = spawn(process.execPath, [join(root, 'scripts', 'serve.js'), buildDir], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	});
	/** @type {{ initialBytes: number[], allBytes: number[], wireBytes: number[], tti: number[], dcl: number[], firstStep: number[], stepChange: number[], exports: Record<string, number[]>, walkedSteps: number }} */
	const r = { initialBytes: [], allBytes: [], wireBytes: [], tti: [], dcl: [], firstStep: [], stepChange: [], exports: {}, walkedSteps: 0 };
	try {
		for (let run = 0; run < RUNS; run++) {
			const context = await browser.newContext({ acceptDownloads: true });
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
			let bytes = 0;
			cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
			// Interactive = the client-rendered Start link exists (ssr is off: it appears only once
			// the app has hydrated and its handlers are attached).
			await page.addInitScript(() => {
				const w = /** @type {any} */ (window);
				new MutationObserver((_, obs) => {
					if (document.querySelector('main a.button.primary')) {
						w.__tti = performance.now();
						obs.disconnect();
					}
				}).observe(document, { subtree: true, childList: true });
			});
			await page.goto(base + '/');
			await page.waitForFunction(() => /** @type {any} */ (window).__tti !== undefined);
			await page.waitForLoadState('networkidle');
			// Bytes from Resource Timing: what was requested before the page was interactive,
			// and everything the welcome page loaded (incl. the lazy practice list).
			const t = await page.evaluate(() => {
				const tti = /** @type {any} */ (window).__tti;
				const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
				const res = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
				const body = (/** @type {PerformanceResourceTiming[]} */ xs) => xs.reduce((a, r) => a + r.encodedBodySize, 0);
				return { tti, dcl: nav.domContentLoadedEventEnd, before: nav.encodedBodySize + body(res.filter((r) => r.startTime <= tti)), all: nav.encodedBodySize + body(res) };
			});
			r.tti.push(t.tti);
			r.dcl.push(t.dcl);
			r.initialBytes.push(t.before);
			r.allBytes.push(t.all);
			r.wireBytes.push(bytes);

			/** Clicks `selector` and resolves with the ms until main h1 shows a different text (+1 frame). */
			const navTime = (/** @type {string} */ selector) =>
				page.evaluate((sel) => {
					return new Promise((resolve, reject) => {
						const old = document.querySelector('main h1')?.textContent;
						const t0 = performance.now();
						const obs = new MutationObserver(() => {
							const h = document.querySelector('main h1');
							if (h && h.textContent !== old) {
								obs.disconnect();
								requestAnimationFrame(() => resolve(performance.now() - t0));
							}
						});
						obs.observe(document.body, { subtree: true, childList: true, characterData: true });
						const a = /** @type {HTMLElement | null} */ (document.querySelector(sel));
						// Next on a step with invalid answers first shows the errors and stays (issue 16):
						// NaN after 10 s, and the caller presses again.
						setTimeout(() => {
							obs.disconnect();
							resolve(NaN);
						}, 10_000);
						if (!a) reject(new Error(`no ${sel}`));
						else a.click();
					});
				}, selector);
			r.firstStep.push(await navTime('main a.button.primary'));
			// Fill the about step so later steps apply (self-hosted: Deskpro Download).
			await page.getByLabel('Helpdesk name').fill('Acme Support');
			await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
			await page.getByRole('radio', { name: /Deskpro Download/ }).check();
			const changes = [];
			/** @type {string[]} */
			const stepIds = [];
			while (await page.locator('a[rel=next]').count()) {
				const id = /\/step\/([^/?#]+)/.exec(page.url())?.[1];
				if (id && !stepIds.includes(id)) stepIds.push(id);
				const before = page.url();
				let t = await navTime('a[rel=next]');
				if (!Number.isFinite(t)) t = await navTime('a[rel=next]');
				if (page.url() === before) throw new Error(`Next did not leave ${before}`);
				if (Number.isFinite(t)) changes.push(t);
			}
			r.walkedSteps = stepIds.length;
			r.stepChange.push(median(changes));
			// Every export on the summary: click → download.
			const buttons = page.locator('main button').filter({ hasText: /download|export|zip|pdf|markdown|json/i });
			for (let i = 0; i < (await buttons.count()); i++) {
				const b = buttons.nth(i);
				if (!(await b.isVisible()) || (await b.isDisabled())) continue;
				const name = (await b.innerText()).trim().replace(/\s+/g, ' ');
				const t0 = Date.now();
				const dl = page.waitForEvent('download', { timeout: 30_000 }).catch(() => null);
				await b.click();
				if (await dl) (r.exports[name] ??= []).push(Date.now() - t0);
			}
			await context.close();
		}
	} finally {
		await browser.close();
		server.kill();
	}
	return r;
}

/* ------------------------------------------------------------------ 3. regeneration */

async function regeneration() {
	const { createServer } = await import('vite');
	const vite = await createServer({ root, logLevel: 'error', server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom' });
	try {
		const load = (/** @type {string} */ p) => vite.ssrLoadModule(p);
		const { newPlan } = await load('/src/lib/plan/schema.ts');
		const { derivePlan } = await load('/src/lib/plan/derive.ts');
		const { outputsFor } = await load('/src/lib/outputs.ts');
		const { practices, loadAllDetails } = await load('/src/lib/practices/index.ts');
		await loadAllDetails(); // every step and its detail, as a self-hosted plan loads them
		const { defaults, checkFields } = await load('/src/lib/plan/fields.ts');

		// A fully-filled self-hosted plan, built generically: first preset over the defaults,
		// generated values (passwords) where a field can generate one, placeholders for what is
		// still invalid, every checklist item done.
		const plan = newPlan();
		plan.answers.about = { helpdeskName: 'Acme Support', helpdeskUrl: 'https://support.example.com/', deployment: 'download', os: 'linux', webServer: 'nginx' };
		for (const p of practices) {
			/** @type {Record<string, unknown>} */
			const values = { ...defaults(p.fields), ...(p.presets?.[0]?.values ?? {}) };
			for (const [k, f] of Object.entries(p.fields)) {
				const field = /** @type {{ generate?: () => string, placeholder?: string }} */ (f);
				if (field.generate && !values[k]) values[k] = field.generate();
			}
			const c = checkFields(p.fields, values);
			for (const k of Object.keys(c.errors ?? {})) {
				const field = /** @type {{ placeholder?: string }} */ (p.fields[k]);
				if (field?.placeholder) values[k] = field.placeholder;
			}
			plan.answers[p.id] = values;
			plan.keepSecrets = true;
		}
		for (const d of derivePlan(plan).practices) for (const item of d.items) plan.checklist[item.id] = { state: 'done', reason: '', note: '', at: new Date().toISOString() };
		const derived = derivePlan(plan);
		const invalid = derived.practices.filter((/** @type {any} */ d) => d.status === 'invalid').map((/** @type {any} */ d) => d.practice.id);
		const files = outputsFor(plan, derived);
		const outputBytes = files.reduce((/** @type {number} */ a, /** @type {{ text: string }} */ f) => a + f.text.length, 0);

		/**
		 * One input change, then everything regenerated. Wall time, and this thread's CPU time
		 * (process.cpuUsage, µs resolution), which does not count time the OS gave to other
		 * processes: on a busy machine the wall-time tail mostly measures the neighbours.
		 */
		const once = (/** @type {number} */ i) => {
			plan.answers.about.helpdeskName = i % 2 ? 'Acme Support' : 'Acme Support Desk';
			const c0 = process.cpuUsage();
			const t0 = performance.now();
			const d = derivePlan(plan);
			const out = outputsFor(plan, d);
			const t = performance.now() - t0;
			const c = process.cpuUsage(c0);
			if (!out.length && files.length) throw new Error('outputs disappeared');
			return { wall: t, cpu: (c.user + c.system) / 1000 };
		};
		for (let i = 0; i < 200; i++) once(i); // warm-up (JIT)
		const wall = [];
		const cpu = [];
		for (let i = 0; i < ITERATIONS; i++) {
			const x = once(i);
			wall.push(x.wall);
			cpu.push(x.cpu);
		}
		return {
			files: files.map((/** @type {{ id: string, filename: string, text: string }} */ f) => ({ id: f.id, filename: f.filename, bytes: f.text.length })),
			outputBytes,
			invalidPractices: invalid,
			practices: practices.length,
			p50: percentile(wall, 50),
			p95: percentile(wall, 95),
			max: Math.max(...wall),
			cpuP50: percentile(cpu, 50),
			cpuP95: percentile(cpu, 95),
			iterations: ITERATIONS
		};
	} finally {
		await vite.close();
	}
}

/* ------------------------------------------------------------------ main */

if (!process.argv.includes('--no-build')) {
	console.log('Building (npm run build)…');
	execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
}

const load = loadavg();
console.log(`Machine: ${cpus().length} CPUs, load average ${load.map((x) => x.toFixed(1)).join(' ')}${(load[0] ?? 0) > cpus().length ? ' (busy: times are inflated)' : ''}`);
const s = sizes();
console.log('\n## Initial page (welcome): HTML + JS + CSS it loads before it is interactive\n');
console.log(table([['file', 'raw', 'gzip'], ...s.initial.rows.map((r) => [r.file, String(r.raw), String(r.gzip)]), ['TOTAL', kb(s.initial.total.raw), kb(s.initial.total.gzip)], ['budget', '', kb(INITIAL_PAGE_BUDGET)]]));
console.log('\n## Lazy chunks (loaded later) and what loads them\n');
console.log(table([['file', 'name', 'raw', 'gzip', 'loaded by'], ...s.lazy.map((l) => [l.file, l.name, String(l.raw), String(l.gzip), l.loadedBy.join('; ')])]));

console.log(`\nBrowser: ${RUNS} runs in headless Chromium…`);
const b = await browserRuns();
console.log(`Regeneration: ${ITERATIONS} iterations in Node…`);
const g = await regeneration();

const rows = [
	['measure', 'median', 'min', 'max', 'budget'],
	['initial page: bytes requested before interactive', kb(median(b.initialBytes)), kb(Math.min(...b.initialBytes)), kb(Math.max(...b.initialBytes)), `${kb(INITIAL_PAGE_BUDGET)} gzip (raw here; gzip: ${kb(s.initial.total.gzip)}, ${s.initial.total.gzip <= INITIAL_PAGE_BUDGET ? 'within' : 'OVER'})`],
	['welcome page: all bytes incl. lazy practice list (idle)', kb(median(b.allBytes)), kb(Math.min(...b.allBytes)), kb(Math.max(...b.allBytes)), 'none (reported)'],
	['welcome page: on the wire incl. headers', kb(median(b.wireBytes)), kb(Math.min(...b.wireBytes)), kb(Math.max(...b.wireBytes)), 'none (reported)'],
	['DOMContentLoaded, first page', ms(median(b.dcl)), ms(Math.min(...b.dcl)), ms(Math.max(...b.dcl)), 'none'],
	['time to interactive, first page', ms(median(b.tti)), ms(Math.min(...b.tti)), ms(Math.max(...b.tti)), 'none'],
	['first step (cold: wizard chunks load)', ms(median(b.firstStep)), ms(Math.min(...b.firstStep)), ms(Math.max(...b.firstStep)), 'none'],
	[`step change (warm, median over the ${b.walkedSteps} steps Next leads through)`, ms(median(b.stepChange)), ms(Math.min(...b.stepChange)), ms(Math.max(...b.stepChange)), 'none'],
	...Object.entries(b.exports).map(([name, t]) => [`export "${name}" click → download`, ms(median(t)), ms(Math.min(...t)), ms(Math.max(...t)), /pdf/i.test(name) ? `${ms(PDF_BUDGET_MS)} CPU (bench-pdf.js below)` : 'none'])
];
console.log('\n## Browser (served locally, no compression on the wire)\n');
console.log(table(rows));

console.log(`\n## Regenerating every output after one input change (derivePlan + outputsFor, ${g.iterations} runs)\n`);
console.log(
	table([
		['measure', 'value', 'budget'],
		['practices', String(g.practices), ''],
		['generated files', `${g.files.length} (${kb(g.outputBytes)})`, ''],
		['invalid practices in the filled plan', g.invalidPractices.join(', ') || 'none', ''],
		['wall p50', ms(g.p50), ''],
		['wall p95', ms(g.p95), vsBudget(g.p95, REGEN_BUDGET_MS, ms)],
		['wall max', ms(g.max), ''],
		['CPU p50', ms(g.cpuP50), ''],
		['CPU p95', ms(g.cpuP95), vsBudget(g.cpuP95, REGEN_BUDGET_MS, ms)]
	])
);
if (!Object.keys(b.exports).length) console.log('\n(No export button produced a download on the summary yet: PDF / zip timings appear once those exports exist.)');

// Feature benches other parts of the app bring along (scripts/bench-*.js: PDF, strength, ...):
// run on the same build, their output printed and kept in the report.
/** @type {Record<string, { ok: boolean, output: string }>} */
const features = {};
for (const f of readdirSync(join(root, 'scripts')).filter((n) => /^bench-.+\.js$/.test(n)).sort()) {
	console.log(`\n## ${f}\n`);
	try {
		const out = execFileSync(process.execPath, [join(root, 'scripts', f), buildDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
		console.log(out.trim());
		features[f] = { ok: true, output: out };
	} catch (e) {
		const err = /** @type {{ stdout?: string, stderr?: string, message: string }} */ (e);
		console.log(`failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
		features[f] = { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
	}
}

mkdirSync(join(root, 'reports'), { recursive: true });
const report = {
	date: new Date().toISOString(),
	machine: { cpus: cpus().length, loadavg: load },
	runs: RUNS,
	sizes: { initial: s.initial, budgetGzip: INITIAL_PAGE_BUDGET, lazy: s.lazy },
	browser: {
		raw: b,
		median: { initialBytes: median(b.initialBytes), allBytes: median(b.allBytes), dclMs: median(b.dcl), ttiMs: median(b.tti), firstStepMs: median(b.firstStep), stepChangeMs: median(b.stepChange), exportsMs: Object.fromEntries(Object.entries(b.exports).map(([k, t]) => [k, median(t)])) }
	},
	regeneration: { ...g, budgetP95Ms: REGEN_BUDGET_MS },
	features
};
writeFileSync(join(root, 'reports', 'bench.json'), JSON.stringify(report, null, 2));
console.log('\nWrote reports/bench.json');
