/**
 * The sourced facts of src/lib/deskpro/settings.ts are the one place Deskpro's menus, labels,
 * stored keys and defaults live: every fact names a source or an explicit Unknown, every settings
 * row of every practice, for each version the About step offers, matches its fact, and no practice
 * module spells a settings key itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { practices } from '$lib/practices';
import { checkFields, defaults, type Fields, type Row } from '$lib/plan/fields';
import { evaluateApplicability } from '$lib/practices/applicability';
import { FACTS, VERSION_ANSWERS, isUnknown, knownText, resolveFact, versionsFor, type FactId, type DeskproVersion, type SettingFact, type Source } from '$lib/deskpro/settings';
import type { AboutValues, PracticeContext } from '$lib/practices/types';

const validSource = (s: Source): boolean =>
	('url' in s && /^https:\/\/support\.deskpro\.com\/\S+$/.test(s.url)) ||
	('repo' in s && /^[\w.-]+\/[\w.-]+$/.test(s.repo) && /^[\w./-]+\.\w+$/.test(s.path)) ||
	(isUnknown(s) && s.unknown.trim().length > 10);

describe('every fact has a source or an explicit Unknown', () => {
	const all = Object.entries(FACTS) as [FactId, (typeof FACTS)[FactId]][];
	it.each(all)('%s', (id, f) => {
		expect(f.source.length, `${id} has no source`).toBeGreaterThan(0);
		for (const s of f.source) expect(validSource(s), `${id}: bad source ${JSON.stringify(s)}`).toBe(true);
		expect(f.versions.length).toBeGreaterThan(0);
		for (const v of f.versions) {
			const r = resolveFact(id, v)!;
			for (const s of r.source) expect(validSource(s), `${id}@${v}: bad source ${JSON.stringify(s)}`).toBe(true);
			for (const val of [r.menu, r.key, r.default]) if (val !== null && isUnknown(val)) expect(val.unknown.trim().length, `${id}@${v}: empty Unknown`).toBeGreaterThan(10);
			expect(r.label.trim()).not.toBe('');
		}
	});
	it('the check itself refuses a fact without a source', () => {
		expect(validSource({ unknown: '' })).toBe(false);
		expect(validSource({ url: 'https://example.com/guide' })).toBe(false);
		expect(validSource({ repo: 'nathanfdev/deskpro', path: 'somewhere' })).toBe(false);
	});
});

const about = (deployment: string, deskproVersion: string): AboutValues => ({
	helpdeskName: 'Acme',
	helpdeskUrl: 'https://support.example.com/',
	deployment,
	deskproVersion,
	os: 'linux',
	webServer: 'nginx'
});
/** The hosting each version answer goes with (what the About step keeps consistent). */
const hostingOf: Record<string, string[]> = { cloud: ['cloud'], current: ['onprem-docker'], legacy: ['download'], unsure: ['cloud', 'download', 'onprem-docker'] };

/** Defaults plus one row in every table and one entry in every list, so per-row output is listed too. */
function filled(fields: Fields): Record<string, unknown> {
	const out: Record<string, unknown> = defaults(fields);
	for (const [k, f] of Object.entries(fields)) {
		if (f.kind === 'table') {
			const row: Row = { id: 'r1' };
			for (const [ck, cf] of Object.entries(f.columns)) row[ck] = cf.kind === 'text' ? 'Sample' : cf.default;
			out[k] = [row];
		}
		if (f.kind === 'list' && !(out[k] as string[]).length && f.placeholder) out[k] = [f.placeholder.split('\n')[0]!];
	}
	return out;
}

describe('every settings row of every practice matches its fact, for each version', () => {
	const cases = VERSION_ANSWERS.flatMap((v) => hostingOf[v]!.map((d) => [v, d] as const));
	it.each(cases)('version %s, hosting %s', (version, deployment) => {
		const ctx: PracticeContext = { about: about(deployment, version), server: null };
		let n = 0;
		for (const p of practices) {
			if (!evaluateApplicability(p.appliesTo, ctx.about).applies) continue;
			const c = checkFields(p.fields, filled(p.fields));
			expect(c.errors, p.id).toEqual({});
			const rows = p.settings(c.values!, ctx);
			for (const r of rows) {
				n++;
				expect(r.fact, `${p.id}: "${r.setting}" has no fact`).toBeDefined();
				expect(versionsFor(version)).toContain(r.version);
				const f = resolveFact(r.fact as FactId, r.version as DeskproVersion);
				expect(f, `${r.fact} in ${r.version}`).not.toBeNull();
				expect(r.key ?? null).toBe(f!.key === null || isUnknown(f!.key) ? null : f!.key);
				expect(r.deskproDefault ?? null).toBe(f!.default === null ? null : knownText(f!.default));
				expect(r.menu.endsWith(knownText(f!.menu))).toBe(true);
				expect(r.setting).toBe(f!.label);
				if (versionsFor(version).length === 1) expect(r.menu).toBe(knownText(f!.menu));
			}
		}
		expect(n).toBeGreaterThan(30);
	});
	it('Cloud and the current On-Premise show only the current admin’s menus; the older download only its own', () => {
		const menus = (version: string, deployment: string) => {
			const ctx: PracticeContext = { about: about(deployment, version), server: null };
			return practices.flatMap((p) => (evaluateApplicability(p.appliesTo, ctx.about).applies ? p.settings(checkFields(p.fields, filled(p.fields)).values!, ctx) : [])).map((r) => r.menu);
		};
		for (const m of [...menus('cloud', 'cloud'), ...menus('current', 'onprem-docker')]) expect(m).not.toMatch(/^Admin > /);
		expect(menus('legacy', 'download')).toContain('Admin > Setup > Rate Limiting');
		const unsure = menus('unsure', 'cloud');
		expect(unsure.some((m) => m.startsWith('Current admin'))).toBe(true);
		expect(unsure.some((m) => m.startsWith('Older download'))).toBe(true);
	});
});

describe('no literal settings keys in practice modules', () => {
	const dir = join(process.cwd(), 'src/lib/practices');
	const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
	const factKeys = (Object.values(FACTS) as SettingFact[]).flatMap((f) => [f.key, ...Object.values(f.at ?? {}).map((o) => o?.key)].filter((k): k is string => typeof k === 'string'));
	/** Deskpro's stored-setting families (as in core.php / agent.php). */
	const keyLike = /\b(?:agent|core|core_tickets|rate_limit|user|rdns|agent_notify_list|api_limits)(?:\.[a-z0-9_]+)+\b|\bagent_notify_list_[a-z_]+\b|\brdns_[a-z_]+\b/g;
	it.each(files)('%s', (file) => {
		const code = readFileSync(join(dir, file), 'utf8')
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.replace(/(^|[^:])\/\/.*$/gm, '$1');
		for (const k of factKeys) expect(code.includes(k), `${file} spells ${k}`).toBe(false);
		const found = [...code.matchAll(keyLike)].map((m) => m[0]).filter((k) => !/^(?:user|agent)\.[a-z]+$/.test(k) || factKeys.includes(k));
		expect(found, `${file} spells settings keys`).toEqual([]);
	});
});

describe('each fact is written once, and a step page loads only the facts it needs', () => {
	const settingsDir = join(process.cwd(), 'src/lib/deskpro/settings');
	const practicesDir = join(process.cwd(), 'src/lib/practices');
	it('no two fact modules give the same id (FACTS would keep only one of them)', async () => {
		const core = await import('$lib/deskpro/settings-core');
		const tables: Record<string, unknown>[] = [core.CHECKLIST_FACTS];
		for (const f of readdirSync(settingsDir).filter((n) => n.endsWith('.ts'))) {
			const mod = (await import(/* @vite-ignore */ join(settingsDir, f))) as Record<string, Record<string, unknown>>;
			const exported = Object.values(mod);
			expect(exported.length, `${f} exports one table`).toBe(1);
			tables.push(exported[0]!);
		}
		const ids = tables.flatMap((t) => Object.keys(t));
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.sort()).toEqual(Object.keys(FACTS).sort());
	});
	it('the modules every step page loads (a practice without its detail, the About step) never import the facts of $lib/deskpro/settings or factRows', () => {
		const always = [
			...readdirSync(practicesDir)
				.filter((f) => f.endsWith('.ts') && !f.endsWith('.detail.ts') && f !== '_facts.ts')
				.map((f) => join(practicesDir, f)),
			join(process.cwd(), 'src/lib/plan/about.ts')
		];
		for (const file of always) {
			const code = readFileSync(file, 'utf8');
			expect(code, file).not.toMatch(/from '\$lib\/deskpro\/settings(?:\/[\w-]+)?'|from '\.\/_facts'/);
		}
	});
	it('a step detail imports its own step’s facts only', () => {
		for (const f of readdirSync(practicesDir).filter((n) => n.endsWith('.detail.ts'))) {
			const code = readFileSync(join(practicesDir, f), 'utf8');
			expect(code, f).not.toMatch(/from '\$lib\/deskpro\/settings'/);
			expect([...code.matchAll(/from '\$lib\/deskpro\/settings\/([\w-]+)'/g)].length, f).toBeLessThanOrEqual(1);
		}
	});
});
