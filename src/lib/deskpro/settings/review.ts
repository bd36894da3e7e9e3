/**
 * The review logs step: its Deskpro facts, loaded with its detail. Sources and conventions:
 * `../settings.ts`.
 */
import { ALL, G, G_PASSWORDS, G_PASSWORDS_LEGACY, G_ROLES, type SettingFact } from '../settings-core';

const G_AUDIT_LOG = G('en/guides/admin-guide/agent-channel-setup/agents/admin-access-log');

export const REVIEW_FACTS = {
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
} satisfies Record<string, SettingFact>;
