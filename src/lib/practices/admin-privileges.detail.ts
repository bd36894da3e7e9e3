/** What the step “admin-privileges” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './admin-privileges';
import { keepValue } from './admin-privileges';
import { text } from '$lib/plan/fields';
import { factsOf, menusText } from './_facts';
import { CHECKLIST_FACTS } from '$lib/deskpro/settings-core';
import { defineDetail } from './types';

/** This step's Deskpro facts (its own, loaded with this detail, and the checklist facts it names). */
const { factRows } = factsOf(CHECKLIST_FACTS);

export const detail = defineDetail<typeof practice>({
	where: (about) => `The agent list: ${menusText('admin.permissions', about)} (admin accounts are marked with a wrench icon)`,
	why: [
		'Any account with admin privileges can edit every other account on the helpdesk, change authentication settings and read every ticket. One stolen admin password is a stolen helpdesk.',
		'Keep admin rights for the few people who need them, give each remaining admin account two-factor authentication, and turn on IP whitelisting at least for admins (one helpdesk-wide setting, not per account).'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Administrative interfaces use several layers of security; network location is never the sole factor.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.2 (L1)', text: 'No default user accounts are present or enabled.' }
	],
	settings: (v, ctx) =>
		v.accounts.flatMap((a) => factRows('admin.permissions', ctx, `${String(a.name) || 'Unnamed account'}: ${a.keepAdmin ? keepValue(a.has2fa === true) : 'Remove admin rights'}`)),
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		accounts: 'One row per agent marked with the wrench icon in the agent list (its menu is at the top of this step).'
	}
});
