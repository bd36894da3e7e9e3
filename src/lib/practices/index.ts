/**
 * The ordered list of practices. Every module in this folder whose file name does not start
 * with an underscore and that is not a helper (types, applicability, index) exports `practice`;
 * adding a practice means adding one file.
 */
import type { Practice } from './types';

const modules = import.meta.glob<{ practice: Practice }>(['./*.ts', '!./index.ts', '!./types.ts', '!./applicability.ts', '!./_*.ts'], {
	eager: true
});

export const practices: Practice[] = Object.values(modules)
	.map((m) => m.practice)
	.sort((a, b) => a.order - b.order);

export const practiceById: ReadonlyMap<string, Practice> = new Map(practices.map((p) => [p.id, p]));
