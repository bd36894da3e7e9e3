/**
 * The list of practices as the welcome page shows it, grouped by where the work is done.
 * Loaded lazily by the welcome page (it pulls in every practice module).
 */
import { practices } from './index';
import { summaryFor } from './types';

export interface CatalogueGroup {
	id: 'admin' | 'server';
	title: string;
	note: string;
	items: { id: string; title: string; summary: string; beyond: boolean }[];
}

export function practiceCatalogue(): CatalogueGroup[] {
	const list = practices.map((p) => ({
		id: p.id,
		title: p.title,
		// no plan on the welcome page: the neutral wording
		summary: summaryFor(p, null),
		beyond: p.source === 'beyond',
		// Steps that never apply to Deskpro Cloud are done on the admin's own server.
		server: !!p.appliesTo?.deployments && !p.appliesTo.deployments.includes('cloud')
	}));
	const strip = ({ server: _s, ...rest }: (typeof list)[number]) => rest;
	const groups: CatalogueGroup[] = [
		{ id: 'admin', title: 'In Deskpro’s admin interface', note: 'Every deployment, Cloud included.', items: list.filter((p) => !p.server).map(strip) },
		{ id: 'server', title: 'On your own server', note: 'Self-hosted Deskpro only.', items: list.filter((p) => p.server).map(strip) }
	];
	return groups.filter((g) => g.items.length);
}
