/**
 * Who prepared the checklist and who signs it off: shown on the PDF cover and sign-off block,
 * the Markdown export and the printed summary. Stored as the `signoff` answers of the plan
 * (like a step's answers), so the same field machinery validates and renders them.
 */
import { checkFields, text, type Fields, type FieldErrors, type Values } from './fields';
import { freeTextProblem } from '$lib/validate/text';

export const SIGNOFF_STEP_ID = 'signoff';

const noControl = (v: string) => freeTextProblem(v);

/** `YYYY-MM-DD` and a real calendar date. */
export function checkIsoDate(v: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
	if (!m) return 'Enter the date as YYYY-MM-DD, e.g. 2026-03-31.';
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const dt = new Date(Date.UTC(y, mo - 1, d));
	if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return `${v.trim()} is not a real date.`;
	return null;
}

export const signoffFields = {
	preparedBy: text({
		label: 'Prepared by',
		help: 'Your name, shown on the cover of the checklist.',
		default: '',
		maxLength: 120,
		autocomplete: 'name',
		width: 'medium',
		validate: noControl
	}),
	preparedRole: text({ label: 'Your role', default: '', maxLength: 120, placeholder: 'Helpdesk administrator', autocomplete: 'organization-title', width: 'medium', validate: noControl }),
	signoffName: text({
		label: 'Signed off by',
		help: 'The person who approves the hardening (leave blank to fill in by hand on paper).',
		default: '',
		maxLength: 120,
		width: 'medium',
		validate: noControl
	}),
	signoffRole: text({ label: 'Their role', default: '', maxLength: 120, placeholder: 'Information security officer', width: 'medium', validate: noControl }),
	signoffDate: text({ label: 'Sign-off date', help: 'YYYY-MM-DD, or blank to fill in by hand.', default: '', maxLength: 10, placeholder: 'YYYY-MM-DD', width: 'short', validate: checkIsoDate })
} satisfies Fields;

const pad = (n: number) => String(n).padStart(2, '0');

/** The record's date: the local date (YYYY-MM-DD) of the plan's last change, or '' when unknown. */
export function recordDate(updatedAt: string): string {
	const d = new Date(updatedAt);
	return Number.isNaN(d.getTime()) ? '' : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The sign-off answers with their field messages, including the rule across the record: a
 * sign-off date before the record's date (its last change) is refused, and left blank in the
 * exports, because nobody can sign off content that did not exist yet.
 */
export function checkSignoff(plan: { answers: Record<string, unknown>; updatedAt: string }): { values: Values<typeof signoffFields>; errors: FieldErrors } {
	const c = checkFields(signoffFields, plan.answers[SIGNOFF_STEP_ID] as Record<string, unknown> | undefined);
	const values = { ...c.lenient };
	const errors = { ...c.errors };
	const date = values.signoffDate.trim();
	const record = recordDate(plan.updatedAt);
	if (errors.signoffDate) values.signoffDate = '';
	else if (date && record && date < record) {
		errors.signoffDate = `The sign-off date is before the record’s date (${record}, its last change): sign off on ${record} or later, or leave it blank.`;
		values.signoffDate = '';
	}
	return { values, errors };
}
