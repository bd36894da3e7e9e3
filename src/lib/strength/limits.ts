/** Limits shared by the password tester, the worker and the tests. */

/** zxcvbn-ts checks at most this many characters (its `maxLength` default). */
export const ZXCVBN_MAX_LENGTH = 256;

/** How long the tester waits after the last keystroke before estimating. */
export const STRENGTH_DEBOUNCE_MS = 150;

export interface CutPassword {
	/** What is sent to zxcvbn. */
	text: string;
	/** True when `text` is shorter than the input. */
	cut: boolean;
	/** Length of the input in characters (code points). */
	length: number;
}

/**
 * Cuts a password to zxcvbn's maximum at a character boundary (never in the middle of an
 * emoji's surrogate pair). Only the estimate sees the cut text; the policy check uses the
 * whole password.
 */
export function cutForEstimate(password: string, max = ZXCVBN_MAX_LENGTH): CutPassword {
	if (password.length <= max) return { text: password, cut: false, length: [...password].length };
	let end = max;
	const c = password.charCodeAt(end - 1);
	if (c >= 0xd800 && c <= 0xdbff) end--; // do not keep half a surrogate pair
	return { text: password.slice(0, end), cut: true, length: [...password].length };
}
