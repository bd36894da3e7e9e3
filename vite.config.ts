import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';

const offline = process.env.OFFLINE === '1';

/**
 * The offline single-file build (OFFLINE=1, see svelte.config.js) uses SvelteKit's hash router,
 * which refuses page options (`prerender`, `ssr`, `entries`...). They only matter to the normal
 * static build, so here they are turned into plain, unexported constants. (SvelteKit reads
 * bare-literal options straight from the source file, bypassing this; write them as
 * expressions, e.g. `export const ssr = false as boolean`, as src/routes/+layout.ts does.)
 */
function stripPageOptions(): Plugin {
	const optionExport = /^export\s+(const|let|function)\s+(prerender|ssr|csr|trailingSlash|entries|config)\b/gm;
	return {
		name: 'offline-strip-page-options',
		enforce: 'pre',
		transform(code, id) {
			if (!/[/\\]src[/\\]routes[/\\].*\+(page|layout)\.(ts|js)$/.test(id)) return null;
			return { code: code.replace(optionExport, '$1 $2'), map: null };
		}
	};
}

export default defineConfig({
	plugins: [...(offline ? [stripPageOptions()] : []), sveltekit()],
	// The offline single file cannot fetch anything: the PDF fonts (normally separate files,
	// fetched only when a PDF is made) are inlined there as data: URLs.
	build: offline ? { assetsInlineLimit: (file: string) => (file.endsWith('.ttf') ? true : undefined) } : {},
	// ...except the CJK and Hangul fonts (several MB each), which the offline build leaves out
	// (src/lib/pdf/offline.ts): the export panel says so before a download.
	define: { 'import.meta.env.VITE_OFFLINE_BUILD': JSON.stringify(offline ? 'true' : 'false') },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/servers/**/*.test.ts'],
		setupFiles: ['tests/setup-practices.ts'],
		environment: 'node',
		// Real servers (nginx, Apache, php-fpm, MariaDB) start once per test file.
		// Two files at a time: vitest's default in a run is one worker per core minus one, which is
		// ONE worker on CI's two cores, although the server files spend much of their time waiting on
		// servers, scripts and dockerd (each file has its own temp dirs, ports, accounts, netns and
		// dockerd, so files never share a server).
		maxWorkers: 2,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
