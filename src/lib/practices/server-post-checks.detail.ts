/** What the step “server-post-checks” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './server-post-checks';
import { serverStepNotes } from './_server-notes';
import { STAFF_INTERFACES } from '$lib/deskpro/surface';
import { defineDetail } from './types';

export const detail = defineDetail<typeof practice>({
	where: (about) =>
		about.webServer === 'iis' ? 'PowerShell on a machine inside, then one outside, your allowed networks' : 'A shell on a machine inside, then one outside, your allowed networks',
	why: [
		'A configuration is only proven when the server refuses the requests it should refuse. These checks request each sensitive path, never following a redirect, and expect the refusal the generated configuration gives: 403 on nginx and Apache; on IIS 404 for what request filtering hides (data/, app/, config.php, cron.php, import.php, upgrade.php, .bat files) and 403 for the rewrite rules and the IP restrictions.',
		`Run them from a machine outside the allowed networks too: every staff interface (${STAFF_INTERFACES.map((i) => `/${i.prefix}/`).join(', ')}) must then answer 403 as well.`
	],
	standards: [{ standard: 'OWASP ASVS 5.0', id: '13.4.1 (L1)', text: 'No source-control metadata or similar files served.' }],
	notes: (_v, ctx) => serverStepNotes(ctx)
});
