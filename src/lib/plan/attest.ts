/**
 * What a tick attests. A done/skipped tick stores the digest of the item's content when it was
 * ticked: its text and detail and the (non-secret) values it was generated from. When the
 * digest of the current content differs, the item is "changed since you ticked it": neither
 * done nor open until the admin confirms it again.
 *
 * The digest is a fingerprint for change detection (two independent 53-bit hashes of a canonical
 * JSON text), not a security measure: the plan file is the admin's own and can be edited.
 */
import type { Fields } from './fields';

/** The content a tick attests; every part is plain JSON. */
export interface AttestedContent {
	text: string;
	detail?: string;
	/** The practice's own answers (secret fields left out: they are never saved). */
	values: Record<string, unknown>;
	/** For server steps: the server environment's answers and the platform (secrets left out). */
	server?: Record<string, unknown>;
}

/** JSON with object keys sorted, so equal content gives equal text. */
export function canonicalJson(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
	if (v && typeof v === 'object') {
		const o = v as Record<string, unknown>;
		return `{${Object.keys(o)
			.filter((k) => o[k] !== undefined)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(v) ?? 'null';
}

/** cyrb53 (public domain): a fast 53-bit string hash. */
function cyrb53(str: string, seed: number): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < str.length; i++) {
		const ch = str.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 28 hex digits (two 53-bit hashes with different seeds, 14 digits each). */
export function attestDigest(content: AttestedContent): string {
	const s = canonicalJson({ t: content.text, d: content.detail ?? '', v: content.values, s: content.server ?? null });
	return cyrb53(s, 1).toString(16).padStart(14, '0') + cyrb53(s, 2).toString(16).padStart(14, '0');
}

/** The values of `fields` without the secret ones (they are not saved, so a reload must not change the digest). */
export function publicValues(fields: Fields, values: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(fields)) if (!f.secret) out[k] = values[k];
	return out;
}
