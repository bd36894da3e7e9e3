/**
 * What every step page needs of the Deskpro admin-interface facts (`./settings.ts` holds them
 * all, with the rest loaded with the steps' details): the versions, the way a fact is resolved
 * for one version, and the few facts a checklist item names in its text. A tick attests its
 * item's text (`$lib/plan/attest`), and the progress, the plan schema and every digest run on
 * every page, so these facts cannot wait for a step's detail; every other fact lives in
 * `settings.ts`, which only the steps' details (settings rows, notes, help) import.
 *
 * A fact is still written down once: `FACTS` in `settings.ts` is `CHECKLIST_FACTS` below and the
 * others. Add a fact to `CHECKLIST_FACTS` only when a practice module (not its `.detail.ts`) names
 * it (`keyOf`, `defaultOf`, `menusText`, `hasFact`): the type of those functions here refuses any
 * other id, so a checklist can never read a fact that is not loaded.
 *
 * Sources (read for facts, never copied): see `settings.ts`.
 */

/** The Deskpro an admin runs, in words an admin recognises (asked on the About step). */
export const DESKPRO_VERSIONS = ['cloud', 'current', 'legacy'] as const;
export type DeskproVersion = (typeof DESKPRO_VERSIONS)[number];
export const VERSION_ANSWERS = ['cloud', 'current', 'legacy', 'unsure'] as const;
export type VersionAnswer = (typeof VERSION_ANSWERS)[number];

export const versionLabels: Record<VersionAnswer, string> = {
	cloud: 'Cloud',
	current: 'On-Premise, current version',
	legacy: 'Older download (config.php in the web root)',
	unsure: 'Not sure'
};
/** Short names used in front of a menu path when "not sure" shows both admin interfaces. */
export const interfaceLabels = {
	current: 'Current admin (Cloud and On-Premise)',
	legacy: 'Older download’s admin'
} as const;

export type Unknown = { unknown: string };
export type Known<T> = T | Unknown;
export const isUnknown = (v: unknown): v is Unknown => typeof v === 'object' && v !== null && 'unknown' in v;

export type Source = { repo: string; path: string; line?: string } | { url: string } | Unknown;

export interface SettingFact {
	/** Where it is in the admin interface of Cloud and the current On-Premise. */
	menu: Known<string>;
	/** The label the admin sees. */
	label: string;
	/** The stored setting key; null for something that is not a stored setting (an app, a report). */
	key: Known<string> | null;
	/** Deskpro's default, in words ("5", "900 s", "off"); null when there is no default to state. */
	default: Known<string> | null;
	/** The versions that have it. */
	versions: readonly DeskproVersion[];
	/** Where each fact above comes from (at least one). */
	source: readonly Source[];
	/** What differs in one version. */
	at?: Partial<Record<DeskproVersion, Partial<Pick<SettingFact, 'menu' | 'label' | 'key' | 'default' | 'source'>>>>;
}

/** Where a source is, for the facts here and in `settings.ts`. */
export const NF = 'nathanfdev/deskpro';
export const LN = 'layn321/deskpro';
/** Default settings of the download (current schema: rate limits, password policy, IP whitelisting...). */
export const CORE: Source = { repo: NF, path: 'app/src/Application/DeskPRO/Resources/settings/core.php' };
export const L_CORE: Source = { repo: LN, path: 'app/src/Application/DeskPRO/Resources/settings/core.php' };
export const L_AGENT: Source = { repo: LN, path: 'app/src/Application/AgentBundle/Resources/settings/agent.php' };
/** Which settings the older admin interface lists on its advanced-settings page. */
export const L_ADVANCED: Source = { repo: LN, path: 'app/src/Application/DeskPRO/ResourceScanner/AdvancedSettings.php' };
/** Host names are looked up only when rdns_ticket_messages is on and rdns_server is set. */
export const RDNS_SERVICE: Source = { repo: NF, path: 'app/src/Application/DeskPRO/DependencyInjection/SystemServices/TicketMessageHostnameLookupService.php' };
export const G = (path: string): Source => ({ url: `https://support.deskpro.com/${path}` });
export const G_PASSWORDS = G('ja/guides/admin-guide/managing-agent-passwords');
export const G_PASSWORDS_LEGACY = G('en/guides/admin-guide/agent-channel-setup/agents/managing-agent-passwords');
const G_API = G('en/guides/admin-guide/integrations/integration/using-the-deskpro-api-2');
const G_API_KEYS_DEV = G('sl-SI/guides/developers/api-keys');
export const G_ROLES = G('en/guides/admin-guide/getting-started/introducing-deskpro/account-types');

export const ALL: readonly DeskproVersion[] = DESKPRO_VERSIONS;
export const NEW: readonly DeskproVersion[] = ['cloud', 'current'];
export const ADVANCED_LEGACY = 'Admin > Settings > Advanced';

/** A setting on the same page in both admin interfaces; the older download's menu is "Admin > " + menu. */
export const onPage =
	(menu: string, source: readonly Source[]) =>
	(label: string, key: string, def: string): SettingFact => ({
		menu,
		label,
		key,
		default: def,
		versions: ALL,
		source,
		at: { legacy: { menu: `Admin > ${menu}` } }
	});
export const rdns = onPage('Apps > Resolve User Hostnames', [CORE, RDNS_SERVICE]);
/** A helpdesk-wide login alert: an advanced setting in the older download; no named page today. */
const LOGIN_ALERTS_MENU: Unknown = { unknown: 'Deskpro’s current guides do not name the page of the helpdesk-wide login alerts' };
export const loginAlert = (label: string, key: string, def: string): SettingFact => ({
	menu: LOGIN_ALERTS_MENU,
	label,
	key,
	default: def,
	versions: ALL,
	source: [CORE, L_AGENT, L_ADVANCED],
	at: { legacy: { menu: ADVANCED_LEGACY } }
});

/** The facts a checklist item names (see above), by the ids `FACTS` gives them. */
export const CHECKLIST_FACTS = {
	'notify.failedAdminLogin': loginAlert('Notify the list on failed admin logins', 'agent_notify_list_failed_adminlogin', 'on'),
	'notify.emailList': loginAlert('E-mail addresses that receive the login alerts', 'agent.notify_login_emaillist', 'empty: the alerts have no recipient'),
	'hostnames.server': rdns('DNS server used for the look-ups', 'rdns_server', '8.8.8.8 (Google’s public resolver)'),
	'admin.permissions': {
		menu: 'Agents > Agent Profiles',
		label: 'Admin permissions',
		key: null,
		default: null,
		versions: ALL,
		source: [G_PASSWORDS, G_ROLES],
		at: { legacy: { menu: 'Admin > Agents', source: [G_PASSWORDS_LEGACY, G_ROLES] } }
	},
	'api.keys': {
		menu: 'Apps > API Keys',
		label: 'API keys',
		key: null,
		default: null,
		versions: ALL,
		source: [G_API, G_API_KEYS_DEV],
		at: { legacy: { menu: 'Admin > Apps > API Keys', source: [G_API] } }
	},
	'api.rateLimit': {
		menu: { unknown: 'an advanced setting on-premise; Deskpro’s current guides do not name its page' },
		label: 'API requests allowed per interval',
		key: 'core.api_rate_limit',
		default: '0 = no limit on-premise (Cloud: set by Deskpro)',
		versions: ['current', 'legacy'],
		source: [CORE, L_CORE, L_ADVANCED],
		at: { legacy: { menu: ADVANCED_LEGACY } }
	}
} satisfies Record<string, SettingFact>;

export type ChecklistFactId = keyof typeof CHECKLIST_FACTS;

/** What one fact looks like in one version, with every override applied. */
export interface Resolved {
	menu: Known<string>;
	label: string;
	key: Known<string> | null;
	default: Known<string> | null;
	source: readonly Source[];
}
/** `f` in one version, or null when that version does not have it. */
export function resolveOne(f: SettingFact, version: DeskproVersion): Resolved | null {
	if (!f.versions.includes(version)) return null;
	const o = f.at?.[version] ?? {};
	return {
		menu: o.menu ?? f.menu,
		label: o.label ?? f.label,
		key: o.key !== undefined ? o.key : f.key,
		default: o.default !== undefined ? o.default : f.default,
		source: o.source ?? f.source
	};
}

/** The versions whose menus an answer shows: "not sure" shows the current admin and the older one. */
export function versionsFor(answer: string): DeskproVersion[] {
	if (answer === 'cloud' || answer === 'current' || answer === 'legacy') return [answer];
	return ['current', 'legacy'];
}

export const unknownText = (u: Unknown): string => `Unknown: ${u.unknown}`;
export const knownText = (v: Known<string>): string => (isUnknown(v) ? unknownText(v) : v);

/** The key of a fact in one version (else in its first), for text: the one spelling. */
export function keyIn(f: SettingFact, version: DeskproVersion): string {
	const r = resolveOne(f, version) ?? resolveOne(f, f.versions[0]!)!;
	return r.key === null ? '' : knownText(r.key);
}
/** The default of a fact in one version (else in its first), for text. */
export function defaultIn(f: SettingFact, version: DeskproVersion): string {
	const r = resolveOne(f, version) ?? resolveOne(f, f.versions[0]!)!;
	return r.default === null ? '' : knownText(r.default);
}

/** The key and default of a checklist fact in one version, for a checklist item's text. */
export const keyOf = (id: ChecklistFactId, version: DeskproVersion = 'current'): string => keyIn(CHECKLIST_FACTS[id], version);
export const defaultOf = (id: ChecklistFactId, version: DeskproVersion = 'current'): string => defaultIn(CHECKLIST_FACTS[id], version);
