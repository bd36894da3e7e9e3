import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createEstimator, type Estimator } from '$lib/strength/engine';
import { decompress, DICTIONARY_SOURCES, loadDictionaries } from '$lib/strength/dictionaries';
import { cutForEstimate, ZXCVBN_MAX_LENGTH } from '$lib/strength/limits';
import { PASSWORD_EXAMPLES } from '$lib/strength/examples';
import { strengthUserInputs } from '$lib/strength/user-inputs';
import { generateSecret } from '$lib/random';
import { generate, OUTPUT, compress, readList } from '../../scripts/build-dictionaries.js';

let estimate: Estimator;
beforeAll(() => {
	estimate = createEstimator();
});

const HELPDESK = strengthUserInputs({
	helpdeskName: 'Acme Support',
	helpdeskUrl: 'https://support.acme.example/',
	adminNames: ['jane.doe@acme.example', 'Rob Admin']
});

describe('the trimmed dictionaries', () => {
	it('the generated file is what the build script produces from the installed language packs', () => {
		expect(readFileSync(OUTPUT, 'utf8')).toBe(generate());
	});

	it('decompress reverses the language packs’ prefix compression exactly', () => {
		const dicts = loadDictionaries();
		for (const s of DICTIONARY_SOURCES) {
			const [pkg, file] = s.source.split('/src/') as [string, string];
			const list = readList(pkg, file) as string[] | Record<string, string[]>;
			const all = Array.isArray(list) ? list : list[s.name]!;
			expect(dicts[s.name], s.name).toEqual(all.slice(0, s.kept));
			expect(s.total).toBe(all.length);
		}
		expect(decompress(compress(['abc', 'abd', 'b', 'b2', '!x']))).toEqual(['abc', 'abd', 'b', 'b2', '!x']);
	});

	it('keeps every common password and the most frequent words and names', () => {
		const kept = Object.fromEntries(DICTIONARY_SOURCES.map((s) => [s.name, s]));
		expect(kept['passwords-common']).toMatchObject({ kept: 49233, total: 49233 });
		expect(kept['commonWords-en']!.kept).toBe(25000);
		expect(kept['firstnames-en']!.kept).toBe(kept['firstnames-en']!.total);
		expect(kept['lastnames-en']!.kept).toBe(10000);
	});
});

describe('zxcvbn with these dictionaries', () => {
	const atMost1 = (list: string[], inputs: string[] = []) => {
		for (const p of list) expect(estimate(p, inputs).score, p).toBeLessThanOrEqual(1);
	};

	it('very common passwords score 0–1', () => {
		atMost1(['password', '123456', '12345678', 'qwerty', 'letmein', 'iloveyou', 'monkey', 'dragon', 'Password1', 'P@ssw0rd', 'Passw0rd!', 'welcome1', 'Welcome1!', 'admin123', 'abc123', 'trustno1', 'sunshine', 'football1', 'baseball']);
	});

	it('keyboard walks score 0–1', () => {
		atMost1(['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx', 'qazwsxedc', '!QAZ2wsx', 'poiuytrewq', 'zaq12wsx', 'zxcvbnm,./', '1234qwer', 'qwerty123', 'asdf1234']);
	});

	it('dates score 0–1', () => {
		atMost1(['12/05/1987', '1987-05-12', '05121987', '12.05.1987', '2026-01-31', '31/01/2026', '19870512', '1.1.2000']);
	});

	it('the helpdesk’s own name, domain and admin names score 0–1', () => {
		const own = ['Acme Support', 'acmesupport', 'AcmeSupport1', 'AcmeSupport!', 'acme-support', 'acmesupport2026', 'support.acme.example', 'supportacme', 'Acme2026', 'helpdesk', 'Helpdesk1!', 'deskpro1', 'Deskpro!', 'janedoe', 'JaneDoe1!', 'jane.doe', 'robadmin', 'acme123'];
		atMost1(own, HELPDESK);
	});

	it('without the helpdesk words some of those would look stronger: the user inputs matter', () => {
		const without = ['AcmeSupport!', 'acmesupport2026', 'JaneDoe1!', 'robadmin'].map((p) => estimate(p).guessesLog10);
		const withInputs = ['AcmeSupport!', 'acmesupport2026', 'JaneDoe1!', 'robadmin'].map((p) => estimate(p, HELPDESK).guessesLog10);
		without.forEach((g, i) => expect(withInputs[i]!).toBeLessThan(g));
	});

	it('the examples shown on the step are what zxcvbn says', () => {
		for (const ex of PASSWORD_EXAMPLES) {
			const r = estimate(ex.text);
			if (ex.claimMaxScore !== undefined) expect(r.score, ex.text).toBeLessThanOrEqual(ex.claimMaxScore);
			if (ex.claimMinScore !== undefined) expect(r.score, ex.text).toBeGreaterThanOrEqual(ex.claimMinScore);
		}
		// "cracked in under a second once a fast hash leaks"
		expect(estimate('Summer2026!').offlineFastSeconds).toBeLessThan(1);
	});

	it('generated secrets score 4', () => {
		for (let i = 0; i < 5; i++) expect(estimate(generateSecret(20)).score).toBe(4);
	});

	it('returns feedback, guesses and both crack times', () => {
		const r = estimate('Password1!');
		expect(r.warning).toBeTruthy();
		expect(r.guesses).toBeGreaterThan(1);
		expect(r.onlineThrottledSeconds).toBeCloseTo(r.guesses * 36, 0);
		expect(r.offlineFastSeconds).toBeCloseTo(r.guesses / 1e10, 12);
		expect(r.onlineThrottledDisplay).toMatch(/\d+ (minute|hour|day|month|year)s?|centuries/);
		expect(r.patterns).toContain('dictionary (passwords-common)');
	});

	it('handles empty input, non-ASCII and emoji', () => {
		expect(estimate('').score).toBe(0);
		expect(estimate('żółć gęślą jaźń').score).toBeGreaterThanOrEqual(0);
		const emoji = estimate('😀🙈🔥🦄🎉'.repeat(10));
		expect(emoji.cut).toBe(false);
		expect(emoji.score).toBeGreaterThanOrEqual(0);
	});
});

describe('long input', () => {
	it('is cut to zxcvbn’s maximum and says so', () => {
		const long = 'ab'.repeat(2500);
		expect(cutForEstimate(long)).toEqual({ text: long.slice(0, ZXCVBN_MAX_LENGTH), cut: true, length: 5000 });
		expect(cutForEstimate('short')).toEqual({ text: 'short', cut: false, length: 5 });
		expect(estimate(long).cut).toBe(true);
	});

	it('never cuts an emoji in half', () => {
		const s = 'a' + '😀'.repeat(200); // 😀 is two UTF-16 units: unit 256 would split one
		const c = cutForEstimate(s);
		expect(c.cut).toBe(true);
		expect(c.text.length).toBe(ZXCVBN_MAX_LENGTH - 1);
		expect(c.text.endsWith('😀')).toBe(true);
		expect(c.length).toBe(201);
	});
});

describe('the l33t limit', () => {
	it('scores realistic l33t passwords exactly as zxcvbn’s default limit does', async () => {
		const { ZxcvbnFactory } = await import('@zxcvbn-ts/core');
		const { adjacencyGraphs } = await import('@zxcvbn-ts/language-common');
		const { translations } = await import('@zxcvbn-ts/language-en');
		const reference = new ZxcvbnFactory({ dictionary: loadDictionaries(), graphs: adjacencyGraphs, translations });
		for (const p of ['P@$$w0rd1!', 'p4$$w0rd', 'Tr0ub4dor&3', 'M0nk3y!23', '1L0v3Y0u!', 'S3cur1ty!', '@dm1n1str@t0r', '5umm3r2026!', 'w3lc0m3!!', 'dr@g0n$l@y3r', '4dm1n!$tr4t0r2026']) {
			expect(estimate(p).guessesLog10, p).toBeCloseTo(reference.check(p).guessesLog10, 6);
		}
	});
});
