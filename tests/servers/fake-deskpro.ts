/**
 * A small fake Deskpro Download tree with the legacy layout (see shared/reference/deskpro.md):
 * the front controller and public entry points, the sensitive entry points, config.php,
 * data/ with a secret file and a .php file, app/, plugins/, web/ and dot-files.
 *
 * Every PHP file prints a marker saying which file ran, so a test can tell "served by
 * index.php" from "this .php file was executed" and from "its source was sent".
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Printed by a PHP file when it runs: `RAN:<relative path>`; its source never contains it literally. */
export const ranMarker = (rel: string) => `RAN:${rel}`;
export const SECRET_TEXT = 'TOP-SECRET-ATTACHMENT-CONTENT';
export const SOURCE_MARKER = 'PHP-SOURCE-NOT-FOR-CLIENTS';

function php(rel: string): string {
	// The marker is assembled at run time so the raw source does not contain it.
	return `<?php // ${SOURCE_MARKER}\nheader('Content-Type: text/plain');\necho 'RAN' . ':' . ${JSON.stringify(rel).replace(/"/g, "'")} . "\\n";\necho 'uri=' . ($_SERVER['REQUEST_URI'] ?? '') . "\\n";\necho 'remote=' . ($_SERVER['REMOTE_ADDR'] ?? '') . "\\n";\n`;
}

/** Public PHP entry points. */
export const PUBLIC_ENTRY_POINTS = ['index.php', 'dp.php', 'file.php'];
/** Files in the web root that must answer 403. */
export const SENSITIVE_FILES = ['config.php', 'config.new.php', 'cron.php', 'import.php', 'upgrade.php', 'schedule.bat', 'web.config', '.htaccess', '.git/config', '.env'];

export const FILES: Record<string, string> = {
	'index.php': php('index.php'),
	'dp.php': php('dp.php'),
	'file.php': php('file.php'),
	'cron.php': php('cron.php'),
	'import.php': php('import.php'),
	'upgrade.php': php('upgrade.php'),
	'config.php': php('config.php') + `// DP_DATABASE_PASSWORD = 'config-secret'\n`,
	'config.new.php': php('config.new.php'),
	'schedule.bat': '@echo off\r\nphp cron.php\r\n',
	'web.config': '<?xml version="1.0"?><configuration/>\n',
	'.htaccess': 'Require all denied\n',
	'.env': 'SECRET=dotenv\n',
	'.git/config': '[core]\n\trepositoryformatversion = 0\n',
	'admin/.keep': '',
	'agent/index.php': php('agent/index.php'),
	'app/bootstrap.php': php('app/bootstrap.php'),
	'app/config/parameters.txt': 'app-internal\n',
	'plugins/example/plugin.php': php('plugins/example/plugin.php'),
	'data/secret.txt': `${SECRET_TEXT}\n`,
	'data/evil.php': php('data/evil.php'),
	'data/files/0001/attachment.bin': `${SECRET_TEXT}\n`,
	'data/files/0001/shell.php': php('data/files/0001/shell.php'),
	'web/css/style.css': 'body { color: #123; }\n',
	'web/js/app.js': 'console.log("static");\n',
	'web/evil.php': php('web/evil.php')
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
