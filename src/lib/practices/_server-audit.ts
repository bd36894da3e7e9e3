/**
 * What every server step's audit checks share: the checked server environment, the helpdesk
 * URL the HTTP checks request, where config.php is, and the paths the script refuses to start
 * without. The checks themselves are declared by each practice module (`audit`).
 */
import type { RequiredPath } from '$lib/audit/types';
import { checkHelpdeskUrl, helpdeskBaseUrl } from '$lib/validate/net';
import type { ServerEnv } from './_server-env';
import type { PracticeContext } from './types';

export interface ServerAuditBase {
	env: ServerEnv;
	/** The helpdesk URL (scheme, host, optional port and path prefix), without a trailing slash. */
	url: string;
	configPhp: string;
	requires: { install: RequiredPath; data: RequiredPath; config: RequiredPath };
}

/**
 * The base of every server check, or: `[]` when the audit does not apply (it is a Linux script),
 * `null` while the inputs it needs are invalid (no script is generated then).
 */
export function serverAuditBase(ctx: PracticeContext): ServerAuditBase | [] | null {
	if (ctx.about.deployment !== 'download' || ctx.about.os !== 'linux') return [];
	const env = ctx.server;
	if (!env || checkHelpdeskUrl(ctx.about.helpdeskUrl) !== null) return null;
	const configPhp = `${env.installPath}/config.php`;
	return {
		env,
		url: helpdeskBaseUrl(ctx.about.helpdeskUrl),
		configPhp,
		requires: {
			install: { type: 'dir', path: env.installPath, what: 'install directory (web root)' },
			data: { type: 'dir', path: env.dataPath, what: 'data directory' },
			config: { type: 'file', path: configPhp, what: 'Deskpro configuration file' }
		}
	};
}
