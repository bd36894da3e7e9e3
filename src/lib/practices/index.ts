/**
 * The ordered list of practices. Every module in this folder whose file name does not start
 * with an underscore and that is not a helper (types, applicability, index) exports `practice`;
 * adding a practice means adding one file.
 */
import type { Practice } from './types';
import { stepRank } from '$lib/apply-order';

const modules = import.meta.glob<{ practice: Practice }>(['./*.ts', '!./index.ts', '!./types.ts', '!./applicability.ts', '!./_*.ts'], {
	eager: true
});

/**
 * Practices by `order`, except that the server steps keep the one apply order of
 * `$lib/apply-order` among the places they hold (so the step list, the PDF and the Markdown
 * follow it whatever their `order` says).
 */
function ordered(all: Practice[]): Practice[] {
	const byOrder = [...all].sort((a, b) => a.order - b.order);
	const server = byOrder.filter((p) => stepRank(p.id) !== undefined).sort((a, b) => stepRank(a.id)! - stepRank(b.id)!);
	let i = 0;
	return byOrder.map((p) => (stepRank(p.id) !== undefined ? server[i++]! : p));
}

export const practices: Practice[] = ordered(Object.values(modules).map((m) => m.practice));

export const practiceById: ReadonlyMap<string, Practice> = new Map(practices.map((p) => [p.id, p]));
