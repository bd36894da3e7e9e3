import { bool, table, text } from '$lib/plan/fields';
import { definePractice } from './types';

/** The settings value of an admin account that keeps its rights: names only what it still lacks (issue 16). */
export function keepValue(has2fa: boolean, hasIpWhitelist: boolean): string {
	const needs = [has2fa ? '' : '2FA', hasIpWhitelist ? '' : 'IP whitelisting'].filter(Boolean);
	return needs.length ? `Keep (needs ${needs.join(' and ')})` : 'Keep (2FA and IP whitelisting in place)';
}

export const practice = definePractice({
	id: 'admin-privileges',
	order: 10,
	title: 'Limit admin privileges',
	summary: 'List every agent with admin rights, keep only those who need them and protect each one.',
	where: 'Admin > Agents (admin accounts are marked with a wrench icon)',
	source: 'article',
	why: [
		'Any account with admin privileges can edit every other account on the helpdesk, change authentication settings and read every ticket. One stolen admin password is a stolen helpdesk.',
		'Keep admin rights for the few people who need them, and give each remaining admin account two-factor authentication and IP whitelisting.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Administrative interfaces use several layers of security; network location is never the sole factor.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.2 (L1)', text: 'No default user accounts are present or enabled.' }
	],
	fields: {
		accounts: table({
			label: 'Admin accounts',
			help: 'One row per agent marked with the wrench icon in Admin > Agents.',
			addLabel: 'Add admin account',
			default: [],
			maxRows: 200,
			columns: {
				name: text({ label: 'Agent name or e-mail', default: '', required: true, maxLength: 200 }),
				keepAdmin: bool({ label: 'Keep admin rights', default: true }),
				has2fa: bool({ label: 'Has 2FA', default: false }),
				hasIpWhitelist: bool({ label: 'Has IP whitelisting', default: false })
			}
		})
	},
	settings: (v) =>
		v.accounts.map((a) => ({
			menu: 'Admin > Agents > ' + String(a.name),
			setting: 'Admin permissions',
			value: a.keepAdmin ? keepValue(a.has2fa === true, a.hasIpWhitelist === true) : 'Remove admin rights'
		})),
	checklist: (v) => [
		{ id: 'admin-privileges.review', text: 'Review the list of agents marked with the wrench icon in Admin > Agents.' },
		...v.accounts.map((a) => ({
			id: `admin-privileges.account.${a.id}`,
			text: a.keepAdmin
				? `${String(a.name) || 'Unnamed account'}: keeps admin rights${a.has2fa ? '' : '; enable 2FA'}${a.hasIpWhitelist ? '' : '; enable IP whitelisting'}.`
				: `${String(a.name) || 'Unnamed account'}: remove admin rights.`
		}))
	]
});
