/**
 * PowerShell: comments (`#`, `<# #>`), strings with `$var` / `$(…)` inside double quotes,
 * here-strings, `$variables` (`$env:NAME`), keywords, Verb-Noun cmdlets, `-Parameters` and
 * `-operators`, `[types]`.
 */
import { parenRules, topFrame as top, WS, words, type Lexer, type NestFrame as Frame, type Rule } from './lexer';

interface S {
	stack: Frame[];
}

const KEYWORD = words(`begin break catch class clean continue data default define do dynamicparam else elseif end enum exit filter finally for
	foreach from function hidden if in param process return static switch throw trap try until using var while workflow`);

const VAR = /\$(?:\{[^}\n]*\}?|[A-Za-z_]\w*(?::[A-Za-z_]\w*)?|[?^$_])/y;
const substitution: Rule<S> = { re: /[$@]\(/y, type: 'punct', then: (s) => s.stack.push({ k: 'code', depth: 0, sub: true }) };

const codeRules: Rule<S>[] = [
	{ re: WS, type: null },
	{ re: /\n/y, type: null },
	{ re: /<#[\s\S]*?(?:#>|$)/y, type: 'comment' },
	{ re: /#[^\n]*/y, type: 'comment' },
	{ re: /@"[ \t]*\r?\n[\s\S]*?(?:\n"@|$)/y, type: 'string' },
	{ re: /@'[ \t]*\r?\n[\s\S]*?(?:\n'@|$)/y, type: 'string' },
	{ re: /'(?:[^']|'')*(?:'|$)/y, type: 'string' },
	{ re: /"/y, type: 'string', then: (s) => s.stack.push({ k: 'dq' }) },
	substitution,
	{ re: VAR, type: (v) => (/^\$(?:true|false|null)$/i.test(v) ? 'keyword' : 'variable') },
	{ re: /`[\s\S]?/y, type: null },
	...parenRules<S>(),
	{ re: /\[[A-Za-z][\w.]*(?:\[\])?\]/y, type: 'tag' },
	{ re: /-[A-Za-z][\w]*/y, type: 'attr', when: (_s, src, pos) => pos === 0 || !/[\w\])}$]/.test(src[pos - 1]!) },
	{ re: /[A-Za-z]+-[A-Za-z]\w*/y, type: 'keyword' },
	{ re: /[A-Za-z_]\w*/y, type: (w) => (KEYWORD(w) ? 'keyword' : null) },
	{ re: /0x[\da-fA-F]+|\d+(?:\.\d+)?(?:[kKmMgGtTpP][bB])?(?!\w)/y, type: 'number' },
	{ re: /[{}[\];,|&=<>+*/%!.:@-]+/y, type: 'punct' },
	{ re: /[^\s"'`$#(){}[\];,|&=<>+*/%!.:@-]+/y, type: null }
];

const dqRules: Rule<S>[] = [
	{ re: /[^"`$]+/y, type: 'string' },
	{ re: /`[\s\S]?|""/y, type: 'string' },
	substitution,
	{ re: VAR, type: 'variable' },
	{ re: /"/y, type: 'string', then: (s) => void s.stack.pop() },
	{ re: /\$/y, type: 'string' }
];

export const powershell: Lexer<S> = {
	init: () => ({ stack: [{ k: 'code', depth: 0, sub: false }] }),
	rules: (s) => (top(s).k === 'dq' ? dqRules : codeRules)
};
