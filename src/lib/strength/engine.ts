/**
 * The password strength estimator: zxcvbn-ts with the dictionaries of ./dictionaries.ts.
 * Runs inside the strength worker (./strength.worker.ts); unit tests and the benchmark use it
 * directly. Never logs or stores the password.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs } from '@zxcvbn-ts/language-common';
import { translations } from '@zxcvbn-ts/language-en';
import { loadDictionaries } from './dictionaries';
import { cutForEstimate, ZXCVBN_MAX_LENGTH } from './limits';

export type Score = 0 | 1 | 2 | 3 | 4;

/** What the tester shows: a plain, structured-clone-safe subset of zxcvbn's result. */
export interface StrengthResult {
	score: Score;
	guesses: number;
	guessesLog10: number;
	/** Seconds for an online attack throttled to 100 guesses per hour. */
	onlineThrottledSeconds: number;
	onlineThrottledDisplay: string;
	/** Seconds for an offline attack on a fast hash at 10^10 guesses per second. */
	offlineFastSeconds: number;
	offlineFastDisplay: string;
	warning: string | null;
	suggestions: string[];
	/** Patterns zxcvbn found, e.g. `dictionary (passwords-common)`, `spatial`, `date`. */
	patterns: string[];
	/** True when the input was longer than zxcvbn's maximum and only the start was checked. */
	cut: boolean;
	/** Milliseconds the check took. */
	ms: number;
}

/**
 * How many l33t-substituted variants zxcvbn tries (its default is 100). Realistic l33t
 * passwords need far fewer (P@$$w0rd1!, Tr0ub4dor&3, 4dm1n!$tr4t0r2026 score the same with 10
 * as with 100), while crafted inputs full of l33t characters take several times longer with 100.
 */
export const L33T_MAX_SUBSTITUTIONS = 20;

export function createEstimator() {
	const factory = new ZxcvbnFactory({
		dictionary: loadDictionaries(),
		graphs: adjacencyGraphs,
		translations,
		maxLength: ZXCVBN_MAX_LENGTH,
		l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS
	});
	return function estimate(password: string, userInputs: readonly string[] = []): StrengthResult {
		const t0 = performance.now();
		const { text, cut } = cutForEstimate(password);
		const r = factory.check(text, [...userInputs]);
		const patterns = [...new Set(r.sequence.map((m) => (m.pattern === 'dictionary' ? `dictionary (${String(m.dictionaryName)})` : m.pattern)))];
		return {
			score: r.score as Score,
			guesses: r.guesses,
			guessesLog10: r.guessesLog10,
			onlineThrottledSeconds: r.crackTimes.onlineThrottlingXPerHour.seconds,
			onlineThrottledDisplay: r.crackTimes.onlineThrottlingXPerHour.display,
			offlineFastSeconds: r.crackTimes.offlineFastHashingXPerSecond.seconds,
			offlineFastDisplay: r.crackTimes.offlineFastHashingXPerSecond.display,
			warning: r.feedback.warning,
			suggestions: r.feedback.suggestions,
			patterns,
			cut,
			ms: performance.now() - t0
		};
	};
}

export type Estimator = ReturnType<typeof createEstimator>;
