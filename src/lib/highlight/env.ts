/** env files (Docker's config.env): `KEY=value` lines, `#` comments, `${VAR}` references. */
import { afterSpace, WS, type Lexer } from './lexer';

interface S {
	lineStart: boolean;
	/** After the `=` of this line: the rest is the value. */
	value: boolean;
}

export const env: Lexer<S> = {
	init: () => ({ lineStart: true, value: false }),
	rules: () => [
		{ re: WS, type: null },
		{ re: /\n/y, type: null, then: (s) => ((s.lineStart = true), (s.value = false)) },
		{ re: /#[^\n]*/y, type: 'comment', when: (s, src, pos) => s.lineStart || (s.value && afterSpace(src, pos)) },
		{ re: /export(?=[ \t])/y, type: 'keyword', when: (s) => s.lineStart },
		{ re: /[A-Za-z_][\w.-]*(?=[ \t]*=)/y, type: 'key', when: (s) => s.lineStart },
		{ re: /=/y, type: 'punct', when: (s) => !s.value, then: (s) => (s.value = true) },
		{ re: /"(?:[^"\\]|\\[\s\S]?)*(?:"|$)/y, type: 'string', when: (s) => s.value },
		{ re: /'[^']*(?:'|$)/y, type: 'string', when: (s) => s.value },
		{ re: /\$\{[^}\n]*\}?|\$[A-Za-z_]\w*/y, type: 'variable', when: (s) => s.value },
		{
			re: /[^\s"'$#][^\s"'$]*/y,
			type: (w, s) => (!s.value ? null : /^-?\d+(?:\.\d+)?$/.test(w) ? 'number' : /^(?:true|false)$/i.test(w) ? 'keyword' : 'string')
		}
	],
	after: (s, type, text) => {
		if (text !== '\n' && !(type === null && !text.trim())) s.lineStart = false;
	}
};
