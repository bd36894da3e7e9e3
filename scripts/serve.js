#!/usr/bin/env node
// Serves the static build (default ./build) on 127.0.0.1 with the response headers the README
// recommends for hosting. Usage: node scripts/serve.js [dir] ; PORT=4173 by default.
// Also imported: `serveStatic(dir)` starts the same server on a free port (scripts/size-pages.js).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** @type {Record<string, string>} */
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ttf': 'font/ttf',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

export const securityHeaders = {
	'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Content-Security-Policy': "frame-ancestors 'none'",
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

/**
 * The file a URL path maps to under `root` (path, path.html, path/index.html), or null.
 * @param {string} root
 * @param {string} urlPath
 */
async function fileFor(root, urlPath) {
	const p = decodeURIComponent(urlPath.split('?')[0] ?? '/');
	const candidates = p.endsWith('/') ? [p + 'index.html'] : [p, p + '.html', p + '/index.html'];
	for (const c of candidates) {
		const full = normalize(join(root, c));
		if (full !== root && !full.startsWith(root + sep)) return null;
		try {
			if ((await stat(full)).isFile()) return full;
		} catch {
			/* next */
		}
	}
	return null;
}

/**
 * The request handler: the build's files with the recommended headers, 200.html for any other path.
 * @param {string} root an absolute path
 * @returns {import('node:http').RequestListener}
 */
function handler(root) {
	return async (req, res) => {
		try {
			const file = (await fileFor(root, req.url ?? '/')) ?? join(root, '200.html');
			const body = await readFile(file);
			/** @type {Record<string, string>} */
			const headers = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', ...securityHeaders };
			if (file.includes(`${sep}_app${sep}immutable${sep}`)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
			else headers['Cache-Control'] = 'no-cache';
			res.writeHead(200, headers);
			res.end(req.method === 'HEAD' ? undefined : body);
		} catch (e) {
			res.writeHead(500, { 'Content-Type': 'text/plain' });
			res.end('Server error');
			console.error(e);
		}
	};
}

/**
 * Serves `dir` on `host`:`port` (port 0: a free one).
 * @param {string} dir
 * @param {{ port?: number, host?: string }} [opts]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveStatic(dir, { port = 0, host = '127.0.0.1' } = {}) {
	const server = createServer(handler(resolve(dir)));
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => {
			const a = server.address();
			const bound = typeof a === 'object' && a ? a.port : port;
			ok({
				url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`,
				close: () => new Promise((done) => server.close(() => done()))
			});
		});
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const host = process.env.HOST ?? '127.0.0.1';
	const port = Number(process.env.PORT ?? 4173);
	await serveStatic(process.argv[2] ?? 'build', { port, host });
	console.log(`Deskpro Hardening Wizard is served at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/ (Ctrl+C to stop)`);
}
