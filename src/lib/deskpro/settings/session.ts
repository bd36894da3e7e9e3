/**
 * The session length step: its Deskpro facts, loaded with its detail. Sources and conventions:
 * `../settings.ts`.
 */
import { ADVANCED_LEGACY, ALL, CORE, L_ADVANCED, L_CORE, NEW, type SettingFact, type Unknown } from '../settings-core';

const SESSION_MENU: Unknown = { unknown: 'Deskpro’s current guides do not name the page that holds the session settings' };

export const SESSION_FACTS = {
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
} satisfies Record<string, SettingFact>;
