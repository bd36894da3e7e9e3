/** Item 6 of the article: check from outside that nothing sensitive is served. */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';

export const practice = definePractice({
	...selfHostedStep('server-post-checks'),
	fields: {},
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
