/** Notes shared by the server steps that generate files from the server environment. */
import type { Note, PracticeContext } from './types';
import { hasDbPasswords } from './_server-env';

export function serverStepNotes(ctx: PracticeContext): Note[] {
	if (ctx.about.deployment === 'download' && ctx.server === null) {
		return [{ kind: 'warning', text: 'Complete the Server environment step first: the files on this step are generated from it.' }];
	}
	return [];
}

/** For the steps whose files hold the database password. */
export function passwordNotes(ctx: PracticeContext): Note[] {
	if (ctx.server && !hasDbPasswords(ctx.server)) {
		return [
			{
				kind: 'warning',
				text: 'Generate the database password(s) on the Server environment step to see this file. Passwords are not saved: after a reload, generate new ones and run the SQL again so the database and config.php agree.'
			}
		];
	}
	return [];
}
