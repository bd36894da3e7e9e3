/** What the step “docker-environment” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
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
	}
});
