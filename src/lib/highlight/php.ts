/** PHP (the config.php lines): comments, strings, `$variables`, keywords, numbers, operators. */
import { DQ_ESC, SQ_ESC, WS, NL, words, type Lexer } from './lexer';
// (tests/e2e/highlight.spec.ts finds the lazy highlighter chunk in the build by this list.)

const KEYWORD = words(`abstract and array as break callable case catch class clone const continue declare default do echo else elseif empty
	enddeclare endfor endforeach endif endswitch endwhile enum eval exit extends false final finally fn for foreach function global goto if
	implements include include_once instanceof insteadof interface isset list match namespace new null or print private protected public
	readonly require require_once return static switch throw trait true try unset use var while xor yield define`);

export const php: Lexer<object> = {
	init: () => ({}),
	rules: () => [
		{ re: WS, type: null },
		{ re: NL, type: null },
		{ re: /<\?(?:php|=)?|\?>/y, type: 'meta' },
		{ re: /(?:\/\/|#)[^\n]*/y, type: 'comment' },
		{ re: /\/\*[\s\S]*?(?:\*\/|$)/y, type: 'comment' },
		{ re: SQ_ESC, type: 'string' },
		{ re: DQ_ESC, type: 'string' },
		{ re: /\$+[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/y, type: 'variable' },
		{ re: /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/y, type: (w) => (KEYWORD(w) ? 'keyword' : null) },
		{ re: /0[xX][\da-fA-F_]+|0[bB][01_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?/y, type: 'number' },
		{ re: /(?:[-+*%=<>!&|^~?:;,.()[\]{}@]|\/(?![/*]))+/y, type: 'punct' }
	]
};
