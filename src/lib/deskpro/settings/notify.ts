/**
 * The login notifications step: its Deskpro facts, loaded with its detail. Sources and
 * conventions: `../settings.ts`.
 */
import { ADVANCED_LEGACY, ALL, CORE, L_ADVANCED, L_AGENT, loginAlert, type SettingFact, type Unknown } from '../settings-core';

const OWN_PREFS: Unknown = { unknown: 'each agent’s own notification preferences; Deskpro’s guides do not give the menu path' };

export const NOTIFY_FACTS = {
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
} satisfies Record<string, SettingFact>;
