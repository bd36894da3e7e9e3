#!/usr/bin/env node
// `npm run build:offline`: builds the wizard as ONE self-contained HTML file (SvelteKit's hash
// router and inline bundle strategy, OFFLINE=1 in svelte.config.js) that an admin can copy to an
// air-gapped machine and open from disk (file://). Output: build-offline/deskpro-hardening-wizard.html
// The favicon is inlined as a data: URL; the build fails if the page still references any file.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build-offline');
export const OFFLINE_FILE = 'deskpro-hardening-wizard.html';

rmSync(out, { recursive: true, force: true });
const env = { ...process.env, OFFLINE: '1', NODE_ENV: 'production' };
for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });

let html = readFileSync(join(out, 'index.html'), 'utf8');
const icon = readFileSync(join(root, 'static', 'favicon.svg'));
html = html.replace(/<link rel="icon" href="[^"]*"\s*\/?>/, `<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}" />`);

// Self-contained: no src/href pointing at a file (only data: URLs and in-page #fragments).
const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '').filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
if (refs.length) {
	console.error(`build-offline: the page still references files: ${refs.join(', ')}`);
	process.exit(1);
}

for (const name of readdirSync(out)) rmSync(join(out, name), { recursive: true, force: true });
writeFileSync(join(out, OFFLINE_FILE), html);
console.log(`Wrote ${join('build-offline', OFFLINE_FILE)} (${Math.round(Buffer.byteLength(html) / 1024)} KB). Open it from disk; nothing else is needed.`);
