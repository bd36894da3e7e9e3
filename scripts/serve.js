#!/usr/bin/env node
// Serves the static build (default ./build) on 127.0.0.1 with the response headers the README
// recommends for hosting. Usage: node scripts/serve.js [dir] ; PORT=4173 by default.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

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

async function fileFor(urlPath) {
	let p = decodeURIComponent(urlPath.split('?')[0] ?? '/');
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

const server = createServer(async (req, res) => {
	try {
		let file = await fileFor(req.url ?? '/');
		let status = 200;
		if (!file) {
			file = join(root, '200.html');
			status = 200;
		}
		const body = await readFile(file);
		const headers = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', ...securityHeaders };
		if (file.includes(`${sep}_app${sep}immutable${sep}`)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
		else headers['Cache-Control'] = 'no-cache';
		res.writeHead(status, headers);
		res.end(req.method === 'HEAD' ? undefined : body);
	} catch (e) {
		res.writeHead(500, { 'Content-Type': 'text/plain' });
		res.end('Server error');
		console.error(e);
	}
});

server.listen(port, host, () => {
	console.log(`Deskpro Hardening Wizard is served at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/ (Ctrl+C to stop)`);
});
