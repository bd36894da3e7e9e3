/**
 * Deskpro On-Premise (Docker): the hardened Compose project (or docker run script), config.env
 * and the secret files.
 */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { ENV, PORTS, SECRET_CONVENTION, sourceText, EXAMPLE_DEFAULTS, MUST_BE_OFF, MOUNTS } from '$lib/deskpro/docker';
import { CONTAINERS, secretFiles } from '$lib/generators/docker-names';
import { dockerAuditBase } from './_docker-audit';

export const practice = definePractice({
	...selfHostedStep('docker-compose'),
	fields: {},
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
