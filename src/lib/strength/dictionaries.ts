/**
 * The dictionaries the strength estimator uses. Chosen to keep the lazy strength chunk under
 * 400 KB gzip while still catching what matters for an admin password: every entry of
 * zxcvbn-ts's common-password list (49 233 passwords), the 25 000 most frequent English words,
 * all 4 945 first names, the 10 000 most common surnames and the word sequences (numbers,
 * months, days...). Keyboard walks, dates, repeats and sequences need no dictionary.
 * See scripts/build-dictionaries.js.
 */
import { DICTIONARY_SOURCES, PACKED_DICTIONARIES } from './dictionaries.generated';

export { DICTIONARY_SOURCES };

/** Inverse of the zxcvbn-ts prefix compression: `A` + n letters means "n characters shared with the previous entry". */
export function decompress(packed: string): string[] {
	const parts = packed.split(/([A-Z])/);
	const out: string[] = [];
	let last = '';
	for (let i = 1; i < parts.length; i += 2) {
		last = last.slice(0, parts[i]!.charCodeAt(0) - 65) + parts[i + 1]!;
		out.push(last);
	}
	return out;
}

export function loadDictionaries(): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [name, packed] of Object.entries(PACKED_DICTIONARIES)) out[name] = decompress(packed);
	return out;
}
