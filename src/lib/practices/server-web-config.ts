/** Items 4, 6 and 7 of the article: the web-server configuration (nginx, Apache or IIS). */
import { definePractice } from './types';
import { serverStepNotes } from './_server-notes';

export const practice = definePractice({
	id: 'server-web-config',
	order: 130,
	title: 'Web-server configuration',
	summary: 'Serve only Deskpro’s entry points, deny data/, app/ and sensitive files, and allow /admin/ and /agent/ only from your networks.',
	where: 'Your web server: nginx site, Apache virtual host or IIS web.config',
	source: 'article',
	why: [
		'The web server decides which files anyone on the internet can fetch or run. Deskpro needs only its front controller (index.php) and a few entry points; everything else under the install directory — data/, app/, plugins/, config.php, cron.php, upgrade.php — must answer 403.',
		'PHP runs only for the known entry points, never for a file in a writable directory, so an uploaded .php file cannot execute.',
		'/admin/ and /agent/ answer only to your office and VPN ranges. Behind a reverse proxy the client address is taken from the proxy’s header only when the request really comes from the proxy; otherwise anyone could claim an allowed address in X-Forwarded-For.'
	],
	standards: [
		{ standard: 'CIS NGINX', id: '5.1.1', text: 'Allow and deny by IP on administrative locations.' },
		{ standard: 'CIS NGINX', id: '2.5.1', text: 'server_tokens off.' },
		{ standard: 'CIS Apache 2.4', id: 'ServerTokens / ServerSignature', text: 'ServerTokens Prod, ServerSignature Off, Options restricted, AllowOverride None.' },
		{ standard: 'OWASP ASVS 5.0', id: '13.4.1 (L1)', text: 'No .git or similar metadata served.' },
		{ standard: 'OWASP ASVS 5.0', id: '13.4.3 (L2)', text: 'No directory listings.' },
		{ standard: 'OWASP ASVS 5.0', id: '13.4.6 (L3)', text: 'No version disclosure in headers.' },
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Network location is never the sole factor: keep 2FA for agents and admins.' }
	],
	appliesTo: { deployments: ['download'] },
	notes: (_v, ctx) => serverStepNotes(ctx),
	fields: {},
	settings: () => [],
	checklist: (_v, ctx) => {
		const ws = ctx.about.webServer;
		const test = ws === 'nginx' ? 'nginx -t' : ws === 'apache' ? 'apache2ctl configtest' : 'opening the site in IIS Manager';
		return [
			{ id: 'server-web-config.install', text: `Install the generated ${ws === 'iis' ? 'web.config' : ws === 'apache' ? 'virtual host' : 'server block'} and check it with ${test}.` },
			{ id: 'server-web-config.reload', text: 'Reload the web server and log in to the agent interface from an allowed network.' },
			{ id: 'server-web-config.admin-restricted', text: 'Confirm /admin/ and /agent/ answer 403 from outside the allowed networks (see the checks step).' }
		];
	}
});
