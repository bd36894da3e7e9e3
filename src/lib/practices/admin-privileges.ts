import { bool, table, text } from '$lib/plan/fields';
import { menusText } from './_fact-text';
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
	source: 'article',
	fields: {
		accounts: table({
			label: 'Admin accounts',
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
