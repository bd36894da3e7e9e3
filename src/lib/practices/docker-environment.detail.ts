/** What the step “docker-environment” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import { STAFF_PATHS } from '$lib/deskpro/docker';
import type { practice } from './docker-environment';
import { IMAGE, OPC, sourceText } from '$lib/deskpro/docker';
import { defineDetail, type Note } from './types';

export const detail = defineDetail<typeof practice>({
	where: 'Your Docker host (not the Deskpro admin interface)',
	why: [
		'The article’s server steps were written for the PHP download. Today’s self-hosted Deskpro runs as containers from the deskpro/deskpro-product image, and each of those steps has a Docker equivalent: secrets as root-owned files instead of a readable config.php, the database account limited to Deskpro’s database, the staff interfaces limited to your networks, and nothing private reachable from the network.',
		'Docker adds risks of its own: the container trusts whatever client-IP header it is told to read, its status port 10001 must never be published, Docker’s published ports go around ufw, and an unpinned image upgrades (and migrates the database) when you least expect it. Enter the facts once here; the next steps generate the files and the audit from them.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '13.2.2 (L2)', text: 'Back-end accounts (such as the database account) use least privilege.' },
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Administrative interfaces use several layers of security; network location is never the sole factor.' }
	],
	notes: (values) => {
		const notes: Note[] = [
			{ kind: 'info', text: `Facts about the image come from Deskpro’s public repositories, e.g. ${sourceText(IMAGE.tagForm.source)}. No secret is asked here: the secrets script makes them on the host.` },
			{
				kind: 'unknown',
				text: `If your containers are managed by Deskpro’s On-Premise Controller (OPC), it runs its own nginx as the reverse proxy (${sourceText(OPC.reverseProxy.source)}). Whether the OPC accepts these files is Unknown: the wizard’s files are for containers you run yourself. For a locked-out agent Deskpro documents a login token from inside the container: ${OPC.loginToken.value} (${sourceText(OPC.loginToken.source)}).`
			}
		];
		if (values?.arrival === 'cloudflare') notes.push({ kind: 'warning', text: 'Cloudflare’s ranges change: take them from Cloudflare’s published list and update the firewall when they change.' });
		return notes;
	},
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		deskproVersion: 'The image tag is <Deskpro version>-onprem-<container version>; never latest, so an upgrade (a one-way database migration) happens only when you change it.',
		frontProxy: 'Only for a reverse proxy on the same host.',
		publishAddress: 'For a load balancer, Cloudflare or direct clients: the host’s IPv4 address that receives them (0.0.0.0 = every address). A reverse proxy on the same host always uses 127.0.0.1.',
		proxyAddresses: 'Only these may reach the container’s ports (the firewall enforces it). For Cloudflare, list its published IP ranges. Not used for a reverse proxy on the same host (127.0.0.1).',
		serverNames: 'Host names the helpdesk answers to, one per line. Leave empty to use the host of the helpdesk URL.',
		adminCidrs: `Office and VPN ranges allowed to reach ${STAFF_PATHS.map((p) => p.value).join(', ')}. Everyone else gets 403 from the front proxy. Two-factor authentication is still needed.`,
		projectDir: 'Where docker-compose.yml (or the run script), config.env and the secrets/ directory live.',
		logsDir: 'Mounted at /deskpro/logs: Deskpro then writes its logs there as files. Rotate them on the host (logrotate).',
		dbUpgradeUser: 'The tasks container runs migrations and cron: it gets the schema rights; the web container does not.',
		dbClientHost: 'The database accounts are created as \'user\'@\'this address\'.',
		dbTls: 'Mounts a client certificate, key and CA into /deskpro/ssl/mysql/: Deskpro then connects with TLS.'
	}
});
