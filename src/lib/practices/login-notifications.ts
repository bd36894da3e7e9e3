import { bool, text } from '$lib/plan/fields';
import { onOff } from './_format';
import { factRows } from './_facts';
import { freeTextProblem } from '$lib/validate/text';
import { keyOf } from '$lib/deskpro/settings';
import { definePractice, type Note } from './types';

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
/** A comma-separated list of e-mail addresses (the alert recipients). */
function checkEmailList(v: string): string | null {
	const problem = freeTextProblem(v);
	if (problem) return problem;
	const bad = v.split(',').map((x) => x.trim()).filter((x) => x && !EMAIL.test(x));
	return bad.length ? `${bad[0]} is not an e-mail address.` : null;
}

export const practice = definePractice({
	id: 'login-notifications',
	order: 40,
	title: 'Login and failed-login notifications',
	summary: 'Have agents told about logins to their account, and train them to report any they do not recognise.',
	where: 'Each agent’s notification preferences; the helpdesk-wide login alerts (menus per version in the table below)',
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
				kind: 'warning',
				text: `The helpdesk-wide login alerts go to the addresses in ${keyOf('notify.emailList')}, which is empty by default: until you fill it in, the failed-admin-login alert reaches nobody.`
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
		alertRecipients: text({
			label: 'Who receives the helpdesk-wide login alerts',
			help: 'One or more e-mail addresses, separated by commas, e.g. security@example.com. Deskpro’s list is empty by default.',
			placeholder: 'security@example.com',
			default: '',
			maxLength: 500,
			width: 'medium',
			validate: checkEmailList
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
	settings: (v, ctx) => [
		...factRows('notify.selfLogin', ctx, onOff(v.notifySelfLogin)),
		...factRows('notify.selfFailedLogin', ctx, onOff(v.notifySelfFailedLogin)),
		...factRows('notify.failedAdminLogin', ctx, onOff(v.notifyFailedAdminLogin)),
		...factRows('notify.emailList', ctx, v.alertRecipients.trim() || 'Not set yet: enter the recipients in the step “Login and failed-login notifications”')
	],
	checklist: (v) => {
		const contact = v.reportContact.trim() || 'the helpdesk admins';
		const wanted = [v.notifySelfLogin ? '“Whenever my account is used to log in”' : '', v.notifySelfFailedLogin ? '“…and the credentials are incorrect”' : ''].filter(Boolean);
		return [
			{
				id: 'login-notifications.agents',
				text: wanted.length
					? `Ask every agent to turn on ${wanted.join(' and ')} in their own notification preferences.`
					: 'Agents’ login notifications stay off (your choice): record why.',
				detail: 'Check a few agents’ preferences afterwards.'
			},
			{
				id: 'login-notifications.admin-list',
				text: v.notifyFailedAdminLogin
					? `Make sure failed logins to admin accounts send an alert (${keyOf('notify.failedAdminLogin')} on).`
					: 'Failed admin-login notifications stay off (your choice): record why.'
			},
			{
				id: 'login-notifications.recipients',
				text: v.alertRecipients.trim()
					? `Set the recipients of the helpdesk-wide login alerts (${keyOf('notify.emailList')}) to ${v.alertRecipients.trim()}, then check that a failed admin login reaches them.`
					: `Set the recipients of the helpdesk-wide login alerts (${keyOf('notify.emailList')}): it is empty by default, so the alerts reach nobody.`
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
