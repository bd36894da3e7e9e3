/** nginx: the first word of each statement is a directive; `#` comments, quoted strings, `$variables`. */
import { DQ_ESC, HASH_COMMENT, NL, SQ_ESC, WS, type Lexer } from './lexer';

interface S {
	/** The next word starts a statement (after `{`, `}`, `;` or at the start). */
	start: boolean;
}

const NUMBER = /^\d+(?:\.\d+)?(?:ms|[smhdwMyKkMmGg])?$/;

export const nginx: Lexer<S> = {
	init: () => ({ start: true }),
	rules: () => [
		{ re: WS, type: null },
		{ re: NL, type: null },
		{ re: HASH_COMMENT, type: 'comment' },
		{ re: DQ_ESC, type: 'string' },
		{ re: SQ_ESC, type: 'string' },
		{ re: /\$(?:\{\w*\}?|\w+)/y, type: 'variable' },
		{ re: /[{};]/y, type: 'punct' },
		{ re: /[^\s;{}"'$#][^\s;{}"'$]*/y, type: (w, s) => (s.start ? 'keyword' : NUMBER.test(w) ? 'number' : /^(?:~\*?|\^~|=)$/.test(w) ? 'punct' : null) }
	],
	after: (s, type, text) => {
		if (type === 'punct' && (text === ';' || text === '{' || text === '}')) s.start = true;
		else if (type !== 'comment' && text.trim()) s.start = false;
	}
};
