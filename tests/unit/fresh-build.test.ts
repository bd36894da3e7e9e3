/**
 * The reuse rule of scripts/fresh-build.js (build-test/ is built once by the vitest files and
 * served again by Playwright): a build is reused only when it was made from exactly the current
 * source tree. Checked on a scratch project whose "build" copies its source into the output, so
 * after every ensureBuilt the output must equal the current source: a stale build is never used.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, INPUTS, sourceHash } from '../../scripts/fresh-build.js';

const base = mkdtempSync(join(tmpdir(), 'dphw-fresh-build-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let project = '';
let builds = 0;
let duringBuild: (() => void) | undefined;
const src = (name = 'a.ts') => join(project, 'src', name);
const output = () => join(project, 'out', 'index.html');
/** The scratch build: the concatenated sources, as they are when it reads them. */
const sourceText = () => ['a.ts', 'b.ts'].map((n) => { try { return readFileSync(src(n), 'utf8'); } catch { return ''; } }).join('|');
const kind = () => ({
	root: project,
	name: 'scratch',
	inputs: ['src', 'svelte.config.js'],
	markers: [output()],
	build: () => {
		builds++;
		const text = sourceText();
		duringBuild?.();
		mkdirSync(join(project, 'out'), { recursive: true });
		writeFileSync(output(), text);
	}
});
/** ensureBuilt, then the invariant: what would be served is the current source, unless an edit raced the build. */
const ensure = () => ensureBuilt(kind()).rebuilt;
const servesCurrentSource = () => expect(readFileSync(output(), 'utf8')).toBe(sourceText());

beforeEach(() => {
	project = mkdtempSync(join(base, 'p-'));
	mkdirSync(join(project, 'src'));
	writeFileSync(src(), 'export const a = 1;\n');
	writeFileSync(join(project, 'svelte.config.js'), 'export default {};\n');
	builds = 0;
	duringBuild = undefined;
});

describe('fresh-build: reuse only a build of the current source tree', () => {
	it('builds once, then reuses while nothing changes', () => {
		expect(ensure()).toBe(true);
		expect(ensure()).toBe(false);
		expect(ensure()).toBe(false);
		expect(builds).toBe(1);
		servesCurrentSource();
	});

	it('rebuilds after an edit that keeps the old mtime (the old mtime rule reused that stale build)', () => {
		ensure();
		// e.g. a file restored from an archive or copied with cp -p: older than the build
		writeFileSync(src(), 'export const a = 2;\n');
		const past = new Date('2001-01-01T00:00:00Z');
		utimesSync(src(), past, past);
		expect(statSync(output()).mtimeMs, 'the mtime rule would call the build fresh').toBeGreaterThan(statSync(src()).mtimeMs);
		expect(ensure()).toBe(true);
		servesCurrentSource();
		// and the revert is a change too
		writeFileSync(src(), 'export const a = 1;\n');
		expect(ensure()).toBe(true);
		servesCurrentSource();
		expect(builds).toBe(3);
	});

	it('rebuilds when a file is added, renamed or removed, or a config file changes', () => {
		ensure();
		writeFileSync(src('b.ts'), 'export const b = 1;\n');
		expect(ensure()).toBe(true);
		servesCurrentSource();
		renameSync(src('b.ts'), src('c.ts'));
		expect(ensure()).toBe(true);
		rmSync(src('c.ts'));
		expect(ensure()).toBe(true);
		writeFileSync(join(project, 'svelte.config.js'), 'export default { kit: {} };\n');
		expect(ensure()).toBe(true);
		expect(ensure()).toBe(false);
		expect(builds).toBe(5);
	});

	it('does not trust an output rewritten by another build, or a missing stamp or output', () => {
		ensure();
		writeFileSync(output(), 'made by hand');
		expect(ensure()).toBe(true);
		servesCurrentSource();
		rmSync(join(project, '.svelte-kit', 'scratch.source-stamp.json'));
		expect(ensure()).toBe(true);
		rmSync(output());
		expect(ensure()).toBe(true);
		servesCurrentSource();
		expect(builds).toBe(4);
	});

	it('an edit made while the build runs makes the next check rebuild', () => {
		duringBuild = () => writeFileSync(src(), 'export const a = 3;\n');
		expect(ensure()).toBe(true);
		duringBuild = undefined;
		// the output holds the source as the build read it, not as it is now
		expect(readFileSync(output(), 'utf8')).not.toBe(sourceText());
		expect(ensure()).toBe(true);
		servesCurrentSource();
		expect(builds).toBe(2);
	});

	it('a failed build leaves no stamp: the next check builds again', () => {
		ensure();
		writeFileSync(src(), 'export const a = 4;\n');
		duringBuild = () => {
			throw new Error('build failed');
		};
		expect(() => ensure()).toThrow('build failed');
		duringBuild = undefined;
		expect(ensure()).toBe(true);
		servesCurrentSource();
	});

	it('the project hash covers the sources, the configs and the installed packages', () => {
		expect(INPUTS).toEqual(expect.arrayContaining(['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json', 'node_modules/.package-lock.json']));
		const h = sourceHash(['src'], project);
		expect(h).toMatch(/^[0-9a-f]{64}$/);
		expect(sourceHash(['src'], project)).toBe(h);
		writeFileSync(join(project, '.env.production'), 'VITE_X=1\n');
		expect(sourceHash(['src'], project), 'a .env file').not.toBe(h);
	});
});
