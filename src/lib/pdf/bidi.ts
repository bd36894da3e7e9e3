/**
 * Right-to-left text for the PDF, which draws every line left to right: a practical subset of
 * the Unicode Bidirectional Algorithm (UAX #9) for one line of plain text, without explicit
 * embeddings (the exports show bidi control characters as U+FFFD, so none reach here):
 * - the paragraph direction is the one of its first strong character (P2, P3), left to right
 *   when there is none;
 * - weak types resolved as in W1–W7 (numbers after Arabic letters are Arabic numbers, separators
 *   and terminators between or next to numbers join them);
 * - neutrals between two characters of the same direction take it, others the paragraph's (N1, N2);
 * - implicit levels (I1, I2), trailing white space at the paragraph level (L1), and runs reversed
 *   from the highest level down (L2), with a base character and its combining marks kept together
 *   (L3) and paired brackets mirrored in right-to-left runs (L4).
 * So runs of Hebrew or Arabic read right to left, while numbers and Latin words inside them keep
 * their left-to-right order. Written from the text of UAX #9; the character classes below are a
 * simplification of its Bidi_Class property, enough for names and notes.
 */

export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'AN' | 'ES' | 'ET' | 'CS' | 'NSM' | 'WS' | 'ON';
export type Direction = 'ltr' | 'rtl';

const MARK = /\p{M}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

export function bidiClass(cp: number): BidiClass {
	if (cp >= 0x30 && cp <= 0x39) return 'EN';
	if (cp < 0x80) {
		if (cp === 0x2b || cp === 0x2d) return 'ES';
		if (cp === 0x23 || cp === 0x24 || cp === 0x25) return 'ET';
		if (cp === 0x2c || cp === 0x2e || cp === 0x2f || cp === 0x3a) return 'CS';
		if (cp === 0x20 || cp === 0x09) return 'WS';
		return /[A-Za-z]/.test(String.fromCharCode(cp)) ? 'L' : 'ON';
	}
	// the directional marks (the PDF adds them itself: cleaned text never holds one) are strong
	if (cp === 0x200e) return 'L';
	if (cp === 0x200f) return 'R';
	const ch = String.fromCodePoint(cp);
	if (MARK.test(ch)) return 'NSM';
	if (cp >= 0x06f0 && cp <= 0x06f9) return 'EN';
	if ((cp >= 0x0660 && cp <= 0x0669) || cp === 0x066b || cp === 0x066c) return 'AN';
	if (cp === 0x00a0 || cp === 0x060c || cp === 0x202f) return 'CS';
	if (cp === 0x2212 || cp === 0xfb29) return 'ES';
	if ((cp >= 0xa2 && cp <= 0xa5) || cp === 0xb0 || cp === 0xb1 || cp === 0x066a || (cp >= 0x2030 && cp <= 0x2034) || (cp >= 0x20a0 && cp <= 0x20cf)) return 'ET';
	if ((cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0x07c0 && cp <= 0x085f) || (cp >= 0xfb1d && cp <= 0xfb4f)) return 'R';
	if ((cp >= 0x0600 && cp <= 0x07bf) || (cp >= 0x0860 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe)) return 'AL';
	if (SPACE.test(ch) || cp === 0x3000) return 'WS';
	if (LETTER_OR_NUMBER.test(ch)) return 'L';
	return 'ON';
}

const strong = (t: BidiClass): Direction | null => (t === 'L' ? 'ltr' : t === 'R' || t === 'AL' ? 'rtl' : null);

/** The direction of the first strong character (P2, P3), or `fallback` when there is none. */
export function paragraphDirection(s: string, fallback: Direction = 'ltr'): Direction {
	for (const ch of s) {
		const d = strong(bidiClass(ch.codePointAt(0)!));
		if (d) return d;
	}
	return fallback;
}

/** Does the text hold any right-to-left character? (Lines without one are drawn as they are.) */
export function hasRtl(s: string): boolean {
	for (const ch of s) {
		const t = bidiClass(ch.codePointAt(0)!);
		if (t === 'R' || t === 'AL' || t === 'AN') return true;
	}
	return false;
}

/** The embedding level of each code point of one line (UAX #9 W1–W7, N1–N2, I1–I2, L1). */
export function bidiLevels(cps: readonly number[], dir: Direction): number[] {
	const base = dir === 'rtl' ? 1 : 0;
	const sos: BidiClass = base ? 'R' : 'L';
	const orig = cps.map(bidiClass);
	const t = orig.slice();
	const n = t.length;
	// W1: a combining mark takes the type of the character before it
	for (let i = 0; i < n; i++) if (t[i] === 'NSM') t[i] = i === 0 ? sos : t[i - 1]!;
	// W2: European digits after an Arabic letter are Arabic numbers; W3: AL is R
	let last: BidiClass = sos;
	for (let i = 0; i < n; i++) {
		const c = t[i]!;
		if (c === 'L' || c === 'R' || c === 'AL') last = c;
		else if (c === 'EN' && last === 'AL') t[i] = 'AN';
	}
	for (let i = 0; i < n; i++) if (t[i] === 'AL') t[i] = 'R';
	// W4: one separator between two numbers of the same kind joins them
	for (let i = 1; i < n - 1; i++) {
		const c = t[i]!;
		const a = t[i - 1]!;
		const b = t[i + 1]!;
		if (c === 'ES' && a === 'EN' && b === 'EN') t[i] = 'EN';
		else if (c === 'CS' && a === b && (a === 'EN' || a === 'AN')) t[i] = a;
	}
	// W5: terminators next to European numbers are European numbers
	for (let i = 0; i < n; i++) {
		if (t[i] !== 'ET') continue;
		let j = i;
		while (j < n && t[j] === 'ET') j++;
		if ((i > 0 && t[i - 1] === 'EN') || (j < n && t[j] === 'EN')) for (let k = i; k < j; k++) t[k] = 'EN';
		i = j - 1;
	}
	// W6: other separators and terminators are neutral
	for (let i = 0; i < n; i++) if (t[i] === 'ES' || t[i] === 'ET' || t[i] === 'CS') t[i] = 'ON';
	// W7: European numbers after a left-to-right letter are left to right
	last = sos;
	for (let i = 0; i < n; i++) {
		const c = t[i]!;
		if (c === 'L' || c === 'R') last = c;
		else if (c === 'EN' && last === 'L') t[i] = 'L';
	}
	// N1, N2: neutrals between two strong types of one direction take it (numbers count as R)
	const dirOf = (c: BidiClass | undefined): 'L' | 'R' | null => (c === 'L' ? 'L' : c === 'R' || c === 'EN' || c === 'AN' ? 'R' : null);
	for (let i = 0; i < n; i++) {
		if (dirOf(t[i]) !== null) continue;
		let j = i;
		while (j < n && dirOf(t[j]) === null) j++;
		const before = i > 0 ? dirOf(t[i - 1])! : sos;
		const after = j < n ? dirOf(t[j])! : sos;
		const r: BidiClass = before === after ? before : sos;
		for (let k = i; k < j; k++) t[k] = r;
		i = j - 1;
	}
	// I1, I2
	const levels = t.map((c) => (base === 0 ? (c === 'R' ? 1 : c === 'AN' || c === 'EN' ? 2 : 0) : c === 'L' || c === 'AN' || c === 'EN' ? 2 : 1));
	// L1: trailing white space goes back to the paragraph level
	for (let i = n - 1; i >= 0 && (orig[i] === 'WS' || (orig[i] === 'NSM' && i > 0 && orig[i - 1] === 'WS')); i--) levels[i] = base;
	return levels;
}

const MIRROR = new Map<number, number>(
	[
		['(', ')'],
		['[', ']'],
		['{', '}'],
		['<', '>'],
		['«', '»'],
		['‹', '›']
	].flatMap(([a, b]) => [
		[a!.codePointAt(0)!, b!.codePointAt(0)!],
		[b!.codePointAt(0)!, a!.codePointAt(0)!]
	])
);

/**
 * One line in visual (left-to-right drawing) order. `order[i]` is the logical index of the code
 * point drawn at position i: always a permutation of the input's indices.
 */
export function visualOrder(line: string, dir: Direction = paragraphDirection(line)): { text: string; order: number[] } {
	const cps = Array.from(line, (c) => c.codePointAt(0)!);
	const levels = bidiLevels(cps, dir);
	// clusters: a base character with the combining marks after it (L3: they stay after it)
	const clusters: { from: number; to: number; level: number }[] = [];
	for (let i = 0; i < cps.length; i++) {
		const prev = clusters[clusters.length - 1];
		if (prev && i > 0 && MARK.test(String.fromCodePoint(cps[i]!))) prev.to = i + 1;
		else clusters.push({ from: i, to: i + 1, level: levels[i]! });
	}
	// L2: from the highest level down to the lowest odd one, reverse every run at that level or above
	const max = Math.max(0, ...clusters.map((c) => c.level));
	const minOdd = clusters.reduce((m, c) => (c.level % 2 ? Math.min(m, c.level) : m), Infinity);
	for (let lvl = max; lvl >= minOdd && lvl > 0; lvl--) {
		for (let i = 0; i < clusters.length; i++) {
			if (clusters[i]!.level < lvl) continue;
			let j = i;
			while (j < clusters.length && clusters[j]!.level >= lvl) j++;
			const run = clusters.slice(i, j).reverse();
			clusters.splice(i, run.length, ...run);
			i = j;
		}
	}
	const order: number[] = [];
	let text = '';
	for (const c of clusters) {
		for (let i = c.from; i < c.to; i++) {
			order.push(i);
			// L4: a bracket in a right-to-left run is drawn mirrored
			text += String.fromCodePoint(c.level % 2 ? (MIRROR.get(cps[i]!) ?? cps[i]!) : cps[i]!);
		}
	}
	return { text, order };
}
