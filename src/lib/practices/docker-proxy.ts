/**
 * Deskpro On-Premise (Docker): how traffic reaches the container. The front proxy (same host),
 * the staff interfaces limited to trusted networks, and the host firewall that lets only the
 * proxy reach the container's ports.
 */
import { definePractice, type Note } from './types';
import { ENV, STAFF_PATHS, sourceText, PROXY_DOC } from '$lib/deskpro/docker';
import { dockerStepNotes } from './_docker-notes';

export const practice = definePractice({
	id: 'docker-proxy',
	order: 131,
	title: 'Front proxy and firewall',
	summary: 'The staff interfaces only from your networks, the real client address set by the proxy (never appended), and a firewall so that only the proxy reaches the container.',
	where: 'The Docker host: front proxy (nginx or Apache) and nftables or ufw',
	source: 'article',
	why: [
		`The article limits /admin/ and /agent/ to trusted networks. In Docker the front proxy does it, for every staff interface Deskpro routes: ${STAFF_PATHS.map((p) => p.value).join(', ')}.`,
		`“Deskpro trusts any header you tell it to read, unconditionally” (${sourceText(PROXY_DOC)}): with ${ENV.realIpHeader.value} set, anyone who reaches the container directly can claim any address, and so bypass IP limits and rate limiting. Two things make it safe: the proxy overwrites X-Forwarded-For with the address it sees, and a firewall lets only the proxy reach the container’s ports.`,
		'Docker’s published ports go around ufw: Docker rewrites their destination before the INPUT chain where ufw’s rules live. The generated nftables table filters before Docker does; the ufw file shows the DOCKER-USER equivalent.'
	],
	standards: [
		{ standard: 'CIS NGINX', id: '5.1.1', text: 'Allow and deny by IP on administrative locations.' },
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Network location is never the sole factor: keep 2FA for agents and admins.' },
		{ standard: 'OWASP ASVS 5.0', id: '3.4.1 (L1)', text: 'HSTS with a max-age of at least one year.' }
	],
	appliesTo: { deployments: ['onprem-docker'] },
	notes: (_v, ctx) => {
		const n: Note[] = [...dockerStepNotes(ctx)];
		const a = ctx.docker?.arrival;
		if (a === 'direct') {
			n.push({
				kind: 'warning',
				text: 'Clients connect to the container directly, so nothing in front of it can limit the staff interfaces by network: use Deskpro’s own IP whitelisting and 2FA, or put a reverse proxy in front. No client-IP header is trusted on this path.'
			});
		}
		if (a === 'proxy-protocol' || a === 'cloudflare') {
			n.push({
				kind: 'warning',
				text: `The staff-interface limit belongs on your ${a === 'cloudflare' ? 'Cloudflare (Access or WAF rules)' : 'load balancer'}: the wizard generates only this host’s firewall for this path. Whether Deskpro offers a setting of its own for it is Unknown.`
			});
		}
		return n;
	},
	fields: {},
	settings: () => [],
	checklist: (_v, ctx) => {
		const a = ctx.docker?.arrival;
		return [
			...(a === 'proxy'
				? [
						{ id: 'docker-proxy.install', text: 'Install the front proxy configuration, test it (nginx -t or apache2ctl configtest) and reload.' },
						{ id: 'docker-proxy.staff-restricted', text: `Confirm ${STAFF_PATHS.map((p) => p.value).join(', ')} answer 403 from outside the trusted networks.` }
					]
				: []),
			...(a !== 'direct' ? [{ id: 'docker-proxy.firewall', text: 'Load the nftables rules (or add the ufw DOCKER-USER block) and make them load at boot.' }] : []),
			{ id: 'docker-proxy.real-ip', text: 'Confirm a request with a forged X-Forwarded-For is logged with the real client address.' }
		];
	}
});
