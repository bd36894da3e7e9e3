/** Builds build-offline/ (npm run build:offline) unless it is newer than every source file. */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildEnv, newestSource, root, withBuildLock } from '../../fresh-build';

export const OFFLINE_HTML = join(root, 'build-offline', 'deskpro-hardening-wizard.html');

export function ensureOfflineBuild(): string {
	const fresh = () => existsSync(OFFLINE_HTML) && statSync(OFFLINE_HTML).mtimeMs > newestSource(['scripts/build-offline.js']);
	if (!fresh()) {
		withBuildLock(() => {
			if (!fresh()) execFileSync(process.execPath, [join(root, 'scripts', 'build-offline.js')], { cwd: root, env: buildEnv(), stdio: 'pipe' });
		});
	}
	return OFFLINE_HTML;
}
