/**
 * Defects found by walking the wizard as four administrators (Cloud; Linux + nginx behind a
 * proxy; Windows + IIS; Docker On-Premise), each pinned here.
 */
import { describe, expect, it } from 'vitest';
import { newPlan, type Plan } from '$lib/plan/schema';
import { derivePlan } from '$lib/plan/derive';
import { standardsFor, whereFor, whyFor } from '$lib/practices/types';
import { buildReport } from '$lib/generators/report';
import { auditApplicability } from '$lib/step-applicability';
import { bundleEntries } from '$lib/generators/bundle';
import type { OutputFile } from '$lib/output-types';
import { outputsFor } from '$lib/outputs';
import { mysqlPasswordChange } from '$lib/generators/mysql';
import { planWith } from '../servers/env';

const ABOUT = {
	cloud: { deskproVersion: 'cloud', deployment: 'cloud', os: 'linux', webServer: 'nginx' },
	current: { deskproVersion: 'current', deployment: 'onprem-docker', os: 'linux', webServer: 'nginx' },
	legacy: { deskproVersion: 'legacy', deployment: 'download', os: 'linux', webServer: 'nginx' },
	unsure: { deskproVersion: 'unsure', deployment: 'download', os: 'linux', webServer: 'nginx' },
	linux: { deskproVersion: 'legacy', deployment: 'download', os: 'linux', webServer: 'nginx' },
	windows: { deskproVersion: 'legacy', deployment: 'download', os: 'windows', webServer: 'iis' }
} as const;
const plan = (about: Record<string, string>): Plan => {
	const p = newPlan();
	(p.answers as Record<string, unknown>).about = { helpdeskName: 'Acme', helpdeskUrl: 'https://support.example.com/', ...about };
	return p;
};
const step = (about: Record<string, string>, id: string) => {
	const d = derivePlan(plan(about));
	const s = d.practices.find((p) => p.practice.id === id)!;
	return { ...s, where: whereFor(s.practice, d.aboutValues), texts: s.items.map((i) => i.text) };
};

describe('Docker On-Premise: the audit applies', () => {
	it('the audit step applies to Deskpro Download on Linux and to Docker On-Premise, not to Cloud or Windows', () => {
		const a = (x: Record<string, string>) => auditApplicability(derivePlan(plan(x)).aboutValues);
		expect(a(ABOUT.linux).applies).toBe(true);
		expect(a(ABOUT.current).applies).toBe(true);
		expect(a(ABOUT.cloud).applies).toBe(false);
		expect(a(ABOUT.windows).applies).toBe(false);
		const cloud = a(ABOUT.cloud);
		expect(cloud.applies === false && cloud.reason).toMatch(/Docker/);
	});
});

describe('config bundle README: one apply order, secret files keep their place', () => {
	const f = (id: string, applyOrder: number, containsSecret = false): OutputFile => ({
		id,
		practiceId: 'x',
		filename: `${id}.txt`,
		language: 'bash',
		description: `the ${id} file`,
		applyOrder,
		text: id,
		containsSecret
	});
	const outputs = [f('perm', 40), f('sql', 10, true), f('move', 20), f('config', 30, true)];

	it('lists every file in apply order, the left-out ones marked where they belong', () => {
		const entries = bundleEntries(outputs, { helpdeskName: 'Acme', generatedAt: 'now', includeSecrets: false });
		expect(entries.map((e) => e.path)).toEqual(['README.txt', 'move.txt', 'perm.txt']);
		const readme = entries[0]!.text;
		const at = (s: string) => readme.indexOf(s);
		expect(at('1. sql.txt')).toBeGreaterThan(-1);
		expect(at('1. sql.txt')).toBeLessThan(at('2. move.txt'));
		expect(at('2. move.txt')).toBeLessThan(at('3. config.txt'));
		expect(at('3. config.txt')).toBeLessThan(at('4. perm.txt'));
		const line = (s: string) => readme.split('\r\n').find((l) => l.startsWith(s))!;
		expect(line('1. sql.txt')).toMatch(/not in this bundle/i);
		expect(line('2. move.txt')).not.toMatch(/not in this bundle/i);
	});

	it('with secrets included, nothing is marked left out', () => {
		const readme = bundleEntries(outputs, { helpdeskName: 'Acme', generatedAt: 'now', includeSecrets: true })[0]!.text;
		expect(readme).not.toMatch(/not in this bundle/i);
		expect(readme.indexOf('1. sql.txt')).toBeLessThan(readme.indexOf('4. perm.txt'));
	});
});

describe('Move data/: the checklist names the script that does it, for the OS', () => {
	it('never points at commands "below" (the script is shown above the checklist, and the PDF has none)', () => {
		for (const about of [ABOUT.linux, ABOUT.windows]) for (const t of step(about, 'server-data-dir').texts) expect(t).not.toMatch(/\bbelow\b/);
	});
	it('Linux: deskpro-move-data.sh', () => {
		expect(step(ABOUT.linux, 'server-data-dir').texts.join(' ')).toMatch(/deskpro-move-data\.sh/);
	});
	it('Windows: the PowerShell script of the permissions step, no cron', () => {
		const t = step(ABOUT.windows, 'server-data-dir').texts.join(' ');
		expect(t).toMatch(/deskpro-permissions\.ps1/);
		expect(t).not.toMatch(/\bcron\b(?!\.php)/);
	});
});

describe('Windows + IIS: no Linux-only wording in the server steps', () => {
	it('the database step does not say sudo; the permissions step names PowerShell only', () => {
		expect(step(ABOUT.windows, 'server-database').where).not.toMatch(/sudo/);
		expect(step(ABOUT.linux, 'server-database').where).toMatch(/sudo mariadb/);
		expect(step(ABOUT.windows, 'server-permissions').where).toMatch(/PowerShell/);
		expect(step(ABOUT.windows, 'server-permissions').where).not.toMatch(/Linux|shell \(/);
		expect(step(ABOUT.linux, 'server-permissions').where).not.toMatch(/PowerShell|Windows/);
	});
	it('the server environment does not ask to confirm a PHP-FPM address on IIS', () => {
		const s = step(ABOUT.windows, 'server-environment');
		expect(s.texts.join(' ')).not.toMatch(/PHP-FPM/);
		expect(step(ABOUT.linux, 'server-environment').texts.join(' ')).toMatch(/PHP-FPM/);
	});
	it('config.php ownership is said the Windows way (no owner account, no mode 0640)', () => {
		const t = step(ABOUT.windows, 'server-config-php').texts.join(' ');
		expect(t).not.toMatch(/0640|owner account/);
	});
});

describe('Cloud: the admin list and the API keys say where they are, without a table that is not there', () => {
	it('"where" names the menu of the admin’s version when no settings table lists it', () => {
		for (const id of ['admin-privileges', 'api-keys']) {
			const s = step(ABOUT.cloud, id);
			expect(s.settings, id).toHaveLength(0);
			expect(s.where, id).not.toMatch(/table below/);
		}
		expect(step(ABOUT.cloud, 'admin-privileges').where).toMatch(/Agents > Agent Profiles/);
		expect(step(ABOUT.legacy, 'admin-privileges').where).toMatch(/Admin > Agents/);
		expect(step(ABOUT.cloud, 'api-keys').where).toMatch(/Apps > API Keys/);
		expect(step(ABOUT.legacy, 'api-keys').where).toMatch(/Admin > Apps > API Keys/);
		expect(step(ABOUT.unsure, 'api-keys').where).toMatch(/Apps > API Keys[\s\S]*Admin > Apps > API Keys/);
	});
	it('the admin review item uses the menu of the admin’s version (Cloud has no Admin > Agents)', () => {
		expect(step(ABOUT.cloud, 'admin-privileges').texts[0]).toMatch(/Agents > Agent Profiles/);
		expect(step(ABOUT.cloud, 'admin-privileges').texts[0]).not.toMatch(/Admin > Agents/);
		expect(step(ABOUT.legacy, 'admin-privileges').texts[0]).toMatch(/Admin > Agents/);
	});
	it('no checklist item points at "the table above" (the PDF has none)', () => {
		for (const t of step(ABOUT.cloud, 'api-keys').texts) expect(t).not.toMatch(/table above/);
	});
});

describe('exports: no "Where in Deskpro" for a server step, no "above" that points at a form the record does not have', () => {
	it('Markdown of a self-hosted plan', async () => {
		const { buildReport } = await import('$lib/generators/report');
		const { reportMarkdown } = await import('$lib/generators/markdown');
		const md = reportMarkdown(buildReport(plan(ABOUT.linux)));
		expect(md).not.toMatch(/Where in Deskpro:\*\* (Your server|MariaDB|config\.php|A shell)/);
		expect(md).toMatch(/\*\*Where:\*\* Your server/);
		expect(md).not.toMatch(/enter the recipients above|enter them above/);
	});
});

describe('Windows: the database SQL says how to run it without sudo', () => {
	it('the header of deskpro-database.sql names the mysql client as an admin account on Windows, sudo mariadb on Linux', () => {
		const sql = (x: Record<string, string>) => outputsFor(planWith({}, x)).find((f) => f.id === 'mysql')!.text;
		const win = sql({ os: 'windows', webServer: 'iis' });
		expect(win).not.toMatch(/sudo/);
		expect(win).toMatch(/mysql -u root -p < deskpro-database\.sql/);
		expect(sql({ os: 'linux', webServer: 'nginx' })).toMatch(/sudo mariadb < deskpro-database\.sql/);
	});
	it('the password-change SQL too', () => {
		const env = derivePlan(planWith({}, { os: 'windows', webServer: 'iis' })).server!;
		expect(mysqlPasswordChange(env, { runtime: true, upgrade: false }, 'windows')).not.toMatch(/sudo/);
		expect(mysqlPasswordChange(env, { runtime: true, upgrade: false }, 'windows')).toMatch(/mysql -u root -p </);
		expect(mysqlPasswordChange(env, { runtime: true, upgrade: false }, 'linux')).toMatch(/sudo mariadb </);
	});
});

describe('server steps show the chosen OS and web server only', () => {
	const apache = { ...ABOUT.linux, webServer: 'apache' } as const;
	const view = (about: Record<string, string>, id: string) => {
		const d = derivePlan(plan(about));
		const s = d.practices.find((p) => p.practice.id === id)!;
		const report = buildReport(plan(about), new Date('2026-03-14T11:00:00Z')).practices.find((p) => p.id === id)!;
		return {
			why: whyFor(s.practice, d.aboutValues).join(' '),
			standards: standardsFor(s.practice, d.aboutValues).map((x) => x.standard),
			reportStandards: report.standards.map((x) => x.standard),
			notes: s.notes.map((n) => n.text).join(' ')
		};
	};

	it('Windows + IIS permissions: NTFS ACLs, no owner deskpro / 2770 / chmod, no CIS NGINX or Apache', () => {
		const v = view(ABOUT.windows, 'server-permissions');
		expect(v.why).not.toMatch(/2770|0660|chmod|owner deskpro/);
		expect(v.why).toMatch(/NTFS/);
		expect(v.why).toMatch(/application.pool identity/i);
		expect(v.why).toMatch(/Users/);
		expect(v.why).toMatch(/Everyone/);
		for (const s of [v.standards, v.reportStandards]) {
			expect(s).not.toContain('CIS NGINX');
			expect(s).not.toContain('CIS Apache 2.4');
			expect(s.length).toBeGreaterThan(0);
		}
		expect(v.notes).not.toMatch(/chmod|0777|2770/);
	});

	it('Linux permissions keep the shared-group text; the CIS benchmark of the chosen server only', () => {
		const n = view(ABOUT.linux, 'server-permissions');
		expect(n.why).toMatch(/2770/);
		expect(n.notes).toMatch(/0777/);
		expect(n.standards).toContain('CIS NGINX');
		expect(n.standards).not.toContain('CIS Apache 2.4');
		expect(n.reportStandards).not.toContain('CIS Apache 2.4');
		const a = view(apache, 'server-permissions');
		expect(a.standards).toContain('CIS Apache 2.4');
		expect(a.standards).not.toContain('CIS NGINX');
	});

	it('web-server step: nginx shows no Apache or IIS standards or notes; Apache no nginx; IIS neither', () => {
		const n = view(ABOUT.linux, 'server-web-config');
		expect(n.standards).toContain('CIS NGINX');
		expect(n.standards).not.toContain('CIS Apache 2.4');
		expect(n.reportStandards).not.toContain('CIS Apache 2.4');
		expect(n.notes).not.toMatch(/\bIIS\b|Apache/);
		const a = view(apache, 'server-web-config');
		expect(a.standards).toContain('CIS Apache 2.4');
		expect(a.standards).not.toContain('CIS NGINX');
		expect(a.notes).not.toMatch(/\bIIS\b/);
		expect(a.notes).toMatch(/Apache rules/);
		const i = view(ABOUT.windows, 'server-web-config');
		expect(i.standards).not.toContain('CIS NGINX');
		expect(i.standards).not.toContain('CIS Apache 2.4');
		expect(i.notes).toMatch(/Dot-files on IIS/);
		expect(i.notes).not.toMatch(/Apache/);
	});
});

describe('one-line summaries follow the OS (like where and why); the welcome catalogue, with no plan, is neutral', () => {
	const summaries = async (about: Record<string, string>) => {
		const { summaryFor } = await import('$lib/practices/types');
		const d = derivePlan(plan(about));
		const s = d.practices.find((p) => p.practice.id === 'server-permissions')!;
		const report = buildReport(plan(about), new Date('2026-03-14T11:00:00Z'));
		const { reportMarkdown } = await import('$lib/generators/markdown');
		const md = reportMarkdown(report);
		const at = md.search(/^## \d+\. File ownership and permissions$/m);
		expect(at).toBeGreaterThan(0);
		const section = md.slice(at, at + 400);
		return { step: summaryFor(s.practice, d.aboutValues), report: report.practices.find((p) => p.id === 'server-permissions')!.summary, markdown: section };
	};

	it('Windows + IIS: the permissions summary speaks of NTFS access, not 0777 (step page, report for the PDF, Markdown)', async () => {
		const w = await summaries(ABOUT.windows);
		for (const t of [w.step, w.report, w.markdown]) {
			expect(t).not.toMatch(/0777|chmod/);
			expect(t).toMatch(/NTFS|application.pool identity/i);
		}
		const envW = derivePlan(plan(ABOUT.windows)).practices.find((p) => p.practice.id === 'server-environment')!;
		const { summaryFor } = await import('$lib/practices/types');
		expect(summaryFor(envW.practice, derivePlan(plan(ABOUT.windows)).aboutValues)).not.toMatch(/PHP-FPM/);
	});

	it('Linux keeps "never 0777"; the catalogue (no plan) says neither 0777 nor NTFS', async () => {
		const l = await summaries(ABOUT.linux);
		for (const t of [l.step, l.report, l.markdown]) expect(t).toMatch(/never 0777/);
		const { practiceCatalogue } = await import('$lib/practices/_catalogue');
		const all = practiceCatalogue().flatMap((g) => g.items);
		const perm = all.find((i) => i.id === 'server-permissions')!;
		expect(perm.summary).not.toMatch(/0777|NTFS|chmod|PowerShell/);
		expect(perm.summary).toMatch(/data\//);
		for (const i of all) expect(typeof i.summary, i.id).toBe('string');
	});
});

describe('the steps that do not apply: one list for the About step and the step list', () => {
	const cases = {
		cloud: ABOUT.cloud,
		'download linux nginx': ABOUT.linux,
		'windows iis': ABOUT.windows,
		docker: ABOUT.current
	};
	it.each(Object.entries(cases))('%s: practices that do not apply, plus the audit where it does not', async (_name, about) => {
		const { notApplicableSteps } = await import('$lib/step-applicability');
		const d = derivePlan(plan(about));
		const na = notApplicableSteps(d);
		const practicesNa = d.practices.filter((p) => !p.applicability.applies).map((p) => p.practice.id);
		const auditNa = !auditApplicability(d.aboutValues).applies;
		expect(na.map((s) => s.id)).toEqual([...practicesNa, ...(auditNa ? ['audit'] : [])]);
		for (const s of na) expect(s.reason.length, s.id).toBeGreaterThan(10);
	});
});

describe('Compose v2: every instruction says docker compose (v1 docker-compose is end of life)', () => {
	const V1 = /docker-compose (config|up|exec|pull|run|down|restart|logs|ps|stop)\b/;
	it('generated files, checklist items, notes and audit fixes of a Docker plan say docker compose', async () => {
		const { dockerPlan } = await import('../servers/docker-env');
		const p = dockerPlan({});
		const d = derivePlan(p);
		const files = outputsFor(p);
		expect(files.map((f) => f.id)).toEqual(expect.arrayContaining(['docker-compose', 'docker-database']));
		const texts = [
			...files.map((f) => f.text),
			...d.practices.flatMap((x) => x.items.map((i) => `${i.text} ${i.detail ?? ''}`)),
			...d.practices.flatMap((x) => x.notes.map((n) => n.text)),
			...d.audit.checks.map((c) => JSON.stringify(c))
		].join('\n');
		expect(texts).not.toMatch(V1);
		expect(texts).toMatch(/docker compose config -q/);
		expect(texts).toMatch(/docker compose up -d/);
		// the database script applies the SQL through Compose v2 (and says what it falls back to)
		const db = files.find((f) => f.id === 'docker-database')!.text;
		expect(db).toMatch(/docker compose -f .* exec -T mysql|"\$\{compose\[@\]\}" -f .* exec -T mysql/);
	});
});

describe('Windows database host: the default is the 127.0.0.1 the help text advises', () => {
	it('a new Windows plan connects to 127.0.0.1 with a 127.0.0.1 account; Linux keeps localhost (the socket)', async () => {
		const { tryServerEnv } = await import('../servers/env');
		const w = tryServerEnv({}, { os: 'windows', webServer: 'iis' });
		expect('env' in w && { host: w.env.dbHost, client: w.env.dbClientHost }).toEqual({ host: '127.0.0.1', client: '127.0.0.1' });
		const l = tryServerEnv({});
		expect('env' in l && { host: l.env.dbHost, client: l.env.dbClientHost }).toEqual({ host: 'localhost', client: 'localhost' });
		// what the Windows admin is shown agrees with the value: no "localhost connects over the local socket"
		// the fields as the step shows them: with their help, from the step's detail
		const { practiceById } = await import('$lib/practices');
		const { evaluateApplicability } = await import('$lib/practices/applicability');
		const about = { helpdeskName: 'A', helpdeskUrl: '', deployment: 'download', os: 'windows', webServer: 'iis' };
		const shown = Object.values(practiceById.get('server-environment')!.fields).filter((f) => evaluateApplicability(f.appliesTo, about).applies);
		const host = shown.find((f) => f.label === 'Database host')!;
		expect(host.default).toBe('127.0.0.1');
		expect(host.help).not.toMatch(/localhost connects over the local socket/);
		expect(host.help).toMatch(/127\.0\.0\.1/);
		expect(shown.find((f) => f.label === 'Application host as the database sees it')!.default).toBe('127.0.0.1');
	});

	it('a Windows plan saved with localhost (the old default) or its own host keeps it, and stays valid', async () => {
		const { readPlanText } = await import('$lib/plan/io');
		for (const [host, client] of [['localhost', 'localhost'], ['db.corp.example', '10.0.0.5']]) {
			const p = planWith({ dbHost: host, dbClientHost: client }, { os: 'windows', webServer: 'iis' });
			// a plan file written before the Windows fields existed
			const json = JSON.parse(JSON.stringify(p));
			for (const k of Object.keys(json.answers['server-environment'])) if (k.startsWith('winDb')) delete json.answers['server-environment'][k];
			const r = readPlanText(JSON.stringify(json));
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			(r.plan.answers['server-environment'] as Record<string, unknown>).dbPassword = (p.answers['server-environment'] as Record<string, unknown>).dbPassword;
			(r.plan.answers['server-environment'] as Record<string, unknown>).dbUpgradePassword = (p.answers['server-environment'] as Record<string, unknown>).dbUpgradePassword;
			const d = derivePlan(r.plan);
			expect(d.server && { host: d.server.dbHost, client: d.server.dbClientHost }).toEqual({ host, client });
		}
	});
});
