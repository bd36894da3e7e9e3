/**
 * Every JavaScript file of the production build parses and links as an ES module (nothing is
 * run): the page chunks of vite.config.ts once made rolldown emit a chunk exporting a name it
 * never declared, which the browser refuses with everything that imports it (the highlighter
 * then never loaded). See scripts/check-modules.js.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildDir, ensureFreshBuild, root } from '../fresh-build';

describe('the built modules', () => {
	it('all parse and link, each import finding its export', { timeout: 300_000 }, () => {
		ensureFreshBuild();
		const r = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', join(root, 'scripts', 'check-modules.js'), buildDir], { encoding: 'utf8' });
		expect(r.stderr.trim(), 'broken modules').toBe('');
		expect(r.status).toBe(0);
		const count = Number(/^(\d+) modules parse and link/.exec(r.stdout)?.[1]);
		// the whole app: the kit entry, the nodes, every chunk
		expect(count).toBeGreaterThan(80);
	});
});
