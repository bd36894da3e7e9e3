import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// `npm run build:offline` sets OFFLINE=1: one self-contained HTML file (hash router, every
// script and style inlined) that opens from file:// on an air-gapped machine.
const offline = process.env.OFFLINE === '1';
// Where the static build goes (tests that build use their own folder, so they never replace
// the files a running `node scripts/serve.js build` or Playwright server is serving).
const buildDir = process.env.BUILD_DIR ?? 'build';

/**
 * SvelteKit's route announcer (an aria-live region it adds after the first navigation) carries
 * an inline style attribute. Rather than 'unsafe-inline', the policy allows exactly that one
 * attribute by hash ('unsafe-hashes' + its sha256), computed from the installed SvelteKit so an
 * upgrade cannot silently break it (the build fails here instead).
 */
function announcerStyleHash() {
	const src = readFileSync(new URL('./node_modules/@sveltejs/kit/src/core/sync/write_root.js', import.meta.url), 'utf8');
	const style = /id="svelte-announcer"[^>]*?style="([^"]+)"/.exec(src)?.[1];
	if (!style) throw new Error('svelte.config.js: cannot find the style of SvelteKit\'s route announcer to hash for the CSP');
	return `sha256-${createHash('sha256').update(style).digest('base64')}`;
}

/**
 * The Content-Security-Policy of every built page (a <meta> tag; SvelteKit adds the hashes of
 * its inline scripts). `frame-ancestors` cannot be set by <meta>: scripts/serve.js and the
 * README's nginx/Apache snippets send it as a response header.
 * @type {import('@sveltejs/kit').CspDirectives}
 */
const directives = {
	'default-src': ['self'],
	'script-src': ['self'],
	// No inline styles: components use classes (a `style="..."` attribute in markup is blocked;
	// `style:prop={...}` / dynamic `style={...}` go through the CSSOM and are allowed).
	'style-src': ['self', 'unsafe-hashes', /** @type {`sha256-${string}`} */ (announcerStyleHash())],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'worker-src': ['self', 'blob:'],
	'manifest-src': ['self'],
	'frame-src': ['none'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['none']
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: offline
			? adapter({ pages: 'build-offline', assets: 'build-offline', fallback: undefined, strict: true })
			: adapter({ pages: buildDir, assets: buildDir, fallback: '200.html', strict: true }),
		csp: { mode: 'hash', directives },
		// Offline: links are `#/step/...` relative to the file itself (paths.relative: false keeps
		// `base` empty; with a relative base, links would point at the folder, not the file).
		...(offline ? { router: { type: 'hash' }, output: { bundleStrategy: 'inline' }, paths: { relative: false } } : {})
	}
};

export default config;
