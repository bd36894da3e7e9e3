#!/usr/bin/env node
// Benchmark of the password-strength worker (not a test: prints figures, asserts nothing).
// Run after `npm run build`:  node scripts/bench-strength.js [build dir]
// Prints: the size (raw, gzip) of the strength worker script (what a served page loads) and of
// the inline variant (only for the offline file), the time to import the small client chunk on
// the main thread, the worker's ready time, and median / p95 time of a check (round trip
// page -> worker -> page) for typical passwords and for crafted worst-case inputs, in Chromium.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { freePort } from './free-port.js';

const buildDir = resolve(process.argv[2] ?? 'build');
const MARKER = 'passwords-common';
const RUNS = Number(process.env.RUNS ?? 5);

/** Files under build/_app/immutable/<sub> whose text contains `marker` (a string) or matches it (a RegExp). */
function filesWith(sub, marker) {
	const dir = join(buildDir, '_app/immutable', sub);
	if (!existsSync(dir)) throw new Error(`no build at ${buildDir}: run npm run build first`);
	return readdirSync(dir)
		.filter((f) => {
			if (!f.endsWith('.js')) return false;
			const text = readFileSync(join(dir, f), 'utf8');
			return typeof marker === 'string' ? text.includes(marker) : marker.test(text);
		})
		.map((f) => `_app/immutable/${sub}/${f}`);
}

function one(list, what) {
	if (list.length !== 1) throw new Error(`expected one ${what}, found ${list.length}`);
	return list[0];
}


const stats = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
	return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};
const ms = (x) => `${x.toFixed(1)} ms`;

const workerFile = one(filesWith('workers', MARKER), 'strength worker file');
const inlineChunk = one(filesWith('chunks', MARKER), 'inline strength chunk');
// the chunk that exports it (the password step's own chunk names it too, to call it)
const clientChunk = one(filesWith('chunks', /export\s*\{[^}]*\bcreateStrengthClient\s*\}/), 'strength client chunk');
const KB = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [label, f] of [
	['strength worker (served pages)', workerFile],
	['inline worker chunk (offline file only)', inlineChunk],
	['client chunk (main thread)', clientChunk]
]) {
	const bytes = readFileSync(join(buildDir, f));
	console.log(`${label}: ${f}`);
	console.log(`  raw ${KB(bytes.length)} · gzip -9 ${KB(gzipSync(bytes, { level: 9 }).length)} · gzip -6 ${KB(gzipSync(bytes, { level: 6 }).length)} · brotli ${KB(brotliCompressSync(bytes).length)}${f === clientChunk ? '' : ' (budget 400 KB gzip)'}`);
}

const TYPICAL = [
	'password', 'Password1!', 'Summer2026!', 'Welcome1!', 'qwertyuiop', 'letmein123', 'iloveyou2', 'P@ssw0rd', 'Tr0ub4dor&3',
	'correct horse battery staple', 'orchid tugboat lantern marble', 'AcmeSupport2026!', 'jane.doe1987', '12/05/1987',
	'kqwz7fhm2pvx9rtl', 'MyDogIsCalledRex!', 'zaq12wsx!QAZ', 'BlueSky-Over-London-42', 'Xy8#kLp2$mQ9', 'ilovemycat'
];
const leet = '4@8({[<3=6&#!1|7+2$5%0';
const rnd = (n) => Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor(Math.random() * 94))).join('');
const CRAFTED = {
	'l33t run (256)': Array.from({ length: 256 }, (_, i) => leet[i % leet.length]).join(''),
	'p4$$w0rd repeated (256)': 'p4$$w0rd'.repeat(32),
	'random printable (256)': rnd(256),
	'digits (256)': Array.from({ length: 256 }, (_, i) => String((i * 7) % 10)).join(''),
	'dates repeated (256)': '19871205'.repeat(32),
	'pasted 5,000 characters (cut to 256)': 'p4$$w0rd!1|@'.repeat(417).slice(0, 5000),
	'100 random printable': rnd(100)
};

const port = await freePort();
const server = spawn(process.execPath, [resolve('scripts/serve.js'), buildDir], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
const browser = await chromium.launch({
	executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
});
try {
	const page = await browser.newPage();
	for (let i = 0; i < 50; i++) {
		try {
			await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
			break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	await page.waitForTimeout(1000); // let the welcome page settle: measure only the strength client
	const result = await page.evaluate(
		async ({ url, typical, crafted, runs }) => {
			const longTasks = [];
			const obs = new PerformanceObserver((l) => {
				for (const e of l.getEntries()) longTasks.push(e.duration);
			});
			obs.observe({ type: 'longtask' });
			const t0 = performance.now();
			const mod = await import(url);
			const importMs = performance.now() - t0;
			const readies = [];
			let client;
			for (let i = 0; i < 3; i++) {
				client?.dispose();
				const t = performance.now();
				client = mod.createStrengthClient();
				const initInWorker = await client.ready;
				readies.push({ total: performance.now() - t, initInWorker });
				if (i === 0) obs.disconnect();
			}
			const time = async (pw) => {
				const t = performance.now();
				const r = await client.check(pw, ['acme support', 'acme', 'support.acme.example']);
				return { ms: performance.now() - t, inWorker: r.ms };
			};
			await time('warm up the JIT');
			const typ = [];
			for (let r = 0; r < runs; r++) for (const p of typical) typ.push(await time(p));
			const craft = {};
			for (const [k, p] of Object.entries(crafted)) {
				craft[k] = [];
				for (let r = 0; r < Math.max(2, Math.ceil(runs / 2)); r++) craft[k].push(await time(p));
			}
			client.dispose();
			return { importMs, longTasks, readies, typ, craft };
		},
		{ url: `/${clientChunk}`, typical: TYPICAL, crafted: CRAFTED, runs: RUNS }
	);
	console.log(`main thread: import of the client chunk ${ms(result.importMs)}; main-thread long tasks until the first worker was ready: ${JSON.stringify(result.longTasks.map(Math.round))} ms`);
	for (const [i, r] of result.readies.entries())
		console.log(`worker ready #${i + 1}: ${ms(r.total)} from new Worker() to "ready" (building the dictionaries inside the worker: ${ms(r.initInWorker)})`);
	const t = stats(result.typ.map((x) => x.ms));
	console.log(`typical passwords (${TYPICAL.length} × ${RUNS}): median ${ms(t.median)} · p95 ${ms(t.p95)} · max ${ms(t.max)} per check (round trip)`);
	const all = [];
	for (const [k, xs] of Object.entries(result.craft)) {
		const s = stats(xs.map((x) => x.ms));
		all.push(...xs.map((x) => x.ms));
		console.log(`crafted ${k}: median ${ms(s.median)} · max ${ms(s.max)} (n=${s.n})`);
	}
	const c = stats(all);
	console.log(`crafted inputs overall: median ${ms(c.median)} · p95 ${ms(c.p95)} · max ${ms(c.max)} — in the worker, the page stays responsive meanwhile`);
} finally {
	await browser.close();
	server.kill();
}
