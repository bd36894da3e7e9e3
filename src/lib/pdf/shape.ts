/**
 * Arabic joining for the PDF, which draws glyphs one by one (jsPDF has no OpenType shaping):
 * every Arabic letter becomes its isolated, final, initial or medial presentation form
 * (Unicode's Arabic Presentation Forms-A and -B blocks), and lam followed by an alef becomes the
 * lam-alef ligature. Written from the Unicode facts (the joining types of ArabicShaping.txt and
 * the `<isolated>`/`<final>`/`<initial>`/`<medial>` decompositions of the presentation forms;
 * tests/unit/pdf-bidi.test.ts checks every form decomposes, under NFKC, to its letter). Only
 * forms the RTL font (DejaVu Sans) has are listed; other letters are left as they are.
 *
 * Text stays in logical order here; `bidi.ts` puts it in visual order afterwards.
 */

/** [letter, isolated, final, initial, medial]; 0 where the letter has no such form (right-joining). */
const FORMS: readonly (readonly [number, number, number, number, number])[] = [
	[0x0622, 0xfe81, 0xfe82, 0, 0], // alef with madda above
	[0x0623, 0xfe83, 0xfe84, 0, 0], // alef with hamza above
	[0x0624, 0xfe85, 0xfe86, 0, 0], // waw with hamza above
	[0x0625, 0xfe87, 0xfe88, 0, 0], // alef with hamza below
	[0x0626, 0xfe89, 0xfe8a, 0xfe8b, 0xfe8c], // yeh with hamza above
	[0x0627, 0xfe8d, 0xfe8e, 0, 0], // alef
	[0x0628, 0xfe8f, 0xfe90, 0xfe91, 0xfe92], // beh
	[0x0629, 0xfe93, 0xfe94, 0, 0], // teh marbuta
	[0x062a, 0xfe95, 0xfe96, 0xfe97, 0xfe98], // teh
	[0x062b, 0xfe99, 0xfe9a, 0xfe9b, 0xfe9c], // theh
	[0x062c, 0xfe9d, 0xfe9e, 0xfe9f, 0xfea0], // jeem
	[0x062d, 0xfea1, 0xfea2, 0xfea3, 0xfea4], // hah
	[0x062e, 0xfea5, 0xfea6, 0xfea7, 0xfea8], // khah
	[0x062f, 0xfea9, 0xfeaa, 0, 0], // dal
	[0x0630, 0xfeab, 0xfeac, 0, 0], // thal
	[0x0631, 0xfead, 0xfeae, 0, 0], // reh
	[0x0632, 0xfeaf, 0xfeb0, 0, 0], // zain
	[0x0633, 0xfeb1, 0xfeb2, 0xfeb3, 0xfeb4], // seen
	[0x0634, 0xfeb5, 0xfeb6, 0xfeb7, 0xfeb8], // sheen
	[0x0635, 0xfeb9, 0xfeba, 0xfebb, 0xfebc], // sad
	[0x0636, 0xfebd, 0xfebe, 0xfebf, 0xfec0], // dad
	[0x0637, 0xfec1, 0xfec2, 0xfec3, 0xfec4], // tah
	[0x0638, 0xfec5, 0xfec6, 0xfec7, 0xfec8], // zah
	[0x0639, 0xfec9, 0xfeca, 0xfecb, 0xfecc], // ain
	[0x063a, 0xfecd, 0xfece, 0xfecf, 0xfed0], // ghain
	[0x0641, 0xfed1, 0xfed2, 0xfed3, 0xfed4], // feh
	[0x0642, 0xfed5, 0xfed6, 0xfed7, 0xfed8], // qaf
	[0x0643, 0xfed9, 0xfeda, 0xfedb, 0xfedc], // kaf
	[0x0644, 0xfedd, 0xfede, 0xfedf, 0xfee0], // lam
	[0x0645, 0xfee1, 0xfee2, 0xfee3, 0xfee4], // meem
	[0x0646, 0xfee5, 0xfee6, 0xfee7, 0xfee8], // noon
	[0x0647, 0xfee9, 0xfeea, 0xfeeb, 0xfeec], // heh
	[0x0648, 0xfeed, 0xfeee, 0, 0], // waw
	[0x0649, 0xfeef, 0xfef0, 0xfbe8, 0xfbe9], // alef maksura
	[0x064a, 0xfef1, 0xfef2, 0xfef3, 0xfef4], // yeh
	[0x0679, 0xfb66, 0xfb67, 0xfb68, 0xfb69], // tteh
	[0x067a, 0xfb5e, 0xfb5f, 0xfb60, 0xfb61], // tteheh
	[0x067b, 0xfb52, 0xfb53, 0xfb54, 0xfb55], // beeh
	[0x067e, 0xfb56, 0xfb57, 0xfb58, 0xfb59], // peh
	[0x067f, 0xfb62, 0xfb63, 0xfb64, 0xfb65], // teheh
	[0x0680, 0xfb5a, 0xfb5b, 0xfb5c, 0xfb5d], // beheh
	[0x0683, 0xfb76, 0xfb77, 0xfb78, 0xfb79], // nyeh
	[0x0684, 0xfb72, 0xfb73, 0xfb74, 0xfb75], // dyeh
	[0x0686, 0xfb7a, 0xfb7b, 0xfb7c, 0xfb7d], // tcheh
	[0x0687, 0xfb7e, 0xfb7f, 0xfb80, 0xfb81], // tcheheh
	[0x0688, 0xfb88, 0xfb89, 0, 0], // ddal
	[0x068c, 0xfb84, 0xfb85, 0, 0], // dahal
	[0x068d, 0xfb82, 0xfb83, 0, 0], // ddahal
	[0x068e, 0xfb86, 0xfb87, 0, 0], // dul
	[0x0691, 0xfb8c, 0xfb8d, 0, 0], // rreh
	[0x0698, 0xfb8a, 0xfb8b, 0, 0], // jeh
	[0x06a4, 0xfb6a, 0xfb6b, 0xfb6c, 0xfb6d], // veh
	[0x06a6, 0xfb6e, 0xfb6f, 0xfb70, 0xfb71], // peheh
	[0x06a9, 0xfb8e, 0xfb8f, 0xfb90, 0xfb91], // keheh
	[0x06ad, 0xfbd3, 0xfbd4, 0xfbd5, 0xfbd6], // ng
	[0x06af, 0xfb92, 0xfb93, 0xfb94, 0xfb95], // gaf
	[0x06b1, 0xfb9a, 0xfb9b, 0xfb9c, 0xfb9d], // ngoeh
	[0x06b3, 0xfb96, 0xfb97, 0xfb98, 0xfb99], // gueh
	[0x06ba, 0xfb9e, 0xfb9f, 0, 0], // noon ghunna
	[0x06bb, 0xfba0, 0xfba1, 0xfba2, 0xfba3], // rnoon
	[0x06be, 0xfbaa, 0xfbab, 0xfbac, 0xfbad], // heh doachashmee
	[0x06c6, 0xfbd9, 0xfbda, 0, 0], // oe
	[0x06c7, 0xfbd7, 0xfbd8, 0, 0], // u
	[0x06c8, 0xfbdb, 0xfbdc, 0, 0], // yu
	[0x06cb, 0xfbde, 0xfbdf, 0, 0], // ve
	[0x06cc, 0xfbfc, 0xfbfd, 0xfbfe, 0xfbff], // farsi yeh
	[0x06d0, 0xfbe4, 0xfbe5, 0xfbe6, 0xfbe7], // e
];

const BY_LETTER = new Map<number, readonly [number, number, number, number, number]>(FORMS.map((f) => [f[0], f]));
/** Every presentation form this module can produce (tests check the font has each). */
export const SHAPED_FORMS: readonly number[] = [...FORMS.flatMap((f) => f.slice(1).filter((c) => c !== 0)), 0xfef5, 0xfef6, 0xfef7, 0xfef8, 0xfef9, 0xfefa, 0xfefb, 0xfefc];

const LAM = 0x0644;
/** alef (with madda above, hamza above, hamza below, plain) → the lam-alef ligature's isolated form (final = +1). */
const LAM_ALEF = new Map<number, number>([
	[0x0622, 0xfef5],
	[0x0623, 0xfef7],
	[0x0625, 0xfef9],
	[0x0627, 0xfefb]
]);
const TATWEEL = 0x0640;
const ZWJ = 0x200d;

/** Joining type: D dual, R right (joins to the letter before it only), C join-causing, T transparent, U none. */
type Joining = 'D' | 'R' | 'C' | 'T' | 'U';
const MARK = /\p{M}/u;

function joining(cp: number): Joining {
	const f = BY_LETTER.get(cp);
	if (f) return f[3] ? 'D' : 'R';
	if (cp === TATWEEL || cp === ZWJ) return 'C';
	if (MARK.test(String.fromCodePoint(cp))) return 'T';
	return 'U';
}

/** Does this text hold a letter `shapeArabic` changes? (Cheap test before the work.) */
export function hasArabicLetter(s: string): boolean {
	return /[\u0620-\u06ff]/.test(s);
}

/**
 * The text with each Arabic letter in its contextual presentation form and lam-alef ligated.
 * Every other character (including marks, digits, spaces, Hebrew) is kept as it is and in place.
 * Idempotent: presentation forms are left alone.
 */
export function shapeArabic(s: string): string {
	if (!hasArabicLetter(s)) return s;
	// units: one letter (or lam + alef), with the joining type it has towards its neighbours
	const cps = Array.from(s, (c) => c.codePointAt(0)!);
	const units: { cp: number; alef?: number; type: Joining }[] = [];
	for (let i = 0; i < cps.length; i++) {
		const cp = cps[i]!;
		const next = cps[i + 1];
		if (cp === LAM && next !== undefined && LAM_ALEF.has(next)) {
			units.push({ cp, alef: next, type: 'R' });
			i++;
		} else units.push({ cp, type: joining(cp) });
	}
	const joinsForward = (t: Joining | undefined) => t === 'D' || t === 'C';
	const joinsBackward = (t: Joining | undefined) => t === 'D' || t === 'R' || t === 'C';
	let out = '';
	for (let i = 0; i < units.length; i++) {
		const u = units[i]!;
		if (u.type !== 'D' && u.type !== 'R') {
			out += String.fromCodePoint(u.cp);
			continue;
		}
		let p = i - 1;
		while (p >= 0 && units[p]!.type === 'T') p--;
		let n = i + 1;
		while (n < units.length && units[n]!.type === 'T') n++;
		const prev = p >= 0 && joinsForward(units[p]!.type);
		const next = u.type === 'D' && n < units.length && joinsBackward(units[n]!.type);
		if (u.alef !== undefined) {
			out += String.fromCodePoint(LAM_ALEF.get(u.alef)! + (prev ? 1 : 0));
			continue;
		}
		const f = BY_LETTER.get(u.cp)!;
		out += String.fromCodePoint(prev && next ? f[4] : prev ? f[2] : next ? f[3] : f[1]);
	}
	return out;
}
