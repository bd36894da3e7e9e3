/**
 * Which PDF fonts a text needs, and which of its characters no font can draw: decided from the
 * committed fonts' character maps (`coverage.generated.ts`, written by scripts/subset-font.sh)
 * before anything is fetched. Light: the export panel imports it to warn before the download.
 *
 * - `main`: DejaVu Sans (Latin, Greek, Cyrillic, punctuation): always loaded with the PDF.
 * - `rtl`: DejaVu Sans Hebrew and Arabic (with the presentation forms the shaper uses).
 * - `cjk`: Droid Sans Fallback: CJK ideographs, kana, CJK punctuation, fullwidth forms.
 * - `hangul`: Korean Hangul syllables and jamo (a subset of NanumGothic).
 * The last three are separate files, fetched only when the report holds such characters; the
 * offline single-file build leaves out `cjk` and `hangul` (multi-megabyte fonts), see README.
 */
import { COVERAGE } from './coverage.generated';
import { visibleControls } from '$lib/validate/text';

export type FontId = keyof typeof COVERAGE;
export type FallbackFont = Exclude<FontId, 'main'>;
export const FALLBACK_FONTS: readonly FallbackFont[] = ['rtl', 'cjk', 'hangul'];

function inRanges(ranges: readonly (readonly [number, number])[], cp: number): boolean {
	let lo = 0;
	let hi = ranges.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const r = ranges[mid]!;
		if (cp < r[0]) hi = mid - 1;
		else if (cp > r[1]) lo = mid + 1;
		else return true;
	}
	return false;
}

export function fontCovers(font: FontId, cp: number): boolean {
	return inRanges(COVERAGE[font], cp);
}

/** The first font (main, then rtl, cjk, hangul) that has a glyph for `cp`, if any of `fonts` does. */
export function fontFor(cp: number, fonts: readonly FontId[] = ['main', ...FALLBACK_FONTS]): FontId | null {
	for (const f of fonts) if (fontCovers(f, cp)) return f;
	return null;
}

/** The separately loaded fonts the text needs (none for Latin, Greek or Cyrillic text). */
export function fallbackFontsFor(text: string): Set<FallbackFont> {
	const need = new Set<FallbackFont>();
	for (const ch of text.normalize('NFC')) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80 || fontCovers('main', cp)) continue;
		const f = fontFor(cp, FALLBACK_FONTS);
		if (f && f !== 'main') need.add(f);
	}
	return need;
}

/** Unicode scripts (Script property values) named in the warning; anything else is "symbols". */
const SCRIPTS: readonly [string, RegExp][] = [
	['emoji', /\p{Extended_Pictographic}/u],
	...(
		[
			'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali',
			'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar',
			'Khmer', 'Mongolian', 'Ethiopic', 'Cherokee', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo', 'Yi', 'Javanese', 'Balinese',
			'Tifinagh', 'Canadian_Aboriginal', 'Runic', 'Ogham', 'Vai', 'Nko', 'Tagalog'
		] as const
	).map((s): [string, RegExp] => [s.replace(/_/g, ' '), new RegExp(`\\p{Script=${s}}`, 'u')])
];

export function scriptName(ch: string): string {
	for (const [name, re] of SCRIPTS) if (re.test(ch)) return name === 'Han' ? 'Chinese/Japanese characters (Han)' : name;
	return 'symbols';
}

export interface Unrenderable {
	/** The script's name ("Thai", "emoji", "symbols"...). */
	script: string;
	/** Up to eight of its characters, as typed. */
	sample: string;
	/** Where it was found: the first text (a name, a note) that holds it, cut to 40 characters. */
	in: string;
}

/**
 * What the PDF would show as U+FFFD although the admin typed it on purpose: characters no font
 * has (control and bidirectional characters, which every export shows as U+FFFD by design, and
 * white space are not counted). `fonts`: the fonts this build can load.
 */
export function unrenderable(texts: readonly string[], fonts: readonly FontId[] = ['main', ...FALLBACK_FONTS]): Unrenderable[] {
	const by = new Map<string, Unrenderable>();
	for (const raw of texts) {
		const text = visibleControls(raw.normalize('NFC'));
		for (const ch of text) {
			const cp = ch.codePointAt(0)!;
			if (cp < 0x20 || cp === 0xfffd || (cp >= 0x7f && cp < 0xa0) || /\s/u.test(ch) || /\p{M}/u.test(ch)) continue;
			if (fontFor(cp, fonts)) continue;
			// variation selectors and zero-width joiners of emoji sequences count with the emoji
			if (/[\u200d\ufe0e\ufe0f]/u.test(ch)) continue;
			const script = scriptName(ch);
			const u = by.get(script) ?? { script, sample: '', in: raw.length > 40 ? `${Array.from(raw).slice(0, 39).join('')}…` : raw };
			if (Array.from(u.sample).length < 8 && !u.sample.includes(ch)) u.sample += ch;
			by.set(script, u);
		}
	}
	return [...by.values()];
}
