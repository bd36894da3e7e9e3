/**
 * Free text (names, notes, skip reasons, sign-off fields): the one definition of the characters
 * it may not hold, and of how exports show such a character if an old saved plan still has one.
 * Control characters (C0 but tab and, where several lines are allowed, line breaks; DEL; C1) run
 * terminal escape sequences when an export is `cat`, and bidirectional controls make text read
 * differently from what it holds (Trojan Source, CVE-2021-42574).
 */

/** C0 except tab/LF/CR, DEL and C1. */
const CONTROL_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Every control character but tab. */
const CONTROL_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
/** Bidirectional formatting characters: embeddings/overrides, isolates, marks, Arabic letter mark. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

const hex = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Null, or the field message for free text holding a control or bidirectional character.
 * `multiline`: line breaks are allowed (notes, reasons).
 */
export function freeTextProblem(v: string, multiline = false): string | null {
	const c = (multiline ? CONTROL_MULTI : CONTROL_LINE).exec(v)?.[0];
	if (c !== undefined) {
		if (!multiline && (c === '\n' || c === '\r')) return 'Use a single line: line breaks are not allowed here.';
		return `The text contains the control character ${hex(c)}, which is not allowed: remove it (it often comes from copying out of a terminal or a document).`;
	}
	const b = BIDI.exec(v)?.[0];
	if (b !== undefined) {
		return `The text contains the invisible direction character ${hex(b)}, which can make text read differently from what it holds: remove it.`;
	}
	return null;
}

const ANY_BAD_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * For exports: every character `freeTextProblem` refuses (tab and line breaks kept) replaced by
 * U+FFFD, visibly, so that nothing reaches a terminal or calendar raw.
 */
export function visibleControls(s: string): string {
	return s.replace(ANY_BAD_MULTI, '\uFFFD');
}
