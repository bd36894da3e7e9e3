import { error } from '@sveltejs/kit';
import { steps } from '$lib/steps';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => steps.filter((s) => s.id !== 'summary').map((s) => ({ id: s.id }));

export const load: PageLoad = ({ params }) => {
	if (!steps.some((s) => s.id === params.id && s.id !== 'summary')) error(404, `There is no step called "${params.id}".`);
	return { id: params.id };
};
