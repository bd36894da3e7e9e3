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
export const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];

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
 * SHA-256 over the path and content of every input file under `base` (`inputs`, files or
 * directories, plus any .env* file), in a fixed order. Default: the project's INPUTS.
 * @param {string[]} [inputs]
 * @param {string} [base]
 */
export function sourceHash(inputs = INPUTS, base = root) {
	const envFiles = readdirSync(base).filter((f) => f === '.env' || f.startsWith('.env.'));
	const hash = createHash('sha256');
	for (const input of [...inputs, ...envFiles]) {
		const p = join(base, input);
		if (!existsSync(p)) {
			hash.update(`missing ${input}\0`);
			continue;
		}
		for (const f of listFiles(p, [])) {
			const content = readFileSync(f);
			hash.update(`${relative(base, f)}\0${content.length}\0`).update(content);
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
 * @param {string} [base] the project whose .svelte-kit/ holds the lock
 * @returns {T}
 */
export function withBuildLock(fn, base = root) {
	const lock = join(base, '.svelte-kit', 'test-build.lock');
	mkdirSync(join(base, '.svelte-kit'), { recursive: true });
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
 * A build tests rely on. `root`: the project; `inputs`: what it reads (paths under root);
 * `markers`: files it writes that are checked to be still its own; `build`: makes it.
 * @typedef {{ root: string, name: string, inputs: string[], markers: string[], build: () => void }} BuildKind
 */

/** @param {BuildKind} kind */
const stampFile = (kind) => join(kind.root, '.svelte-kit', `${kind.name}.source-stamp.json`);

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
 * otherwise rebuilds it (under the build lock) and writes the stamp. A failed build leaves no stamp.
 * @param {BuildKind} kind
 * @returns {{ rebuilt: boolean }}
 */
export function ensureBuilt(kind) {
	if (isFresh(kind, sourceHash(kind.inputs, kind.root))) return { rebuilt: false };
	return withBuildLock(() => {
		// Hashed before building: an edit made during the build leaves a stamp that no longer
		// matches, so the next check rebuilds.
		const hash = sourceHash(kind.inputs, kind.root);
		if (isFresh(kind, hash)) return { rebuilt: false }; // another process built it while we waited
		rmSync(stampFile(kind), { force: true });
		kind.build();
		writeFileSync(stampFile(kind), JSON.stringify({ hash, markerMtimesMs: markerMtimes(kind) }));
		return { rebuilt: true };
	}, kind.root);
}

/** @type {BuildKind} */
const TEST_BUILD = {
	root,
	name: 'build-test',
	inputs: INPUTS,
	markers: [join(buildDir, 'index.html'), join(root, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json'), join(root, '.svelte-kit', 'generated', 'client-optimized', 'app.js')],
	build: () =>
		execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, env: buildEnv({ BUILD_DIR: 'build-test' }), stdio: 'pipe' })
};

/** @type {BuildKind} */
const OFFLINE_BUILD = {
	root,
	name: 'build-offline',
	inputs: [...INPUTS, 'scripts/build-offline.js'],
	markers: [OFFLINE_HTML],
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
