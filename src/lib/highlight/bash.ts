/**
 * bash/sh: comments (where `#` starts a word), strings with `$var` / `${…}` / `$(…)` inside
 * double quotes (nested to any depth), heredocs, keywords and builtins, `--options`, assignments.
 */
import { afterSpace, parenRules, topFrame as top, WS, words, type Lexer, type NestFrame as Frame, type Rule, type TokenSink } from './lexer';


interface S {
	stack: Frame[];
	/** Heredocs opened on the current line, their bodies start after its line break. */
	heredocs: { delim: string; strip: boolean }[];
	bodyNext: boolean;
}

const KEYWORD = words(`if then else elif fi for while until do done case esac in function select time return local export readonly declare
	typeset set unset shift exit break continue trap source eval exec echo printf read cd test true false`);

const VAR = /\$(?:[A-Za-z_]\w*|[0-9#?@*!$-])/y;

/** `${…}` with nested `${…}` inside (e.g. `${s//"${a[$i]}"/x}`), to its closing brace or the end of the line. */
const paramExpansion: Rule<S> = {
	scan: (src, pos, _s, out) => {
		if (!src.startsWith('${', pos)) return 0;
		let depth = 0;
		let i = pos;
		while (i < src.length) {
			const c = src[i];
			if (c === '\\') i += 2;
			else if (c === '\n') break;
			else if (c === '$' && src[i + 1] === '{') {
				depth++;
				i += 2;
			} else if (c === '}') {
				i++;
				if (--depth === 0) break;
			} else i++;
		}
		i = Math.min(i, src.length);
		out.push('variable', src.slice(pos, i));
		return i - pos;
	}
};

/** `$(` or `$((`: a command (or arithmetic) substitution, closed by its `)`. */
const substitution: Rule<S> = {
	re: /\$\(\(?/y,
	type: 'punct',
	then: (s, m) => s.stack.push({ k: 'code', depth: m[0].length - 2, sub: true })
};

/** The bodies of pending heredocs, each up to its terminator line (the terminator is a keyword). */
function heredocBodies(src: string, pos: number, s: S, out: TokenSink): number {
	let i = pos;
	for (const { delim, strip } of s.heredocs) {
		const start = i;
		let term = -1;
		while (i < src.length) {
			const end = src.indexOf('\n', i);
			const lineEnd = end < 0 ? src.length : end;
			let j = i;
			if (strip) while (src.charCodeAt(j) === 9) j++;
			if (lineEnd - j === delim.length && src.startsWith(delim, j)) {
				term = i;
				break;
			}
			i = end < 0 ? src.length : end + 1;
		}
		if (term < 0) {
			out.push('string', src.slice(start));
			i = src.length;
			break;
		}
		out.push('string', src.slice(start, term));
		const termEnd = src.indexOf('\n', term);
		i = termEnd < 0 ? src.length : termEnd;
		out.push('keyword', src.slice(term, i));
		if (termEnd < 0) break;
		out.push(null, '\n');
		i++;
	}
	s.heredocs = [];
	s.bodyNext = false;
	return i - pos;
}

const codeRules: Rule<S>[] = [
	{ scan: heredocBodies, when: (s) => s.bodyNext },
	{ re: WS, type: null },
	{ re: /\n/y, type: null, then: (s) => (s.bodyNext = s.heredocs.length > 0) },
	{ re: /#![^\n]*/y, type: 'meta', when: (_s, _src, pos) => pos === 0 },
	{ re: /#[^\n]*/y, type: 'comment', when: (_s, src, pos) => afterSpace(src, pos) || /[;&|()]/.test(src[pos - 1]!) },
	{
		re: /<<(-?)[ \t]*(?:'([A-Za-z_][\w-]*)'|"([A-Za-z_][\w-]*)"|\\?([A-Za-z_][\w-]*))/y,
		type: 'meta',
		then: (s, m) => s.heredocs.push({ delim: (m[2] ?? m[3] ?? m[4])!, strip: m[1] === '-' })
	},
	{ re: /"/y, type: 'string', then: (s) => s.stack.push({ k: 'dq' }) },
	{ re: /\$'(?:[^'\\]|\\[\s\S]?)*(?:'|$)/y, type: 'string' },
	{ re: /'[^']*(?:'|$)/y, type: 'string' },
	substitution,
	paramExpansion,
	{ re: VAR, type: 'variable' },
	{ re: /\\[\s\S]?/y, type: null },
	...parenRules<S>(),
	{ re: /[A-Za-z_]\w*(?=\+?=)/y, type: 'variable' },
	{ re: /--?[A-Za-z][\w-]*/y, type: 'attr', when: (_s, src, pos) => afterSpace(src, pos) },
	{ re: /[A-Za-z_][\w-]*/y, type: (w) => (KEYWORD(w) ? 'keyword' : null) },
	{ re: /\d+(?![\w.])/y, type: 'number' },
	{ re: /[;|&<>=!{}[\]`]+/y, type: 'punct' },
	{ re: /[^\s"'`$\\#;|&<>()={}[\]!]+/y, type: null }
];

const dqRules: Rule<S>[] = [
	{ re: /[^"\\$`]+/y, type: 'string' },
	{ re: /\\[\s\S]?/y, type: 'string' },
	substitution,
	paramExpansion,
	{ re: VAR, type: 'variable' },
	{ re: /"/y, type: 'string', then: (s) => void s.stack.pop() },
	{ re: /[$`]/y, type: 'string' }
];

export const bash: Lexer<S> = {
	init: () => ({ stack: [{ k: 'code', depth: 0, sub: false }], heredocs: [], bodyNext: false }),
	rules: (s) => (top(s).k === 'dq' ? dqRules : codeRules)
};
