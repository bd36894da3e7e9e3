/** JSON: keys, strings, numbers, `true` / `false` / `null`, punctuation. */
import { WS, NL, type Lexer } from './lexer';

export const json: Lexer<object> = {
	init: () => ({}),
	rules: () => [
		{ re: WS, type: null },
		{ re: NL, type: null },
		{ re: /"(?:[^"\\\n]|\\[^\n]?)*"(?=\s*:)/y, type: 'key' },
		{ re: /"(?:[^"\\\n]|\\[^\n]?)*(?:"|$)/my, type: 'string' },
		{ re: /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/y, type: 'number' },
		{ re: /true|false|null/y, type: 'keyword' },
		{ re: /[{}[\],:]/y, type: 'punct' },
		{ re: /[^\s"{}[\],:\d-]+/y, type: null }
	]
};
