/**
 * Deskpro admin-interface facts: every menu path, label, stored setting key and default the
 * wizard shows, written down once with its source. Practices read them from here (a unit test
 * fails when a practice module spells a settings key itself, or when a fact has neither a source
 * nor an explicit Unknown).
 *
 * One fact = `{ menu, label, key, default, versions, source }`; `at` holds what differs in one
 * version (the older download's admin interface has other menus; some defaults changed).
 * A value we could not confirm is `{ unknown: '<why>' }` and is shown as "Unknown".
 *
 * The facts a checklist item names in its text (`CHECKLIST_FACTS`), the versions and the way a
 * fact is resolved are in `./settings-core`, which every step page loads (a tick attests its
 * item's text); this module, with every other fact, loads with the steps' details (settings
 * rows, notes, help). `FACTS` holds both.
 *
 * Sources (read for facts, never copied):
 * - nathanfdev/deskpro and layn321/deskpro: public copies of Deskpro's download (PHP source).
 * - support.deskpro.com: Deskpro's admin guides (current and legacy).
 */

export {
	DESKPRO_VERSIONS,
	VERSION_ANSWERS,
	versionLabels,
	interfaceLabels,
	isUnknown,
	versionsFor,
	unknownText,
	knownText,
	type DeskproVersion,
	type VersionAnswer,
	type Unknown,
	type Known,
	type Source,
	type SettingFact,
	type Resolved
} from './settings-core';
import {
	ADVANCED_LEGACY,
	ALL,
	CHECKLIST_FACTS,
	CORE,
	defaultIn,
	G,
	G_PASSWORDS,
	G_PASSWORDS_LEGACY,
	G_ROLES,
	keyIn,
	L_ADVANCED,
	L_AGENT,
	L_CORE,
	LN,
	loginAlert,
	NEW,
	onPage,
	RDNS_SERVICE,
	rdns,
	resolveOne,
	unknownText,
	type DeskproVersion,
	type Known,
	type Resolved,
	type SettingFact,
	type Source,
	type Unknown
} from './settings-core';

// ---- sources ---------------------------------------------------------------------------------
const L_ADVANCED_ROUTE: Source = { repo: LN, path: 'app/src/Application/AdminBundle/Resources/config/admin-routing.php', line: "'/settings/advanced'" };
const G_2FA = G('en-US/guides/admin-guide/agent-two-factor-authentication-2fa');
const G_IPW = G('en-GB/guides/admin-guide/agent-security-settings');
const G_LOCKOUT_LEGACY = G('en/guides/admin-guide/anti-abuse-options/login-lockout');
const G_CAPTCHA = G('mk/guides/admin-guide/crm-1/user-management/captcha-settings-1');
const G_CAPTCHA_LEGACY = G('en/guides/admin-guide/general-helpdesk-management/anti-abuse-options/captcha-settings');
const G_DATA_SECURITY = G('zh-CN/guides/admin-guide/data-security-options');
const G_AUDIT_LOG = G('en/guides/admin-guide/agent-channel-setup/agents/admin-access-log');

const RATE_MENU_CURRENT: Unknown = {
	unknown: 'Deskpro’s current guides refer to a “Help Center rate limiting” section but give no menu path; the keys are the same'
};
const RATE_MENU_LEGACY = 'Admin > Setup > Rate Limiting';
const SESSION_MENU: Unknown = { unknown: 'Deskpro’s current guides do not name the page that holds the session settings' };
const OWN_PREFS: Unknown = { unknown: 'each agent’s own notification preferences; Deskpro’s guides do not give the menu path' };

const ipw = onPage('Agents > Settings > IP Whitelisting', [CORE, G_IPW]);

const rate = (who: 'agent' | 'user', part: 'enabled' | 'limit' | 'time' | 'lockout_time' | 'response', label: string, dflt: string, legacyDefault?: string): SettingFact => ({
	menu: RATE_MENU_CURRENT,
	label,
	key: `rate_limit.login${who === 'agent' ? '.agent' : ''}.${part}`,
	default: dflt,
	versions: ALL,
	source: [CORE, G_LOCKOUT_LEGACY],
	at: { legacy: { menu: RATE_MENU_LEGACY, ...(legacyDefault ? { default: legacyDefault } : {}) } }
});
const group = (name: 'reset_password' | 'registration', part: 'enabled' | 'limit' | 'time' | 'lockout_time', label: string, dflt: string): SettingFact => ({
	menu: RATE_MENU_CURRENT,
	label,
	key: `rate_limit.${name}.${part}`,
	default: dflt,
	versions: ALL,
	source: [CORE],
	at: { legacy: { menu: RATE_MENU_LEGACY } }
});
const policy = (part: string, label: string, dflt: string): SettingFact => ({
	menu: 'Agents > Auth & SSO > Manage > Password Policy',
	label,
	key: `agent.password_policy.${part}`,
	default: dflt,
	versions: ALL,
	source: [CORE, G_PASSWORDS],
	at: { legacy: { menu: 'Admin > Agents > Settings > Password Policy', source: [CORE, G_PASSWORDS_LEGACY] } }
});
const TWO_FA_KEY: Unknown = { unknown: 'Deskpro’s 2FA guide gives the labels only, and the download copies predate 2FA' };
const TWO_FA_DEFAULT: Unknown = { unknown: 'the guide does not say whether the switch starts on or off' };
const twoFa = (label: string, dflt: Known<string> | null = TWO_FA_DEFAULT, menu = 'Agents > Auth & SSO > Manage > Two-Factor Authentication'): SettingFact => ({
	menu,
	label,
	key: TWO_FA_KEY,
	default: dflt,
	versions: NEW,
	source: [G_2FA]
});
const captcha = (form: string, label: string): SettingFact => ({
	menu: 'Data > Security > CAPTCHA',
	label,
	key: `user.captcha.${form}`,
	default: 'off (stored false; on is "guests" or "everyone")',
	versions: ALL,
	source: [CORE, G_CAPTCHA],
	at: { legacy: { menu: 'Admin > Setup > CAPTCHA Settings', source: [CORE, G_CAPTCHA_LEGACY] } }
});

/** Every fact, by a stable id that practices use (those a checklist item names are in `./settings-core`). */
export const FACTS = {
	...CHECKLIST_FACTS,

	// password policy
	'password.minLength': policy('min_length', 'Minimum password length', '5'),
	'password.uppercase': policy('require_num_uppercase', 'Required upper-case characters', '0'),
	'password.lowercase': policy('require_num_lowercase', 'Required lower-case characters', '0'),
	'password.number': policy('require_num_number', 'Required numbers', '0'),
	'password.symbol': policy('require_num_symbol', 'Required symbols', '0'),
	'password.maxAge': policy('max_age', 'Maximum password age (days)', '0 (never expires)'),
	'password.forbidReuse': policy('forbid_reuse', 'Forbid password reuse', 'off'),

	// login rate limiting (the Rate Limiting page saves rate_limit.login.*)
	'rate.agent.enabled': rate('agent', 'enabled', 'Agent login rate limiting', 'on'),
	'rate.agent.limit': rate('agent', 'limit', 'Agent login: failed attempts allowed', '5', '20 (Deskpro’s 2017 guide for this admin interface)'),
	'rate.agent.time': rate('agent', 'time', 'Agent login: counting window', '900 s (15 minutes)'),
	'rate.agent.lockout': rate('agent', 'lockout_time', 'Agent login: lockout time', '900 s (15 minutes)'),
	'rate.agent.response': rate('agent', 'response', 'Agent login: when the limit is reached', 'lock the account ("lockout"); the other choice is a CAPTCHA ("captcha")'),
	'rate.user.enabled': rate('user', 'enabled', 'User login rate limiting', 'on'),
	'rate.user.limit': rate('user', 'limit', 'User login: failed attempts allowed', '6'),
	'rate.user.time': rate('user', 'time', 'User login: counting window', '900 s (15 minutes)'),
	'rate.user.lockout': rate('user', 'lockout_time', 'User login: lockout time', '900 s (15 minutes)'),
	'rate.resetPassword.enabled': group('reset_password', 'enabled', 'Reset-password requests rate limiting', 'off (3 in 15 minutes when turned on)'),
	'rate.registration.enabled': group('registration', 'enabled', 'Registration rate limiting', 'off (3 in 15 minutes when turned on)'),
	'rate.guest.limit': {
		menu: RATE_MENU_CURRENT,
		label: 'Guest (not logged-in) login attempts before a CAPTCHA',
		key: 'rate_limit.login.guest.limit',
		default: '3 in 60 minutes, then a CAPTCHA',
		versions: ALL,
		source: [CORE],
		at: { legacy: { menu: RATE_MENU_LEGACY } }
	},
	'advanced.maxLoginAttempts': {
		menu: { unknown: 'only an advanced setting; not what the Rate Limiting page saves' },
		label: 'Advanced setting: agent max login attempts',
		key: 'agent.max_login_attempts',
		default: '5',
		versions: ALL,
		source: [CORE, L_AGENT, L_ADVANCED],
		at: { legacy: { menu: ADVANCED_LEGACY, source: [L_AGENT, L_ADVANCED, L_ADVANCED_ROUTE] } }
	},
	'advanced.loginLockoutTime': {
		menu: { unknown: 'only an advanced setting; not what the Rate Limiting page saves' },
		label: 'Advanced setting: agent login lockout time',
		key: 'agent.login_lockout_time',
		default: '3600 s',
		versions: ALL,
		source: [CORE, L_AGENT, L_ADVANCED],
		at: { legacy: { menu: ADVANCED_LEGACY, source: [L_AGENT, L_ADVANCED, L_ADVANCED_ROUTE] } }
	},

	// login notifications
	'notify.selfLogin': {
		menu: OWN_PREFS,
		label: 'Whenever my account is used to log in',
		key: 'agent.notify_self_login',
		default: 'off',
		versions: ALL,
		source: [CORE, L_AGENT],
		at: { legacy: { menu: ADVANCED_LEGACY, label: 'Notify agents of their own logins', source: [L_AGENT, L_ADVANCED] } }
	},
	'notify.selfFailedLogin': {
		menu: OWN_PREFS,
		label: '…and the credentials are incorrect',
		key: 'agent.notify_self_failed_login',
		default: 'on',
		versions: ALL,
		source: [CORE, L_AGENT]
	},
	'notify.failedLogin': loginAlert('Notify the list on failed agent logins', 'agent_notify_list_failed_login', 'off'),

	// Resolve User Hostnames
	'hostnames.app': {
		menu: 'Apps',
		label: 'Resolve User Hostnames (app)',
		key: null,
		default: 'not installed',
		versions: ALL,
		source: [RDNS_SERVICE, CORE],
		at: { legacy: { menu: 'Admin > Apps' } }
	},
	'hostnames.ticketMessages': rdns('Look up host names of ticket message addresses', 'rdns_ticket_messages', 'off'),
	'hostnames.report': {
		menu: 'Reports',
		label: 'Custom report: agent messages from outside your network',
		key: null,
		default: null,
		versions: ALL,
		source: [{ unknown: 'the report builder’s field names for message host names are not in the sources the wizard uses' }]
	},

	// IP whitelisting
	'ipw.enabled': ipw('IP whitelisting', 'agent.ip_security.enabled', 'off'),
	'ipw.mode': ipw('Apply IP whitelisting to', 'agent.ip_security.mode', 'agents and admins (stored "agents,admins")'),
	'ipw.lifetime': ipw('Trust a verified IP address for', 'agent.ip_security.whitelist_lifetime', '1 814 400 s (21 days); 1 day to 2 years'),

	// session length
	'session.lifetime': {
		menu: SESSION_MENU,
		label: 'Session lifetime (inactivity timeout)',
		key: 'core.sessions_lifetime',
		default: '3600 s (1 hour)',
		versions: ALL,
		source: [CORE, L_CORE, L_ADVANCED],
		at: { legacy: { menu: ADVANCED_LEGACY } }
	},
	'session.requirePage': {
		menu: SESSION_MENU,
		label: 'Require Activity (only a real page load keeps a session alive)',
		key: 'core.session_keepalive_require_page',
		default: 'off',
		versions: NEW,
		source: [CORE]
	},
	'session.agentRememberMe': {
		menu: SESSION_MENU,
		label: 'Remember me (agents)',
		key: 'core.enable_agent_rememberme',
		default: 'on',
		versions: NEW,
		source: [CORE]
	},
	'session.userRememberMe': {
		menu: SESSION_MENU,
		label: 'Remember me (users)',
		key: 'core.enable_user_rememberme',
		default: 'on',
		versions: NEW,
		source: [CORE]
	},

	// review logs
	'review.auditLog': {
		menu: 'Agents > Audit Log',
		label: 'Review admin actions and logins',
		key: null,
		default: null,
		versions: ALL,
		source: [G_AUDIT_LOG],
		at: { legacy: { menu: 'Admin > Agents > Audit Log' } }
	},
	'review.admins': {
		menu: 'Agents > Agent Profiles',
		label: 'Review who has admin rights',
		key: null,
		default: null,
		versions: ALL,
		source: [G_PASSWORDS, G_ROLES],
		at: { legacy: { menu: 'Admin > Agents', source: [G_PASSWORDS_LEGACY, G_ROLES] } }
	},
	'review.errorLogs': {
		menu: { unknown: 'whether the current On-Premise admin has a Server > Error Logs page is not in the sources the wizard uses' },
		label: 'Review error logs',
		key: null,
		default: null,
		versions: ['current', 'legacy'],
		source: [{ unknown: 'Deskpro’s security article (2018) names Server > Error Logs for the download' }],
		at: { legacy: { menu: 'Admin > Server > Error Logs' } }
	},

	// agent two-factor authentication (Cloud and current On-Premise only)
	'tfa.totp': twoFa('TOTP Service (authenticator app)'),
	'tfa.email': twoFa('Email 2FA'),
	'tfa.require': twoFa('Require agents to set up 2FA'),
	'tfa.grace': twoFa('Grace Period (agents may skip setting up 2FA until this date)', 'no grace period'),
	'tfa.enforce': twoFa('Enforce 2FA (per agent)', TWO_FA_DEFAULT, 'Agents > Agent Profiles > (agent) > 2FA'),

	// CAPTCHA
	'captcha.type': {
		menu: 'Data > Security > CAPTCHA',
		label: 'CAPTCHA type',
		key: 'core.use_recaptcha2',
		default: 'built-in (stored false; true = Google reCAPTCHA)',
		versions: ALL,
		source: [CORE, G_CAPTCHA],
		at: { legacy: { menu: 'Admin > Setup > CAPTCHA Settings', source: [CORE, G_CAPTCHA_LEGACY] } }
	},
	'captcha.tickets': captcha('tickets', 'Always on new tickets'),
	'captcha.comments': captcha('comments', 'Always on new comments'),
	'captcha.feedback': captcha('feedback', 'Always on new feedback / community topics'),
	'captcha.register': captcha('register', 'Always on registration'),
	'captcha.sharing': captcha('sharing', 'Always when sharing content'),

	// uploads and attachments
	'uploads.userBlocked': {
		menu: 'Data > Security > File Uploads',
		label: 'File types users may not upload',
		key: 'core.attach_user_not_exts',
		default: 'none blocked',
		versions: ALL,
		source: [CORE, L_CORE, G_DATA_SECURITY],
		at: { legacy: { menu: { unknown: 'the older admin interface’s upload settings page is not in the sources the wizard uses' } } }
	},
	'uploads.agentBlocked': {
		menu: 'Data > Security > File Uploads',
		label: 'File types agents may not upload',
		key: 'core.attach_agent_not_exts',
		default: 'none blocked',
		versions: ALL,
		source: [CORE, L_CORE, G_DATA_SECURITY],
		at: { legacy: { menu: { unknown: 'the older admin interface’s upload settings page is not in the sources the wizard uses' } } }
	},
	'attachments.requireAuth': {
		menu: { unknown: 'Deskpro’s guides do not name the page of this ticket setting' },
		label: 'Attachment links need a login',
		key: 'core_tickets.attachment_require_auth',
		default: 'off: anyone with an attachment link can download it',
		versions: NEW,
		source: [CORE]
	},

	// API
	'api.rateLimitInterval': {
		menu: { unknown: 'an advanced setting on-premise; Deskpro’s current guides do not name its page' },
		label: 'API rate-limit interval',
		key: 'core.api_rate_limit_interval',
		default: '60 s',
		versions: ['current'],
		source: [CORE]
	}
} satisfies Record<string, SettingFact>;

export type FactId = keyof typeof FACTS;
export const factById = (id: FactId): SettingFact => FACTS[id];

/** What one fact looks like in one version, with every override applied. */
export function resolveFact(id: FactId, version: DeskproVersion): Resolved | null {
	return resolveOne(FACTS[id], version);
}

/** A source as one line: "repo: path" or the guide's address. */
export function sourceText(s: Source): string {
	if ('url' in s) return s.url;
	if ('repo' in s) return `${s.repo}: ${s.path}`;
	return unknownText(s);
}

/** The key and default of a fact in one version, for text (e.g. a step's notes): the one spelling. */
export const keyOf = (id: FactId, version: DeskproVersion = 'current'): string => keyIn(FACTS[id], version);
export const defaultOf = (id: FactId, version: DeskproVersion = 'current'): string => defaultIn(FACTS[id], version);
