import { bool, table, text } from '$lib/plan/fields';
import { factRows, menusText } from './_facts';
import { definePractice } from './types';

/**
 * The settings value of an admin account that keeps its rights: names only what it still lacks
 * (issue 16). IP whitelisting is helpdesk-wide, not per account (issue #15), so only 2FA counts.
 */
export function keepValue(has2fa: boolean): string {
	return has2fa ? 'Keep (2FA in place)' : 'Keep (needs 2FA)';
}

export const practice = definePractice({
	id: 'admin-privileges',
	order: 10,
	title: 'Limit admin privileges',
	summary: 'List every agent with admin rights, keep only those who need them and protect each one.',
	where: (about) => `The agent list: ${menusText('admin.permissions', about)} (admin accounts are marked with a wrench icon)`,
	source: 'article',
	why: [
		'Any account with admin privileges can edit every other account on the helpdesk, change authentication settings and read every ticket. One stolen admin password is a stolen helpdesk.',
		'Keep admin rights for the few people who need them, give each remaining admin account two-factor authentication, and turn on IP whitelisting at least for admins (one helpdesk-wide setting, not per account).'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Administrative interfaces use several layers of security; network location is never the sole factor.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.2 (L1)', text: 'No default user accounts are present or enabled.' }
	],
	fields: {
		accounts: table({
			label: 'Admin accounts',
			help: 'One row per agent marked with the wrench icon in the agent list (its menu is at the top of this step).',
			addLabel: 'Add admin account',
			default: [],
			maxRows: 200,
			columns: {
				name: text({ label: 'Agent name or e-mail', default: '', required: true, maxLength: 200 }),
				keepAdmin: bool({ label: 'Keep admin rights', default: true }),
				has2fa: bool({ label: 'Has 2FA', default: false })
			}
		})
	},
	settings: (v, ctx) =>
		v.accounts.flatMap((a) => factRows('admin.permissions', ctx, `${String(a.name) || 'Unnamed account'}: ${a.keepAdmin ? keepValue(a.has2fa === true) : 'Remove admin rights'}`)),
	checklist: (v, ctx) => [
		{ id: 'admin-privileges.review', text: `Review the list of agents marked with the wrench icon in ${menusText('admin.permissions', ctx.about)}.` },
		...v.accounts.map((a) => ({
			id: `admin-privileges.account.${a.id}`,
			text: a.keepAdmin
				? `${String(a.name) || 'Unnamed account'}: keeps admin rights${a.has2fa ? '' : '; enable 2FA'}.`
				: `${String(a.name) || 'Unnamed account'}: remove admin rights.`
		}))
	]
});
