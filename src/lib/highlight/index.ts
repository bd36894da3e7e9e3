/**
 * The syntax highlighter's small core, loaded with a dynamic import by the first code block on a
 * page (see CodeBlock.svelte): `loadTokenizer(language)` fetches that language's tokenizer (each
 * language is its own chunk, so a page fetches only the languages of the blocks it shows) and
 * gives `(text) => tokens`, whose texts concatenate to `text` exactly. The language is the
 * OutputFile's `language`, set where the generator is listed (outputs-files.ts), never guessed
 * from the text; languages without a tokenizer (plain text, Markdown) give one plain token.
 */
import type { OutputLanguage } from '../output-types';
import { lex, type Lexer } from './lexer';
import type { Token } from './tokens';

export type Tokenize = (text: string) => Token[];

const use =
	<S>(lexer: Lexer<S>): Tokenize =>
	(text) =>
		lex(lexer, text);

const plain: Tokenize = (text) => (text ? [{ type: null, text }] : []);

// Every language of OutputLanguage is decided here (the type makes a new one a compile error).
const TOKENIZERS: Record<OutputLanguage, (() => Promise<Tokenize>) | null> = {
	nginx: () => import('./nginx').then((m) => use(m.nginx)),
	apache: () => import('./apache').then((m) => use(m.apache)),
	xml: () => import('./xml').then((m) => use(m.xml)),
	php: () => import('./php').then((m) => use(m.php)),
	sql: () => import('./sql').then((m) => use(m.sql)),
	bash: () => import('./bash').then((m) => use(m.bash)),
	powershell: () => import('./powershell').then((m) => use(m.powershell)),
	yaml: () => import('./yaml').then((m) => use(m.yaml)),
	env: () => import('./env').then((m) => use(m.env)),
	nftables: () => import('./nftables').then((m) => use(m.nftables)),
	json: () => import('./json').then((m) => use(m.json)),
	text: null,
	markdown: null
};

const loading = new Map<OutputLanguage, Promise<Tokenize>>();

/** The tokenizer of `language`, fetched once (a failed fetch is tried again on the next call). */
export function loadTokenizer(language: OutputLanguage): Promise<Tokenize> {
	const load = TOKENIZERS[language];
	if (!load) return Promise.resolve(plain);
	let p = loading.get(language);
	if (!p) {
		p = load().catch((e: unknown) => {
			loading.delete(language);
			throw e;
		});
		loading.set(language, p);
	}
	return p;
}

/** Languages with a tokenizer (the rest are shown plain). */
export const HIGHLIGHTED: OutputLanguage[] = (Object.keys(TOKENIZERS) as OutputLanguage[]).filter((l) => TOKENIZERS[l]);
