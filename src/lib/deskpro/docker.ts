/**
 * Deskpro On-Premise (Docker): every fact the wizard uses about Deskpro's container image and
 * its compose project, each written down once with where Deskpro documents it. Practices,
 * generators, the Docker audit and the tests read them from here; a fact that is not here is
 * shown as Unknown.
 *
 * Sources are Deskpro's public repositories `deskpro/docker-product-base` (the image's own
 * documentation and templates) and `deskpro/docker-compose-example` (the customer-facing compose
 * project). Nothing here is copied from them: these are the facts, in our words.
 */

import { base, example, type DockerFact, type DockerSource, ENV_DOC, PORTS_DOC, HTTPS_DOC, PROXY_DOC, UPDATE_DOC, COMPOSE_DOC, LOGGING_DOC, SERVER_PARAMS_TEMPLATE, EXAMPLE_COMPOSE, EXAMPLE_CONFIG_ENV, EXAMPLE_ELASTIC_ENV } from './docker-sources';

export * from './docker-sources';

/* ------------------------------------------------------------------ Compose */

/**
 * Which Compose command the instructions use. Deskpro's current guides run Compose v2, the
 * `docker compose` plugin (run-with-docker-compose.md, update-deskpro.md); the older
 * deskpro/docker-compose-example README (2024) still writes v1's `docker-compose`, which is
 * end of life. The generated file keeps `version: "3.8"` so v1 reads it too (v2 ignores the key).
 */
export const COMPOSE_COMMAND = {
	value: 'docker compose',
	legacy: 'docker-compose',
	note: 'Commands are written for Docker Compose v2 (docker compose, the plugin Deskpro’s guides use). The end-of-life v1 binary, docker-compose, takes the same arguments for the generated project, so it works too while you still have it.',
	source: COMPOSE_DOC
};

/* ------------------------------------------------------------------ image */

export const IMAGE = {
	repository: {
		value: 'deskpro/deskpro-product',
		note: 'The product image; deskpro/docker-product-base is only its base layer.',
		source: COMPOSE_DOC
	},
	tagForm: {
		value: '<DPVERSION>-onprem-<CONTAINER_VERSION>',
		note: 'Pin the image to a Deskpro version and a container version, never latest: you decide when an upgrade (a one-way database migration) happens.',
		source: UPDATE_DOC
	},
	exampleDeskproVersion: { value: '2025.3.6', note: 'The version used in Deskpro’s own examples (new versions ship weekly).', source: UPDATE_DOC },
	exampleContainerVersion: { value: '4.0.0', note: 'The container version in Deskpro’s own examples (semver; a major bump is a breaking change).', source: UPDATE_DOC }
} as const satisfies Record<string, DockerFact<string>>;

/** Run modes (the container's command) used by the compose project. */
export const RUN_MODES = {
	web: { value: 'web', note: 'Serves HTTP; scale it behind a load balancer.', source: COMPOSE_DOC },
	tasks: { value: 'tasks', note: 'Cron and background jobs; keep a single replica.', source: COMPOSE_DOC }
} as const satisfies Record<string, DockerFact<string>>;

/* ------------------------------------------------------------------ ports */

export interface PortFact extends DockerFact<number> {
	/** Whether it may ever be published to the network. */
	publish: 'web' | 'proxy-protocol' | 'never';
}

export const PORTS = {
	http: { value: 80, publish: 'web', note: 'Plain HTTP; client-IP headers are read here when HTTP_USER_REAL_IP_HEADER is set.', source: PORTS_DOC },
	https: { value: 443, publish: 'web', note: 'HTTPS, only when a certificate is mounted (or the testing certificate is on).', source: PORTS_DOC },
	proxyHttp: { value: 9080, publish: 'proxy-protocol', note: 'HTTP with PROXY protocol: the client address comes from the PROXY header.', source: PORTS_DOC },
	proxyHttps: { value: 9443, publish: 'proxy-protocol', note: 'HTTPS with PROXY protocol.', source: PORTS_DOC },
	status: {
		value: 10001,
		publish: 'never',
		note: 'Status and metrics (nginx status, PHP-FPM pool status, Prometheus metrics): Deskpro says never to expose it.',
		source: PORTS_DOC
	}
} as const satisfies Record<string, PortFact>;

/**
 * Container ports that must never be published: Deskpro's status port, and the services its
 * compose project runs next to it (MySQL, Elasticsearch).
 */
export const NEVER_PUBLISHED: readonly DockerFact<number>[] = [
	PORTS.status,
	{ value: 3306, note: 'MySQL: reached by the Deskpro containers on the compose network only.', source: EXAMPLE_COMPOSE },
	{ value: 33060, note: 'MySQL X protocol: never needed by Deskpro.', source: EXAMPLE_COMPOSE },
	{ value: 9200, note: 'Elasticsearch HTTP: reached by the Deskpro containers on the compose network only.', source: EXAMPLE_COMPOSE },
	{ value: 9300, note: 'Elasticsearch transport: never needed by a single-node search service.', source: EXAMPLE_COMPOSE }
];

/* ------------------------------------------------------------------ environment variables */

export const ENV = {
	dbHost: { value: 'DESKPRO_DB_HOST', note: 'Primary database host.', source: ENV_DOC },
	dbPort: { value: 'DESKPRO_DB_PORT', note: 'Primary database port (default 3306).', source: ENV_DOC },
	dbName: { value: 'DESKPRO_DB_NAME', note: 'Database name (default deskpro).', source: ENV_DOC },
	dbUser: { value: 'DESKPRO_DB_USER', note: 'Database account.', source: ENV_DOC },
	dbPass: { value: 'DESKPRO_DB_PASS', note: 'Database password: a secret.', source: ENV_DOC },
	appKey: { value: 'DESKPRO_APP_KEY', note: '32 random bytes, base64-encoded; the signing key. It must never change once set.', source: ENV_DOC },
	esUrl: { value: 'DESKPRO_ES_URL', note: 'Full Elasticsearch URL, which may include credentials (then it is a secret). No trailing slash.', source: ENV_DOC },
	esIndex: { value: 'DESKPRO_ES_INDEX_NAME', note: 'Elasticsearch index name (default deskpro).', source: ENV_DOC },
	realIpHeader: {
		value: 'HTTP_USER_REAL_IP_HEADER',
		note: 'The header holding the client address. The container trusts it from every address (set_real_ip_from 0.0.0.0/0): safe only when a firewall lets nothing but the proxy reach ports 80/443/9080/9443 and the proxy overwrites the header.',
		source: PROXY_DOC
	},
	realProtoHeader: { value: 'HTTP_USER_REAL_PROTO_HEADER', note: 'The header holding the scheme the client used (X-Forwarded-Proto).', source: PROXY_DOC },
	realHostHeader: { value: 'HTTP_USER_REAL_HOST_HEADER', note: 'The header holding the host the client asked for.', source: PROXY_DOC },
	realPortHeader: { value: 'HTTP_USER_REAL_PORT_HEADER', note: 'The header holding the port the client connected to.', source: PROXY_DOC },
	serveHost: { value: 'HTTP_SERVE_HOST', note: 'A fixed host name, instead of trusting a host header.', source: PROXY_DOC },
	setHttpsProto: { value: 'HTTP_USER_SET_HTTPS_PROTO', note: 'A fixed scheme for requests arriving on the HTTPS side.', source: PROXY_DOC },
	setHttpsPort: { value: 'HTTP_USER_SET_HTTPS_PORT', note: 'A fixed port the users see on the HTTPS side.', source: PROXY_DOC },
	setHttpProto: { value: 'HTTP_USER_SET_HTTP_PROTO', note: 'A fixed scheme for requests arriving on the HTTP side.', source: PROXY_DOC },
	setHttpPort: { value: 'HTTP_USER_SET_HTTP_PORT', note: 'A fixed port the users see on the HTTP side.', source: PROXY_DOC },
	testingCertificate: {
		value: 'HTTP_USE_TESTING_CERTIFICATE',
		note: 'Serves HTTPS with a certificate whose private key ships inside the public image: anyone can decrypt that traffic. Never in production.',
		source: HTTPS_DOC
	},
	debugMode: { value: 'DESKPRO_DEBUG_MODE', note: 'Verbose application debug output (default false).', source: ENV_DOC },
	testSupport: { value: 'DESKPRO_ENABLE_TEST_SUPPORT', note: 'Adds test-only endpoints (default false).', source: ENV_DOC },
	testHeader: { value: 'DESKPRO_ENABLE_TEST_HEADER', note: 'Enables a test HTTP header (default false).', source: ENV_DOC },
	metricsEnabled: { value: 'METRICS_ENABLED', note: 'Metrics on port 10001 (default false).', source: ENV_DOC },
	metricsToken: { value: 'METRICS_AUTH_BEARER_TOKEN', note: 'Bearer token required for metrics requests when set.', source: ENV_DOC },
	logsOutputFormat: { value: 'LOGS_OUTPUT_FORMAT', note: 'logfmt (default) or json.', source: LOGGING_DOC },
	logsGid: { value: 'LOGS_GID', note: 'Group owning exported log files (default 1084).', source: LOGGING_DOC },
	containerName: { value: 'CONTAINER_NAME', note: 'A name used in the logs.', source: ENV_DOC },
	autoRunMigrations: { value: 'AUTO_RUN_MIGRATIONS', note: 'Runs pending migrations on boot when true.', source: ENV_DOC },
	noShutdownOnError: { value: 'NO_SHUTDOWN_ON_ERROR', note: 'Keeps a failed container alive: debug only.', source: ENV_DOC },
	disableCleanVars: { value: 'DISABLE_CLEAN_VARS', note: 'Skips the clean-up of variables: debug only.', source: ENV_DOC }
} as const satisfies Record<string, DockerFact<string>>;

/** Switches that must be off (absent or false) in production. */
export const MUST_BE_OFF: readonly DockerFact<string>[] = [ENV.debugMode, ENV.testSupport, ENV.testHeader, ENV.noShutdownOnError, ENV.disableCleanVars];

export const SECRET_CONVENTION = {
	fileSuffix: {
		value: '_FILE',
		note: 'Any variable VAR can be given as VAR_FILE, the path of a file holding the value: secrets then never sit in the container’s configuration.',
		source: ENV_DOC
	},
	runSecrets: {
		value: '/run/secrets/',
		note: 'Files mounted at /run/secrets/<NAME> are detected and <NAME>_FILE is set for them.',
		source: ENV_DOC
	},
	mountModes: {
		value: '0600 or 0400, owned by root',
		note: 'Deskpro’s advice for secret files mounted into /deskpro/config/ (the entrypoint copies them and fixes their ownership).',
		source: PORTS_DOC
	}
} as const satisfies Record<string, DockerFact<string>>;

/* ------------------------------------------------------------------ mounts */

export const MOUNTS = {
	httpsCertificate: { value: '/deskpro/ssl/certs/deskpro-https.crt', note: 'HTTPS certificate (PEM); its presence enables port 443.', source: HTTPS_DOC },
	httpsKey: { value: '/deskpro/ssl/private/deskpro-https.key', note: 'HTTPS private key, unencrypted; on the host root-owned, mode 0600.', source: HTTPS_DOC },
	mysqlClientCert: { value: '/deskpro/ssl/mysql/client.crt', note: 'With client.key, enables TLS for MySQL connections.', source: HTTPS_DOC },
	mysqlClientKey: { value: '/deskpro/ssl/mysql/client.key', note: 'MySQL client key.', source: HTTPS_DOC },
	mysqlCa: { value: '/deskpro/ssl/mysql/ca.pem', note: 'CA that signed the MySQL server certificate (optional).', source: HTTPS_DOC },
	logs: { value: '/deskpro/logs', note: 'When mounted, logs are exported as files here (rotation is the host’s job).', source: LOGGING_DOC },
	instanceData: { value: '/srv/deskpro/INSTANCE_DATA', note: 'Persistent data: attachments when DESKPRO_STORAGE_TYPE=fs.', source: PORTS_DOC },
	configDir: { value: '/deskpro/config', note: 'Operator drop-ins (deskpro-config.d, nginx.d, php.d…), copied at boot.', source: PORTS_DOC }
} as const satisfies Record<string, DockerFact<string>>;

/**
 * The exported nginx access log of the web container (CONTAINER_NAME=web): with /deskpro/logs
 * mounted, logs go to files named `{{.container_name}}-{{.log_group}}.log` (logging.md); the
 * nginx access log's group is `nginx-access` (etc/vector/vector.d/10-nginx.toml.tmpl) and each
 * line carries `request_uri` and `user_remote_addr`, the client address after the real-IP
 * header was applied (the `logjson` format in etc/nginx/nginx.conf.tmpl). The Docker audit reads
 * it to see which address Deskpro believed.
 */
export const ACCESS_LOG = {
	value: 'web-nginx-access.log',
	note: 'Exported nginx access log of the web container: one line per request with request_uri and user_remote_addr.',
	source: LOGGING_DOC
} as const satisfies DockerFact<string>;
export const ACCESS_LOG_SOURCES: readonly DockerSource[] = [LOGGING_DOC, base('etc/vector/vector.d/10-nginx.toml.tmpl'), base('etc/nginx/nginx.conf.tmpl')];

/* ------------------------------------------------------------------ staff interfaces */

/**
 * The agent and admin interfaces to limit to trusted networks. `/admin/` and `/agent/` come from
 * the article (and Deskpro's web root); the container's nginx routes `/admin-api/` and
 * `/agent-api/` to the application as separate locations.
 */
export const STAFF_PATHS: readonly DockerFact<string>[] = [
	{ value: '/admin/', note: 'Admin interface.', source: SERVER_PARAMS_TEMPLATE },
	{ value: '/agent/', note: 'Agent interface.', source: SERVER_PARAMS_TEMPLATE },
	{ value: '/admin-api/', note: 'Admin interface API (a location of its own in the container’s nginx).', source: SERVER_PARAMS_TEMPLATE },
	{ value: '/agent-api/', note: 'Agent interface API (a location of its own in the container’s nginx).', source: SERVER_PARAMS_TEMPLATE }
];

/* ------------------------------------------------------------------ the compose example */

export const EXAMPLE_DEFAULTS = {
	elasticSecurityOff: {
		value: 'xpack.security.enabled=false',
		note: 'Deskpro’s compose example runs Elasticsearch without authentication; anything on its network can read and change the index.',
		source: EXAMPLE_ELASTIC_ENV
	},
	restart: { value: 'unless-stopped', note: 'Restart policy of the example’s services.', source: EXAMPLE_COMPOSE },
	mysqlImage: { value: 'mysql:8.0', note: 'The example’s database image (Deskpro needs MySQL 8.0 or newer).', source: EXAMPLE_COMPOSE },
	elasticImage: { value: 'docker.elastic.co/elasticsearch/elasticsearch:7.10.2', note: 'The example’s search image (Elasticsearch 7.10–8.8 supported).', source: EXAMPLE_COMPOSE },
	secretsAsFiles: {
		value: 'DESKPRO_DB_PASS_FILE=/run/secrets/DESKPRO_DB_PASS',
		note: 'The example passes the database password and app key as compose secrets.',
		source: EXAMPLE_CONFIG_ENV
	}
} as const satisfies Record<string, DockerFact<string>>;


