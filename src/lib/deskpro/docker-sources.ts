/**
 * Deskpro On-Premise (Docker): where the facts of `./docker.ts` come from, and the On-Premise
 * Controller facts. Kept apart so that a step every plan shows (two-factor authentication cites
 * the login token) does not load the Docker facts; `./docker.ts` re-exports everything here, so
 * that module stays the one place to read Docker facts from.
 */

export interface DockerSource {
	repo: 'deskpro/docker-product-base' | 'deskpro/docker-compose-example';
	path: string;
}

export interface DockerFact<T> {
	value: T;
	/** What it means for hardening, in our words. */
	note: string;
	source: DockerSource;
}

export const base = (path: string): DockerSource => ({ repo: 'deskpro/docker-product-base', path });
export const example = (path: string): DockerSource => ({ repo: 'deskpro/docker-compose-example', path });

export const ENV_DOC = base('docs/reference/environment-variables.md');
export const PORTS_DOC = base('docs/reference/ports-and-mounts.md');
export const HTTPS_DOC = base('docs/how-to/enable-https.md');
export const PROXY_DOC = base('docs/how-to/configure-reverse-proxy.md');
export const UPDATE_DOC = base('docs/how-to/update-deskpro.md');
export const COMPOSE_DOC = base('docs/how-to/run-with-docker-compose.md');
export const LOGGING_DOC = base('docs/reference/logging.md');
export const VAR_REFERENCE = base('usr/local/share/deskpro/container-var-reference.json');
export const NGINX_TEMPLATE = base('etc/nginx/conf.d/02-deskpro.conf.tmpl');
export const SERVER_PARAMS_TEMPLATE = base('etc/nginx/conf.d/deskpro_server_params.tmpl');
export const STATUS_TEMPLATE = base('etc/nginx/conf.d/03-status.conf.tmpl');
export const OPC_ENTRYPOINT = base('usr/local/sbin/entrypoint.d/05-opc.sh');
export const EXAMPLE_COMPOSE = example('docker-compose.yml');
export const EXAMPLE_CONFIG_ENV = example('config/config.env');
export const EXAMPLE_ELASTIC_ENV = example('config/elastic.env');

/** How a reader sees a source: `deskpro/docker-product-base: docs/…`. */
export function sourceText(s: DockerSource): string {
	return `${s.repo}: ${s.path}`;
}

/* ------------------------------------------------------------------ OPC */

export const OPC = {
	/** Deskpro documents a login token for a locked-out agent inside the container. */
	loginToken: {
		value: 'dpv5/bin/console dp:login-token EMAIL',
		note: 'Run inside the web container (docker exec -it deskpro_web …): prints a one-time login URL for a locked-out agent.',
		source: base('docs/how-to/debug-a-running-container.md')
	},
	reverseProxy: {
		value: 'X-Real-IP',
		note: 'Under the On-Premise Controller (OPC) the host’s nginx is the reverse proxy and the container reads X-Real-IP and X-Forwarded-Proto/Host/Port.',
		source: OPC_ENTRYPOINT
	}
} as const satisfies Record<string, DockerFact<string>>;
