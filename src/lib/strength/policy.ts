/**
 * Deskpro's password policy check, reproduced from its source (PasswordPolicy::verify and the
 * password checker's checkPassword): the rules are tested in this order and Deskpro reports the
 * first that fails.
 *
 * - min_length: the password's length in characters (UTF-8 code points) must be at least the
 *   minimum. When the minimum is not 0 and is below the sum of the required class counts,
 *   Deskpro raises it to that sum.
 * - require_num_uppercase / _lowercase / _number: at least that many ASCII `A-Z` / `a-z` /
 *   `0-9` characters (accented letters do not count).
 * - require_num_symbol: at least that many symbols from Deskpro's list
 *   ``- @ £ € ! $ % ^ & * ( ) _ + | ~ = ` { } [ ] : " ; ' < > ? , . / #``. Space and backslash do
 *   not count. The check runs byte by byte (the regex has no UTF-8 flag), so `£` counts as 2
 *   symbols, `€` as 3, and a few other non-ASCII characters that share their bytes count too.
 * - forbid_reuse: Deskpro compares with the account's previous passwords; not testable here.
 * - max_age: not a property of the password; it forces a change after that many days.
 */

export interface PasswordPolicy {
	minLength: number;
	requireUppercase: number;
	requireLowercase: number;
	requireNumber: number;
	requireSymbol: number;
	maxAgeDays: number;
	forbidReuse: boolean;
}

export type RuleId = 'min_length' | 'require_num_uppercase' | 'require_num_lowercase' | 'require_num_number' | 'require_num_symbol';

export interface RuleResult {
	id: RuleId;
	/** Deskpro's stored setting key for the rule. */
	key: string;
	/** What the rule asks, in words. */
	label: string;
	required: number;
	found: number;
	ok: boolean;
}

export interface PolicyVerdict {
	ok: boolean;
	/** The rule Deskpro would report (its first failing check), or null. */
	firstFailure: RuleId | null;
	/** Every checked rule, in Deskpro's order; rules with nothing required are left out. */
	rules: RuleResult[];
	/** The minimum length Deskpro enforces after raising it to the sum of required classes. */
	effectiveMinLength: number;
	length: number;
}

/** Deskpro's symbol list (newer versions; older v4 code lacked `@`, `£` and `€`). */
export const DESKPRO_SYMBOLS = '-@£€!$%^&*()_+|~=`{}[]:";\'<>?,./#';

/** The bytes Deskpro's symbol regex matches: it runs on UTF-8 bytes without the `u` flag. */
const SYMBOL_BYTES: ReadonlySet<number> = new Set(new TextEncoder().encode(DESKPRO_SYMBOLS));

/** Number of characters as Deskpro counts them (code points). */
export function codePointLength(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		// a low surrogate that follows a high surrogate is the second half of one character
		if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
			const p = s.charCodeAt(i - 1);
			if (p >= 0xd800 && p <= 0xdbff) continue;
		}
		n++;
	}
	return n;
}

function countAscii(s: string, lo: number, hi: number): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= lo && c <= hi) n++;
	}
	return n;
}

/** How many symbols Deskpro counts in `s` (byte-wise, see the module comment). */
export function countDeskproSymbols(s: string): number {
	let n = 0;
	for (const b of new TextEncoder().encode(s)) if (SYMBOL_BYTES.has(b)) n++;
	return n;
}

function nonNegativeInt(v: number): number {
	return Number.isFinite(v) && v > 0 ? Math.floor(v) : 0;
}

/** Deskpro's PasswordPolicy::verify: the minimum length is raised to the sum of class counts. */
export function effectiveMinLength(p: PasswordPolicy): number {
	const min = nonNegativeInt(p.minLength);
	const total = nonNegativeInt(p.requireUppercase) + nonNegativeInt(p.requireLowercase) + nonNegativeInt(p.requireNumber) + nonNegativeInt(p.requireSymbol);
	return min > 0 && min < total ? total : min;
}

export function usesComposition(p: PasswordPolicy): boolean {
	return [p.requireUppercase, p.requireLowercase, p.requireNumber, p.requireSymbol].some((n) => nonNegativeInt(n) > 0);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function evaluatePolicy(password: string, policy: PasswordPolicy): PolicyVerdict {
	const min = effectiveMinLength(policy);
	const length = codePointLength(password);
	const rules: RuleResult[] = [];
	const add = (id: RuleId, label: string, required: number, count: () => number) => {
		if (required <= 0) return;
		const found = count();
		rules.push({ id, key: `agent.password_policy.${id}`, label, required, found, ok: found >= required });
	};
	add('min_length', `At least ${plural(min, 'character', 'characters')}`, min, () => length);
	const up = nonNegativeInt(policy.requireUppercase);
	const low = nonNegativeInt(policy.requireLowercase);
	const num = nonNegativeInt(policy.requireNumber);
	const sym = nonNegativeInt(policy.requireSymbol);
	add('require_num_uppercase', `At least ${plural(up, 'upper-case letter', 'upper-case letters')} (A–Z)`, up, () => countAscii(password, 65, 90));
	add('require_num_lowercase', `At least ${plural(low, 'lower-case letter', 'lower-case letters')} (a–z)`, low, () => countAscii(password, 97, 122));
	add('require_num_number', `At least ${plural(num, 'number', 'numbers')} (0–9)`, num, () => countAscii(password, 48, 57));
	add('require_num_symbol', `At least ${plural(sym, 'symbol', 'symbols')}`, sym, () => countDeskproSymbols(password));
	const first = rules.find((r) => !r.ok);
	return { ok: !first, firstFailure: first?.id ?? null, rules, effectiveMinLength: min, length };
}

/** A "typical complexity policy" used by the examples: 8 characters with one of each class. */
export const TYPICAL_COMPLEXITY_POLICY: PasswordPolicy = {
	minLength: 8,
	requireUppercase: 1,
	requireLowercase: 1,
	requireNumber: 1,
	requireSymbol: 1,
	maxAgeDays: 90,
	forbidReuse: true
};

/** A policy from the password-policy step's values (invalid numbers count as 0). */
export function policyFromValues(v: Record<string, unknown>): PasswordPolicy {
	const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
	return {
		minLength: n(v.minLength),
		requireUppercase: n(v.requireUppercase),
		requireLowercase: n(v.requireLowercase),
		requireNumber: n(v.requireNumber),
		requireSymbol: n(v.requireSymbol),
		maxAgeDays: n(v.maxAgeDays),
		forbidReuse: v.forbidReuse === true
	};
}
