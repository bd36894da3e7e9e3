import { error } from '@sveltejs/kit';
import { steps } from '$lib/steps';
import { groupLoaded, groupOf, practiceById } from '$lib/practices';
import { wizard } from '$lib/plan/state.svelte';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => steps.filter((s) => s.id !== 'summary').map((s) => ({ id: s.id }));

export const load: PageLoad = async ({ params }) => {
	if (!steps.some((s) => s.id === params.id && s.id !== 'summary')) error(404, `There is no step called "${params.id}".`);
	// What the step says (its detail: why, where, standards, notes, settings) is loaded before the
	// page shows, so it never appears in two goes; a self-hosted step's detail comes with its group
	// (the page loads both when the plan needs them). A failure is the page's to show (Try again).
	const g = groupOf(params.id);
	if (practiceById.has(params.id) && (!g || groupLoaded(g))) await wizard.loadDetails([params.id]);
	return { id: params.id };
};
