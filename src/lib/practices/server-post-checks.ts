/** Item 6 of the article: check from outside that nothing sensitive is served. */
import { definePractice } from './types';
import { serverStepNotes } from './_server-notes';

export const practice = definePractice({
	id: 'server-post-checks',
	order: 160,
	title: 'Check from outside',
	summary: 'Run the curl checks: data/, app/, config.php and the other sensitive paths must answer 403.',
	where: 'A shell on a machine outside your allowed networks',
	source: 'article',
	why: [
		'A configuration is only proven when the server refuses the requests it should refuse. These checks request each sensitive path and expect 403.',
		'Run them from a machine outside the allowed networks too: /admin/ and /agent/ must then answer 403 as well.'
	],
	standards: [{ standard: 'OWASP ASVS 5.0', id: '13.4.1 (L1)', text: 'No source-control metadata or similar files served.' }],
	appliesTo: { deployments: ['download'], notCoveredBecause: { 'onprem-docker': 'the Docker audit script requests the staff paths and a spoofed X-Forwarded-For through the front proxy instead.' } },
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
