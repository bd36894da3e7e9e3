/**
 * The syntax highlighter, loaded with a dynamic import by the first code block on a page (see
 * CodeBlock.svelte): `highlight(language, text)` splits a generated file into typed tokens whose
 * texts concatenate to `text` exactly. The language is the OutputFile's `language`, set where the
 * generator is listed (outputs.ts), never guessed from the text; languages without a tokenizer
 * (plain text, Markdown) come back as one plain token.
 */
import type { OutputLanguage } from '../output-types';
import { lex, type Lexer } from './lexer';
import { toLines, type Line, type Token } from './tokens';
import { nginx } from './nginx';
import { apache } from './apache';
import { xml } from './xml';
import { php } from './php';
import { sql } from './sql';
import { bash } from './bash';
import { powershell } from './powershell';
import { yaml } from './yaml';
import { env } from './env';
import { nftables } from './nftables';
import { json } from './json';

type Tokenize = (text: string) => Token[];
const use =
	<S>(lexer: Lexer<S>): Tokenize =>
	(text) =>
		lex(lexer, text);

// Every language of OutputLanguage is decided here (the type makes a new one a compile error).
const TOKENIZERS: Record<OutputLanguage, Tokenize | null> = {
	nginx: use(nginx),
	apache: use(apache),
	xml: use(xml),
	php: use(php),
	sql: use(sql),
	bash: use(bash),
	powershell: use(powershell),
	yaml: use(yaml),
	env: use(env),
	nftables: use(nftables),
	json: use(json),
	text: null,
	markdown: null
};

export function highlight(language: OutputLanguage, text: string): Token[] {
	const tokenize = TOKENIZERS[language];
	if (!tokenize) return text ? [{ type: null, text }] : [];
	return tokenize(text);
}

export function highlightLines(language: OutputLanguage, text: string): { lines: Line[]; trailingNewline: boolean } {
	return toLines(highlight(language, text));
}

/** Languages with a tokenizer (the rest are shown plain). */
export const HIGHLIGHTED: OutputLanguage[] = (Object.keys(TOKENIZERS) as OutputLanguage[]).filter((l) => TOKENIZERS[l]);
