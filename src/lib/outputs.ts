/**
 * The one derived map of generated files for a plan: it feeds the live previews, the copy and
 * download buttons, the config bundle (zip) and the exports. Generators are pure functions in
 * `generators/`; this module only decides which apply and in which order.
 */
import type { Plan } from './plan/schema';

export type OutputLanguage = 'nginx' | 'apache' | 'xml' | 'php' | 'sql' | 'bash' | 'powershell' | 'text' | 'markdown' | 'json';

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
	/** Order in which to apply it (ascending), for the bundle README. */
	applyOrder: number;
	text: string;
	/** True when the text holds a secret (e.g. a generated database password). */
	containsSecret?: boolean;
}

/** Every generated file that applies to this plan (empty while inputs are invalid). */
export function outputsFor(_plan: Plan): OutputFile[] {
	return [];
}
