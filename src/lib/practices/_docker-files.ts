/**
 * The files of the Deskpro On-Premise (Docker) steps (see `outputs-files.ts`): name, description,
 * when each applies and which generator module makes it. Part of the Docker group of steps
 * (`_group-docker.ts`), so a plan that never loads that group never loads this list.
 */
import type { DockerFileSpec, DockerOutputSpec, GeneratorName } from '$lib/outputs-files';
import {
	APACHE_PROXY_FILENAME,
	COMPOSE_FILENAME,
	CONFIG_ENV_FILENAME,
	DB_SCRIPT_FILENAME,
	NFT_FILENAME,
	NGINX_PROXY_FILENAME,
	RUN_SCRIPT_FILENAME,
	SECRETS_SCRIPT_FILENAME,
	UFW_FILENAME
} from '$lib/generators/file-names';

function dockerFile<K extends GeneratorName>({ generate, ...spec }: DockerFileSpec<K>): DockerOutputSpec {
	return {
		...spec,
		make: (loaded, env, ctx) => {
			const m = loaded[spec.uses];
			return m ? generate(m, env, ctx) : null;
		}
	};
}

/** The Docker host's files, in apply order. */
export const dockerFiles: DockerOutputSpec[] = [
	dockerFile({
		id: 'docker-secrets',
		practiceId: 'docker-compose',
		filename: SECRETS_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Bash (run as root first): creates each secret file from the host’s random generator, root-owned 0600, never overwriting one.',
		applyOrder: 5,
		uses: 'dockerCompose',
		generate: (m, env) => m.secretsScript(env)
	}),
	dockerFile({
		id: 'docker-config-env',
		practiceId: 'docker-compose',
		filename: CONFIG_ENV_FILENAME,
		installAs: 'config.env in the project directory (root-owned, 0600)',
		language: 'env',
		description: 'config.env: database and search settings, the real-IP settings of the arrival path, debug and test switches off, secrets only as *_FILE paths.',
		applyOrder: 6,
		uses: 'dockerCompose',
		generate: (m, env) => m.configEnv(env)
	}),
	dockerFile({
		id: 'docker-database',
		practiceId: 'docker-database',
		filename: DB_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Bash: prints (or, for the compose MySQL, applies) the SQL for the web container’s data-only account and the tasks container’s migration account, passwords read from the secret files.',
		applyOrder: 12,
		uses: 'dockerDb',
		generate: (m, env) => m.dockerDbScript(env)
	}),
	dockerFile({
		id: 'docker-compose',
		practiceId: 'docker-compose',
		filename: COMPOSE_FILENAME,
		installAs: 'docker-compose.yml in the project directory',
		language: 'yaml',
		description: 'Compose project: pinned image, only the planned ports, secrets as files, no-new-privileges, restart policy, log export; MySQL and Elasticsearch (with authentication) never published.',
		applyOrder: 10,
		when: (env) => env.runMode === 'compose',
		uses: 'dockerCompose',
		generate: (m, env) => m.composeFile(env)
	}),
	dockerFile({
		id: 'docker-run',
		practiceId: 'docker-compose',
		filename: RUN_SCRIPT_FILENAME,
		language: 'bash',
		description: 'Bash: the docker run commands for the web and tasks containers, with the same hardening as the Compose project.',
		applyOrder: 10,
		when: (env) => env.runMode === 'run',
		uses: 'dockerCompose',
		generate: (m, env) => m.runScript(env)
	}),
	dockerFile({
		id: 'docker-proxy-nginx',
		practiceId: 'docker-proxy',
		filename: NGINX_PROXY_FILENAME,
		installAs: '/etc/nginx/sites-available/deskpro-proxy.conf',
		language: 'nginx',
		description: 'nginx front proxy: Mozilla intermediate TLS, HSTS, X-Forwarded-For set to the client address, staff interfaces only from your networks.',
		applyOrder: 40,
		when: (env) => env.arrival === 'proxy' && env.frontProxy === 'nginx',
		uses: 'dockerProxy',
		generate: (m, env) => m.nginxProxyConfig(env)
	}),
	dockerFile({
		id: 'docker-proxy-apache',
		practiceId: 'docker-proxy',
		filename: APACHE_PROXY_FILENAME,
		installAs: '/etc/apache2/sites-available/deskpro-proxy.conf',
		language: 'apache',
		description: 'Apache front proxy: Mozilla intermediate TLS, HSTS, X-Forwarded-For set to the client address, staff interfaces only from your networks.',
		applyOrder: 40,
		when: (env) => env.arrival === 'proxy' && env.frontProxy === 'apache',
		uses: 'dockerProxy',
		generate: (m, env) => m.apacheProxyConfig(env)
	}),
	dockerFile({
		id: 'docker-nftables',
		practiceId: 'docker-proxy',
		filename: NFT_FILENAME,
		installAs: '/etc/nftables.d/deskpro-docker.nft',
		language: 'nftables',
		description: 'nftables: only the proxy reaches the container’s published ports (filtered before Docker’s DNAT, which ufw never sees); loopback addresses only from lo.',
		applyOrder: 30,
		when: (env) => env.arrival !== 'direct',
		uses: 'dockerFirewall',
		generate: (m, env) => m.nftRules(env)
	}),
	dockerFile({
		id: 'docker-ufw',
		practiceId: 'docker-proxy',
		filename: UFW_FILENAME,
		language: 'text',
		description: 'The ufw equivalent: why ufw alone misses Docker’s ports, and the DOCKER-USER block for /etc/ufw/after.rules.',
		applyOrder: 31,
		when: (env) => env.arrival !== 'direct',
		uses: 'dockerFirewall',
		generate: (m, env) => m.ufwRules(env)
	})
];
