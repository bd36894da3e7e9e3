/**
 * The shared inputs of the server steps for Deskpro On-Premise (Docker): how the containers are
 * run, the pinned image, how traffic arrives, the proxy and trusted networks, the database and
 * Elasticsearch. Asked once on the "Docker environment" step; every other Docker step reads the
 * checked values through `ctx.docker` (see `plan/derive.ts`).
 *
 * Facts (ports, variables, mounts, tag form) come from `$lib/deskpro/docker`.
 */
import { bool, choice, int, list, listEntries, text, type FieldErrors, type Fields, type Values } from '$lib/plan/fields';
import { parseIpOrCidr } from '$lib/validate/net';
import { checkHost, checkMysqlDatabase, checkMysqlUser, checkServerName, checkUnixPath, unixPathWithin } from '$lib/validate/server';
import { IMAGE, PORTS, NEVER_PUBLISHED } from '$lib/deskpro/docker';
import { checkRestrictedRange } from './_server-env';
import type { AboutValues } from './types';

export { DOCKER_ENV_STEP_ID } from './_self-hosted-steps';

export type Arrival = 'direct' | 'proxy' | 'proxy-protocol' | 'cloudflare';

/** An image repository: optional registry host[:port]/, then lower-case path components. */
export function checkImageRepository(input: string): string | null {
	const s = input;
	if (s.trim() === '') return 'Enter the image repository, e.g. deskpro/deskpro-product.';
	if (s.length > 200) return 'The repository name is longer than 200 characters.';
	if (s.includes(':') && !/^[a-z0-9.-]+:[0-9]{1,5}\//.test(s)) return `${s}: give the repository without a tag (the tag is built from the two versions below).`;
	if (s.includes('@')) return `${s}: give the repository without a digest.`;
	if (!/^(?:[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(s)) {
		return `${s} is not an image repository: lower-case letters, digits, . _ - separated by /, e.g. deskpro/deskpro-product.`;
	}
	return null;
}

export function checkDeskproVersion(input: string): string | null {
	if (/^latest$/i.test(input.trim())) return 'Never latest: enter the Deskpro version to run, e.g. 2025.3.6.';
	if (!/^[0-9]{4}\.[0-9]{1,3}\.[0-9]{1,4}$/.test(input)) return `${input} is not a Deskpro version: year.release.patch, e.g. 2025.3.6.`;
	return null;
}

export function checkContainerVersion(input: string): string | null {
	if (/^latest$/i.test(input.trim())) return 'Never latest: enter the container version, e.g. 4.0.0.';
	if (!/^[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,4}$/.test(input)) return `${input} is not a container version: major.minor.patch, e.g. 4.0.0.`;
	return null;
}

/** A host IPv4 address to publish ports on (0.0.0.0 = every address of the host). */
export function checkPublishAddress(input: string): string | null {
	const r = parseIpOrCidr(input);
	if (typeof r === 'string' || !r.isSingleAddress || r.family !== 'ipv4' || input.includes('/')) return `${input} is not an IPv4 address of this host, e.g. 203.0.113.10 or 0.0.0.0 for all.`;
	// exactly the canonical form: spaces around it would go into the published binding as typed
	if (r.canonical !== input) return `Write the address as ${r.canonical}.`;
	return null;
}

/** An Elasticsearch URL without credentials (those go into a secret file). */
export function checkEsUrl(input: string): string | null {
	const s = input;
	if (/[\u0000-\u0020\u007f-\u009f"'`$\\]/.test(s)) return 'The URL must not contain spaces, quotes, $, ` or backslashes.';
	let u: URL;
	try {
		u = new URL(s);
	} catch {
		return `${s} is not a URL: e.g. https://search.example.com:9200`;
	}
	if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'The URL must start with https:// (or http://).';
	if (u.username || u.password) return 'Leave credentials out of the URL: the secrets script puts the URL with credentials into a file.';
	if (s.endsWith('/')) return 'Remove the trailing / (Deskpro wants the URL without one).';
	if (u.search || u.hash) return 'The URL must not have a query or fragment.';
	return null;
}

export const dockerEnvFields = {
	runMode: choice({
		label: 'How the containers are run',
		default: 'compose',
		options: [
			{ value: 'compose', label: 'Docker Compose', hint: 'A docker-compose.yml project (what Deskpro’s example uses).' },
			{ value: 'run', label: 'Plain docker run', hint: 'A shell script of docker run commands; database and Elasticsearch run elsewhere.' }
		]
	}),
	imageRepository: text({ label: 'Image repository', default: IMAGE.repository.value, required: true, width: 'medium', validate: checkImageRepository }),
	deskproVersion: text({
		label: 'Deskpro version',
		default: IMAGE.exampleDeskproVersion.value,
		required: true,
		width: 'short',
		validate: checkDeskproVersion
	}),
	containerVersion: text({ label: 'Container version', default: IMAGE.exampleContainerVersion.value, required: true, width: 'short', validate: checkContainerVersion }),
	arrival: choice({
		label: 'How traffic reaches the container',
		default: 'proxy',
		options: [
			{ value: 'proxy', label: 'Reverse proxy on the same host', hint: 'nginx or Apache on this host terminates TLS and forwards to the container on 127.0.0.1.' },
			{ value: 'proxy-protocol', label: 'Load balancer with PROXY protocol', hint: 'The load balancer connects to port 9080 and sends the client address in the PROXY header.' },
			{ value: 'cloudflare', label: 'Cloudflare', hint: 'Cloudflare connects to the container’s HTTPS port and sends CF-Connecting-IP.' },
			{ value: 'direct', label: 'Directly, with the container’s own TLS', hint: 'Clients connect to the container; your certificate is mounted into it.' }
		]
	}),
	frontProxy: choice({
		label: 'Front proxy software',
		default: 'nginx',
		options: [
			{ value: 'nginx', label: 'nginx' },
			{ value: 'apache', label: 'Apache 2.4' }
		]
	}),
	publishAddress: text({
		label: 'Host address to publish the container’s ports on',
		default: '0.0.0.0',
		required: true,
		width: 'medium',
		validate: checkPublishAddress
	}),
	loopbackPort: int({ label: 'Loopback port the front proxy forwards to', min: 1024, max: 65535, default: 8080 }),
	httpsPort: int({ label: 'Public HTTPS port', min: 1, max: 65535, default: 443 }),
	httpPort: int({ label: 'Public HTTP port (redirects to HTTPS)', min: 1, max: 65535, default: 80 }),
	proxyPort: int({ label: 'Host port for PROXY protocol (container port 9080)', min: 1, max: 65535, default: 9080 }),
	proxyAddresses: list({
		label: 'Load balancer or Cloudflare addresses',
		default: [],
		maxItems: 100,
		placeholder: '192.0.2.10',
		item: checkRestrictedRange
	}),
	serverNames: list({
		label: 'Server names',
		default: [],
		maxItems: 20,
		placeholder: 'support.example.com',
		item: checkServerName
	}),
	adminCidrs: list({
		label: 'Trusted networks for the staff interfaces',
		default: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
		maxItems: 100,
		placeholder: '10.0.0.0/8',
		item: checkRestrictedRange
	}),
	tlsCertificate: text({
		label: 'TLS certificate file on the host (full chain)',
		default: '/etc/ssl/certs/ssl-cert-snakeoil.pem',
		required: true,
		maxLength: 1024,
		validate: checkUnixPath
	}),
	tlsKey: text({ label: 'TLS private key file on the host', default: '/etc/ssl/private/ssl-cert-snakeoil.key', required: true, maxLength: 1024, validate: checkUnixPath }),
	projectDir: text({
		label: 'Project directory',
		default: '/opt/deskpro',
		required: true,
		maxLength: 512,
		validate: checkUnixPath
	}),
	logsDir: text({
		label: 'Host directory for exported logs',
		default: '/var/log/deskpro',
		required: true,
		maxLength: 512,
		validate: checkUnixPath
	}),
	dbLocation: choice({
		label: 'Database',
		default: 'compose',
		options: [
			{ value: 'compose', label: 'MySQL in the compose project', hint: 'Never published: reached on the project’s network only.' },
			{ value: 'external', label: 'An external MySQL server' }
		]
	}),
	dbHost: text({ label: 'Database host (external)', default: 'db.example.com', required: true, width: 'medium', maxLength: 253, validate: checkHost }),
	dbPort: int({ label: 'Database port', min: 1, max: 65535, default: 3306 }),
	dbName: text({ label: 'Database name', default: 'deskpro', required: true, width: 'medium', validate: checkMysqlDatabase }),
	dbUser: text({ label: 'Runtime database user (web container)', default: 'deskpro', required: true, width: 'medium', validate: checkMysqlUser }),
	dbUpgradeUser: text({
		label: 'Migration database user (tasks container)',
		default: 'deskpro_upgrade',
		required: true,
		width: 'medium',
		validate: checkMysqlUser
	}),
	dbClientHost: text({
		label: 'This host as the external database sees it',
		default: '192.0.2.10',
		required: true,
		width: 'medium',
		maxLength: 253,
		validate: checkHost
	}),
	dbTls: bool({
		label: 'Connect to MySQL over TLS',
		default: false
	}),
	esLocation: choice({
		label: 'Elasticsearch',
		default: 'compose',
		options: [
			{ value: 'compose', label: 'Elasticsearch in the compose project', hint: 'With authentication on, never published.' },
			{ value: 'external', label: 'An external Elasticsearch or OpenSearch' }
		]
	}),
	esUrl: text({ label: 'Elasticsearch URL (external, without credentials)', default: 'https://search.example.com:9200', required: true, maxLength: 500, validate: checkEsUrl })
} satisfies Fields;

export type DockerEnvFields = typeof dockerEnvFields;
export type DockerEnvValues = Values<DockerEnvFields>;

/** One published port: container port → host address and port. */
export interface PublishedPort {
	container: number;
	hostIp: string;
	hostPort: number;
}

/** The checked Docker environment as the generators see it. */
export interface DockerEnv extends DockerEnvValues {
	arrival: Arrival;
	/** `repository:<version>-onprem-<container version>`. */
	image: string;
	names: string[];
	allowed: string[];
	/** Addresses allowed to reach the container's ports: 127.0.0.1 for a same-host proxy. */
	proxies: string[];
	/** Exactly the ports the web container publishes. */
	published: PublishedPort[];
	/** The client-IP header the container is told to trust, or null. */
	realIpHeader: string | null;
	/** Container ports that must never be published. */
	neverPublished: number[];
	/** Secret files (names under `<projectDir>/secrets/`). */
	secrets: string[];
}

const serverNameForm = (h: string) => h.trim().toLowerCase().replace(/\.$/, '');

function urlHost(url: string): string | null {
	try {
		const h = new URL(url.trim()).hostname;
		return h && !h.startsWith('[') && checkServerName(h) === null ? serverNameForm(h) : null;
	} catch {
		return null;
	}
}

const canonical = (xs: string[]) =>
	xs.map((x) => {
		const r = parseIpOrCidr(x);
		return typeof r === 'string' ? x : r.canonical;
	});

export function refineDockerEnv(v: DockerEnvValues, about: AboutValues): FieldErrors {
	const e: FieldErrors = {};
	if (listEntries(v.serverNames).length === 0 && urlHost(about.helpdeskUrl) === null) {
		e.serverNames = 'Enter at least one server name (or a valid helpdesk URL on the first step).';
	}
	if (listEntries(v.adminCidrs).length === 0) e.adminCidrs = 'List at least one network allowed to reach the staff interfaces.';
	if ((v.arrival === 'proxy-protocol' || v.arrival === 'cloudflare') && listEntries(v.proxyAddresses).length === 0) {
		e.proxyAddresses = v.arrival === 'cloudflare' ? 'List Cloudflare’s IP ranges: only they may reach the container.' : 'List the load balancer’s addresses: only they may reach the container.';
	}
	if (v.arrival === 'proxy' && (v.httpPort === v.httpsPort || v.loopbackPort === v.httpsPort || v.loopbackPort === v.httpPort)) {
		e.loopbackPort = 'The loopback port and the public HTTP and HTTPS ports must all differ.';
	}
	if (v.arrival === 'direct' && v.httpPort === v.httpsPort) e.httpPort = 'The HTTP and HTTPS ports must differ.';
	if (v.runMode === 'run' && v.dbLocation === 'compose') e.dbLocation = 'With plain docker run, the database runs outside this project: choose an external MySQL server (or use Docker Compose).';
	if (v.runMode === 'run' && v.esLocation === 'compose') e.esLocation = 'With plain docker run, Elasticsearch runs outside this project: choose an external one (or use Docker Compose).';
	if (v.dbUpgradeUser === v.dbUser) e.dbUpgradeUser = 'The migration account must differ from the runtime account.';
	if (unixPathWithin(v.logsDir, v.projectDir)) e.logsDir = 'Keep the logs outside the project directory (it holds the secrets).';
	if (v.dbLocation === 'external' && (v.dbHost === 'localhost' || v.dbHost === '127.0.0.1' || v.dbHost === '::1')) {
		e.dbHost = 'Inside a container, localhost is the container itself: give the database server’s address.';
	}
	return e;
}

function publishedPorts(v: DockerEnvValues, arrival: Arrival): PublishedPort[] {
	switch (arrival) {
		case 'proxy':
			return [{ container: PORTS.http.value, hostIp: '127.0.0.1', hostPort: v.loopbackPort }];
		case 'proxy-protocol':
			return [{ container: PORTS.proxyHttp.value, hostIp: v.publishAddress, hostPort: v.proxyPort }];
		case 'cloudflare':
			return [{ container: PORTS.https.value, hostIp: v.publishAddress, hostPort: v.httpsPort }];
		case 'direct':
			return [
				{ container: PORTS.http.value, hostIp: v.publishAddress, hostPort: v.httpPort },
				{ container: PORTS.https.value, hostIp: v.publishAddress, hostPort: v.httpsPort }
			];
	}
}

const REAL_IP_HEADER: Record<Arrival, string | null> = {
	proxy: 'X-Forwarded-For',
	// The container's nginx reads the PROXY header only while HTTP_USER_REAL_IP_HEADER is set.
	'proxy-protocol': 'X-Forwarded-For',
	cloudflare: 'CF-Connecting-IP',
	direct: null
};

export function toDockerEnv(v: DockerEnvValues, about: AboutValues): DockerEnv {
	const arrival = v.arrival as Arrival;
	const names = listEntries(v.serverNames).map(serverNameForm);
	const host = urlHost(about.helpdeskUrl);
	const secrets = ['DESKPRO_APP_KEY', 'DESKPRO_DB_PASS', 'DESKPRO_DB_UPGRADE_PASS'];
	if (v.dbLocation === 'compose') secrets.push('MYSQL_ROOT_PASSWORD');
	if (v.esLocation === 'compose') secrets.push('ELASTIC_PASSWORD');
	secrets.push('DESKPRO_ES_URL');
	return {
		...v,
		arrival,
		image: `${v.imageRepository}:${v.deskproVersion}-onprem-${v.containerVersion}`,
		names: names.length ? [...new Set(names)] : host ? [host] : [],
		allowed: [...new Set(canonical(listEntries(v.adminCidrs)))],
		proxies: arrival === 'proxy' ? ['127.0.0.1'] : arrival === 'direct' ? [] : [...new Set(canonical(listEntries(v.proxyAddresses)))],
		published: publishedPorts(v, arrival),
		realIpHeader: REAL_IP_HEADER[arrival],
		neverPublished: NEVER_PUBLISHED.map((p) => p.value),
		secrets
	};
}
