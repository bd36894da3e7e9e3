import { afterEach, describe, expect, it, vi } from 'vitest';
import { entropyBits, generateSecret, randomIndex, randomString, SECRET_ALPHABETS, secretAlphabet } from '$lib/random';
import { countDeskproSymbols } from '$lib/strength/policy';
import { DB_PASSWORD_ALPHABET, DB_PASSWORD_LENGTH } from '$lib/validate/server';
import { generateDbPassword } from '$lib/practices/_server-env';

/* ---------------------------------------------------------------- chi-square goodness of fit */

/** Standard normal upper tail. */
function normalUpperTail(z: number): number {
	// Abramowitz & Stegun 7.1.26 on erfc(z / sqrt 2); ample accuracy for a test threshold
	const x = Math.abs(z) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * x);
	const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
	return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** p-value of a chi-square statistic with `df` degrees of freedom (Wilson–Hilferty). */
function chiSquarePValue(stat: number, df: number): number {
	const z = (Math.cbrt(stat / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df));
	return normalUpperTail(z);
}

/** Draws `draws` characters and tests that every alphabet character is equally frequent. */
function uniformityTest(gen: (n: number) => string, alphabet: string, draws: number) {
	const counts = new Map<string, number>([...alphabet].map((c) => [c, 0]));
	let left = draws;
	while (left > 0) {
		const n = Math.min(left, 4096);
		for (const ch of gen(n)) {
			const c = counts.get(ch);
			if (c === undefined) throw new Error(`character outside the alphabet: ${ch}`);
			counts.set(ch, c + 1);
		}
		left -= n;
	}
	const expected = draws / alphabet.length;
	let stat = 0;
	for (const c of counts.values()) stat += (c - expected) ** 2 / expected;
	const df = alphabet.length - 1;
	return { stat, df, p: chiSquarePValue(stat, df), min: Math.min(...counts.values()), max: Math.max(...counts.values()) };
}

/** The classic mistake: one random byte per character, reduced with `%` (modulo bias). */
function moduloBiasedString(length: number, alphabet: string): string {
	const bytes = crypto.getRandomValues(new Uint8Array(length));
	let out = '';
	for (const b of bytes) out += alphabet[b % alphabet.length];
	return out;
}

/** Significance level: a fair generator fails with this probability (about one run in a million). */
const ALPHA = 1e-6;
const DRAWS_PER_CHAR = 2000;

describe('the chi-square helper', () => {
	it('gives the textbook p-values', () => {
		// chi-square critical values: df 10 at p=0.05 is 18.307; df 61 at p=0.01 is 88.38
		expect(chiSquarePValue(18.307, 10)).toBeCloseTo(0.05, 2);
		expect(chiSquarePValue(88.38, 61)).toBeCloseTo(0.01, 2);
		expect(chiSquarePValue(61, 61)).toBeGreaterThan(0.4);
	});
});

describe('randomString is uniform (chi-square over many draws)', () => {
	for (const a of SECRET_ALPHABETS) {
		it(`every character of "${a.id}" (${a.chars.length}) appears with the expected frequency`, () => {
			const r = uniformityTest((n) => randomString(n, a.chars), a.chars, a.chars.length * DRAWS_PER_CHAR);
			expect(r.p, `chi-square ${r.stat.toFixed(1)} on ${r.df} df`).toBeGreaterThan(ALPHA);
		});
	}

	it('the database password of the server steps is uniform too', () => {
		const many = (n: number) => {
			let s = '';
			while (s.length < n) s += generateDbPassword();
			return s.slice(0, n);
		};
		const r = uniformityTest(many, DB_PASSWORD_ALPHABET, DB_PASSWORD_ALPHABET.length * DRAWS_PER_CHAR);
		expect(r.p, `chi-square ${r.stat.toFixed(1)} on ${r.df} df`).toBeGreaterThan(ALPHA);
		expect(generateDbPassword()).toHaveLength(DB_PASSWORD_LENGTH);
	});

	it('a modulo-biased generator FAILS the same test', () => {
		for (const id of ['alnum', 'alnum-symbols', 'unambiguous'] as const) {
			const chars = secretAlphabet(id).chars;
			const r = uniformityTest((n) => moduloBiasedString(n, chars), chars, chars.length * DRAWS_PER_CHAR);
			expect(r.p, `${id}: chi-square ${r.stat.toFixed(1)} on ${r.df} df`).toBeLessThan(ALPHA);
		}
	});

	it('the test is not fooled by a generator that is only a little off', () => {
		// 62 letters where the first appears 1.3x as often as the others
		const chars = secretAlphabet('alnum').chars;
		const skewed = (n: number) => [...randomString(n, chars)].map((c) => (Math.random() < 0.3 / 62 ? chars[0] : c)).join('');
		const r = uniformityTest(skewed, chars, chars.length * DRAWS_PER_CHAR);
		expect(r.p).toBeLessThan(ALPHA);
	});
});

describe('randomIndex rejection sampling', () => {
	afterEach(() => vi.restoreAllMocks());

	it('rejects the values that would cause modulo bias and draws again', () => {
		const n = 62;
		const limit = 2 ** 32 - (2 ** 32 % n);
		const queue = [2 ** 32 - 1, limit, limit + 1, 125];
		const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(a: T): T => {
			(a as unknown as Uint32Array)[0] = queue.shift()!;
			return a;
		});
		expect(randomIndex(n)).toBe(125 % n);
		expect(spy).toHaveBeenCalledTimes(4);
	});

	it('randomString rejects the same values', () => {
		const n = 62;
		const limit = 2 ** 32 - (2 ** 32 % n);
		const chars = secretAlphabet('alnum').chars;
		vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(a: T): T => {
			const u = a as unknown as Uint32Array;
			for (let i = 0; i < u.length; i++) u[i] = i % 2 === 0 ? limit + (i % (2 ** 32 - limit)) : i; // every other value is rejected
			return a;
		});
		expect(randomString(5, chars)).toBe([1, 3, 5, 7, 9].map((i) => chars[i % n]).join(''));
	});

	it('accepts the largest unbiased value', () => {
		const n = 62;
		const limit = 2 ** 32 - (2 ** 32 % n);
		vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(a: T): T => {
			(a as unknown as Uint32Array)[0] = limit - 1;
			return a;
		});
		expect(randomIndex(n)).toBe((limit - 1) % n);
	});

	it('is uniform even where plain modulo would be badly biased (n = 3·2^30)', () => {
		// with `x % n` the first third of the range would come up twice as often
		const n = 3 * 2 ** 30;
		const buckets = [0, 0, 0];
		const draws = 30000;
		for (let i = 0; i < draws; i++) buckets[Math.floor(randomIndex(n) / 2 ** 30)]!++;
		const e = draws / 3;
		const stat = buckets.reduce((s, c) => s + (c - e) ** 2 / e, 0);
		expect(chiSquarePValue(stat, 2)).toBeGreaterThan(ALPHA);
	});

	it('rejects bad arguments', () => {
		expect(() => randomIndex(0)).toThrow(RangeError);
		expect(() => randomIndex(1.5)).toThrow(RangeError);
		expect(() => randomIndex(2 ** 32 + 1)).toThrow(RangeError);
		expect(() => randomString(5, 'a')).toThrow(RangeError);
	});
});

describe('generated secrets', () => {
	it('have the requested length and only characters of the chosen alphabet', () => {
		for (const a of SECRET_ALPHABETS) {
			for (const len of [1, 12, 32, 64, 128]) {
				const s = generateSecret(len, a.id);
				expect(s).toHaveLength(len);
				for (const ch of s) expect(a.chars).toContain(ch);
			}
		}
		expect(() => generateSecret(0)).toThrow(RangeError);
		expect(() => generateSecret(2000)).toThrow(RangeError);
	});

	it('alphabets hold nothing that PHP, SQL, shell, cmd or URLs treat specially', () => {
		const special = ' \t\n\'"`\\$!#%&;|<>*?~{}[]()^=,:@/+';
		for (const a of SECRET_ALPHABETS) {
			expect(new Set(a.chars).size, a.id).toBe(a.chars.length);
			for (const ch of special) expect(a.chars.includes(ch), `${a.id} contains ${JSON.stringify(ch)}`).toBe(false);
			expect(a.chars).toMatch(/^[A-Za-z0-9._-]+$/);
		}
	});

	it('the symbols offered count as symbols for Deskpro’s policy', () => {
		const sym = secretAlphabet('alnum-symbols').chars.replace(/[A-Za-z0-9]/g, '');
		expect(sym).toBe('-_.');
		expect(countDeskproSymbols(sym)).toBe(3);
	});

	it('the look-alike-free alphabet has no 0 O 1 l I', () => {
		expect(secretAlphabet('unambiguous').chars).not.toMatch(/[0O1lI]/);
		expect(secretAlphabet('unambiguous').chars).toHaveLength(57);
	});

	it('entropy is length × log2(alphabet size)', () => {
		expect(entropyBits(32, 62)).toBeCloseTo(190.53, 2);
		expect(entropyBits(32, 16)).toBe(128);
		expect(entropyBits(20, 65)).toBeCloseTo(120.45, 2);
	});

	it('unknown alphabet ids fall back to letters and digits', () => {
		expect(secretAlphabet('nope').id).toBe('alnum');
	});
});
