/**
 * What a generated file is, and which plans have any: light, so pages can use the types and ask
 * the question without loading the generators (`outputs.ts`, loaded lazily for self-hosted plans).
 */
import type { DerivedPlan } from './plan/derive';
import type { Applicability } from './practices/types';

export type OutputLanguage = 'nginx' | 'apache' | 'xml' | 'php' | 'sql' | 'bash' | 'powershell' | 'text' | 'markdown' | 'json' | 'yaml' | 'env' | 'nftables';

export interface OutputFile {
	/** Stable id, e.g. `nginx`, `config-php`. */
	id: string;
	/** The practice (step) that shows it. */
	practiceId: string;
	/** File name inside the config bundle. */
	filename: string;
	/** Where it is installed, for the bundle's README (e.g. `/etc/nginx/sites-available/deskpro.conf`). */
	installAs?: string;
	language: OutputLanguage;
	/** One line: what the file is. */
	description: string;
	/** Order in which to apply it (ascending): its place in the one apply order (`apply-order.ts`). */
	applyOrder: number;
	text: string;
	/** True when the text holds a secret (e.g. a generated database password). */
	containsSecret?: boolean;
}

/**
 * True when the plan can have generated files: a self-hosted deployment (Deskpro Download or
 * On-Premise Docker). Deskpro Cloud has none, so a Cloud plan never loads the generators.
 */
export function generatesFiles(derived: Pick<DerivedPlan, 'aboutValues'>): boolean {
	const d = derived.aboutValues.deployment;
	return d === 'download' || d === 'onprem-docker';
}

/**
 * True for a step that can show generated files: one done on the admin's own server (it never
 * applies to Deskpro Cloud). Only these steps, the audit and the summary load the generators;
 * the steps done in Deskpro's admin interface never do, whatever the plan (issue 16, "Weight").
 */
export function stepShowsFiles(p: { appliesTo?: Applicability }): boolean {
	const d = p.appliesTo?.deployments;
	return !!d && !d.includes('cloud');
}
