/** Grouping of settings rows by Deskpro menu path, shared by the settings table and exports. Pure. */
import type { SettingRow } from '$lib/practices/types';

export interface SettingsGroup {
	menu: string;
	/** The menu path split into its levels, e.g. ["Admin", "Setup", "Rate Limiting"]. */
	crumbs: string[];
	rows: SettingRow[];
}

/** Groups rows by menu path, in order of first appearance; rows keep their order. */
export function groupByMenu(rows: readonly SettingRow[]): SettingsGroup[] {
	const groups = new Map<string, SettingsGroup>();
	for (const r of rows) {
		let g = groups.get(r.menu);
		if (!g) groups.set(r.menu, (g = { menu: r.menu, crumbs: menuCrumbs(r.menu), rows: [] }));
		g.rows.push(r);
	}
	return [...groups.values()];
}

/** Splits "A > B (newer UI: C > D) > E" at the top-level " > " only (not inside brackets). */
export function menuCrumbs(menu: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let cur = '';
	for (let i = 0; i < menu.length; i++) {
		const c = menu[i]!;
		if (c === '(') depth++;
		else if (c === ')') depth = Math.max(0, depth - 1);
		if (depth === 0 && menu.startsWith(' > ', i)) {
			out.push(cur.trim());
			cur = '';
			i += 2;
			continue;
		}
		cur += c;
	}
	if (cur.trim() !== '') out.push(cur.trim());
	return out;
}
