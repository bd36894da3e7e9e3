/**
 * The production build for tests that read it, in `build-test/` (BUILD_DIR, see svelte.config.js)
 * so it never replaces the `build/` a running server serves: reused when it is newer than every
 * source file, otherwise rebuilt (vite build with NODE_ENV=production, outside vitest's env).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');
export const buildDir = join(root, 'build-test');

export function newestMtime(path: string): number {
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let newest = st.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

export function newestSource(extra: string[] = []): number {
	const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json', ...extra].map((p) => join(root, p)).filter(existsSync);
	return Math.max(...inputs.map(newestMtime));
}

export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
	for (const k of Object.keys(env)) if (k.startsWith('VITEST') || (k === 'OFFLINE' && !extra.OFFLINE)) delete env[k];
	return env;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `fn` while holding a lock directory, so test files running in parallel workers never
 * run two builds into the same .svelte-kit/ at once. A lock older than 10 minutes is stale.
 */
export function withBuildLock<T>(fn: () => T): T {
	const lock = join(root, '.svelte-kit', 'test-build.lock');
	mkdirSync(join(root, '.svelte-kit'), { recursive: true });
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			try {
				if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
			} catch {
				/* it was just released */
			}
			sleep(200);
		}
	}
	try {
		return fn();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

export function ensureFreshBuild(): string {
	const marker = join(buildDir, 'index.html');
	const fresh = () => existsSync(marker) && statSync(marker).mtimeMs > newestSource();
	if (fresh()) return buildDir;
	withBuildLock(() => {
		if (fresh()) return; // another worker built it while we waited
		execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, env: buildEnv({ BUILD_DIR: 'build-test' }), stdio: 'pipe' });
	});
	return buildDir;
}
