import { choice, text, type ChoiceOption } from '$lib/plan/fields';
import { factRows } from './_facts';
import { definePractice, type Note, type SettingRow } from './types';

/** Review cadences. The exports turn the `*Cadence` fields of this step into calendar reminders. */
export const CADENCES = ['weekly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const cadenceLabels: Record<Cadence, string> = { weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' };
const options: ChoiceOption[] = CADENCES.map((c) => ({ value: c, label: cadenceLabels[c] }));
const label = (c: string) => cadenceLabels[c as Cadence] ?? c;
const lower = (c: string) => label(c).toLowerCase();

const ERROR_LOG_CLOUD =
	'Deskpro Cloud: the error-log review in the article is for self-hosted Deskpro. Deskpro runs the servers of a Cloud helpdesk and there are no server error logs for you to review.';

export const practice = definePractice({
	id: 'review-logs',
	order: 80,
	title: 'Review logs regularly',
	summary: 'Put reviews of the audit log, the admin list and (self-hosted) the error logs on a fixed schedule.',
	where: 'Agents > Audit Log; Admin > Agents; Server > Error Logs (Deskpro Download)',
	source: 'article',
	why: [
		'The audit log records what admin accounts did: who was made an admin, which security setting was changed, which app or API key was added. A stolen admin account shows up there, but only if someone looks.',
		'A review that depends on remembering does not happen. Choose how often each review takes place and who does it; the exports turn these into calendar reminders.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '16.3.1 (L2)', text: 'All authentication operations are logged, successful and unsuccessful.' },
		{ standard: 'OWASP ASVS 5.0', id: '16.4.2 (L2)', text: 'Logs are protected against unauthorised change.' },
		{ standard: 'OWASP ASVS 5.0', id: '16.4.3 (L2)', text: 'Logs are sent to a separate system for analysis and safe keeping.' }
	],
	notes: (values, ctx) => {
		const notes: Note[] = [
			{
				kind: 'info',
				text: 'Deskpro keeps login logs for 30 days only. Review at least monthly, or logins will be gone before anyone sees them.'
			},
			{
				kind: 'warning',
				text: 'The audit log lives in Deskpro’s own database: an attacker with full control could change it. If you can, keep a copy elsewhere (ASVS 16.4.2, 16.4.3).'
			}
		];
		if (values?.auditLogCadence === 'quarterly') {
			notes.push({ kind: 'warning', text: 'A quarterly audit-log review misses most logins: they are cleaned after 30 days.' });
		}
		if (ctx.about.deployment === 'onprem-docker') {
			notes.push({
				kind: 'unknown',
				text: 'The article’s Server > Error Logs page is documented for Deskpro Download. Whether the Docker On-Premise product shows the same page is not confirmed in the sources the wizard uses; if it does not, review the container logs wherever your platform collects them.'
			});
		}
		return notes;
	},
	fields: {
		auditLogCadence: choice({ label: 'Audit log review', help: 'Agents > Audit Log: admin actions and recent logins.', default: 'weekly', options }),
		adminReviewCadence: choice({ label: 'Admin account review', help: 'Who has admin rights, and does each still need them? (see “Limit admin privileges”)', default: 'quarterly', options }),
		errorLogCadence: choice({ label: 'Error log review (self-hosted only)', help: 'Server > Error Logs in Deskpro Download. Not used for Deskpro Cloud.', default: 'weekly', options }),
		reviewer: text({
			label: 'Who does the reviews',
			help: 'A name or role, used on the checklist and the reminders.',
			placeholder: 'IT security lead',
			default: '',
			maxLength: 120,
			width: 'medium',
			validate: (v) => (/[\u0000-\u001f\u007f]/.test(v) ? 'The reviewer must not contain control characters.' : null)
		})
	},
	settings: (v, ctx) => {
		const rows: SettingRow[] = [...factRows('review.auditLog', ctx, label(v.auditLogCadence)), ...factRows('review.admins', ctx, label(v.adminReviewCadence))];
		if (ctx.about.deployment !== 'cloud') rows.push(...factRows('review.errorLogs', ctx, label(v.errorLogCadence)));
		return rows;
	},
	checklist: (v, ctx) => {
		const who = v.reviewer.trim();
		return [
			{
				id: 'review-logs.audit-log',
				text: `Review Agents > Audit Log ${lower(v.auditLogCadence)}${who ? ` (${who})` : ''}: look for new admins, changed login or security settings, turned-off 2FA or IP whitelisting, new apps and API keys nobody asked for.`
			},
			{
				id: 'review-logs.admin-list',
				text: `Review the list of admin accounts ${lower(v.adminReviewCadence)}${who ? ` (${who})` : ''} and remove rights that are no longer needed.`
			},
			{
				id: 'review-logs.error-logs',
				text: `Review Deskpro’s error logs ${lower(v.errorLogCadence)} (Server > Error Logs in Deskpro Download) for repeated failures, unknown paths and errors that follow an attack.`,
				notApplicable: ctx.about.deployment === 'cloud' ? ERROR_LOG_CLOUD : undefined
			},
			{
				id: 'review-logs.reminders',
				text: `Put the reviews in ${who ? `${who}’s` : 'the reviewer’s'} calendar as recurring reminders.`
			},
			{
				id: 'review-logs.keep-copy',
				text: 'Decide where a copy of the logs is kept outside Deskpro, or record that you accept the risk.'
			}
		];
	}
});
