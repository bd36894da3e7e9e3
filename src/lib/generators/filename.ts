/**
 * File names of the exports: ASCII, lower case, from the helpdesk name and the date. Pure.
 * Latin letters lose their accents, Greek and Cyrillic are transliterated (issue 16: a
 * non-Latin name must not vanish from the name); scripts with no letter-by-letter
 * transliteration here (Chinese, Japanese, Korean, Arabic, Hebrew, ...) give the plan's short id
 * instead, so two helpdesks' files still differ.
 */

const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ð: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ħ: 'h' };

/** Greek, after accents are removed (ELOT 743 / ISO 843, simplified: η→i, υ→y, χ→ch). */
const GREEK: Record<string, string> = {
	α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p',
	ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o'
};
/** Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian), BGN/PCGN style, simplified. */
const CYRILLIC: Record<string, string> = {
	а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
	п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e',
	ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz'
};

function translitChar(c: string): string {
	const l = c.toLowerCase();
	const direct = CYRILLIC[l] ?? GREEK[l] ?? FOLD[l];
	if (direct !== undefined) return direct;
	const base = l.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
	return [...base].map((b) => CYRILLIC[b] ?? GREEK[b] ?? FOLD[b] ?? b).join('');
}

/** The name in ASCII letters and digits, and whether some letters had to be dropped. */
export function transliterate(s: string): { text: string; dropped: boolean } {
	const text = [...s.normalize('NFC')].map(translitChar).join('');
	return { text, dropped: /[\p{L}\p{N}]/u.test(text.replace(/[a-z0-9]/g, '')) };
}

/** "Łódź Śródmieście" → "lodz-srodmiescie", "Υποστήριξη" → "ypostirixi"; letters it cannot write are dropped. */
export function slug(s: string, max = 40): string {
	return transliterate(s)
		.text.replace(/[^a-z0-9]+/g, '-')
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

/** The plan's short id for file names: the first 8 hex digits of its id. */
export const shortPlanId = (planId: string) => planId.replace(/[^a-z0-9]/g, '').slice(0, 8);

/**
 * e.g. `deskpro-hardening-checklist-lodz-srodmiescie-2026-03-14.pdf`; a name with letters that
 * cannot be written in ASCII adds the plan's short id (`…-支援-中心` → `…-3f2a9c1d-2026-03-14.pdf`).
 */
export function exportFileName(kind: ExportKind, helpdeskName: string, date: string, planId = ''): string {
	const [base, ext] = NAMES[kind];
	const s = slug(helpdeskName);
	const id = transliterate(helpdeskName).dropped || !s ? shortPlanId(planId) : '';
	const parts = [base, s, id, date].filter(Boolean);
	return `${parts.join('-')}.${ext}`;
}
