/** File names of the exports: ASCII, lower case, from the helpdesk name and the date. Pure. */

const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ð: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ħ: 'h' };

/** "Łódź Śródmieście" → "lodz-srodmiescie"; non-Latin names give '' (the caller falls back). */
export function slug(s: string, max = 40): string {
	return s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[łđðøßæœþıħ]/g, (c) => FOLD[c] ?? c)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, max)
		.replace(/-+$/, '');
}

export type ExportKind = 'pdf' | 'markdown' | 'json' | 'bundle' | 'ics';

const NAMES: Record<ExportKind, [string, string]> = {
	pdf: ['deskpro-hardening-checklist', 'pdf'],
	markdown: ['deskpro-hardening-checklist', 'md'],
	json: ['deskpro-hardening-plan', 'json'],
	bundle: ['deskpro-config-bundle', 'zip'],
	ics: ['deskpro-review-reminders', 'ics']
};

/** e.g. `deskpro-hardening-checklist-lodz-srodmiescie-2026-03-14.pdf`. */
export function exportFileName(kind: ExportKind, helpdeskName: string, date: string): string {
	const [base, ext] = NAMES[kind];
	const s = slug(helpdeskName);
	return `${base}${s ? `-${s}` : ''}-${date}.${ext}`;
}
