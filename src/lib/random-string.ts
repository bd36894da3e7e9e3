/**
 * Random strings from crypto.getRandomValues, for row ids and generated database passwords. Kept
 * apart from `$lib/random` (the secret generator's alphabets, for the password lab), because every
 * step page's table inputs need `randomId`.
 */

/**
 * A random string of `length` characters drawn uniformly from `alphabet` (duplicates ignored),
 * with rejection sampling (every character equally likely, no modulo bias), reading random values in batches.
 */
export function randomString(length: number, alphabet: string): string {
	const chars = [...new Set(alphabet)];
	if (chars.length < 2) throw new RangeError('alphabet needs at least two distinct characters');
	const n = chars.length;
	const limit = 2 ** 32 - (2 ** 32 % n);
	const buf = new Uint32Array(Math.min(Math.max(length + 8, 16), 16384));
	let pos = buf.length;
	let out = '';
	for (let i = 0; i < length; ) {
		if (pos === buf.length) {
			crypto.getRandomValues(buf);
			pos = 0;
		}
		const x = buf[pos++]!;
		if (x < limit) {
			out += chars[x % n];
			i++;
		}
	}
	return out;
}

/** A short random id for rows (not a secret). */
export function randomId(): string {
	return randomString(10, 'abcdefghijklmnopqrstuvwxyz0123456789');
}
