/**
 * The one apply order of the server steps and their generated files (Deskpro Download), defined
 * once: the step list (and so the PDF, the Markdown and the summary, which list practices in the
 * step order), the config bundle's README, the PDF's list of files and every script's
 * "previous step / next step" message follow it.
 *
 * Why this order: the database account must exist before config.php points at it (else the
 * helpdesk loses its database); data/ is moved before config.php's dir_data names the new place
 * (the move script pauses cron and leaves a link from the old data/ to the new place until
 * config.php has the line: without it Deskpro would recreate data/ in the web root in between); the permissions are tightened
 * once data/ has moved (the permissions script refuses while data/ is still in the web root)
 * and config.php is final (it makes config.php 0640). On Windows one script
 * (deskpro-permissions.ps1) moves data/ and sets the NTFS permissions: it runs at the data/ step,
 * before config.php names the new place, and again after it (it then resumes the scheduled task).
 * The web server is reconfigured last, and
 * the checks run against the finished setup.
 *
 * Data only: no imports, so generators, practices and outputs can all read it.
 */
export interface ApplyStep {
	/** The practice (wizard step) id. */
	step: string;
	/** The ids of the generated files applied at this step, in order (see `outputs.ts`). */
	files: readonly string[];
}

export const APPLY_ORDER: readonly ApplyStep[] = [
	{ step: 'server-environment', files: [] },
	{ step: 'server-database', files: ['mysql'] },
	{ step: 'server-data-dir', files: ['move-data', 'windows-permissions'] },
	{ step: 'server-config-php', files: ['config-php'] },
	{ step: 'server-permissions', files: ['permissions', 'crontab'] },
	{ step: 'server-web-config', files: ['nginx', 'apache', 'iis-setup', 'iis-web-config'] },
	{ step: 'server-post-checks', files: ['post-checks', 'iis-post-checks'] }
];

/** Where a file without a place in the order goes: after every server file (e.g. the audit script). */
const LAST = 10_000;

/** The apply position of a step (ascending), or undefined for steps outside the server order. */
export function stepRank(stepId: string): number | undefined {
	const i = APPLY_ORDER.findIndex((s) => s.step === stepId);
	return i < 0 ? undefined : i;
}

/** The apply position of a generated file (ascending). */
export function fileRank(fileId: string): number {
	let n = 0;
	for (const s of APPLY_ORDER)
		for (const f of s.files) {
			if (f === fileId) return n;
			n++;
		}
	return LAST;
}

/** The step applied just before `stepId`, or null. */
export function stepBefore(stepId: string): string | null {
	const i = stepRank(stepId);
	return i === undefined || i === 0 ? null : APPLY_ORDER[i - 1]!.step;
}

/** The step applied just after `stepId`, or null. */
export function stepAfter(stepId: string): string | null {
	const i = stepRank(stepId);
	return i === undefined || i >= APPLY_ORDER.length - 1 ? null : APPLY_ORDER[i + 1]!.step;
}
