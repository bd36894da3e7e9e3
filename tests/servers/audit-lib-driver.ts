/**
 * Runs ONE check function of the audit library (audit-lib.sh) on real files, the way the
 * generated script does (private temporary directory, removed on exit), and returns the state
 * and evidence it set. For tests of a single check without building a whole fixture.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lib from '$lib/generators/audit-lib.sh?raw';
import { shellQuote } from '$lib/generators/escape';
import { afterAll, beforeAll, expect } from 'vitest';
import { bin, removeDir, run } from './harness';

export interface CheckResult {
	state: string;
	evidence: string;
	/** Everything the run printed, for failure messages. */
	output: string;
}

let n = 0;

/**
 * A private directory for one test file's cases, readable by every user, made before its tests
 * and removed after them. Call at the top of a describe block; the getter gives its path.
 */
export function scratchDir(label: string): () => string {
	let dir = '';
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), `dphw-${label}-`));
		chmodSync(dir, 0o755);
	});
	afterAll(() => removeDir(dir));
	return () => dir;
}

/** A fresh directory under `parent`, readable by every user (config.php is read as the web user). */
export function caseDir(parent: string, files: Record<string, string> = {}): string {
	const d = join(parent, `case ${++n} 'x'`);
	mkdirSync(d, { mode: 0o755 });
	chmodSync(d, 0o755);
	for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text, { mode: 0o644 });
	return d;
}

export interface LibRun extends CheckResult {
	code: number;
	stderr: string;
}

let driverN = 0;

/**
 * Runs `code` (bash) after the library, under the script's own settings (set -u, pipefail, C
 * locale, umask 077, its PATH; `path` is put first, `home` becomes HOME), with its private
 * temporary directory; returns the state and evidence the code set, its exit code and output.
 * `wrap` runs the driver under another command (e.g. `script` for a terminal).
 */
export async function runLib(dir: string, code: string, opts: { wrap?: (driver: string) => [string, string[]]; path?: string; home?: string } = {}): Promise<LibRun> {
	const driver = join(dir, `driver-${++driverN}.sh`);
	const pre = [
		'set -u -o pipefail',
		'export LC_ALL=C',
		'umask 077',
		`PATH=${opts.path ? `${shellQuote(opts.path)}:` : ''}/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
		'export PATH',
		opts.home ? `export HOME=${shellQuote(opts.home)}` : ''
	].join('\n');
	writeFileSync(driver, `${pre}\n${lib}\ninit_json\nmake_tmp\ntrap 'rm -rf -- "$TMP"' EXIT\n${code}\nprintf '\\n@@result@@%s\\n%s' "$C_STATE" "$C_EVIDENCE"\n`);
	const [file, argv] = opts.wrap ? opts.wrap(driver) : [bin('bash'), [driver]];
	const r = await run(file, argv);
	const out = r.stdout.replace(/\r/g, '');
	const at = out.lastIndexOf('\n@@result@@');
	const [state = '', ...rest] = at < 0 ? [] : out.slice(at + '\n@@result@@'.length).split('\n');
	return { state, evidence: rest.join('\n').trimEnd(), output: r.stdout + r.stderr, stderr: r.stderr, code: r.code };
}

/** One check function `fn args...` of the library (see runLib); it must run to the end. */
export async function runLibCheck(dir: string, fn: string, args: string[], opts: { wrap?: (driver: string) => [string, string[]] } = {}): Promise<CheckResult> {
	const r = await runLib(dir, [fn, ...args].map(shellQuote).join(' '), opts);
	expect(r.code, r.stderr).toBe(0);
	expect(r.output, 'the driver did not reach its end').toContain('@@result@@');
	return { state: r.state, evidence: r.evidence, output: r.output };
}
