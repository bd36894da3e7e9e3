/**
 * Builds the generators' input the way the wizard does: answers → plan → derivePlan (every
 * field validated, cross-field checks) → `ServerEnv`. Tests never hand-craft a ServerEnv, so a
 * value the validators would refuse can never reach a generator here either.
 */
import { newPlan } from '$lib/plan/schema';
import { derivePlan } from '$lib/plan/derive';
import { SERVER_ENV_STEP_ID, type ServerEnv } from '$lib/practices/_server-env';
import type { Plan } from '$lib/plan/schema';
import { effectiveVersion } from '$lib/plan/about';

export interface AboutAnswers {
	helpdeskName?: string;
	helpdeskUrl?: string;
	os?: 'linux' | 'windows';
	webServer?: 'nginx' | 'apache' | 'iis';
	deskproVersion?: 'cloud' | 'current' | 'legacy' | 'unsure';
}

export const TEST_PASSWORD = 'Test-Runtime_pw.0123456789:+=,abc';
export const TEST_UPGRADE_PASSWORD = 'Test-Upgrade_pw.9876543210:+=,xyz';

export function planWith(server: Record<string, unknown>, about: AboutAnswers = {}): Plan {
	const p = newPlan();
	Object.assign(p.answers.about as Record<string, unknown>, {
		helpdeskName: 'Test helpdesk',
		helpdeskUrl: 'https://support.example.test/',
		deployment: 'download',
		os: 'linux',
		webServer: 'nginx',
		...about
	});
	// the Deskpro the hosting implies (the About step refuses "Cloud" with a self-hosted hosting)
	const a = p.answers.about as Record<string, unknown>;
	if (about.deskproVersion === undefined) a.deskproVersion = effectiveVersion({ deployment: String(a.deployment) });
	Object.assign(p.answers[SERVER_ENV_STEP_ID] as Record<string, unknown>, {
		dbPassword: TEST_PASSWORD,
		dbUpgradePassword: TEST_UPGRADE_PASSWORD,
		...server
	});
	return p;
}

/** The checked environment, or the field errors. */
export function tryServerEnv(server: Record<string, unknown>, about: AboutAnswers = {}): { env: ServerEnv } | { errors: Record<string, string> } {
	const d = derivePlan(planWith(server, about));
	if (d.server) return { env: d.server };
	const step = d.practices.find((p) => p.practice.id === SERVER_ENV_STEP_ID)!;
	return { errors: { ...d.about.errors, ...step.checked.errors } };
}

export function serverEnv(server: Record<string, unknown>, about: AboutAnswers = {}): ServerEnv {
	const r = tryServerEnv(server, about);
	if ('errors' in r) throw new Error(`invalid test environment: ${JSON.stringify(r.errors)}`);
	return r.env;
}
