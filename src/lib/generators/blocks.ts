/**
 * Block helpers shared by the nginx and Apache site generators and the Docker front proxy: on
 * their own so the front proxy does not load the Deskpro Download site generators.
 */

/** Indents non-empty lines by four spaces per level. */
export function indent(lines: string[], n = 1): string[] {
	const pad = '    '.repeat(n);
	return lines.map((l) => (l === '' ? '' : pad + l));
}

/** An nginx block: `head {`, the body indented, `}`. */
export function block(head: string, body: string[]): string[] {
	return [`${head} {`, ...indent(body), '}'];
}

/** An Apache section: `<open>`, the body indented, `</close>`. */
export function section(open: string, close: string, body: string[]): string[] {
	return [`<${open}>`, ...indent(body), `</${close}>`];
}
