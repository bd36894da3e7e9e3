/** What the step “login-notifications” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './login-notifications';
import { text } from '$lib/plan/fields';
import { onOff } from './_format';
import { factsOf } from './_facts';
import { CHECKLIST_FACTS } from '$lib/deskpro/settings-core';
import { NOTIFY_FACTS } from '$lib/deskpro/settings/notify';
import { defineDetail, type Note } from './types';

/** This step's Deskpro facts (its own, loaded with this detail, and the checklist facts it names). */
const { factRows, keyOf } = factsOf({ ...CHECKLIST_FACTS, ...NOTIFY_FACTS });

export const detail = defineDetail<typeof practice>({
	where: 'Each agent’s notification preferences; the helpdesk-wide login alerts (menus per version in the table below)',
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
	settings: (v, ctx) => [
		...factRows('notify.selfLogin', ctx, onOff(v.notifySelfLogin)),
		...factRows('notify.selfFailedLogin', ctx, onOff(v.notifySelfFailedLogin)),
		...factRows('notify.failedAdminLogin', ctx, onOff(v.notifyFailedAdminLogin)),
		...factRows('notify.emailList', ctx, v.alertRecipients.trim() || 'Not set yet: enter the recipients in the step “Login and failed-login notifications”')
	],
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		notifySelfLogin: '“Whenever my account is used to log in”.',
		notifySelfFailedLogin: '“…and the credentials are incorrect”.',
		alertRecipients: 'One or more e-mail addresses, separated by commas, e.g. security@example.com. Deskpro’s list is empty by default.',
		reportContact: 'A person, team, address or chat channel, e.g. security@example.com. Used in the checklist and the training note.'
	}
});
