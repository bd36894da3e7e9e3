/** Notes shared by the server steps that generate files from the server environment. */
import type { Note, PracticeContext } from './types';
import { hasDbPasswords, type ServerEnv } from './_server-env';

export function serverStepNotes(ctx: PracticeContext): Note[] {
	if (ctx.about.deployment === 'download' && ctx.server === null) {
		return [{ kind: 'warning', text: 'Complete the Server environment step first: the files on this step are generated from it.' }];
	}
	return [];
}

/** The database passwords a plan still needs before its SQL and config.php can be shown (labels). */
export function missingDbPasswords(env: ServerEnv): string[] {
	const out: string[] = [];
	if (env.dbPassword === '') out.push('the runtime database password');
	if (env.upgradeAccount && env.dbUpgradePassword === '') out.push('the upgrade account password');
	return out;
}

/** For the steps whose files hold the database password: says exactly what is missing. */
export function passwordNotes(ctx: PracticeContext): Note[] {
	if (ctx.server && !hasDbPasswords(ctx.server)) {
		const missing = missingDbPasswords(ctx.server).join(' and ');
		return [
			{
				kind: 'warning',
				text: `Missing: ${missing}. Passwords are never saved in this browser, so they are empty after a reload. Generate a password or type the one you used (below): if the SQL has already run, type the password the database has, or the SQL and config.php will not agree.`
			}
		];
	}
	return [];
}
