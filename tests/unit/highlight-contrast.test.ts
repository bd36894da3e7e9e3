/**
 * Highlighted code must stay readable (issue 16): every token colour, and the line numbers, at
 * least WCAG AA 4.5:1 on the code block's background (--surface-2), in the light theme, the dark
 * theme (prefers-color-scheme: dark) and print, computed from the CSS variables in app.css (the
 * surfaces) and highlight/theme.css (the token colours, loaded with the first code block). And
 * every token class the highlighter emits has a colour rule in CodeBlock.svelte.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN_TYPES } from '$lib/highlight/tokens';

const root = join(import.meta.dirname, '..', '..');
const appCss = readFileSync(join(root, 'src', 'app.css'), 'utf8');
const themeCss = readFileSync(join(root, 'src', 'lib', 'highlight', 'theme.css'), 'utf8');
const codeBlock = readFileSync(join(root, 'src', 'lib', 'components', 'CodeBlock.svelte'), 'utf8');

/** The custom properties set in the first `:root { … }` after `after` (a heading such as a media query). */
function rootVars(after: string, css: string): Record<string, string> {
	const at = css.indexOf(after);
	expect(at, `the CSS has ${after}`).toBeGreaterThanOrEqual(0);
	const open = css.indexOf(':root', at);
	const body = css.slice(css.indexOf('{', open) + 1, css.indexOf('}', open));
	return Object.fromEntries([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function luminance(hex: string): number {
	const m = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(hex);
	if (!m) throw new Error(`not a #rgb or #rrggbb colour: ${hex}`);
	const six = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
	const [r, g, b] = [0, 2, 4].map((i) => parseInt(six.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

const light = { ...rootVars('', appCss), ...rootVars('', themeCss) };
const themes = {
	light,
	// the dark and print blocks only override: what they leave unset is the light value (the
	// token colours' dark block is for screens only, so print keeps the light token colours)
	dark: { ...light, ...rootVars('@media (prefers-color-scheme: dark)', appCss), ...rootVars('@media screen and (prefers-color-scheme: dark)', themeCss) },
	print: { ...light, ...rootVars('@media print', appCss) }
};

describe('code highlighting colours', () => {
	it('the contrast formula is WCAG’s (black on white 21:1, #767676 on white 4.54:1)', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrast('#fff', '#ffffff')).toBe(1);
	});

	for (const [theme, vars] of Object.entries(themes)) {
		it(`${theme}: every token colour and the line numbers are at least 4.5:1 on the code background`, () => {
			const bg = vars['--surface-2']!;
			const measured: Record<string, number> = {};
			for (const type of TOKEN_TYPES) {
				const colour = vars[`--hl-${type}`];
				expect(colour, `--hl-${type} is set for ${theme}`).toBeDefined();
				measured[type] = contrast(colour!, bg);
			}
			measured['line numbers (--muted)'] = contrast(vars['--muted']!, bg);
			measured['plain text (--text)'] = contrast(vars['--text']!, bg);
			for (const [what, ratio] of Object.entries(measured)) expect(ratio, `${theme} ${what} on ${bg}`).toBeGreaterThanOrEqual(4.5);
		});
	}

	it('the dark theme really has its own token colours (not the light ones on a dark background)', () => {
		const dark = rootVars('@media screen and (prefers-color-scheme: dark)', themeCss);
		expect(themeCss, 'no print block re-sets them: print keeps the light values').not.toContain('@media print');
		for (const type of TOKEN_TYPES) expect(dark[`--hl-${type}`], `dark --hl-${type}`).toBeDefined();
	});

	it('CodeBlock.svelte colours every token class with its variable, and the line numbers with --muted', () => {
		for (const type of TOKEN_TYPES) {
			const rule = new RegExp(`\\.tok-${type}\\s*\\{[^}]*color:\\s*var\\(--hl-${type}\\)`);
			expect(codeBlock, `.tok-${type} rule`).toMatch(rule);
		}
		expect(codeBlock).toMatch(/\.line::before\s*\{[^}]*content:\s*counter\(line\)[^}]*color:\s*var\(--muted\)/);
		// classes only: no inline style attribute (the CSP forbids them)
		expect(codeBlock).not.toMatch(/\sstyle[=:]/);
	});
});
