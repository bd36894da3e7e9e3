/** What the step “docker-compose” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './docker-compose';
import { COMPOSE_COMMAND, ENV, PORTS, SECRET_CONVENTION, sourceText, EXAMPLE_DEFAULTS, HTTPS_DOC } from '$lib/deskpro/docker';
import { dockerStepNotes } from './_docker-notes';
import { defineDetail, type Note } from './types';

export const detail = defineDetail<typeof practice>({
	where: 'The Docker host: the project directory',
	why: [
		'Environment values are visible to anyone who can run docker inspect, and end up in support bundles and CI logs. Deskpro reads every variable VAR also from a file named by VAR_FILE, so the app key and the passwords live in root-owned 0600 files and never in the configuration.',
		`Port ${PORTS.status.value} (status and metrics), MySQL and Elasticsearch are never published; the web port is published only on the address the arrival path needs (127.0.0.1 behind a proxy on the same host). ${ENV.testingCertificate.value} is never set: the private key of that certificate ships inside the public image.`,
		'The image is pinned to <Deskpro version>-onprem-<container version>: upgrading runs one-way database migrations, so it happens only when you change the tag, after a backup.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '13.3.1 (L2)', text: 'Secrets are kept in a secrets store or protected files, not in source or plain configuration.' },
		{ standard: 'OWASP Cheat Sheet', id: 'Docker Security', text: 'Set no-new-privileges, never run privileged, publish only what is needed, pin images.' }
	],
	notes: (_v, ctx) => {
		const n: Note[] = [...dockerStepNotes(ctx)];
		if (ctx.docker?.runMode !== 'run') n.push({ kind: 'info', text: `${COMPOSE_COMMAND.note} (${sourceText(COMPOSE_COMMAND.source)})` });
		n.push({ kind: 'info', text: `Secrets as files: ${SECRET_CONVENTION.fileSuffix.note} (${sourceText(SECRET_CONVENTION.fileSuffix.source)})` });
		n.push({ kind: 'warning', text: `${EXAMPLE_DEFAULTS.elasticSecurityOff.note} (${sourceText(EXAMPLE_DEFAULTS.elasticSecurityOff.source)}) The generated project turns authentication on.` });
		n.push({ kind: 'info', text: `${ENV.testingCertificate.note} (${sourceText(HTTPS_DOC)})` });
		if (ctx.docker?.arrival === 'proxy-protocol') {
			n.push({
				kind: 'disagreement',
				text: 'Deskpro’s proxy guide says PROXY protocol needs no variable for the client address, but the container’s nginx template reads the PROXY header only while HTTP_USER_REAL_IP_HEADER is set (deskpro/docker-product-base: etc/nginx/conf.d/02-deskpro.conf.tmpl). The plan sets it and publishes only port 9080, so port 80, where that header would be trusted from anyone, is never reachable.'
			});
		}
		return n;
	}
});
