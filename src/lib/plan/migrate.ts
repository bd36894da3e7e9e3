/**
 * Brings saved or imported plans of older versions forward to PLAN_VERSION.
 * Each step takes version N to N+1; `migrate` runs them in order.
 *
 * Version 1 was the first prototype's shape (`helpdesk` + `practices` answers and a flat
 * list of ticked item ids). Version 2 keeps answers per step (with `about` as a step) and
 * a state, reason and note per checklist item. Version 3 binds each done/skipped tick to a digest
 * of what it attested; the shape only gains an optional `digest`, which `readPlanJson` fills in
 * for migrated ticks from their current content (a tick made before version 3 attested exactly
 * what the plan says today). Version 4 asks which Deskpro the admin runs (`about.deskproVersion`,
 * whose menus and keys the steps show); a version-3 plan gets the answer its hosting implies
 * (Cloud, the Docker On-Premise = current version, the download = the older download).
 */
import { PLAN_KIND, PLAN_VERSION } from './schema';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const steps: Record<number, (old: Json) => Json> = {
	1: (v1) => {
		const helpdesk = isObj(v1.helpdesk) ? v1.helpdesk : {};
		const practices = isObj(v1.practices) ? v1.practices : {};
		const done = Array.isArray(v1.done) ? v1.done.filter((x): x is string => typeof x === 'string') : [];
		const checklist: Json = {};
		for (const id of done) checklist[id] = { state: 'done', reason: '', note: '' };
		return {
			kind: PLAN_KIND,
			version: 2,
			planId: v1.planId,
			createdAt: v1.createdAt,
			updatedAt: v1.updatedAt ?? v1.createdAt,
			answers: {
				about: {
					helpdeskName: helpdesk.name,
					helpdeskUrl: helpdesk.url,
					deployment: helpdesk.deployment,
					os: helpdesk.os,
					webServer: helpdesk.webServer
				},
				...practices
			},
			checklist
		};
	},
	2: (v2) => ({ ...v2, version: 3 }),
	3: (v3) => {
		const answers = isObj(v3.answers) ? v3.answers : {};
		const about = isObj(answers.about) ? answers.about : {};
		const implied = VERSION_OF_DEPLOYMENT[String(about.deployment ?? 'cloud')] ?? 'unsure';
		const out: Json = { ...answers, about: about.deskproVersion !== undefined ? about : { ...about, deskproVersion: implied } };
		// Version 3's one 2FA "method" became Deskpro's two separate switches.
		const tfa = isObj(answers['agent-2fa']) ? answers['agent-2fa'] : null;
		if (tfa && (tfa.method === 'email' || tfa.method === 'totp') && tfa.totp === undefined && tfa.email === undefined) {
			out['agent-2fa'] = { ...tfa, totp: tfa.method === 'totp', email: tfa.method === 'email' };
		}
		return { ...v3, version: 4, answers: out };
	}
};

/**
 * Windows got its own database-host pair (`winDbHost`, `winDbClientHost`, default 127.0.0.1) in
 * version 4, without a new version: the shape only gains two fields. A Windows plan saved before
 * keeps what it had in `dbHost` / `dbClientHost` (localhost, the old default, stays valid), instead
 * of the new default replacing it.
 */
function windowsDbHosts(v: Json): Json {
	const answers = isObj(v.answers) ? v.answers : null;
	const about = answers && isObj(answers.about) ? answers.about : null;
	const env = answers && isObj(answers['server-environment']) ? answers['server-environment'] : null;
	if (!answers || !about || !env || about.os !== 'windows' || 'winDbHost' in env || 'winDbClientHost' in env) return v;
	const moved: Json = { ...env };
	if (env.dbHost !== undefined) moved.winDbHost = env.dbHost;
	if (env.dbClientHost !== undefined) moved.winDbClientHost = env.dbClientHost;
	return { ...v, answers: { ...answers, 'server-environment': moved } };
}

/** The Deskpro version a version-3 plan's hosting implies. */
const VERSION_OF_DEPLOYMENT: Record<string, string> = { cloud: 'cloud', 'onprem-docker': 'current', download: 'legacy' };

export type MigrateResult = { ok: true; value: Json; from: number } | { ok: false; message: string };

export function migrate(input: unknown): MigrateResult {
	if (!isObj(input)) return { ok: false, message: 'The data is not a plan: expected a JSON object.' };
	if (input.kind !== undefined && input.kind !== PLAN_KIND) {
		return { ok: false, message: `This is not a Deskpro hardening plan (kind "${String(input.kind).slice(0, 60)}").` };
	}
	const from = input.version;
	if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
		return { ok: false, message: 'The plan has no valid version number.' };
	}
	if (from > PLAN_VERSION) {
		return {
			ok: false,
			message: `The plan was saved by a newer version of the wizard (plan version ${from}; this wizard reads up to ${PLAN_VERSION}).`
		};
	}
	let v: Json = input;
	for (let n = from; n < PLAN_VERSION; n++) {
		const step = steps[n];
		if (!step) return { ok: false, message: `No migration from plan version ${n}.` };
		v = step(v);
	}
	return { ok: true, value: windowsDbHosts(v), from };
}
