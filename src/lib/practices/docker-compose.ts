/**
 * Deskpro On-Premise (Docker): the hardened Compose project (or docker run script), config.env
 * and the secret files.
 */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice, type Note } from './types';
import { COMPOSE_COMMAND, ENV, PORTS, SECRET_CONVENTION, sourceText, EXAMPLE_DEFAULTS, HTTPS_DOC, MUST_BE_OFF, MOUNTS } from '$lib/deskpro/docker';
import { CONTAINERS, secretFiles } from '$lib/generators/docker-compose';
import { dockerStepNotes } from './_docker-notes';
import { dockerAuditBase } from './_docker-audit';

export const practice = definePractice({
	...selfHostedStep('docker-compose'),
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
	},
	fields: {},
	settings: () => [],
	checklist: (_v, ctx) => [
		{ id: 'docker-compose.secrets', text: 'Run the secrets script as root: every secret file is root-owned 0600 in the secrets directory.' },
		{
			id: 'docker-compose.install',
			text: ctx.docker?.runMode === 'run' ? 'Put config.env in the project directory and run the docker run script.' : 'Put docker-compose.yml and config.env in the project directory, check with docker compose config -q, then docker compose up -d (Compose v2; v1’s docker-compose takes the same arguments).'
		},
		{ id: 'docker-compose.ports', text: 'Confirm with docker ps that only the planned port is published, on the planned address.' },
		{ id: 'docker-compose.logs', text: 'Rotate the exported logs on the host (logrotate) and ship them to a separate system.' }
	],
	/** Read with docker inspect of the running containers (see `generators/audit-docker.sh`). */
	audit: (_v, ctx) => {
		const b = dockerAuditBase(ctx);
		if (b === null) return null;
		const { env, deskpro, all, requires } = b;
		const fix = ctx.docker?.runMode === 'run' ? 'Run the generated docker run script again (it recreates the containers).' : 'Recreate the containers from the generated docker-compose.yml: docker compose up -d.';
		const secretsOf = (service: 'web' | 'tasks') => Object.keys(secretFiles(env, service)).map((k) => k.replace(/_FILE$/, ''));
		return [
			{
				id: 'docker-compose.audit.image',
				items: ['docker-compose.install'],
				title: 'Image pinned to the planned version',
				expected: `${deskpro.join(' and ')} run ${env.image}; never latest.`,
				remediation: `${fix} Set the image to ${env.image} (see Deskpro’s update guide before changing it).`,
				probe: { kind: 'docker-image', containers: deskpro, image: env.image },
				requires
			},
			{
				id: 'docker-compose.audit.ports',
				items: ['docker-compose.ports'],
				title: 'Only the planned ports published',
				expected: `${CONTAINERS.web} publishes ${env.published.map((p) => `${p.hostIp}:${p.hostPort}->${p.container}`).join(', ')} and nothing else; nothing publishes ${env.neverPublished.join(', ')}.`,
				remediation: `${fix} Remove every other ports: entry; port ${PORTS.status.value}, MySQL and Elasticsearch are reached only on the project network.`,
				probe: {
					kind: 'docker-ports',
					never: env.neverPublished,
					expect: all.map((c) => ({ container: c, published: c === CONTAINERS.web ? env.published.map((p) => `${p.hostIp}:${p.hostPort}->${p.container}/tcp`) : [] }))
				},
				requires
			},
			{
				id: 'docker-compose.audit.switches-off',
				items: ['docker-compose.install'],
				title: 'Debug and test switches off',
				expected: `${MUST_BE_OFF.map((f) => f.value).join(', ')} absent or false in ${deskpro.join(' and ')}.`,
				remediation: `Set them to false in config.env (as generated), then recreate the containers. ${fix}`,
				probe: { kind: 'docker-env-off', containers: deskpro, vars: MUST_BE_OFF.map((f) => f.value) },
				requires
			},
			{
				id: 'docker-compose.audit.testing-certificate',
				items: ['docker-compose.install'],
				title: 'Testing certificate off',
				expected: `${ENV.testingCertificate.value} absent or false: its private key ships inside the public image.`,
				remediation: `Set ${ENV.testingCertificate.value}=false in config.env and mount your own certificate at ${MOUNTS.httpsCertificate.value} if the container serves HTTPS. ${fix}`,
				probe: { kind: 'docker-env-off', containers: deskpro, vars: [ENV.testingCertificate.value] },
				requires
			},
			{
				id: 'docker-compose.audit.secrets',
				items: ['docker-compose.secrets', 'docker-compose.install'],
				title: 'Secrets only as files',
				expected: `Every secret reaches its container as a mounted file (VAR_FILE), none as a plain variable: ${[...new Set([...secretsOf('web'), ...env.secrets.filter((s) => s === 'MYSQL_ROOT_PASSWORD' || s === 'ELASTIC_PASSWORD')])].join(', ')}.`,
				remediation: `Remove the plain variables, keep only the *_FILE lines of the generated config.env, run the secrets script. ${fix} A secret that was ever a plain variable is in old container configs and logs: change it.`,
				probe: {
					kind: 'docker-secrets',
					expect: all.map((c) => ({
						container: c,
						vars: c === CONTAINERS.web ? secretsOf('web') : c === CONTAINERS.tasks ? secretsOf('tasks') : c === CONTAINERS.mysql ? ['MYSQL_ROOT_PASSWORD'] : ['ELASTIC_PASSWORD']
					}))
				},
				requires
			},
			{
				id: 'docker-compose.audit.secret-files',
				items: ['docker-compose.secrets'],
				title: 'Secret and key files root-owned 0600',
				expected: `Every file mounted at /run/secrets/ or as a key under /deskpro/ssl/ is read-only in the container and, on the host, a regular file owned by root with mode 0600 or 0400 (${sourceText(SECRET_CONVENTION.mountModes.source)}).`,
				remediation: 'Run the generated secrets script as root: it makes each file root-owned 0600 (and the key files too).',
				probe: { kind: 'docker-secret-mounts', containers: all },
				requires
			},
			{
				id: 'docker-compose.audit.privileges',
				items: ['docker-compose.install'],
				title: 'No extra privileges',
				expected: 'Not privileged, no added capabilities, no-new-privileges set, no host network/pid/ipc, no Docker socket mounted.',
				remediation: `Remove privileged:, cap_add: and the socket mount; keep security_opt no-new-privileges:true as generated. ${fix}`,
				probe: { kind: 'docker-privileges', containers: all },
				requires
			},
			{
				id: 'docker-compose.audit.runtime',
				items: ['docker-compose.logs'],
				title: 'Restart policy and log export',
				expected: `${deskpro.join(' and ')} restart ${EXAMPLE_DEFAULTS.restart.value} and export their logs to ${env.logsDir} (${sourceText(MOUNTS.logs.source)}).`,
				remediation: `Keep restart: and the ${env.logsDir}:${MOUNTS.logs.value} volume as generated. ${fix}`,
				probe: { kind: 'docker-runtime', containers: deskpro, logsDir: env.logsDir },
				requires
			}
		];
	}
});
