/**
 * The syntax highlighter (issue 16, "Highlighting"): for every language and any input the tokens
 * give the input back exactly (what is shown, selected and copied is the generated file), the
 * tokenizers never throw and stay linear on 200 KB of hostile input, and the tokens that matter
 * get the right class in real generator output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HIGHLIGHTED, loadTokenizer, type Tokenize } from '$lib/highlight';
import { plainLines, toLines, TOKEN_TYPES, type Token, type TokenType } from '$lib/highlight/tokens';
import { outputsFor, type OutputFile, type OutputLanguage } from '$lib/outputs';
import { planWith } from '../servers/env';
import { dockerPlan } from '../servers/docker-env';

/** Every language an OutputFile can have (the Record makes a new one a compile error here). */
const LANGUAGE_SET: Record<OutputLanguage, true> = {
	nginx: true,
	apache: true,
	xml: true,
	php: true,
	sql: true,
	bash: true,
	powershell: true,
	text: true,
	markdown: true,
	json: true,
	yaml: true,
	env: true,
	nftables: true
};
const LANGUAGES = Object.keys(LANGUAGE_SET) as OutputLanguage[];

/** Every language's tokenizer, each loaded as a page loads it (`loadTokenizer`, its own chunk). */
const tokenizers = new Map<OutputLanguage, Tokenize>();
beforeAll(async () => {
	for (const l of LANGUAGES) tokenizers.set(l, await loadTokenizer(l));
});
const highlight = (language: OutputLanguage, text: string): Token[] => {
	const tokenize = tokenizers.get(language);
	if (!tokenize) throw new Error(`no tokenizer loaded for ${language}`);
	return tokenize(text);
};
const highlightLines = (language: OutputLanguage, text: string) => toLines(highlight(language, text));

/** Characters and fragments that open or close something in one of the languages. */
const FRAGMENTS = [
	'"', "'", '`', '\\', '$', '${', '$(', '$((', ')', '(', '{', '}', '[', ']', '#', '#!', '<#', '#>', '<!--', '-->', '<?', '?>', '<![CDATA[', ']]>',
	'/*', '*/', '//', '--', '-', '- ', ': ', ':', '=', ';', '<', '>', '/>', '</', '<<', '<<-', '<<EOF', "<<'X'", 'EOF', 'X', '<<<', '@"', '"@', "@'", "'@",
	'%{', '@', '&', '*', '!', '|', ' ', '\t', '\n', '\r\n', 'server_name', 'GRANT', 'param', 'if', 'a', 'Z9', '0x1F', '42', 'é', '😀', '\u0000', '\ud800'
];
const hostile = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 200 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), hostile);

const joined = (tokens: Token[]) => tokens.map((t) => t.text).join('');

describe('highlight: the tokens are the text', () => {
	it('knows every output language; every language without a tokenizer is plain text', () => {
		expect(LANGUAGES.filter((l) => !HIGHLIGHTED.includes(l)).sort()).toEqual(['markdown', 'text']);
		expect(highlight('text', 'a "b" # c')).toEqual([{ type: null, text: 'a "b" # c' }]);
		expect(highlight('markdown', '')).toEqual([]);
	});

	it('loads each tokenizer once: the same one for a language every time, its own for each language', async () => {
		expect(await loadTokenizer('nginx')).toBe(tokenizers.get('nginx'));
		expect(new Set(HIGHLIGHTED.map((l) => tokenizers.get(l))).size).toBe(HIGHLIGHTED.length);
	});

	it('for every language and any input: concatenated tokens equal the input, no empty token, known types only', () => {
		fc.assert(
			fc.property(fc.constantFrom(...LANGUAGES), anyText, (lang, text) => {
				const tokens = highlight(lang, text);
				expect(joined(tokens)).toBe(text);
				for (const t of tokens) {
					expect(t.text.length).toBeGreaterThan(0);
					expect(t.type === null || (TOKEN_TYPES as readonly string[]).includes(t.type)).toBe(true);
				}
			}),
			{ numRuns: 3000 }
		);
	});

	it('the display lines give the text back (line breaks between lines, the trailing one kept), as the plain view does', () => {
		fc.assert(
			fc.property(fc.constantFrom(...LANGUAGES), anyText, (lang, text) => {
				for (const { lines, trailingNewline } of [highlightLines(lang, text), plainLines(text)]) {
					expect(lines.map(joined).join('\n') + (trailingNewline ? '\n' : '')).toBe(text);
					for (const line of lines) for (const t of line) expect(t.text).not.toContain('\n');
				}
				// the same number of numbered lines whether highlighted or not
				expect(highlightLines(lang, text).lines.length).toBe(plainLines(text).lines.length);
			}),
			{ numRuns: 1000 }
		);
		expect(toLines([{ type: 'comment', text: '# a\n# b\n' }])).toEqual({
			lines: [[{ type: 'comment', text: '# a' }], [{ type: 'comment', text: '# b' }]],
			trailingNewline: true
		});
		expect(plainLines('')).toEqual({ lines: [[]], trailingNewline: false });
		expect(plainLines('\n')).toEqual({ lines: [[]], trailingNewline: true });
	});
});

describe('highlight: linear time on 200 KB', () => {
	const SIZE = 200_000;
	const repeat = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
	// Patterns that make a careless scanner rescan the rest of the input at each position:
	// unterminated strings and comments, escapes at the end, nested openers, lines of many items.
	const adversarial = [
		'"a\\', "'a\\", '`a', '${', '$(', '$((', '((', '<!--', '<?', '/*', '<#', '@"\n', '<<A\n', '<<-A\n\t', '- ', 'a: ', 'a ', '"a\\"', '#',
		'<a b="', '%{', '\\\n', '{', '}', ';', 'x=', '=', '# a\n', 'server {\n', '<VirtualHost ', '\n'
	].map(repeat);
	const random = fc.sample(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: SIZE / 2, maxLength: SIZE / 2 }), { numRuns: 2, seed: 16 }).map((a) =>
		a.join('').slice(0, SIZE)
	);

	for (const lang of LANGUAGES) {
		it(`${lang}: every 200 KB hostile input in a few seconds at most, even on a loaded machine`, () => {
			let worst = 0;
			let worstInput = '';
			for (const text of [...adversarial, ...random]) {
				const t0 = performance.now();
				const tokens = highlight(lang, text);
				const ms = performance.now() - t0;
				expect(joined(tokens)).toBe(text);
				if (ms > worst) [worst, worstInput] = [ms, text.slice(0, 12)];
			}
			// Linear scans of 200 KB take 0.1-0.7 s here at a load average of 12 on 2 cores; one
			// backtracking string pattern (rescanning to the end at each quote) took 16 s on the same
			// input set. The bound sits between, with room for a loaded CI machine.
			expect(worst, `slowest input starts ${JSON.stringify(worstInput)}`).toBeLessThan(4000);
		});
	}
});

describe('highlight: real generator output gets the right classes', () => {
	const files = [
		...outputsFor(planWith({}, { webServer: 'nginx' })),
		...outputsFor(planWith({}, { webServer: 'apache' })),
		...outputsFor(planWith({}, { os: 'windows', webServer: 'iis' })),
		...outputsFor(dockerPlan({})),
		...outputsFor(dockerPlan({ arrival: 'proxy', frontProxy: 'nginx' }))
	];
	const file = (id: string): OutputFile => {
		const f = files.find((x) => x.id === id);
		if (!f) throw new Error(`no generated file ${id}`);
		return f;
	};
	/**
	 * For each occurrence of `text` in the file: the type of the one token that covers it, or
	 * 'split' when it straddles tokens (neighbours of one type are merged, so a keyword may sit
	 * inside a longer token such as `<configuration>`).
	 */
	const typesOf = (f: OutputFile, text: string): (TokenType | null | 'split')[] => {
		const tokens = highlight(f.language, f.text);
		const starts: number[] = [];
		let pos = 0;
		for (const t of tokens) starts.push((pos += t.text.length) - t.text.length);
		const out: (TokenType | null | 'split')[] = [];
		for (let at = f.text.indexOf(text); at >= 0; at = f.text.indexOf(text, at + 1)) {
			let i = starts.findLastIndex((st) => st <= at);
			const t = tokens[i]!;
			out.push(at + text.length <= starts[i]! + t.text.length ? t.type : 'split');
		}
		return out;
	};
	/** `text` is in the file and at least one occurrence is coloured `type`. */
	const expectClass = (f: OutputFile, text: string, type: TokenType) => {
		const types = typesOf(f, text);
		expect(types.length, `${f.filename} contains ${text}`).toBeGreaterThan(0);
		expect(types, `${f.filename}: ${text}`).toContain(type);
	};

	it('every generated file has a language with a tokenizer, except the plain-text crontab and ufw notes', () => {
		const plain = files.filter((f) => !HIGHLIGHTED.includes(f.language)).map((f) => f.id);
		expect([...new Set(plain)].sort()).toEqual(['crontab', 'docker-ufw']);
		for (const f of files) expect(joined(highlight(f.language, f.text)), f.id).toBe(f.text);
	});

	it('nginx: directives are keywords, $variables, "strings", numbers, # comments', () => {
		const f = file('nginx');
		expect(f.language).toBe('nginx');
		for (const d of ['server', 'server_name', 'listen', 'ssl_protocols', 'location', 'return', 'root']) expectClass(f, d, 'keyword');
		expectClass(f, '$request_uri', 'variable');
		expectClass(f, '"/etc/ssl/certs/ssl-cert-snakeoil.pem"', 'string');
		expectClass(f, '443', 'number');
		expect(highlight('nginx', f.text)[0]).toEqual({ type: 'comment', text: f.text.split('\n')[0] });
		// the value of server_name is not a directive
		expect(new Set(typesOf(f, 'support.example.test;'))).toEqual(new Set(['split']));
		expect(highlight('nginx', 'server_name a.example;').map((t) => t.type)).toEqual(['keyword', null, 'punct']);
		expect(typesOf(file('docker-proxy-nginx'), 'proxy_set_header')).toContain('keyword');
	});

	it('Apache: directives, <Section> tags, strings', () => {
		const f = file('apache');
		for (const d of ['ServerName', 'SSLEngine', 'ServerTokens']) expectClass(f, d, 'keyword');
		expectClass(f, '<VirtualHost', 'tag');
		expectClass(f, '</VirtualHost>', 'tag');
		expectClass(f, '"/etc/ssl/certs/ssl-cert-snakeoil.pem"', 'string');
		expect(typesOf(f, 'Prod')).toEqual([null]);
		expect(highlight('apache', 'ServerTokens Prod\n').map((t) => t.type)).toEqual(['keyword', null]);
	});

	it('IIS web.config (XML): tags, attribute names, values, comments, the declaration', () => {
		const f = file('iis-web-config');
		expect(f.language).toBe('xml');
		expectClass(f, '<configuration', 'tag');
		expectClass(f, 'fileExtension', 'attr');
		expectClass(f, '"false"', 'string');
		const tokens = highlight('xml', f.text);
		expect(tokens[0]).toEqual({ type: 'meta', text: '<?xml version="1.0" encoding="UTF-8"?>' });
		expect(tokens.find((t) => t.text.startsWith('<!-- Deskpro Download on IIS'))?.type).toBe('comment');
	});

	it('config.php: $variables, strings, keywords, // comments', () => {
		const f = file('config-php');
		expectClass(f, '$DP_CONFIG', 'variable');
		expectClass(f, "'host'", 'string');
		expectClass(f, 'false', 'keyword');
		expectClass(f, 'array', 'keyword');
		expect(highlight('php', f.text)[0]!.type).toBe('comment');
	});

	it('SQL: GRANT and the other keywords, quoted names and values, -- comments', () => {
		const f = file('mysql');
		for (const k of ['GRANT', 'REVOKE', 'CREATE', 'USER', 'IDENTIFIED', 'SELECT', 'PRIVILEGES']) expectClass(f, k, 'keyword');
		expectClass(f, "'localhost'", 'string');
		expectClass(f, '`deskpro`', 'variable');
		expect(highlight('sql', f.text)[0]!.type).toBe('comment');
	});

	it('bash: shebang, keywords, $variables and ${…} inside strings, --options, heredoc bodies', () => {
		const f = file('permissions');
		const tokens = highlight('bash', f.text);
		expect(tokens[0]).toEqual({ type: 'meta', text: f.text.split('\n')[0] });
		for (const k of ['if', 'then', 'fi']) expectClass(f, k, 'keyword');
		expectClass(f, '-u', 'attr');
		expect(typesOf(f, '"usage: $0 [--dry-run]"')).toEqual(['split']); // a string with $0 inside
		expect(tokens.some((t) => t.type === 'variable' && t.text.startsWith('$'))).toBe(true);
		// the SQL of the Docker database script is a quoted heredoc: a string, its end marker a keyword
		const db = file('docker-database');
		const dbTokens = highlight('bash', db.text);
		const body = dbTokens.find((t) => t.type === 'string' && t.text.includes('CREATE USER IF NOT EXISTS'));
		expect(body?.text).toContain('GRANT SELECT');
		expect(dbTokens.some((t) => t.type === 'keyword' && t.text === 'DESKPRO_SQL_END')).toBe(true);
		// a nested ${…} inside a double-quoted string does not end the string early
		expect(highlight('bash', 'J="${s//"${a[$i]}"/x}" # c\n')).toEqual([
			{ type: 'variable', text: 'J' },
			{ type: 'punct', text: '=' },
			{ type: 'string', text: '"' },
			{ type: 'variable', text: '${s//"${a[$i]}"/x}' },
			{ type: 'string', text: '"' },
			{ type: null, text: ' ' },
			{ type: 'comment', text: '# c' },
			{ type: null, text: '\n' }
		]);
	});

	it('PowerShell: $variables, keywords and cmdlets, -Parameters, strings, [types]', () => {
		const f = file('iis-setup');
		expect(f.language).toBe('powershell');
		expectClass(f, '$DryRun', 'variable');
		expectClass(f, '$env:windir', 'variable');
		expectClass(f, 'param', 'keyword');
		expectClass(f, 'Write-Host', 'keyword');
		expectClass(f, '-Name', 'attr');
		expectClass(f, "'Stop'", 'string');
		expectClass(f, '[switch]', 'tag');
		// "…$var…": the variable inside the string is a variable
		expect(highlight('powershell', '"a $b c"')).toEqual([
			{ type: 'string', text: '"a ' },
			{ type: 'variable', text: '$b' },
			{ type: 'string', text: ' c"' }
		]);
	});

	it('YAML (compose): keys, "- " items, strings', () => {
		const f = file('docker-compose');
		for (const k of ['services', 'image', 'restart', 'security_opt']) expectClass(f, k, 'key');
		expectClass(f, '"3.8"', 'string');
		expect(typesOf(f, '-')).toContain('punct');
		expect(new Set(typesOf(f, 'unless-stopped'))).toEqual(new Set([null]));
		expect(new Set(typesOf(f, 'restart:'))).toEqual(new Set(['split']));
		expect(highlight('yaml', 'a: 1\nb: true # c\n').filter((t) => t.type)).toEqual([
			{ type: 'key', text: 'a' },
			{ type: 'punct', text: ':' },
			{ type: 'number', text: '1' },
			{ type: 'key', text: 'b' },
			{ type: 'punct', text: ':' },
			{ type: 'keyword', text: 'true' },
			{ type: 'comment', text: '# c' }
		]);
	});

	it('config.env: keys, values, # comments', () => {
		const f = file('docker-config-env');
		expect(f.language).toBe('env');
		expectClass(f, 'DESKPRO_DB_HOST', 'key');
		expectClass(f, '3306', 'number');
		expectClass(f, 'false', 'keyword');
		expect(highlight('env', f.text)[0]!.type).toBe('comment');
	});

	it('nftables: keywords and comments', () => {
		const f = file('docker-nftables');
		for (const k of ['table', 'chain', 'accept', 'drop']) expectClass(f, k, 'keyword');
		expect(highlight('nftables', f.text)[0]!.type).toBe('meta');
	});
});
