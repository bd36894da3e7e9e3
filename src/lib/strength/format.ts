/** Words and numbers the password tester shows. */
import type { Score } from './engine';

/** zxcvbn's own meaning of each score. */
export const SCORE_LABELS: Record<Score, string> = {
	0: 'Too guessable',
	1: 'Very guessable',
	2: 'Somewhat guessable',
	3: 'Safely unguessable',
	4: 'Very unguessable'
};

export const SCORE_MEANINGS: Record<Score, string> = {
	0: 'fewer than 1 000 guesses: risky',
	1: 'fewer than a million guesses: only a throttled online attack is slowed down',
	2: 'fewer than 100 million guesses: resists an online attack, not a stolen hash',
	3: 'fewer than 10 billion guesses: resists an offline attack on a slow hash',
	4: '10 billion guesses or more: strong against an offline attack on a slow hash'
};

/** Guesses as plain digits up to a million, then as a power of ten: `{ base, exp }`. */
export function formatGuesses(guesses: number, guessesLog10: number): { text: string; exp: number | null } {
	if (guessesLog10 < 6) return { text: Math.round(guesses).toLocaleString('en-GB'), exp: null };
	return { text: '10', exp: Math.floor(guessesLog10) };
}

export function formatBits(bits: number): string {
	return `${Math.floor(bits)} bits`;
}
