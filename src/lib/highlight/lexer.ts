/**
 * A small rule-based scanner shared by the language tokenizers. At each position the rules of
 * the current state are tried in order; the first that consumes at least one character wins.
 * When none does, one character (one code point) is plain text, so the scan always advances and
 * the tokens always concatenate to the input.
 *
 * Linear time is a property of the rules: every pattern either fails on its first characters or
 * succeeds (an unterminated string or comment runs to the end of the input instead of failing
 * after a long scan), so no position is scanned twice by long patterns.
 */
import type { Token, TokenType } from './tokens';

/** Appends tokens, merging neighbours of the same type (fewer elements to render). */
export class TokenSink {
	readonly tokens: Token[] = [];
	push(type: TokenType | null, text: string): void {
		if (!text) return;
		const last = this.tokens[this.tokens.length - 1];
		if (last && last.type === type) last.text += text;
		else this.tokens.push({ type, text });
	}
}

export interface RegexRule<S> {
	/** A sticky (`y`) pattern. */
	re: RegExp;
	/** The token type, or a function choosing it from the match. */
	type: TokenType | null | ((text: string, s: S, m: RegExpExecArray) => TokenType | null);
	/** Tried only when this holds (e.g. at the start of a line). */
	when?: (s: S, src: string, pos: number) => boolean;
	/** State change after a match. */
	then?: (s: S, m: RegExpExecArray) => void;
}

export interface ScanRule<S> {
	/** Pushes its own tokens and returns how many characters it consumed (0: no match). */
	scan: (src: string, pos: number, s: S, out: TokenSink) => number;
	when?: (s: S, src: string, pos: number) => boolean;
}

export type Rule<S> = RegexRule<S> | ScanRule<S>;

export interface Lexer<S> {
	init: () => S;
	/** The rules in force in state `s`. */
	rules: (s: S) => readonly Rule<S>[];
	/** Called after every token (rule match or plain character), e.g. to track line starts. */
	after?: (s: S, type: TokenType | null, text: string) => void;
}

export function lex<S>(lexer: Lexer<S>, src: string): Token[] {
	const out = new TokenSink();
	const s = lexer.init();
	let pos = 0;
	next: while (pos < src.length) {
		for (const r of lexer.rules(s)) {
			if (r.when && !r.when(s, src, pos)) continue;
			if ('scan' in r) {
				// A scan rule pushes tokens only when it consumes (returns > 0).
				const n = r.scan(src, pos, s, out);
				if (n > 0) {
					pos += n;
					lexer.after?.(s, out.tokens[out.tokens.length - 1]?.type ?? null, src.slice(pos - n, pos));
					continue next;
				}
				continue;
			}
			r.re.lastIndex = pos;
			const m = r.re.exec(src);
			if (!m || m[0].length === 0) continue;
			const type = typeof r.type === 'function' ? r.type(m[0], s, m) : r.type;
			out.push(type, m[0]);
			r.then?.(s, m);
			pos += m[0].length;
			lexer.after?.(s, type, m[0]);
			continue next;
		}
		const cp = src.codePointAt(pos)!;
		const text = src.slice(pos, pos + (cp > 0xffff ? 2 : 1));
		out.push(null, text);
		pos += text.length;
		lexer.after?.(s, null, text);
	}
	return out.tokens;
}

/** True at the start of the input or right after a line break. */
export const atLineStart = (src: string, pos: number): boolean => pos === 0 || src.charCodeAt(pos - 1) === 10;

/** True at the start of the input or after whitespace (where `#` starts a comment in shells and YAML). */
export const afterSpace = (src: string, pos: number): boolean => pos === 0 || /\s/.test(src[pos - 1]!);

/** A case-insensitive word set. */
export function words(list: string): (w: string) => boolean {
	const set = new Set(list.trim().split(/\s+/).map((w) => w.toLowerCase()));
	return (w) => set.has(w.toLowerCase());
}

// Patterns shared by several languages. Each either fails at once or succeeds.
/** "…" with backslash escapes, to the closing quote or the end of the input. */
export const DQ_ESC = /"(?:[^"\\]|\\[\s\S]?)*(?:"|$)/y;
/** '…' with backslash escapes. */
export const SQ_ESC = /'(?:[^'\\]|\\[\s\S]?)*(?:'|$)/y;
export const WS = /[ \t\r\f\v]+/y;
export const NL = /\n/y;
export const HASH_COMMENT = /#[^\n]*/y;

/**
 * Shells' nesting (bash and PowerShell): code frames count their parentheses, a `$(…)`
 * substitution is a code frame that ends at its own `)`, a double-quoted string is a frame too.
 */
export type NestFrame = { k: 'code'; depth: number; sub: boolean } | { k: 'dq' };
export interface NestState {
	stack: NestFrame[];
}
export const topFrame = (s: NestState): NestFrame => s.stack[s.stack.length - 1]!;

/** `(` and `)` in a code frame: count the depth; the `)` at depth 0 closes a substitution. */
export function parenRules<S extends NestState>(): Rule<S>[] {
	return [
		{ re: /\(/y, type: 'punct', then: (s) => void (topFrame(s) as { depth: number }).depth++ },
		{
			re: /\)/y,
			type: 'punct',
			then: (s) => {
				const f = topFrame(s) as NestFrame & { k: 'code' };
				if (f.depth > 0) f.depth--;
				else if (f.sub) s.stack.pop();
			}
		}
	];
}
