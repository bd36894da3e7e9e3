/** Notes shared by the Docker steps that generate files from the Docker environment. */
import type { Note, PracticeContext } from './types';

export function dockerStepNotes(ctx: PracticeContext): Note[] {
	if (ctx.about.deployment === 'onprem-docker' && !ctx.docker) {
		return [{ kind: 'warning', text: 'Complete the Docker environment step first: the files on this step are generated from it.' }];
	}
	return [];
}
