/**
 * What a real browser loads for each page of the wizard (issue 16, "Weight"): Chromium's network
 * log against the production build (`build-test/`, see fresh-build.ts), a cold visit of every
 * step, the audit page and the summary, for a Cloud plan and a self-hosted plan (Deskpro
 * Download, Linux, nginx, valid Server environment). Sizes are gzip -9 of each same-origin
 * response (HTML, JS, CSS, icons); web workers are counted apart (see scripts/size-pages.js).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
	BUDGETS,
	CEILINGS,
	CLOUD_STEP_BUDGET,
	CLOUD_STEP_CEILING,
	measurePages,
	overLimit,
	SELF_HOSTED_STEP_BUDGET,
	SELF_HOSTED_STEP_CEILING
} from '../../scripts/size-pages.js';
import { buildDir, ensureFreshBuild } from '../fresh-build';

type Measured = Awaited<ReturnType<typeof measurePages>>;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** The build's JS files that hold the server generators or the audit library (by content). */
function generatorFiles(): string[] {
	const dir = join(buildDir, '_app', 'immutable', 'chunks');
	const markers = [
		'Deskpro hardening audit: the check library', // generators/audit-lib.sh, imported as text
		'fastcgi_param SCRIPT_FILENAME', // generators/nginx.ts
		'Header always set Strict-Transport-Security' // generators/docker-proxy.ts (Apache)
	];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.js'))
		.filter((f) => {
			const text = readFileSync(join(dir, f), 'utf8');
			return markers.some((m) => text.includes(m));
		})
		.map((f) => `/_app/immutable/chunks/${f}`);
}

describe('page weight in a real browser', () => {
	let r: Measured;
	beforeAll(async () => {
		ensureFreshBuild();
		r = await measurePages(buildDir);
	}, 900_000);

	it('measured every page for both plans, with the kit runtime, the step page and CSS', () => {
		const pages = new Set(r.pages.map((p) => p.page));
		expect(pages.has('/step/about') && pages.has('/step/password-policy') && pages.has('/summary') && pages.has('/audit')).toBe(true);
		expect(r.pages.length).toBe(pages.size * 2);
		for (const p of r.pages) {
			expect(p.files.some((f) => f.url.startsWith('/_app/immutable/entry/start.')), `${p.page} ${p.plan}`).toBe(true);
			expect(p.files.some((f) => f.url.endsWith('.css')), `${p.page} ${p.plan}`).toBe(true);
		}
	});

	it('a Cloud plan never fetches the server generators or the audit library; a self-hosted plan does', () => {
		const gen = generatorFiles();
		expect(gen.length, 'the generators are in the build').toBeGreaterThan(0);
		for (const p of r.pages.filter((x) => x.plan === 'cloud')) {
			expect(p.files.map((f) => f.url).filter((u) => gen.includes(u)), `${p.page} (Cloud)`).toEqual([]);
		}
		for (const p of r.pages.filter((x) => x.plan === 'self-hosted')) {
			expect(p.files.some((f) => gen.includes(f.url)), `${p.page} (self-hosted) loads the generators`).toBe(true);
		}
	});

	it('no page grows past its ceiling; the issue’s budgets are reported (not met yet)', () => {
		const worst = (plan: string) => Math.max(...r.pages.filter((p) => p.plan === plan).map((p) => p.total.gzip));
		const notMet = overLimit(r.pages, BUDGETS);
		console.log(
			[
				`welcome page: first load ${kb(r.welcome.firstTotal.gzip)}, then idle ${kb(r.welcome.idleTotal.gzip)} (${r.welcome.idle.map((f) => f.url).join(', ')})`,
				`largest Cloud page ${kb(worst('cloud'))} (budget ${kb(CLOUD_STEP_BUDGET)}, ceiling ${kb(CLOUD_STEP_CEILING)})`,
				`largest self-hosted page ${kb(worst('self-hosted'))} (budget ${kb(SELF_HOSTED_STEP_BUDGET)}, ceiling ${kb(SELF_HOSTED_STEP_CEILING)})`,
				`issue 16 budgets not met by ${notMet.length} of ${r.pages.length} page loads`
			].join('\n')
		);
		const over = overLimit(r.pages, CEILINGS);
		expect(over.map((p) => `${p.page} (${p.plan}) ${kb(p.total.gzip)}`)).toEqual([]);
	});
});

describe('the limit check', () => {
	const page = (plan: string, gzip: number) => ({ page: '/step/x', plan, files: [], total: { raw: gzip, gzip }, workers: { raw: 0, gzip: 0 } });
	it('fails a Cloud page one byte over 100 KB and a self-hosted page one byte over 130 KB', () => {
		expect(overLimit([page('cloud', 100 * 1024)], BUDGETS)).toEqual([]);
		expect(overLimit([page('cloud', 100 * 1024 + 1)], BUDGETS)).toHaveLength(1);
		expect(overLimit([page('self-hosted', 130 * 1024)], BUDGETS)).toEqual([]);
		expect(overLimit([page('self-hosted', 130 * 1024 + 1)], BUDGETS)).toHaveLength(1);
		// a self-hosted page is held to its own (larger) budget, a Cloud page to the smaller one
		expect(overLimit([page('self-hosted', 110 * 1024), page('cloud', 110 * 1024)], BUDGETS).map((p) => p.plan)).toEqual(['cloud']);
	});
});
