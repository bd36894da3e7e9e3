/** Plain-text rendering of settings rows (for the copy button and plain exports). Pure. */
import type { SettingRow } from '$lib/practices/types';

export function settingsAsText(rows: readonly SettingRow[]): string {
	const lines: string[] = [];
	let menu = '';
	for (const r of rows) {
		if (r.menu !== menu) {
			if (lines.length) lines.push('');
			lines.push(r.menu);
			menu = r.menu;
		}
		lines.push(`  ${r.setting}: ${r.value}${r.key ? `  [${r.key}]` : ''}${r.note ? `  (${r.note})` : ''}`);
	}
	return lines.join('\n') + '\n';
}
