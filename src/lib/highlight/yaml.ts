/** YAML (docker compose): keys, `- ` items, strings, numbers and booleans, anchors, `#` comments. */
import { afterSpace, atLineStart, WS, type Lexer } from './lexer';

interface S {
	/** Only indentation and `- ` so far on this line: a key may come. */
	lineStart: boolean;
}

const KEY = /(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#:'"?{}[\],&*!|>%@`-][^\n:#]*|-[^\s\n:#][^\n:#]*)(?=[ \t]*:(?![^ \t\n]))/y;

export const yaml: Lexer<S> = {
	init: () => ({ lineStart: true }),
	rules: () => [
		{ re: WS, type: null },
		{ re: /\n/y, type: null },
		{ re: /#[^\n]*/y, type: 'comment', when: (_s, src, pos) => afterSpace(src, pos) },
		{ re: /(?:---|\.\.\.)(?=\s|$)/y, type: 'meta', when: (_s, src, pos) => atLineStart(src, pos) },
		{ re: /-(?=[ \t\n]|$)/y, type: 'punct', when: (s) => s.lineStart },
		{ re: KEY, type: 'key', when: (s) => s.lineStart },
		{ re: /"(?:[^"\\]|\\[\s\S]?)*(?:"|$)/y, type: 'string' },
		{ re: /'(?:[^']|'')*(?:'|$)/y, type: 'string' },
		{ re: /[&*][\w-]+/y, type: 'variable' },
		{ re: /!!?[\w/:.-]*/y, type: 'meta' },
		{ re: /[:,[\]{}?]|[|>][-+\d]*/y, type: 'punct' },
		{
			re: /[^\s,[\]{}'"#][^\s,[\]{}]*/y,
			type: (w) =>
				/^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+|0x[\da-fA-F]+|0o[0-7]+)$/.test(w)
					? 'number'
					: /^(?:true|false|yes|no|on|off|null|~)$/i.test(w)
						? 'keyword'
						: null
		}
	],
	after: (s, type, text) => {
		if (text === '\n') s.lineStart = true;
		else if (!(type === null && !text.trim()) && !(type === 'punct' && text === '-')) s.lineStart = false;
	}
};
