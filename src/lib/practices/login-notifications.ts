import { bool, text } from '$lib/plan/fields';
import { onOff } from './_format';
import { definePractice, type Note } from './types';

const MENU_AGENT = 'Other Notifications > Account (each agent’s own preferences)';
const MENU_ADMIN = 'Admin-wide notification lists (exact menu not confirmed)';

export const practice = definePractice({
	id: 'login-notifications',
	order: 40,
	title: 'Login and failed-login notifications',
	summary: 'Have agents told about logins to their account, and train them to report any they do not recognise.',
	where: `${MENU_AGENT}; failed admin logins: an admin-wide notification list`,
	source: 'article',
	why: [
		'The person most likely to spot a stolen account is its owner. If every login and every failed login sends the agent an e-mail, a login they did not make stands out within minutes instead of being found weeks later in a log.',
		'Notifications only help when agents know what to do with them: tell them who to report an unknown login to, and agree what happens next.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '6.3.5 (L3)', text: 'Users are notified of suspicious authentication attempts, successful or not.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.7 (L3)', text: 'Users are notified after changes to their authentication details.' },
		{ standard: 'OWASP ASVS 5.0', id: '16.3.1 (L2)', text: 'Every authentication attempt is logged.' }
	],
	notes: (values) => {
		const notes: Note[] = [
			{
				kind: 'unknown',
				text: 'The login notifications are per-agent preferences. Whether an admin can switch them on for every agent at once is not confirmed in the sources the wizard uses, so the checklist asks each agent to set them and you to check a few accounts.'
			},
			{
				kind: 'unknown',
				text: 'The menu that holds the admin-wide “failed admin login” notification list is not confirmed either; its stored key is agent_notify_list_failed_adminlogin. Look for it among the admin notification settings of your version.'
			}
		];
		if (values && !values.notifySelfLogin) {
			notes.push({
				kind: 'warning',
				text: 'Without the successful-login notification, an attacker who has the right password causes no e-mail at all: only failed guesses are reported.'
			});
		}
		return notes;
	},
	fields: {
		notifySelfLogin: bool({
			label: 'Agents are notified whenever their account is used to log in',
			default: true,
			deskproDefault: false,
			help: '“Whenever my account is used to log in”.'
		}),
		notifySelfFailedLogin: bool({
			label: 'Agents are notified when someone tries their account with a wrong password',
			default: true,
			deskproDefault: true,
			help: '“…and the credentials are incorrect”.'
		}),
		notifyFailedAdminLogin: bool({
			label: 'Admins are notified of failed logins to admin accounts',
			default: true,
			deskproDefault: true
		}),
		reportContact: text({
			label: 'Who agents report an unknown login to',
			help: 'A person, team, address or chat channel, e.g. security@example.com. Used in the checklist and the training note.',
			placeholder: 'security@example.com',
			default: '',
			maxLength: 200,
			width: 'medium',
			validate: (v) => (/[\u0000-\u001f\u007f]/.test(v) ? 'The contact must not contain control characters.' : null)
		})
	},
	settings: (v) => [
		{ menu: MENU_AGENT, setting: 'Whenever my account is used to log in', key: 'agent.notify_self_login', value: onOff(v.notifySelfLogin), note: 'Deskpro default: off' },
		{ menu: MENU_AGENT, setting: '…and the credentials are incorrect', key: 'agent.notify_self_failed_login', value: onOff(v.notifySelfFailedLogin), note: 'Deskpro default: on' },
		{ menu: MENU_ADMIN, setting: 'Notify on failed admin logins', key: 'agent_notify_list_failed_adminlogin', value: onOff(v.notifyFailedAdminLogin), note: 'Deskpro default: on' }
	],
	checklist: (v) => {
		const contact = v.reportContact.trim() || 'the helpdesk admins';
		const wanted = [v.notifySelfLogin ? '“Whenever my account is used to log in”' : '', v.notifySelfFailedLogin ? '“…and the credentials are incorrect”' : ''].filter(Boolean);
		return [
			{
				id: 'login-notifications.agents',
				text: wanted.length
					? `Ask every agent to turn on ${wanted.join(' and ')} under Other Notifications > Account.`
					: 'Agents’ login notifications stay off (your choice): record why.',
				detail: 'Check a few agents’ preferences afterwards.'
			},
			{
				id: 'login-notifications.admin-list',
				text: v.notifyFailedAdminLogin
					? 'Make sure failed logins to admin accounts notify the admins (agent_notify_list_failed_adminlogin on).'
					: 'Failed admin-login notifications stay off (your choice): record why.'
			},
			{
				id: 'login-notifications.train',
				text: `Train agents to report any login or failed-login e-mail they do not recognise to ${contact} straight away, and never to ignore one.`
			},
			{
				id: 'login-notifications.response',
				text: 'Agree what happens after a report: reset the agent’s password, sign out their sessions, check their 2FA and look through the audit log.'
			}
		];
	}
});
