/** What the step “review-logs” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './review-logs';
import { label } from './review-logs';
import { text } from '$lib/plan/fields';
import { factsOf } from './_facts';
import { REVIEW_FACTS } from '$lib/deskpro/settings/review';
import { defineDetail, type Note, type SettingRow } from './types';

/** This step's Deskpro facts (its own, loaded with this detail). */
const { factRows } = factsOf(REVIEW_FACTS);

export const detail = defineDetail<typeof practice>({
	where: 'Agents > Audit Log; Admin > Agents; Server > Error Logs (Deskpro Download)',
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
	settings: (v, ctx) => {
		const rows: SettingRow[] = [...factRows('review.auditLog', ctx, label(v.auditLogCadence)), ...factRows('review.admins', ctx, label(v.adminReviewCadence))];
		if (ctx.about.deployment !== 'cloud') rows.push(...factRows('review.errorLogs', ctx, label(v.errorLogCadence)));
		return rows;
	},
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		auditLogCadence: 'Agents > Audit Log: admin actions and recent logins.',
		adminReviewCadence: 'Who has admin rights, and does each still need them? (see “Limit admin privileges”)',
		errorLogCadence: 'Server > Error Logs in Deskpro Download. Not used for Deskpro Cloud.',
		reviewer: 'A name or role, used on the checklist and the reminders.'
	}
});
