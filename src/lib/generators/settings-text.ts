/** Plain-text rendering of settings rows (for the copy button and plain exports). Pure. */
import type { SettingRow } from '$lib/practices/types';
import { groupByMenu } from './settings-groups';

export function settingsAsText(rows: readonly SettingRow[]): string {
	const lines: string[] = [];
	for (const g of groupByMenu(rows)) {
		if (lines.length) lines.push('');
		lines.push(g.menu);
		for (const r of g.rows) lines.push(`  ${r.setting}: ${r.value}${r.key ? `  [${r.key}]` : ''}${r.note ? `  (${r.note})` : ''}`);
	}
	return lines.join('\n') + '\n';
}
