import { describe, expect, it } from 'vitest';
import { outputsFor } from '$lib/outputs';
import { fileOutputsFor, generatorsFor, loadGeneratorModules, type GeneratorName } from '$lib/outputs-files';
import { newPlan } from '$lib/plan/schema';
import { planWith } from '../servers/env';
import { dockerPlan } from '../servers/docker-env';
import { derivePlan } from '$lib/plan/derive';
import { generatesFiles, stepShowsFiles } from '$lib/output-types';
import { practiceById, practices } from '$lib/practices';
import type { Plan } from '$lib/plan/schema';

describe('outputs map', () => {
	it('has no server files for Deskpro Cloud', () => {
		expect(outputsFor(newPlan())).toEqual([]);
	});

	it('gives the nginx site for nginx and the Apache vhost for Apache', () => {
		const n = outputsFor(planWith({}, { webServer: 'nginx' }));
		expect(n.map((f) => f.id)).toContain('nginx');
		expect(n.map((f) => f.id)).not.toContain('apache');
		const a = outputsFor(planWith({}, { webServer: 'apache' }));
		expect(a.map((f) => f.id)).toContain('apache');
		expect(a.map((f) => f.id)).not.toContain('nginx');
		for (const f of [...n, ...a]) {
			expect(f.text.length).toBeGreaterThan(100);
			expect(f.filename).toMatch(/^[a-z0-9.-]+$/);
		}
	});

	it('produces nothing while the server environment is invalid', () => {
		expect(outputsFor(planWith({ installPath: 'relative/path' }))).toEqual([]);
		// The audit script needs no password (it reads config.php on the server), so it is still
		// made when only a never-saved secret is missing or invalid; nothing else is.
		expect(outputsFor(planWith({ dbPassword: 'too short' })).map((f) => f.id)).toEqual(['audit-script']);
	});

	it('ids are unique and files are in apply order', () => {
		const files = outputsFor(planWith({}));
		expect(new Set(files.map((f) => f.id)).size).toBe(files.length);
		expect(files.map((f) => f.applyOrder)).toEqual([...files.map((f) => f.applyOrder)].sort((x, y) => x - y));
	});

	// The browser loads the generators only when `generatesFiles` says so (wizard.useGenerators);
	// otherwise it shows no files. That is right only if such a plan really has none.
	it('a plan that does not generate files (Cloud) has none, however its self-hosted answers are filled', () => {
		const selfHosted: [string, Plan][] = [
			['download nginx', planWith({}, { webServer: 'nginx' })],
			['download apache', planWith({}, { webServer: 'apache' })],
			['download windows', planWith({}, { os: 'windows', webServer: 'iis' })],
			['docker', dockerPlan({})]
		];
		for (const [what, plan] of selfHosted) {
			expect(generatesFiles(derivePlan(plan)), what).toBe(true);
			expect(outputsFor(plan).length, what).toBeGreaterThan(0);
			for (const deployment of ['cloud', '', 'something-else']) {
				const other = structuredClone(plan);
				(other.answers.about as Record<string, unknown>).deployment = deployment;
				const d = derivePlan(other);
				expect(generatesFiles(d), `${what} → ${deployment}`).toBe(false);
				expect(outputsFor(other, d), `${what} → ${deployment}`).toEqual([]);
			}
		}
	});

	// Only the steps `stepShowsFiles` names (plus the audit page and the summary) load the
	// generators: a file shown on any other step would never appear there.
	it('every generated file belongs to a step that loads the generators', () => {
		const plans: [string, Plan][] = [
			['download nginx', planWith({}, { webServer: 'nginx' })],
			['download apache', planWith({}, { webServer: 'apache' })],
			['download windows', planWith({}, { os: 'windows', webServer: 'iis' })],
			['docker', dockerPlan({})],
			['docker behind a proxy', dockerPlan({ arrival: 'proxy' })]
		];
		const seen = new Set<string>();
		for (const [what, plan] of plans) {
			for (const f of outputsFor(plan)) {
				seen.add(f.practiceId);
				if (f.practiceId === 'audit') continue; // the audit page (AuditView) loads them
				const p = practiceById.get(f.practiceId);
				expect(p, `${what}: ${f.id} is shown on step ${f.practiceId}`).toBeDefined();
				expect(stepShowsFiles(p!), `${what}: ${f.id} on ${f.practiceId}`).toBe(true);
			}
		}
		expect(seen.has('audit') && seen.has('server-web-config') && seen.has('docker-compose')).toBe(true);
		// and the steps done in Deskpro's admin interface (Cloud included) never load them
		const admin = practices.filter((p) => !stepShowsFiles(p)).map((p) => p.id);
		expect(admin).toContain('password-policy');
		expect(admin).toContain('ip-whitelisting');
		expect(admin.some((id) => id.startsWith('server-') || id.startsWith('docker-'))).toBe(false);
	});
});

describe('the generator modules a plan fetches (by target)', () => {
	const targets: [string, Plan, GeneratorName[]][] = [
		['Download, Linux, nginx', planWith({}, { webServer: 'nginx' }), ['nginx', 'configPhp', 'mysql', 'permissions', 'moveData', 'cron', 'postChecks']],
		['Download, Linux, Apache', planWith({}, { webServer: 'apache' }), ['apache', 'configPhp', 'mysql', 'permissions', 'moveData', 'cron', 'postChecks']],
		['Download, Windows, IIS', planWith({}, { os: 'windows', webServer: 'iis' }), ['configPhp', 'mysql', 'iis']],
		['On-Premise Docker, Compose, direct', dockerPlan({ arrival: 'direct' }), ['dockerCompose', 'dockerDb']],
		['On-Premise Docker, Compose, nginx front proxy', dockerPlan({ arrival: 'proxy', frontProxy: 'nginx' }), ['dockerCompose', 'dockerDb', 'dockerProxy', 'dockerFirewall']]
	];
	const withoutAudit = (plan: Plan) => outputsFor(plan).filter((f) => f.id !== 'audit-script');

	for (const [name, plan, expected] of targets) {
		it(`${name}: only its own modules, and they make exactly the files outputsFor makes`, async () => {
			expect(generatorsFor(plan).sort()).toEqual([...expected].sort());
			const files = fileOutputsFor(await loadGeneratorModules(generatorsFor(plan)), plan);
			expect(files.length).toBeGreaterThan(0);
			expect(files).toEqual(withoutAudit(plan));
		});

		it(`${name}: each step's modules make that step's files, and only them`, async () => {
			const derived = derivePlan(plan);
			const steps = [...new Set(withoutAudit(plan).map((f) => f.practiceId))];
			expect(steps.length).toBeGreaterThan(1);
			for (const step of steps) {
				const names = generatorsFor(plan, derived, step);
				const files = fileOutputsFor(await loadGeneratorModules(names), plan, derived);
				const own = withoutAudit(plan).filter((f) => f.practiceId === step);
				// the step's files are all there; another step's only where it shares a module
				expect(files.filter((f) => f.practiceId === step), step).toEqual(own);
				for (const f of files.filter((x) => x.practiceId !== step)) {
					expect(names.some((n) => generatorsFor(plan, derived, f.practiceId).includes(n)), `${step}: ${f.id}`).toBe(true);
				}
			}
		});
	}

	it('a Cloud plan, or one with invalid inputs, needs no module; a file whose module is not loaded is left out', async () => {
		expect(generatorsFor(newPlan())).toEqual([]);
		expect(generatorsFor(planWith({ installPath: 'relative/path' }))).toEqual([]);
		const plan = planWith({}, { webServer: 'nginx' });
		expect(fileOutputsFor({}, plan)).toEqual([]);
		const { nginx } = await loadGeneratorModules(['nginx']);
		expect(fileOutputsFor({ nginx }, plan).map((f) => f.id)).toEqual(['nginx']);
	});
});
