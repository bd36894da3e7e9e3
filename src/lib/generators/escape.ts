/**
 * The one place where user values are quoted for the file they land in. Every generator passes
 * every user value through one of these functions; none builds quoting by hand.
 *
 * Each function either returns the value quoted so it stays one inert token of its target
 * language, or throws `UnsafeValueError` when the value holds something the target cannot
 * represent safely (a NUL byte, a newline in a config directive, `$` where the target expands
 * variables...). The field validators refuse such values first with a clear message, so a throw
 * here means a validator is missing: it is a bug, never a silent corruption of the output.
 */

import { visibleControls } from '$lib/validate/text';

export class UnsafeValueError extends Error {
	constructor(target: string, value: string, why: string) {
		super(`Refusing to write ${JSON.stringify(value.slice(0, 80))} into ${target}: ${why}`);
		this.name = 'UnsafeValueError';
	}
}

const CONTROL = /[\u0000-\u001f\u007f]/;

function refuse(target: string, value: string, re: RegExp, why: string): void {
	if (re.test(value)) throw new UnsafeValueError(target, value, why);
}

/**
 * nginx: a double-quoted string. `"` and `\` are backslash-escaped; `$` is refused because
 * nginx expands variables inside quoted strings of many directives and has no escape for it.
 */
export function nginxString(v: string): string {
	refuse('an nginx string', v, CONTROL, 'control characters');
	refuse('an nginx string', v, /\$/, 'nginx would expand $ as a variable');
	return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Apache: a double-quoted argument. Apache's parser only unescapes `\"` inside quotes and keeps
 * every other backslash, so neither `"` nor `\` can be written reliably: both are refused, as are
 * `$` and `%` (Apache expands `${...}` and `%{...}`) and control characters (a newline ends a
 * directive).
 */
export function apacheString(v: string): string {
	refuse('an Apache argument', v, CONTROL, 'control characters');
	refuse('an Apache argument', v, /[$%]/, 'Apache expands ${...} and %{...}');
	refuse('an Apache argument', v, /["\\]/, 'Apache cannot quote " or \\ reliably');
	return `"${v}"`;
}

/** XML text or attribute value (double-quoted attributes). */
export function xmlText(v: string): string {
	refuse('XML', v, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/, 'characters XML 1.0 cannot hold');
	return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** PHP single-quoted string literal: only `\` and `'` are special inside it. */
export function phpString(v: string): string {
	refuse('a PHP string', v, /\u0000/, 'NUL byte');
	return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * SQL string literal for MySQL/MariaDB: `'` doubled. A backslash is refused because its meaning
 * depends on the server's sql_mode (NO_BACKSLASH_ESCAPES); control characters are refused too.
 */
export function sqlString(v: string): string {
	refuse('an SQL string', v, CONTROL, 'control characters');
	refuse('an SQL string', v, /\\/, 'a backslash means different things under different sql_modes');
	return `'${v.replace(/'/g, "''")}'`;
}

/** SQL identifier (database, table) in backticks, backticks doubled. */
export function sqlIdent(v: string): string {
	refuse('an SQL identifier', v, CONTROL, 'control characters');
	if (v === '' || v.length > 64) throw new UnsafeValueError('an SQL identifier', v, 'length must be 1–64');
	if (/ $/.test(v)) throw new UnsafeValueError('an SQL identifier', v, 'trailing space');
	return `\`${v.replace(/`/g, '``')}\``;
}

/**
 * The database part of a `GRANT ... ON db.*`: in database-level grants `_` and `%` are
 * wildcards (`deskpro_db` would also match `deskproXdb`), so they are backslash-escaped inside
 * the backticks. (Backslash inside backticks is literal in every sql_mode.)
 */
export function sqlGrantDatabase(v: string): string {
	refuse('an SQL identifier', v, /\\/, 'backslash');
	return sqlIdent(v.replace(/[_%]/g, (c) => `\\${c}`));
}

/** An account `'user'@'host'`. */
export function sqlAccount(user: string, host: string): string {
	return `${sqlString(user)}@${sqlString(host)}`;
}

/** POSIX shell: single-quoted word (`'` becomes `'\''`). NUL cannot be passed to a program. */
export function shellQuote(v: string): string {
	refuse('a shell word', v, /\u0000/, 'NUL byte');
	return `'${v.replace(/'/g, `'\\''`)}'`;
}

/**
 * PowerShell: single-quoted (verbatim) string. PowerShell treats the typographic single quotes
 * ‘ ’ ‚ ‛ as quote characters too, so each of them is doubled like `'`.
 */
export function psQuote(v: string): string {
	refuse('a PowerShell string', v, CONTROL, 'control characters');
	return `'${v.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}

/**
 * A value inside a PCRE regular expression (nginx `location ~`, Apache `<LocationMatch>`):
 * every metacharacter escaped.
 */
export function regexLiteral(v: string): string {
	refuse('a regular expression', v, CONTROL, 'control characters');
	return v.replace(/[\\^$.|?*+()[\]{}/-]/g, (c) => `\\${c}`);
}

/**
 * YAML (Docker Compose): a double-quoted scalar. `\\` and `"` are escaped; `$` is doubled because
 * Compose interpolates `${VAR}` and `$VAR` in every value of the file; control characters are
 * refused.
 */
export function yamlString(v: string): string {
	refuse('a YAML string', v, /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/, 'control characters');
	return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '$$$$')}"`;
}

/**
 * A value in a Docker env file (`--env-file`, Compose `env_file`): written bare, because Docker
 * and Compose read quotes differently (Docker keeps them, Compose removes them). So only
 * characters that mean the same to both are allowed: no quotes, spaces, `$`, `#` or backslash.
 */
export function envFileValue(v: string): string {
	return token('a Docker env file value', v, /^[A-Za-z0-9._:/@+,=%-]{0,2000}$/);
}

/** A bare token that must match `re` exactly (CIDRs, host names, header names, ports). */
export function token(target: string, v: string, re: RegExp): string {
	if (!re.test(v)) throw new UnsafeValueError(target, v, `does not match ${re}`);
	return v;
}

export const IP_OR_CIDR_TOKEN = /^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/;
export const HOSTNAME_TOKEN = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
export const HEADER_TOKEN = /^[A-Za-z0-9-]{1,64}$/;
export const PORT_TOKEN = /^[0-9]{1,5}$/;

/**
 * An Apache `<Directory>` path: like `apacheString`, and wildcard characters are refused in the
 * value. `suffix` is a constant of the generator (e.g. `/*` for "every subdirectory").
 */
export function apacheDirectory(v: string, suffix: '' | '/*' = ''): string {
	refuse('an Apache <Directory> path', v, /[*?[\]]/, 'wildcard characters');
	apacheString(v);
	return apacheString(v + suffix);
}

/**
 * Markdown (CommonMark + GFM) inline text: a user value can never start a heading, list,
 * quote, table cell, link, image, HTML tag or emphasis. Line breaks become spaces; use
 * `escapeMarkdownLines` to keep them.
 */
export function escapeMarkdown(s: string): string {
	return escapeMarkdownLine(s.replace(/\r\n?|\n/g, ' '));
}

/** Like `escapeMarkdown` but keeps line breaks as Markdown hard breaks, indented by `indent`. */
export function escapeMarkdownLines(s: string, indent: string): string {
	return s
		.split(/\r\n?|\n/)
		.map((l) => escapeMarkdownLine(l))
		.join(`\\\n${indent}`);
}

/** Markdown table cell: escaped inline text (pipes included), never empty. */
export function escapeMarkdownCell(s: string): string {
	return escapeMarkdown(s) || ' ';
}

function escapeMarkdownLine(s: string): string {
	return (
		visibleControls(s)
			// leading spaces would indent (code block), trailing ones make a hard break
			.trim()
			// every ASCII punctuation character that has a meaning somewhere in Markdown; : and @
			// too, so that no GFM autolink (https://…, mailto:…, user@host) can start
			.replace(/[\\`*_{}[\]<>()#+!|~&$:@]/g, (c) => `\\${c}`)
			// nor a www. autolink
			.replace(/\b(www)\./gi, '$1\\.')
			// a line start that would begin a list, a setext underline or a numbered list
			.replace(/^([-=])/, '\\$1')
			.replace(/^(\d+)([.)])/, '$1\\$2')
	);
}
