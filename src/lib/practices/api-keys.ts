import { bool, choice, table, text, type Row } from '$lib/plan/fields';
import { definePractice } from './types';

const MENU = 'Apps > API Keys';

function advice(a: Row): string {
	if (!a.stillNeeded) return 'Delete the key';
	return a.keyKind === 'superuser' ? 'Replace with a key bound to a dedicated agent' : 'Keep (agent-bound); check the agent’s permissions';
}

export const practice = definePractice({
	id: 'api-keys',
	order: 96,
	title: 'API key hygiene',
	summary: 'List every API key, delete the unused ones and bind the rest to agents with only the rights they need.',
	where: MENU,
	source: 'beyond',
	why: [
		'An API key works like a password that skips the login screen: no 2FA, no IP whitelisting, no failed-login e-mail. A superuser key is not limited to one agent’s permissions, so one leaked from a script or an old integration can be a stolen helpdesk.',
		'Deskpro also offers keys bound to one agent. Give each integration its own agent account with only the permissions it needs, bind its key to that agent, and delete keys nobody uses.'
	],
	standards: [{ standard: 'OWASP ASVS 5.0', id: '13.2.2 (L2)', text: 'Accounts that back-end integrations use have the least privileges they need.' }],
	notes: [
		{
			kind: 'info',
			text: 'Record where each key is used (which script, server or service), so that it can be replaced without breaking anything.'
		},
		{
			kind: 'unknown',
			text: 'The sources the wizard uses do not say what a superuser key may do beyond an agent-bound one, whether Deskpro shows a key again after it is created, or whether keys can expire. Treat every superuser key as full access until Deskpro’s documentation for your version says otherwise.'
		}
	],
	fields: {
		keys: table({
			label: 'API keys',
			help: 'One row per key listed in Apps > API Keys.',
			addLabel: 'Add API key',
			default: [],
			maxRows: 200,
			columns: {
				usedBy: text({ label: 'What uses it', default: '', required: true, maxLength: 200, placeholder: 'e.g. CRM sync' }),
				keyKind: choice({
					label: 'Kind of key',
					default: 'superuser',
					options: [
						{ value: 'superuser', label: 'Superuser key' },
						{ value: 'agent', label: 'Bound to an agent' }
					]
				}),
				stillNeeded: bool({ label: 'Still needed', default: true })
			}
		})
	},
	settings: (v) => v.keys.map((k) => ({ menu: MENU, setting: `Key used by ${String(k.usedBy)}`, value: advice(k) })),
	checklist: (v) => [
		{ id: 'api-keys.inventory', text: 'List every key in Apps > API Keys with what uses it (the table above).' },
		...v.keys.map((k) => ({ id: `api-keys.key.${k.id}`, text: `${String(k.usedBy) || 'Unnamed key'}: ${advice(k).toLowerCase()}.` })),
		{ id: 'api-keys.least-privilege', text: 'Give each integration’s agent account only the permissions the integration needs, and no admin rights.' },
		{ id: 'api-keys.storage', text: 'Keep keys in a secrets store or the integration’s configuration, never in tickets, chat or code repositories.' },
		{ id: 'api-keys.rotate', text: 'Replace a key whenever someone who knew it leaves, and review the list with the admin accounts (see “Review logs regularly”).' }
	]
});
