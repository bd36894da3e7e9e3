// The production builds that tests read or serve, rebuilt only when the source tree changed.
//
// build-test/ (BUILD_DIR=build-test, see svelte.config.js) is the normal static build: the vitest
// files that read it (size, page weight, bench, hosting) and the Playwright server
// (scripts/serve-test-build.js) share it, so one CI run builds it once. It never replaces the
// build/ a running `npm start` serves. build-offline/ is the single-file build (offline spec).
//
// Fresh means: built from exactly the current source tree. After a successful build a stamp in
// .svelte-kit/ records the SHA-256 of every input file's path and content (taken BEFORE the build,
// so an edit made while it ran makes the next check rebuild) and the mtimes of the files the build
// wrote that tests read (so a build made by other means, e.g. `BUILD_DIR=build-test vite build`,
// is not trusted; for build-test/ this includes Vite's manifest in .svelte-kit/output, which
// scripts/bench.js reads: another build, e.g. the offline one, replaces it). Anything that does
// not match, or a missing stamp or file, means a rebuild.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const buildDir = join(root, 'build-test');
export const OFFLINE_HTML = join(root, 'build-offline', 'deskpro-hardening-wizard.html');

/** What a build reads from the project: sources, config, env files and the installed packages. */
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];

/** @param {string} path @param {string[]} out */
function listFiles(path, out) {
	const st = statSync(path);
	if (!st.isDirectory()) {
		out.push(path);
		return out;
	}
	for (const name of readdirSync(path).sort()) listFiles(join(path, name), out);
	return out;
}

/**
 * SHA-256 over the path and content of every input file (plus `extra` paths, e.g. the offline
 * build script), in a fixed order.
 * @param {string[]} [extra]
 */
export function sourceHash(extra = []) {
	const envFiles = readdirSync(root).filter((f) => f === '.env' || f.startsWith('.env.'));
	const hash = createHash('sha256');
	for (const input of [...INPUTS, ...envFiles, ...extra]) {
		const p = join(root, input);
		if (!existsSync(p)) {
			hash.update(`missing ${input}\0`);
			continue;
		}
		for (const f of listFiles(p, [])) {
			const content = readFileSync(f);
			hash.update(`${relative(root, f)}\0${content.length}\0`).update(content);
		}
	}
	return hash.digest('hex');
}

/**
 * The environment for a child build: production, none of vitest's variables, and OFFLINE only
 * when asked for (a stray OFFLINE=1 would make the wrong kind of build).
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function buildEnv(extra = {}) {
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...process.env, NODE_ENV: 'production', ...extra };
	for (const k of Object.keys(env)) if (k.startsWith('VITEST') || (k === 'OFFLINE' && !extra.OFFLINE)) delete env[k];
	return env;
}

/** @param {number} ms */
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `fn` while holding a lock directory, so parallel test workers (or vitest and Playwright
 * started side by side) never run two builds into the same .svelte-kit/ at once. A lock older
 * than 10 minutes is stale.
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
export function withBuildLock(fn) {
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

/**
 * @typedef {{ name: string, markers: string[], extraInputs: string[], build: () => void }} BuildKind
 */

/** @param {BuildKind} kind */
const stampFile = (kind) => join(root, '.svelte-kit', `${kind.name}.source-stamp.json`);

/** @param {BuildKind} kind */
const markerMtimes = (kind) => kind.markers.map((m) => statSync(m).mtimeMs);

/**
 * Whether the marker files were written by the last build this module made, from a tree whose hash is `hash`.
 * @param {BuildKind} kind
 * @param {string} hash
 */
function isFresh(kind, hash) {
	if (!kind.markers.every((m) => existsSync(m)) || !existsSync(stampFile(kind))) return false;
	try {
		const stamp = JSON.parse(readFileSync(stampFile(kind), 'utf8'));
		return stamp.hash === hash && JSON.stringify(stamp.markerMtimesMs) === JSON.stringify(markerMtimes(kind));
	} catch {
		return false;
	}
}

/**
 * Makes sure `kind` is built from the current source tree: reuses it when its stamp matches,
 * otherwise rebuilds it (under the build lock) and writes the stamp.
 * @param {BuildKind} kind
 * @returns {{ rebuilt: boolean }}
 */
function ensureBuilt(kind) {
	if (isFresh(kind, sourceHash(kind.extraInputs))) return { rebuilt: false };
	return withBuildLock(() => {
		// Hashed before building: an edit made during the build leaves a stamp that no longer
		// matches, so the next check rebuilds.
		const hash = sourceHash(kind.extraInputs);
		if (isFresh(kind, hash)) return { rebuilt: false }; // another process built it while we waited
		rmSync(stampFile(kind), { force: true });
		kind.build();
		writeFileSync(stampFile(kind), JSON.stringify({ hash, markerMtimesMs: markerMtimes(kind) }));
		return { rebuilt: true };
	});
}

/** @type {BuildKind} */
const TEST_BUILD = {
	name: 'build-test',
	markers: [join(buildDir, 'index.html'), join(root, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json'), join(root, '.svelte-kit', 'generated', 'client-optimized', 'app.js')],
	extraInputs: [],
	build: () =>
		execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, env: buildEnv({ BUILD_DIR: 'build-test' }), stdio: 'pipe' })
};

/** @type {BuildKind} */
const OFFLINE_BUILD = {
	name: 'build-offline',
	markers: [OFFLINE_HTML],
	extraInputs: ['scripts/build-offline.js'],
	build: () => execFileSync(process.execPath, [join(root, 'scripts', 'build-offline.js')], { cwd: root, env: buildEnv(), stdio: 'pipe' })
};

/** build-test/, built from the current source tree (rebuilt when it is not). */
export function ensureFreshBuild() {
	ensureBuilt(TEST_BUILD);
	return buildDir;
}

/** Like ensureFreshBuild, and says whether it had to build. */
export function ensureFreshBuildReport() {
	return ensureBuilt(TEST_BUILD);
}

/** build-offline/deskpro-hardening-wizard.html, built from the current source tree. */
export function ensureOfflineBuild() {
	ensureBuilt(OFFLINE_BUILD);
	return OFFLINE_HTML;
}
