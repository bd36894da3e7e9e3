/** What the step “docker-proxy” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './docker-proxy';
import { ENV, STAFF_PATHS, sourceText, PROXY_DOC } from '$lib/deskpro/docker';
import { dockerStepNotes } from './_docker-notes';
import { defineDetail, type Note } from './types';

export const detail = defineDetail<typeof practice>({
	where: 'The Docker host: front proxy (nginx or Apache) and nftables or ufw',
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
	}
});
