import { choice, text, type ChoiceOption } from '$lib/plan/fields';
import { definePractice } from './types';

/** Review cadences. The exports turn the `*Cadence` fields of this step into calendar reminders. */
export const CADENCES = ['weekly', 'monthly', 'quarterly'] as const;

export type Cadence = (typeof CADENCES)[number];

export const cadenceLabels: Record<Cadence, string> = { weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' };

const options: ChoiceOption[] = CADENCES.map((c) => ({ value: c, label: cadenceLabels[c] }));

export const label = (c: string) => cadenceLabels[c as Cadence] ?? c;

const lower = (c: string) => label(c).toLowerCase();

const ERROR_LOG_CLOUD =
	'Deskpro Cloud: the error-log review in the article is for self-hosted Deskpro. Deskpro runs the servers of a Cloud helpdesk and there are no server error logs for you to review.';

export const practice = definePractice({
	id: 'review-logs',
	order: 80,
	title: 'Review logs regularly',
	summary: 'Put reviews of the audit log, the admin list and (self-hosted) the error logs on a fixed schedule.',
	source: 'article',
	fields: {
		auditLogCadence: choice({ label: 'Audit log review', default: 'weekly', options }),
		adminReviewCadence: choice({ label: 'Admin account review', default: 'quarterly', options }),
		errorLogCadence: choice({ label: 'Error log review (self-hosted only)', default: 'weekly', options }),
		reviewer: text({
			label: 'Who does the reviews',
			placeholder: 'IT security lead',
			default: '',
			maxLength: 120,
			width: 'medium',
			validate: (v) => (/[\u0000-\u001f\u007f]/.test(v) ? 'The reviewer must not contain control characters.' : null)
		})
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
