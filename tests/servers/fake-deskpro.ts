/**
 * A fake Deskpro Download tree (the v4 web-root layout), built from the sourced surface in
 * `$lib/deskpro/surface`: one stub per public entry point, one per private file, a secret and a
 * .php file in each private directory, Deskpro's admin/ and agent/ redirect pages, web/ assets
 * and dot-files. A fact added to the surface module is served (or refused) here without
 * touching this file.
 *
 * Every PHP stub prints a marker naming the file that ran, then SCRIPT_NAME, PATH_INFO,
 * QUERY_STRING, HTTPS, the request URI, the client address and the request body size, so a test
 * can tell which script a route reached, with what, and "executed" from "source sent".
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ENTRY_POINTS, PRIVATE_DIRS, PRIVATE_FILES, STATIC_DIR } from '$lib/deskpro/surface';

/** Printed by a PHP file when it runs: `RAN:<relative path>`; its source never contains it literally. */
export const ranMarker = (rel: string) => `RAN:${rel}`;
export const SECRET_TEXT = 'TOP-SECRET-ATTACHMENT-CONTENT';
export const SOURCE_MARKER = 'PHP-SOURCE-NOT-FOR-CLIENTS';

function php(rel: string): string {
	// The marker is assembled at run time so the raw source does not contain it.
	const v = (k: string) => `echo '${k.toLowerCase()}=' . ($_SERVER['${k}'] ?? '') . "\\n";`;
	return [
		`<?php // ${SOURCE_MARKER}`,
		"header('Content-Type: text/plain');",
		`echo 'RAN' . ':' . ${JSON.stringify(rel).replace(/"/g, "'")} . "\\n";`,
		"echo 'uri=' . ($_SERVER['REQUEST_URI'] ?? '') . \"\\n\";",
		"echo 'remote=' . ($_SERVER['REMOTE_ADDR'] ?? '') . \"\\n\";",
		v('SCRIPT_NAME'),
		v('PATH_INFO'),
		v('QUERY_STRING'),
		v('HTTPS'),
		v('CONTENT_LENGTH'),
		''
	].join('\n');
}

/** Public PHP entry points (from the surface module). */
export const PUBLIC_ENTRY_POINTS = ENTRY_POINTS.map((e) => e.file);
/** Files in the web root that must answer 403: the surface's private files plus dot-files. */
export const SENSITIVE_FILES = [...PRIVATE_FILES, '.htaccess', '.git/config', '.env'];

const privateFile = (f: string) => (f.endsWith('.php') ? php(f) + (f === 'config.php' ? `// DP_DATABASE_PASSWORD = 'config-secret'\n` : '') : f.endsWith('.bat') ? '@echo off\r\nphp cron.php\r\n' : `${SOURCE_MARKER} ${SECRET_TEXT}\n`);

export const FILES: Record<string, string> = {
	...Object.fromEntries(PUBLIC_ENTRY_POINTS.map((f) => [f, php(f)])),
	...Object.fromEntries(PRIVATE_FILES.map((f) => [f, privateFile(f)])),
	...Object.fromEntries(PRIVATE_DIRS.flatMap((d) => [[`${d}/secret.txt`, `${SECRET_TEXT}\n`], [`${d}/evil.php`, php(`${d}/evil.php`)]])),
	'.htaccess': 'Require all denied\n',
	'.env': 'SECRET=dotenv\n',
	'.git/config': '[core]\n\trepositoryformatversion = 0\n',
	// Deskpro ships these "clean URLs are off" pages; with the generated rules they are never reached.
	'admin/index.php': php('admin/index.php'),
	'agent/index.php': php('agent/index.php'),
	'app/config/parameters.txt': 'app-internal\n',
	'plugins/example/plugin.php': php('plugins/example/plugin.php'),
	'data/files/0001/attachment.bin': `${SECRET_TEXT}\n`,
	'data/files/0001/shell.php': php('data/files/0001/shell.php'),
	[`${STATIC_DIR}/css/style.css`]: 'body { color: #123; }\n',
	[`${STATIC_DIR}/js/app.js`]: 'console.log("static");\n',
	[`${STATIC_DIR}/evil.php`]: php(`${STATIC_DIR}/evil.php`)
};

/** Writes the tree under `root` (created), readable by the web server. */
export function makeFakeDeskpro(root: string): void {
	for (const [rel, text] of Object.entries(FILES)) {
		const p = join(root, rel);
		mkdirSync(dirname(p), { recursive: true });
		writeFileSync(p, text);
	}
	chmodTree(root);
}

function chmodTree(root: string): void {
	chmodSync(root, 0o755);
	const dirs = new Set<string>();
	for (const rel of Object.keys(FILES)) {
		const parts = rel.split('/');
		for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
		chmodSync(join(root, rel), 0o644);
	}
	for (const d of dirs) chmodSync(join(root, d), 0o755);
}
