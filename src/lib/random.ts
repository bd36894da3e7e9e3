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

/** A random string of `length` characters drawn uniformly from `alphabet`. */
export function randomString(length: number, alphabet: string): string {
	const chars = [...new Set(alphabet)];
	if (chars.length < 2) throw new RangeError('alphabet needs at least two distinct characters');
	let out = '';
	for (let i = 0; i < length; i++) out += chars[randomIndex(chars.length)];
	return out;
}

/** A short random id for rows (not a secret). */
export function randomId(): string {
	return randomString(10, 'abcdefghijklmnopqrstuvwxyz0123456789');
}
