/**
 * Random values from crypto.getRandomValues. `randomIndex` uses rejection sampling, so every
 * index is equally likely (no modulo bias).
 */
export function randomIndex(n: number): number {
	if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError('n must be an integer in 1..2^32');
	const limit = 2 ** 32 - (2 ** 32 % n);
	const buf = new Uint32Array(1);
	for (;;) {
		crypto.getRandomValues(buf);
		if (buf[0]! < limit) return buf[0]! % n;
	}
}

export { randomString, randomId } from './random-string';
import { randomString } from './random-string';

export interface SecretAlphabet {
	id: 'alnum' | 'alnum-symbols' | 'unambiguous' | 'hex';
	label: string;
	chars: string;
	/** Where it may be pasted without quoting trouble. */
	note: string;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/**
 * Alphabets for generated secrets (database passwords, the admin's own password). None
 * contains a quote, backslash, `$`, backtick, space, `!`, `#`, `%`, `&`, `;`, `|`, `<`, `>`,
 * `*`, `?`, `~`, `{`, `[` or `(`: a generated secret is safe inside a PHP string (single or
 * double quoted), an SQL string literal, a shell word (quoted or not), a Windows `cmd` line, an
 * `.env` file and a URL, before any escaping. The symbols `-`, `_` and `.` all count as
 * symbols for Deskpro's password policy.
 */
export const SECRET_ALPHABETS: readonly SecretAlphabet[] = [
	{
		id: 'alnum',
		label: 'Letters and digits (A–Z, a–z, 0–9)',
		chars: UPPER + LOWER + DIGITS,
		note: 'Safe in PHP, SQL, shell, URLs and Windows. The default.'
	},
	{
		id: 'alnum-symbols',
		label: 'Letters, digits and - _ .',
		chars: UPPER + LOWER + DIGITS + '-_.',
		note: 'Adds three symbols that Deskpro’s policy counts and that need no quoting in PHP, SQL or shell.'
	},
	{
		id: 'unambiguous',
		label: 'Letters and digits without look-alikes (no 0 O 1 l I)',
		chars: (UPPER + LOWER + DIGITS).replace(/[0O1lI]/g, ''),
		note: 'For a secret someone has to read or type by hand.'
	},
	{ id: 'hex', label: 'Hexadecimal (0–9, a–f)', chars: DIGITS + 'abcdef', note: 'For systems that accept only hex; use a longer length.' }
];

export function secretAlphabet(id: string): SecretAlphabet {
	return SECRET_ALPHABETS.find((a) => a.id === id) ?? SECRET_ALPHABETS[0]!;
}

/** Bits of entropy of a secret of `length` characters drawn uniformly from `alphabetSize`. */
export function entropyBits(length: number, alphabetSize: number): number {
	return length * Math.log2(alphabetSize);
}

/** A generated secret from one of SECRET_ALPHABETS (uniform, from crypto.getRandomValues). */
export function generateSecret(length: number, alphabetId: SecretAlphabet['id'] = 'alnum'): string {
	if (!Number.isInteger(length) || length < 1 || length > 1024) throw new RangeError('length must be an integer in 1..1024');
	return randomString(length, secretAlphabet(alphabetId).chars);
}
