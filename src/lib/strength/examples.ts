/**
 * The examples the password step shows: what complexity rules accept and what they reject.
 * Their zxcvbn scores are computed live by the worker; tests/unit/strength-engine.test.ts
 * checks the claims made here against the real estimator.
 */
export interface PasswordExample {
	text: string;
	/** What the example shows, in words. */
	point: string;
	/** The highest zxcvbn score the text may claim (checked by the unit tests). */
	claimMaxScore?: number;
	/** The lowest zxcvbn score the text may claim (checked by the unit tests). */
	claimMinScore?: number;
}

export const PASSWORD_EXAMPLES: readonly PasswordExample[] = [
	{
		text: 'Password1!',
		point: 'Has an upper-case letter, a number and a symbol, so complexity rules accept it, yet it is one of the most common passwords.',
		claimMaxScore: 1
	},
	{
		text: 'Summer2026!',
		point: 'A season, the year and "!": the pattern complexity rules and forced expiry push people to. Cracked in under a second once a fast hash leaks.',
		claimMaxScore: 2
	},
	{
		text: 'Welcome1!',
		point: 'A typical first password handed to a new agent. Meets every character-type rule.',
		claimMaxScore: 1
	},
	{
		text: 'orchid tugboat lantern marble',
		point: 'Four random words: no capital, number or symbol, so complexity rules reject it, yet it is long and very hard to guess.',
		claimMinScore: 4
	}
];
