/**
 * The rate limiting step (the Rate Limiting page saves rate_limit.login.*): its Deskpro facts,
 * loaded with its detail. Sources and conventions: `../settings.ts`.
 */
import { ADVANCED_LEGACY, ALL, CORE, G, L_ADVANCED, L_AGENT, LN, type SettingFact, type Unknown, type Source } from '../settings-core';

const RATE_MENU_CURRENT: Unknown = {
	unknown: 'Deskpro’s current guides refer to a “Help Center rate limiting” section but give no menu path; the keys are the same'
};
const RATE_MENU_LEGACY = 'Admin > Setup > Rate Limiting';
const G_LOCKOUT_LEGACY = G('en/guides/admin-guide/anti-abuse-options/login-lockout');
const L_ADVANCED_ROUTE: Source = { repo: LN, path: 'app/src/Application/AdminBundle/Resources/config/admin-routing.php', line: "'/settings/advanced'" };
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

export const RATE_FACTS = {
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
} satisfies Record<string, SettingFact>;
