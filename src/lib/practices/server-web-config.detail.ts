/** What the step “server-web-config” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './server-web-config';
import { STAFF_LIST } from './server-web-config';
import { serverStepNotes } from './_server-notes';
import { SURFACE_GAPS, surfaceSourceText } from '$lib/deskpro/surface';
import { UNLOCK_IP_SECURITY_CMD } from '$lib/generators/iis-names';
import { defineDetail, type WebServer } from './types';

export const detail = defineDetail<typeof practice>({
	// Names the chosen web server only (issue 16: it listed all three after nginx was chosen).
	where: (about) =>
		about.webServer === 'apache' ? 'Your web server: the Apache virtual host' : about.webServer === 'iis' ? 'Your web server: the site’s web.config in IIS' : 'Your web server: the nginx site (server block)',
	why: [
		'The web server decides which files anyone on the internet can fetch or run. Deskpro needs only its front controller (index.php) and a few entry points; everything else under the install directory — data/, app/, plugins/, config.php, cron.php, upgrade.php — must answer 403.',
		'PHP runs only for the known entry points, never for a file in a writable directory, so an uploaded .php file cannot execute.',
		`The staff interfaces Deskpro routes (${STAFF_LIST}), also written behind index.php (/index.php/admin/), answer only to your office and VPN ranges. Behind a reverse proxy the client address is taken from the proxy’s header only when the request really comes from the proxy; otherwise anyone could claim an allowed address in X-Forwarded-For.`
	],
	standards: [
		{ standard: 'CIS NGINX', id: '5.1.1', text: 'Allow and deny by IP on administrative locations.', webServers: ['nginx'] },
		{ standard: 'CIS NGINX', id: '2.5.1', text: 'server_tokens off.', webServers: ['nginx'] },
		{ standard: 'CIS Apache 2.4', id: 'ServerTokens / ServerSignature', text: 'ServerTokens Prod, ServerSignature Off, Options restricted, AllowOverride None.', webServers: ['apache'] },
		{ standard: 'OWASP ASVS 5.0', id: '13.4.1 (L1)', text: 'No .git or similar metadata served.' },
		{ standard: 'OWASP ASVS 5.0', id: '13.4.3 (L2)', text: 'No directory listings.' },
		{ standard: 'OWASP ASVS 5.0', id: '13.4.6 (L3)', text: 'No version disclosure in headers.' },
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Network location is never the sole factor: keep 2FA for agents and admins.' }
	],
	notes: (_v, ctx) => [
		...serverStepNotes(ctx),
		...(ctx.about.webServer === 'iis'
			? [
					{
						kind: 'warning' as const,
						text: `IIS locks the ipSecurity section at server level by default: a web.config that limits the staff interfaces answers 500.19 on every page until it is unlocked. deskpro-iis-setup.ps1 runs ${UNLOCK_IP_SECURITY_CMD} (run it once, elevated, before installing web.config).`
					},
					{
						kind: 'warning' as const,
						text: 'Anonymous requests run as IUSR by default. The permissions script removes Users and Everyone and gives read access only to the application-pool identity, so IUSR could read nothing and every page would answer 401.3. deskpro-iis-setup.ps1 sets the site’s anonymous authentication to the application-pool identity (userName empty), which the permissions script already lets read the install directory.'
					},
					{
						kind: 'info' as const,
						text: 'removeServerHeader (requestFiltering) exists only on IIS 10.0 and later (Windows Server 2016 and later). On IIS 8.5 or older delete that attribute from web.config, or IIS answers 500.19.'
					}
				]
			: []),
		...SURFACE_GAPS.filter((g) => !g.webServers || g.webServers.includes(ctx.about.webServer as WebServer)).map((g) => ({
			kind: g.sources.length ? ('disagreement' as const) : ('unknown' as const),
			text: `${g.topic}: ${g.note}${g.sources.length ? ` (Sources: ${g.sources.map(surfaceSourceText).join('; ')}.)` : ' (No source found.)'}`
		}))
	]
});
