/**
 * The content of the completed checklist, shared by the PDF, the Markdown export and the
 * printed summary: one pure function from the plan to plain data. It is always built from a
 * copy of the plan with every secret field set back to its default, so no export built from it
 * can ever contain a secret, whatever the admin opted into for the JSON file.
 */
import type { Plan } from '$lib/plan/schema';
import { withoutSecrets } from '$lib/plan/io';
import { countProgress, derivePlan, deriveServerEnv, type DerivedPlan, type Progress, type ShownState } from '$lib/plan/derive';
import { RUNTIME_PRIVILEGES, UPGRADE_PRIVILEGES } from './mysql';
import { dbAccountHost } from './docker-db-host';
import type { ReportDigests } from './report-digests';
import { checkFields, type Values } from '$lib/plan/fields';
import { checkSignoff, signoffFields } from '$lib/plan/signoff';
import { deploymentLabels, osLabels, webServerLabels } from '$lib/practices/applicability';
import { standardsFor, summaryFor, whereFor, type Deployment, type OperatingSystem, type SettingRow, type StandardRef, type WebServer } from '$lib/practices/types';
import type { OutputFile } from '$lib/output-types';
import { auditSummaryText, itemAuditText } from '$lib/audit/format';
import { isoDate, localDateTime } from './dates';
export { isoDate, localDateTime } from './dates';

export const STATE_LABELS: Record<ShownState, string> = { done: 'Done', skipped: 'Skipped', na: 'Not applicable', open: 'Open', changed: 'Changed since ticked' };
/** Said of an item in the `changed` state, wherever it is listed. */
export const CHANGED_NOTE = 'Changed since it was ticked: the answers it was generated from are different now; not confirmed again.';

export interface ReportItem {
	id: string;
	text: string;
	detail?: string;
	state: ShownState;
	/** Why it was skipped or does not apply ('' when none). */
	reason: string;
	note: string;
	/** What the imported server audit says of this item ('' when no audit check covers it). */
	audit: string;
}

export interface ReportPractice {
	id: string;
	/** 1-based section number. */
	number: number;
	title: string;
	summary: string;
	where: string;
	applies: boolean;
	/** Why the whole practice does not apply ('' when it does). */
	naReason: string;
	/** The step has invalid answers, so no settings are listed. */
	invalid: boolean;
	items: ReportItem[];
	settings: SettingRow[];
	standards: StandardRef[];
	progress: Progress;
}

export interface ReportFile {
	filename: string;
	installAs?: string;
	description: string;
	/** Holds a secret (a database password): the bundle leaves it out unless secrets are included. */
	containsSecret: boolean;
	/** SHA-256 (hex) of the file's exact text ('' when not computed). */
	sha256: string;
}

/** One decision the server files were generated from, in words. */
export interface ReportDecision {
	label: string;
	value: string;
}

/** Where the files are, said truthfully (the bundle leaves secret files out by default). */
export const FILES_WHERE =
	'Listed in the order to apply them. The configuration bundle (.zip) holds every file except those marked as holding a password, which it leaves out unless “Include secrets” was ticked when it was downloaded: copy those from their step in the wizard.';
/** Said of each file that holds a secret. */
export const SECRET_FILE_WHERE = 'Holds a database password: left out of the configuration bundle (.zip) unless secrets were included; copy it from its step.';

export interface Report {
	title: string;
	helpdeskName: string;
	helpdeskUrl: string;
	/** e.g. "Deskpro Download (legacy self-hosted) · Linux · nginx". */
	deployment: string;
	/** ISO date (YYYY-MM-DD) and local date-time of generation. */
	date: string;
	generatedAt: string;
	planId: string;
	planUpdatedAt: string;
	signoff: Values<typeof signoffFields>;
	progress: Progress;
	practices: ReportPractice[];
	/** Names of the generated configuration files (never their contents). */
	files: ReportFile[];
	/** The imported server audit, in one line ('' when none was imported). */
	audit: string;
	/** SHA-256 of the plan file without secrets ('' when not computed). */
	fingerprint: string;
	/** The server decisions (proxies, trust_proxy_data, database grants, allow-lists); empty without a server plan. */
	decisions: ReportDecision[];
}

const list = (xs: readonly string[]) => xs.join(', ');

/** Every server decision of the plan, in words (from the secret-free plan: no passwords). */
export function serverDecisions(safe: Plan, d: DerivedPlan): ReportDecision[] {
	const a = d.aboutValues;
	const env = a.deployment === 'download' ? (d.server ?? deriveServerEnv(safe, a, { ignoreSecrets: true })) : null;
	if (env) {
		const win = a.os === 'windows';
		const acct = (u: string) => `'${u}'@'${env.dbClientHost}'`;
		return [
			{ label: 'Server names', value: list(env.names) || '—' },
			{ label: 'Install path (web root)', value: win ? env.winInstallPath : env.installPath },
			{ label: 'Data directory', value: win ? env.winDataPath : env.dataPath },
			...(win
				? [{ label: 'Accounts', value: `application pool ${env.winWebAccount}; scheduled task ${env.winCronAccount}` }]
				: [{ label: 'Accounts', value: `files owned by ${env.ownerUser}; web server ${env.webUser}:${env.webGroup}; cron as ${env.cronUser}` }]),
			{
				label: 'Reverse proxies (trust_proxy_data)',
				value: env.proxies.length ? `array(${list(env.proxies)}): client-IP headers believed only from these` : 'false: no reverse proxy, client-IP headers never believed'
			},
			{ label: 'Allowed to reach /admin/ and /agent/', value: list(env.allowed) },
			{ label: 'Database', value: `${env.dbName} on ${env.dbHost}:${env.dbPort}` },
			{ label: 'Runtime database account', value: `${acct(env.dbUser)}: ${list(RUNTIME_PRIVILEGES)} on \`${env.dbName}\`.* only` },
			{
				label: 'Upgrade database account',
				value: env.upgradeAccount ? `${acct(env.dbUpgradeUser)}: ${list(UPGRADE_PRIVILEGES)} on \`${env.dbName}\`.* only; in config.php only while upgrading` : 'none'
			}
		];
	}
	const dk = d.docker;
	if (dk) {
		return [
			{ label: 'Image', value: dk.image },
			{ label: 'Traffic arrives', value: dk.arrival },
			{ label: 'Published ports', value: list(dk.published.map((p) => `${p.hostIp}:${p.hostPort} → ${p.container}`)) || 'none' },
			{ label: 'Trusted client-IP header', value: dk.realIpHeader ? `${dk.realIpHeader}, from ${list(dk.proxies)} only` : 'none: client-IP headers never believed' },
			{ label: 'Allowed to reach the staff interfaces', value: list(dk.allowed) },
			{ label: 'Runtime database account (web container)', value: `'${dk.dbUser}'@'${dbAccountHost(dk)}': ${list(RUNTIME_PRIVILEGES)} on \`${dk.dbName}\`.* only` },
			{ label: 'Migration database account (tasks container)', value: `'${dk.dbUpgradeUser}'@'${dbAccountHost(dk)}': ${list(UPGRADE_PRIVILEGES)} on \`${dk.dbName}\`.* only` }
		];
	}
	return [];
}

/**
 * `files` are the plan's generated files (`outputsFor(plan)`, or `wizard.generatedFiles()` in the
 * browser, which loads the generators only for a self-hosted plan; none for Cloud): only their
 * names and purposes (and, with `digests`, their SHA-256) are listed, never their contents.
 */
export function buildReport(plan: Plan, now: Date = new Date(), digests?: ReportDigests, files: readonly OutputFile[] = []): Report {
	const safe = withoutSecrets(plan);
	const d = derivePlan(safe);
	// a step that applies but has not loaded has unknown items: no report may say the plan is complete
	if (d.progress.pending) throw new Error('The self-hosted steps of this plan have not loaded: no report can be made yet.');
	// nor without what each step that applies says (its settings, standards, where)
	if (d.detailsPending.length) throw new Error(`The text of ${d.detailsPending.join(', ')} has not loaded: no report can be made yet.`);
	const a = d.aboutValues;
	const dep = deploymentLabels[a.deployment as Deployment] ?? a.deployment;
	const deployment =
		a.deployment === 'download'
			? `${dep} · ${osLabels[a.os as OperatingSystem] ?? a.os} · ${webServerLabels[a.webServer as WebServer] ?? a.webServer}`
			: dep;
	const signoff = checkSignoff(safe).values;
	// A step that does not apply is its title, summary and reason only (issue 16): nothing of its
	// module, which a Cloud plan does not load (see `$lib/practices`), so the report is the same either way.
	const practices: ReportPractice[] = d.practices.map((p, i) => ({
		id: p.practice.id,
		number: i + 1,
		title: p.practice.title,
		summary: summaryFor(p.practice, a),
		where: p.applicability.applies ? whereFor(p.practice, a) : '',
		applies: p.applicability.applies,
		naReason: p.applicability.applies ? '' : p.applicability.reason,
		invalid: p.status === 'invalid',
		items: (p.applicability.applies ? p.items : []).map((it) => ({
			id: it.id,
			text: it.text,
			detail: it.detail,
			state: it.state,
			reason: it.state === 'skipped' || it.state === 'na' ? it.reason : '',
			note: it.note,
			audit: it.audit && !it.locked ? itemAuditText(it.audit) : ''
		})),
		settings: p.applicability.applies ? p.settings : [],
		standards: p.applicability.applies ? standardsFor(p.practice, a) : [],
		progress: countProgress(p.applicability.applies ? p.items : [])
	}));
	return {
		title: 'Deskpro security hardening checklist',
		helpdeskName: a.helpdeskName.trim(),
		helpdeskUrl: a.helpdeskUrl.trim(),
		deployment,
		date: isoDate(now),
		generatedAt: localDateTime(now),
		planId: safe.planId,
		planUpdatedAt: safe.updatedAt,
		signoff,
		progress: d.progress,
		practices,
		// Names and purposes only, never contents: from the real plan, so files that hold a
		// generated password (and so need it to be generated at all) are listed too.
		files: [...files]
			.sort((x, y) => x.applyOrder - y.applyOrder)
			.map((f) => ({
				filename: f.filename,
				installAs: f.installAs,
				description: f.description,
				containsSecret: !!f.containsSecret,
				sha256: digests?.files[f.filename] ?? ''
			})),
		audit: auditSummaryText(d.audit),
		fingerprint: digests?.fingerprint ?? '',
		decisions: serverDecisions(safe, d)
	};
}

/** "Name, role" (either may be blank). */
export function person(name: string, role: string): string {
	return [name.trim(), role.trim()].filter(Boolean).join(', ');
}
