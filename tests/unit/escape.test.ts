import { describe, expect, it } from 'vitest';
import {
	apacheDirectory,
	apacheString,
	nginxString,
	phpString,
	psQuote,
	shellQuote,
	sqlAccount,
	sqlGrantDatabase,
	sqlIdent,
	sqlString,
	UnsafeValueError,
	xmlText
} from '$lib/generators/escape';

describe('escape: one quoting rule per target', () => {
	it('nginx: quotes and backslashes escaped; $ and control characters refused', () => {
		expect(nginxString('/srv/a b')).toBe('"/srv/a b"');
		expect(nginxString('a"b\\c;{}#')).toBe('"a\\"b\\\\c;{}#"');
		expect(() => nginxString('/a/$host')).toThrow(UnsafeValueError);
		expect(() => nginxString('a\nb')).toThrow(UnsafeValueError);
	});

	it('Apache: refuses what it cannot quote ($, %, ", \\, newline) and wildcards in <Directory>', () => {
		expect(apacheString('/srv/a b;#')).toBe('"/srv/a b;#"');
		for (const v of ['${X}', '%{X}', 'a"b', 'a\\b', 'a\nb']) expect(() => apacheString(v)).toThrow(UnsafeValueError);
		expect(apacheDirectory('/srv/x', '/*')).toBe('"/srv/x/*"');
		expect(() => apacheDirectory('/srv/*')).toThrow(UnsafeValueError);
	});

	it('PHP: single-quoted literal with \\ and \' escaped; NUL refused', () => {
		expect(phpString(`it's \\ $x {$y} "z"`)).toBe(`'it\\'s \\\\ $x {$y} "z"'`);
		expect(phpString('a\\')).toBe("'a\\\\'");
		expect(() => phpString('a\u0000')).toThrow(UnsafeValueError);
	});

	it('SQL: quotes doubled; backslash and control characters refused; identifiers in backticks; GRANT wildcards escaped', () => {
		expect(sqlString(`a'b"c;--`)).toBe(`'a''b"c;--'`);
		expect(() => sqlString('a\\b')).toThrow(UnsafeValueError);
		expect(() => sqlString('a\nb')).toThrow(UnsafeValueError);
		expect(sqlIdent('a`b')).toBe('`a``b`');
		expect(sqlGrantDatabase('deskpro_db%')).toBe('`deskpro\\_db\\%`');
		expect(sqlAccount('u', 'localhost')).toBe("'u'@'localhost'");
	});

	it('shell: one single-quoted word', () => {
		expect(shellQuote(`it's $(id) \`x\``)).toBe(`'it'\\''s $(id) \`x\`'`);
		expect(() => shellQuote('a\u0000')).toThrow(UnsafeValueError);
	});

	it('PowerShell: single quotes, including typographic ones, doubled', () => {
		expect(psQuote(`a'b\u2019c $x`)).toBe(`'a''b\u2019\u2019c $x'`);
		expect(() => psQuote('a\nb')).toThrow(UnsafeValueError);
	});

	it('XML: the five special characters escaped; characters XML cannot hold refused', () => {
		expect(xmlText(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
		expect(() => xmlText('a\u0001')).toThrow(UnsafeValueError);
	});
});
