/**
 * Who the self-hosted steps are, without what they say: id, place, title, one-line summary,
 * source and where they apply. The step list, the progress, the welcome catalogue and the
 * not-applicable list read this, so a Deskpro Cloud plan lists these steps without loading them
 * (issue 16, "Weight"). Each step's module (server-*.ts, docker-*.ts) spreads its entry and adds
 * the rest; those modules load only when the plan needs them (see `loadGroup` in `./index`).
 */
import type { Applicability, Practice } from './types';

/** The two groups of self-hosted steps: Deskpro Download (legacy) and Deskpro On-Premise (Docker). */
export type PracticeGroup = 'server' | 'docker';

export const SERVER_ENV_STEP_ID = 'server-environment';
export const DOCKER_ENV_STEP_ID = 'docker-environment';

export interface SelfHostedStep extends Pick<Practice, 'id' | 'order' | 'title' | 'summary' | 'source'> {
	group: PracticeGroup;
	appliesTo: Applicability;
}

export const SELF_HOSTED_STEPS = {
	'server-config-php': {
		group: 'server',
		id: 'server-config-php',
		order: 140,
		title: 'Harden config.php',
		summary: 'Use the non-root database account, point dir_data outside the web root, trust only your proxies and keep debugging off.',
		source: 'article',
		appliesTo: { deployments: ['download'], notCoveredBecause: { 'onprem-docker': 'the container builds its configuration from environment variables; the Docker equivalent (debug and test switches off, secrets as files, trusted proxy header) is config.env on the step “Docker Compose and secrets”.' } }
	},
	'server-data-dir': {
		group: 'server',
		id: 'server-data-dir',
		order: 120,
		title: 'Move data/ out of the web root',
		summary: 'Move attachments, logs and backups out of the directory the web server publishes, and tell config.php where they are.',
		source: 'article',
		appliesTo: { deployments: ['download'], notCoveredBecause: { 'onprem-docker': 'the image keeps its data under /srv/deskpro/INSTANCE_DATA, outside any web root, and the database holds attachments by default (DESKPRO_STORAGE_TYPE=db).' } }
	},
	'server-database': {
		group: 'server',
		id: 'server-database',
		order: 150,
		title: 'Least-privileged database account',
		summary: 'Create a runtime account limited to Deskpro’s database from the application host, and a separate upgrade account.',
		source: 'article',
		appliesTo: { deployments: ['download'], notCoveredBecause: { 'onprem-docker': 'the Docker plan has its own database step, “Docker database account”, with the migration account for the tasks container.' } }
	},
	'server-environment': {
		group: 'server',
		id: 'server-environment',
		order: 100,
		title: 'Server environment',
		summary: (about) =>
			about === null
				? 'Describe the server once: paths, accounts, PHP, database and allowed networks. The next steps generate files from it.'
				: about.os === 'windows'
					? 'Describe the server once: paths, accounts, the IIS site, database and allowed networks. The next steps generate files from it.'
					: 'Describe the server once: paths, accounts, PHP-FPM, database and allowed networks. The next steps generate files from it.',
		source: 'article',
		appliesTo: { deployments: ['download'], notCoveredBecause: { 'onprem-docker': 'its inputs (web root, PHP-FPM, config.php) do not exist in the container: the step “Docker environment” asks the Docker equivalents.' } }
	},
	'server-permissions': {
		group: 'server',
		id: 'server-permissions',
		order: 110,
		title: 'File ownership and permissions',
		summary: (about) =>
			about === null
				? 'Make the application files read-only for the web server and let only data/ be written.'
				: about.os === 'windows'
					? 'With NTFS ACLs: the application-pool identity reads the install directory and modifies only data/; Users and Everyone get no access.'
					: 'Give the application files a dedicated owner, make them read-only for the web server and let only data/ be written, never 0777.',
		source: 'article',
		appliesTo: { deployments: ['download'], notCoveredBecause: { 'onprem-docker': 'the image’s entrypoint copies and re-owns Deskpro’s files at every boot; what the host still owns (secret and key files root-owned 0600) is on the step “Docker Compose and secrets”.' } }
	},
	'server-post-checks': {
		group: 'server',
		id: 'server-post-checks',
		order: 160,
		title: 'Check from outside',
		summary: 'Run the checks: data/, app/, config.php and the other sensitive paths must be refused (403; on IIS 404 where request filtering hides them).',
		source: 'article',
		appliesTo: { deployments: ['download'], notCoveredBecause: { 'onprem-docker': 'the Docker audit script requests the staff paths and a spoofed X-Forwarded-For through the front proxy instead.' } }
	},
	'server-web-config': {
		group: 'server',
		id: 'server-web-config',
		order: 130,
		title: 'Web-server configuration',
		summary: 'Serve only Deskpro’s entry points and its own rewrite rules, deny data/, app/ and sensitive files, and allow the staff interfaces only from your networks.',
		// Names the chosen web server only (issue 16: it listed all three after nginx was chosen).
		source: 'article',
		appliesTo: { deployments: ['download'], notCoveredBecause: { 'onprem-docker': 'the container’s own nginx serves Deskpro; the staff-interface limits, TLS and header handling are on the step “Front proxy and firewall”.' } }
	},
	'docker-compose': {
		group: 'docker',
		id: 'docker-compose',
		order: 111,
		title: 'Docker Compose and secrets',
		summary: 'Pinned image, secrets only as root-owned files, only the planned ports published, debug and test switches off, no-new-privileges, restart policy and log export.',
		source: 'beyond',
		appliesTo: { deployments: ['onprem-docker'] }
	},
	'docker-database': {
		group: 'docker',
		id: 'docker-database',
		order: 121,
		title: 'Docker database account',
		summary: 'The web container gets data rights on Deskpro’s database only; the tasks container (migrations, cron) a separate account with schema rights; TLS to an external MySQL.',
		source: 'article',
		appliesTo: { deployments: ['onprem-docker'] }
	},
	'docker-environment': {
		group: 'docker',
		id: 'docker-environment',
		order: 101,
		title: 'Docker environment',
		summary: 'Describe the Docker host once: Compose or docker run, the pinned image, how traffic arrives, trusted networks, database and Elasticsearch.',
		source: 'beyond',
		appliesTo: { deployments: ['onprem-docker'] }
	},
	'docker-proxy': {
		group: 'docker',
		id: 'docker-proxy',
		order: 131,
		title: 'Front proxy and firewall',
		summary: 'The staff interfaces only from your networks, the real client address set by the proxy (never appended), and a firewall so that only the proxy reaches the container.',
		source: 'article',
		appliesTo: { deployments: ['onprem-docker'] }
	}
} as const satisfies Record<string, SelfHostedStep>;

export type SelfHostedStepId = keyof typeof SELF_HOSTED_STEPS;

/** A step's identity for its module to spread (`group` stays here). */
export function selfHostedStep(id: SelfHostedStepId): Omit<SelfHostedStep, 'group'> {
	const { group: _group, ...rest } = SELF_HOSTED_STEPS[id] as SelfHostedStep;
	return rest;
}

/** The group a hosting needs: Deskpro Download the server steps, On-Premise the Docker steps, Cloud none. */
export function groupForDeployment(deployment: unknown): PracticeGroup | null {
	return deployment === 'download' ? 'server' : deployment === 'onprem-docker' ? 'docker' : null;
}

/** The group a step belongs to, or undefined for the steps every plan loads. */
export function groupOf(id: string): PracticeGroup | undefined {
	return (SELF_HOSTED_STEPS as Record<string, SelfHostedStep>)[id]?.group;
}
