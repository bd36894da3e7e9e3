/** Notes shared by the server steps that generate files from the server environment. */
import type { Note, PracticeContext } from './types';

export function serverStepNotes(ctx: PracticeContext): Note[] {
	if (ctx.about.deployment === 'download' && ctx.server === null) {
		return [{ kind: 'warning', text: 'Complete the Server environment step first: the files on this step are generated from it.' }];
	}
	return [];
}
