/**
 * What the syntax highlighter produces, and the plain form shown before it loads. This module is
 * tiny and imported statically by CodeBlock.svelte; the highlighter's core (`./index.ts`) is loaded
 * with a dynamic import by the first code block on a page, and each language's tokenizer by the
 * first block in that language.
 */

/** Token classes; each is a CSS class `tok-<type>` coloured by the variable `--hl-<type>` (app.css). */
export const TOKEN_TYPES = ['comment', 'string', 'keyword', 'variable', 'number', 'punct', 'tag', 'attr', 'key', 'meta'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/** A run of the input; `type` null is plain text. Concatenating every token's text gives the input back. */
export interface Token {
	type: TokenType | null;
	text: string;
}

/** One displayed line: its tokens, without the line break. */
export type Line = Token[];

/**
 * Splits tokens into display lines at "\n" (a token spanning lines, such as a block comment, is
 * cut into one piece per line). A final empty line after a trailing newline is not a line of its
 * own: `lines.map(text).join('\n') + (trailing ? '\n' : '')` is the input.
 */
export function toLines(tokens: readonly Token[]): { lines: Line[]; trailingNewline: boolean } {
	const lines: Line[] = [[]];
	for (const t of tokens) {
		const parts = t.text.split('\n');
		for (let i = 0; i < parts.length; i++) {
			if (i > 0) lines.push([]);
			if (parts[i]) lines[lines.length - 1]!.push({ type: t.type, text: parts[i]! });
		}
	}
	const trailingNewline = lines.length > 1 && lines[lines.length - 1]!.length === 0;
	if (trailingNewline) lines.pop();
	return { lines, trailingNewline };
}

/** The text before the highlighter arrives: the same lines, all plain. */
export function plainLines(text: string): { lines: Line[]; trailingNewline: boolean } {
	return toLines(text ? [{ type: null, text }] : []);
}
