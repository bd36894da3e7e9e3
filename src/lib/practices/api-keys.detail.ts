/** What the step “api-keys” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './api-keys';
import { advice } from './api-keys';
import { text } from '$lib/plan/fields';
import { factsOf, menusText } from './_facts';
import { CHECKLIST_FACTS } from '$lib/deskpro/settings-core';
import { defineDetail } from './types';

/** This step's Deskpro facts (its own, loaded with this detail, and the checklist facts it names). */
const { factRows } = factsOf(CHECKLIST_FACTS);

export const detail = defineDetail<typeof practice>({
	where: (about) => `The API keys list: ${menusText('api.keys', about)}`,
	why: [
		'An API key works like a password that skips the login screen: no 2FA, no IP whitelisting, no failed-login e-mail. A superuser key can act as any agent named in the request, and can optionally use admin functions such as listing other keys, so one leaked from a script or an old integration can be a stolen helpdesk.',
		'Deskpro also offers keys bound to one agent. Give each integration its own agent account with only the permissions it needs, bind its key to that agent, and delete keys nobody uses.'
	],
	standards: [{ standard: 'OWASP ASVS 5.0', id: '13.2.2 (L2)', text: 'Accounts that back-end integrations use have the least privileges they need.' }],
	notes: [
		{
			kind: 'info',
			text: 'Record where each key is used (which script, server or service), so that it can be replaced without breaking anything.'
		},
		{
			kind: 'info',
			text: 'Restrict each key to what its integration calls: every API endpoint has tags (e.g. tickets.tickets.list), and a key can allow or disallow tag patterns. A key bound to an agent has exactly that agent’s permissions.'
		},
		{
			kind: 'unknown',
			text: 'Whether keys can expire is not in Deskpro’s guides: replace them yourself when people or integrations change.'
		}
	],
	settings: (v, ctx) => [
		...v.keys.flatMap((k) => factRows('api.keys', ctx, `${String(k.usedBy) || 'Unnamed key'}: ${advice(k)}`)),
		...(ctx.about.deployment === 'cloud' ? [] : factRows('api.rateLimit', ctx, v.apiRateLimit === 0 ? '0 (no limit)' : String(v.apiRateLimit), 'per interval; the interval defaults to 60 s'))
	],
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		apiRateLimit: 'On-Premise the limit is 0 = no limit by default, so a leaked key can read everything at full speed. On Deskpro Cloud, Deskpro sets it.',
		keys: 'One row per API key in Deskpro’s API keys list (its menu is at the top of this step).'
	}
});
