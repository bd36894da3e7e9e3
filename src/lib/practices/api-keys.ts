import { bool, choice, int, table, text, type Row } from '$lib/plan/fields';
import { hasFact, menusText } from './_fact-text';
import { defaultOf, keyOf } from '$lib/deskpro/settings-core';
import { definePractice } from './types';

export function advice(a: Row): string {
	if (!a.stillNeeded) return 'Delete the key';
	return a.keyKind === 'superuser' ? 'Replace with a key bound to a dedicated agent' : 'Keep (agent-bound); check the agent’s permissions';
}

export const practice = definePractice({
	id: 'api-keys',
	order: 96,
	title: 'API key hygiene',
	summary: 'List every API key, delete the unused ones and bind the rest to agents with only the rights they need.',
	source: 'beyond',
	fields: {
		apiRateLimit: int({
			label: 'API requests allowed per minute (self-hosted)',
			unit: 'requests',
			min: 0,
			max: 1_000_000,
			default: 1000,
			deskproDefault: 0
		}),
		keys: table({
			label: 'API keys',
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
	checklist: (v, ctx) => [
		{ id: 'api-keys.inventory', text: `List every API key in ${menusText('api.keys', ctx.about)} with what uses it.` },
		{ id: 'api-keys.restrict', text: 'Restrict each key to the API tags its integration needs (allow / disallow tags), and prefer keys bound to one agent over superuser keys.' },
		{
			id: 'api-keys.rate-limit',
			text:
				v.apiRateLimit === 0
					? `The API rate limit stays off (${keyOf('api.rateLimit')} = 0, your choice): record why.`
					: `Set the API rate limit to ${v.apiRateLimit} requests per interval (${keyOf('api.rateLimit')}; default ${defaultOf('api.rateLimit')}).`,
			notApplicable: hasFact('api.rateLimit', ctx) && ctx.about.deployment !== 'cloud' ? undefined : 'Deskpro Cloud: Deskpro sets the API rate limit.'
		},
		...v.keys.map((k) => ({ id: `api-keys.key.${k.id}`, text: `${String(k.usedBy) || 'Unnamed key'}: ${advice(k).toLowerCase()}.` })),
		{ id: 'api-keys.least-privilege', text: 'Give each integration’s agent account only the permissions the integration needs, and no admin rights.' },
		{ id: 'api-keys.storage', text: 'Keep keys in a secrets store or the integration’s configuration, never in tickets, chat or code repositories.' },
		{ id: 'api-keys.rotate', text: 'Replace a key whenever someone who knew it leaves, and review the list with the admin accounts (see “Review logs regularly”).' }
	]
});
