/** Apache httpd: directives first on a line, `<Section …>` tags, `#` comments at line start, `%{VAR}` / `${VAR}` / `$1`. */
import { atLineStart, DQ_ESC, HASH_COMMENT, NL, WS, type Lexer } from './lexer';

interface S {
	/** Only whitespace so far on this line. */
	lineStart: boolean;
	/** Inside `<Section …>`. */
	inTag: boolean;
}

export const apache: Lexer<S> = {
	init: () => ({ lineStart: true, inTag: false }),
	rules: () => [
		{ re: WS, type: null },
		{ re: NL, type: null, then: (s) => ((s.lineStart = true), (s.inTag = false)) },
		{ re: HASH_COMMENT, type: 'comment', when: (s) => s.lineStart },
		{ re: /<\/?[A-Za-z][\w.-]*/y, type: 'tag', when: (s) => s.lineStart, then: (s) => (s.inTag = true) },
		{ re: />/y, type: 'tag', when: (s) => s.inTag, then: (s) => (s.inTag = false) },
		{ re: /[A-Za-z][\w-]*/y, type: 'keyword', when: (s) => s.lineStart },
		{ re: DQ_ESC, type: 'string' },
		{ re: /%\{[^}\n]*\}?|\$\{[^}\n]*\}?|[$%]\d/y, type: 'variable' },
		{ re: /\\\n/y, type: 'punct', when: (_s, src, pos) => !atLineStart(src, pos) },
		{ re: /[^\s"<>%$\\]+/y, type: (w) => (/^[-+]?\d+(?:\.\d+)?$/.test(w) ? 'number' : null) }
	],
	after: (s, _type, text) => {
		if (text.endsWith('\n')) s.lineStart = true;
		else if (text.trim()) s.lineStart = false;
	}
};
