import { bool, text } from '$lib/plan/fields';
import { freeTextProblem } from '$lib/validate/text';
import { keyOf } from '$lib/deskpro/settings-core';
import { definePractice } from './types';

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
	source: 'article',
	fields: {
		notifySelfLogin: bool({
			label: 'Agents are notified whenever their account is used to log in',
			default: true,
			deskproDefault: false
		}),
		notifySelfFailedLogin: bool({
			label: 'Agents are notified when someone tries their account with a wrong password',
			default: true,
			deskproDefault: true
		}),
		notifyFailedAdminLogin: bool({
			label: 'Admins are notified of failed logins to admin accounts',
			default: true,
			deskproDefault: true
		}),
		alertRecipients: text({
			label: 'Who receives the helpdesk-wide login alerts',
			placeholder: 'security@example.com',
			default: '',
			maxLength: 500,
			width: 'medium',
			validate: checkEmailList
		}),
		reportContact: text({
			label: 'Who agents report an unknown login to',
			placeholder: 'security@example.com',
			default: '',
			maxLength: 200,
			width: 'medium',
			validate: (v) => (/[\u0000-\u001f\u007f]/.test(v) ? 'The contact must not contain control characters.' : null)
		})
	},
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
