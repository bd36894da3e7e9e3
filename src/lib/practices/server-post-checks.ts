/** Item 6 of the article: check from outside that nothing sensitive is served. */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { serverStepNotes } from './_server-notes';
import { STAFF_INTERFACES } from '$lib/deskpro/surface';

export const practice = definePractice({
	...selfHostedStep('server-post-checks'),
	where: (about) =>
		about.webServer === 'iis' ? 'PowerShell on a machine inside, then one outside, your allowed networks' : 'A shell on a machine inside, then one outside, your allowed networks',
	why: [
		'A configuration is only proven when the server refuses the requests it should refuse. These checks request each sensitive path, never following a redirect, and expect the refusal the generated configuration gives: 403 on nginx and Apache; on IIS 404 for what request filtering hides (data/, app/, config.php, cron.php, import.php, upgrade.php, .bat files) and 403 for the rewrite rules and the IP restrictions.',
		`Run them from a machine outside the allowed networks too: every staff interface (${STAFF_INTERFACES.map((i) => `/${i.prefix}/`).join(', ')}) must then answer 403 as well.`
	],
	standards: [{ standard: 'OWASP ASVS 5.0', id: '13.4.1 (L1)', text: 'No source-control metadata or similar files served.' }],
	notes: (_v, ctx) => serverStepNotes(ctx),
	fields: {},
	settings: () => [],
	checklist: (_v, ctx) =>
		ctx.about.webServer === 'iis'
			? [
					{ id: 'server-post-checks.inside', text: 'Run deskpro-checks.ps1 in PowerShell from an allowed network: every line says OK (IIS answers 404 for hidden segments such as /data/ and /config.php, 403 for the other private paths).' },
					{ id: 'server-post-checks.outside', text: 'Run deskpro-checks.ps1 -Outside from outside the allowed networks: every staff interface answers 403 too (ipSecurity).' }
				]
			: [
					{ id: 'server-post-checks.inside', text: 'Run the checks from an allowed network: every line says OK.' },
					{ id: 'server-post-checks.outside', text: 'Run the checks from outside the allowed networks: /admin/ and /agent/ answer 403 too.' }
				]
});
