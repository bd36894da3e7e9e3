/**
 * Deskpro On-Premise (Docker): how traffic reaches the container. The front proxy (same host),
 * the staff interfaces limited to trusted networks, and the host firewall that lets only the
 * proxy reach the container's ports.
 */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import type { AuditCheckDef } from '$lib/audit/types';
import { ENV, STAFF_PATHS, sourceText, ACCESS_LOG } from '$lib/deskpro/docker';
import { checkHelpdeskUrl, helpdeskBaseUrl } from '$lib/validate/net';
import { CONTAINERS, NFT_TABLE } from '$lib/generators/docker-names';
import { NFT_FILENAME, UFW_FILENAME } from '$lib/generators/file-names';
import { NGINX_PROXY_FILENAME, APACHE_PROXY_FILENAME } from '$lib/generators/docker-proxy-names';
import { dockerAuditBase } from './_docker-audit';

export const practice = definePractice({
	...selfHostedStep('docker-proxy'),
	fields: {},
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
	},
	audit: (_v, ctx) => {
		const b = dockerAuditBase(ctx);
		if (b === null || checkHelpdeskUrl(ctx.about.helpdeskUrl) !== null) return null;
		const { env, requires } = b;
		const url = helpdeskBaseUrl(ctx.about.helpdeskUrl);
		const proxyFile = env.frontProxy === 'apache' ? APACHE_PROXY_FILENAME : NGINX_PROXY_FILENAME;
		const checks: AuditCheckDef[] = [
			{
				id: 'docker-proxy.audit.real-ip',
				items: env.arrival === 'direct' ? ['docker-proxy.real-ip'] : ['docker-proxy.firewall', 'docker-proxy.real-ip'],
				title: 'Client-IP header trusted only behind the firewall',
				expected: env.realIpHeader
					? `${CONTAINERS.web} trusts ${env.realIpHeader} (${ENV.realIpHeader.value}) and its published web ports are on loopback or reachable only by ${env.proxies.join(', ')} (nftables table inet ${NFT_TABLE} or DOCKER-USER).`
					: `${CONTAINERS.web} trusts no client-IP header.`,
				remediation: env.realIpHeader
					? `Load ${NFT_FILENAME} (nft -f) or add the DOCKER-USER block of ${UFW_FILENAME}, and make it load at boot; never publish the web port beyond loopback without it.`
					: `Remove ${ENV.realIpHeader.value} from config.env: nothing in front of the container sets it.`,
				probe: { kind: 'docker-real-ip', container: CONTAINERS.web, header: env.realIpHeader, table: NFT_TABLE },
				requires
			}
		];
		if (env.arrival === 'proxy') {
			checks.push(
				{
					id: 'docker-proxy.audit.staff-paths',
					items: ['docker-proxy.staff-restricted'],
					title: 'Staff interfaces refused from outside',
					expected: `${url}: ${STAFF_PATHS.map((p) => p.value).join(', ')} answer 403 from outside ${env.allowed.join(', ')}.`,
					remediation: `Install ${proxyFile} as generated (it allows the staff interfaces only from the trusted networks) and reload the front proxy.`,
					probe: { kind: 'http-allow-list', url, paths: STAFF_PATHS.map((p) => p.value), allowed: env.allowed },
					requires
				},
				{
					id: 'docker-proxy.audit.forged-xff',
					items: ['docker-proxy.real-ip'],
					title: 'A forged X-Forwarded-For is not believed',
					expected: `A request through ${url} with a forged X-Forwarded-For is logged by Deskpro (${env.logsDir}/${ACCESS_LOG.value}) with another address (${sourceText(ACCESS_LOG.source)}).`,
					remediation: `Install ${proxyFile} as generated: it sets X-Forwarded-For to the address it sees instead of appending to what the client sent.`,
					probe: { kind: 'http-xff-ignored', url, logsDir: env.logsDir, logFile: ACCESS_LOG.value },
					requires
				}
			);
		}
		return checks;
	}
});
