/**
 * The Arabic shaper and the bidi reordering the PDF uses (src/lib/pdf/shape.ts, bidi.ts):
 * worked examples from the Unicode rules, and properties over random text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shapeArabic, SHAPED_FORMS } from '$lib/pdf/shape';
import { bidiClass, paragraphDirection, visualOrder } from '$lib/pdf/bidi';
import { fontCovers } from '$lib/pdf/scripts';

const cps = (s: string) => Array.from(s, (c) => c.codePointAt(0)!.toString(16));

describe('Arabic shaping', () => {
	it('gives each letter its isolated, initial, medial or final form', () => {
		// بيت: beh initial, yeh medial, teh final
		expect(cps(shapeArabic('بيت'))).toEqual(['fe91', 'fef4', 'fe96']);
		// a single letter is isolated; a right-joining letter (dal) breaks the word after it
		expect(cps(shapeArabic('ب'))).toEqual(['fe8f']);
		// دب: dal isolated (nothing joins before it), beh isolated (dal does not join forwards)
		expect(cps(shapeArabic('دب'))).toEqual(['fea9', 'fe8f']);
		// سلام: seen initial, lam-alef final ligature, meem isolated
		expect(cps(shapeArabic('سلام'))).toEqual(['feb3', 'fefc', 'fee1']);
		// لا alone: the isolated lam-alef ligature; لأ with hamza above
		expect(cps(shapeArabic('لا'))).toEqual(['fefb']);
		expect(cps(shapeArabic('لأ'))).toEqual(['fef7']);
	});

	it('lets combining marks (harakat) and tatweel keep the joining', () => {
		// بَت: fatha between beh and teh is transparent
		expect(cps(shapeArabic('بَت'))).toEqual(['fe91', '64e', 'fe96']);
		// ـب: tatweel joins the beh on its right side (final form)
		expect(cps(shapeArabic('ـب'))).toEqual(['640', 'fe90']);
	});

	it('leaves spaces between words, digits, Latin and Hebrew as they are', () => {
		expect(shapeArabic('abc 123 שלום')).toBe('abc 123 שלום');
		// the space ends the word: both beh are isolated... well, final and initial do not cross it
		expect(cps(shapeArabic('بب بب'))).toEqual(['fe91', 'fe90', '20', 'fe91', 'fe90']);
	});

	it('is idempotent, and every form folds back (NFKC) to the letters it stands for', () => {
		const words = ['مكتب المساعدة', 'سلام عليكم', 'پژوهش', 'گچ', 'لإ', 'لآ', 'ى'];
		for (const w of words) {
			const s = shapeArabic(w);
			expect(shapeArabic(s)).toBe(s);
			expect(s.normalize('NFKC')).toBe(w.normalize('NFKC'));
		}
	});

	it('only produces forms the Hebrew/Arabic font has', () => {
		for (const f of SHAPED_FORMS) expect(fontCovers('rtl', f), f.toString(16)).toBe(true);
	});

	it('property: never loses or changes a non-Arabic character, and folds back to its input', () => {
		const alphabet = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى', 'ـ', 'ً', 'ّ', ' ', 'a', 'Z', '1', '-', '·', 'ש', '北', '\n'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
				const input = chars.join('');
				const out = shapeArabic(input);
				const keep = (s: string) => Array.from(s).filter((c) => !/[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]/.test(c));
				expect(keep(out)).toEqual(keep(input));
				expect(out.normalize('NFKC')).toBe(input.normalize('NFKC'));
			}),
			{ numRuns: 500 }
		);
	});
});

describe('bidi reordering (UAX #9 subset)', () => {
	const visual = (s: string, dir?: 'ltr' | 'rtl') => visualOrder(s, dir).text;

	it('takes the paragraph direction from the first strong character', () => {
		expect(paragraphDirection('123 שלום abc')).toBe('rtl');
		expect(paragraphDirection('- abc שלום')).toBe('ltr');
		expect(paragraphDirection('123 ...')).toBe('ltr');
		expect(paragraphDirection('مرحبا')).toBe('rtl');
	});

	it('reverses a right-to-left run and keeps numbers and Latin words left to right inside it', () => {
		expect(visual('שלום')).toBe('םולש');
		// RTL paragraph: words right to left, the number reads 2024 left to right
		expect(visual('שנת 2024')).toBe('2024 תנש');
		// a Latin word inside Hebrew keeps its order, and its place on the left of the words after it
		expect(visual('שלום abc עולם')).toBe('םלוע abc םולש');
		// an LTR paragraph with a Hebrew word: only the word is reversed...
		expect(visual('Team שלום, ok')).toBe('Team םולש, ok');
		// ...and a number right after it belongs to the right-to-left run (as browsers show it)
		expect(visual('Team שלום 2')).toBe('Team 2 םולש');
		// numbers with separators stay one number, after an Arabic letter too
		expect(visual('رقم 1,234.5')).toBe('1,234.5 مقر');
	});

	it('mirrors brackets in right-to-left runs and keeps marks after their letter', () => {
		expect(visual('שלום (עולם)')).toBe('(םלוע) םולש');
		// شَ: the fatha stays after the sheen it belongs to
		expect(visualOrder('شَب').text).toBe('بشَ');
	});

	it('classifies the characters it needs', () => {
		expect(['a', 'א', 'ب', '1', '٣', '+', '%', ',', ' ', '!', '\u064e'].map((c) => bidiClass(c.codePointAt(0)!))).toEqual([
			'L', 'R', 'AL', 'EN', 'AN', 'ES', 'ET', 'CS', 'WS', 'ON', 'NSM'
		]);
	});

	it('property: the visual order is a permutation of the input, and Latin-only text is unchanged', () => {
		const alphabet = [...'abc XYZ 0123456789.,-+%()[]', ...'אבגדהו', ...'ابتسلم', 'ً', '٣', '北', '—'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 50 }), fc.constantFrom<'ltr' | 'rtl' | undefined>('ltr', 'rtl', undefined), (chars, dir) => {
				const input = chars.join('');
				const { text, order } = visualOrder(input, dir);
				const n = Array.from(input).length;
				expect([...order].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
				// the text is the input's characters at `order` (a bracket may be mirrored)
				const mirror = (c: string) => ({ '(': ')', ')': '(', '[': ']', ']': '[' })[c] ?? c;
				const src = Array.from(input);
				const out = Array.from(text);
				expect(out.length).toBe(n);
				out.forEach((c, i) => expect([src[order[i]!], mirror(src[order[i]!]!)]).toContain(c));
			}),
			{ numRuns: 500 }
		);
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(...'abc XYZ 0123.,-()λж') }), (s) => {
				expect(visualOrder(s, 'ltr').text).toBe(s);
			}),
			{ numRuns: 300 }
		);
	});

	it('property: reordering twice in a right-to-left paragraph of pure Hebrew gives the input back', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(...'אבגדהוזחט') }), (s) => {
				expect(visualOrder(visualOrder(s, 'rtl').text, 'rtl').text).toBe(s);
			}),
			{ numRuns: 200 }
		);
	});
});
