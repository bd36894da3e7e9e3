/**
 * nginx server blocks for Deskpro Download (legacy self-hosted). Pure: values in, text out.
 *
 * Guarantees (proven on a real nginx + php-fpm in tests/servers/nginx.test.ts):
 * - `data/`, `app/`, `plugins/`, dot-files and the sensitive entry points answer 403;
 * - PHP runs only for the public entry points in the web root (index.php, dp.php, file.php);
 *   any other .php file — in data/, web/ or anywhere — answers 403 and never reaches PHP;
 * - `/admin/` and `/agent/` (also as `/index.php/agent/`) reach PHP only from the allowed
 *   networks; the access check runs in the same location that calls PHP, so no rewrite can
 *   skip it;
 * - the client address is taken from the proxy header only for requests from the listed
 *   proxies (`set_real_ip_from`); otherwise the header is ignored;
 * - `server_tokens off`, no directory listings, HSTS.
 */
import type { ServerEnv } from '$lib/practices/_server-env';
import { parseFpmAddress } from '$lib/validate/server';
import { HEADER_TOKEN, HOSTNAME_TOKEN, IP_OR_CIDR_TOKEN, nginxString, token } from './escape';

export interface NginxOptions {
	/** Listen on this IPv4 address only (e.g. `127.0.0.1` in tests); default: every IPv4 and IPv6 address. */
	bind?: string;
}

/** Public PHP entry points of the legacy web root. */
export const PUBLIC_ENTRY_POINTS = ['index', 'dp', 'file'] as const;
/** Web-root files that are never served (matched case-insensitively). */
export const SENSITIVE_FILES = ['config.php', 'config.new.php', 'cron.php', 'import.php', 'upgrade.php', 'schedule.bat', 'web.config'] as const;
/** Directories of the web root that are never served. */
export const PRIVATE_DIRS = ['data', 'app', 'plugins'] as const;

const re = (s: string) => s.replace(/[.]/g, '\\.');
const ENTRY_RE = `(?:${PUBLIC_ENTRY_POINTS.join('|')})\\.php`;
const SENSITIVE_RE = `^/(?:${SENSITIVE_FILES.map(re).join('|')})$`;
const PRIVATE_RE = `^/(?:${PRIVATE_DIRS.join('|')})(?:/|$)`;
const RESTRICTED_RE = `^/(?:${ENTRY_RE}/)?(?:admin|agent)(?:/|$)`;

function fpmTarget(addr: string): string {
	const a = parseFpmAddress(addr);
	if (a.kind === 'unix') return nginxString(`unix:${a.path}`);
	const host = a.host.startsWith('[') ? token('nginx fastcgi_pass', a.host, /^\[[0-9a-fA-F:.]+\]$/) : token('nginx fastcgi_pass', a.host, HOSTNAME_TOKEN);
	return `${host}:${a.port}`;
}

function listen(port: number, ssl: boolean, o: NginxOptions): string[] {
	const p = String(port);
	const suffix = ssl ? ' ssl' : '';
	if (o.bind) return [`listen ${token('nginx listen', o.bind, /^[0-9.]+$/)}:${p}${suffix};`];
	return [`listen ${p}${suffix};`, `listen [::]:${p}${suffix};`];
}

/** The fastcgi parameters, written out so the file does not depend on a distribution's snippets. */
function fastcgi(env: ServerEnv, script: 'split' | 'index'): string[] {
	const lines =
		script === 'split'
			? [
					`fastcgi_split_path_info ^(/${ENTRY_RE})(/.*)$;`,
					'fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;',
					'fastcgi_param SCRIPT_NAME $fastcgi_script_name;',
					'fastcgi_param PATH_INFO $fastcgi_path_info;'
				]
			: ['fastcgi_param SCRIPT_FILENAME $document_root/index.php;', 'fastcgi_param SCRIPT_NAME /index.php;'];
	return [
		...lines,
		'fastcgi_param QUERY_STRING $query_string;',
		'fastcgi_param REQUEST_METHOD $request_method;',
		'fastcgi_param CONTENT_TYPE $content_type;',
		'fastcgi_param CONTENT_LENGTH $content_length;',
		'fastcgi_param REQUEST_URI $request_uri;',
		'fastcgi_param DOCUMENT_URI $document_uri;',
		'fastcgi_param DOCUMENT_ROOT $document_root;',
		'fastcgi_param SERVER_PROTOCOL $server_protocol;',
		'fastcgi_param REQUEST_SCHEME $scheme;',
		'fastcgi_param HTTPS $https if_not_empty;',
		'fastcgi_param GATEWAY_INTERFACE CGI/1.1;',
		'fastcgi_param SERVER_SOFTWARE nginx;',
		'fastcgi_param REMOTE_ADDR $remote_addr;',
		'fastcgi_param REMOTE_PORT $remote_port;',
		'fastcgi_param SERVER_ADDR $server_addr;',
		'fastcgi_param SERVER_PORT $server_port;',
		'fastcgi_param SERVER_NAME $server_name;',
		'fastcgi_param REDIRECT_STATUS 200;',
		'# httpoxy: never pass a client "Proxy:" header to PHP as HTTP_PROXY',
		'fastcgi_param HTTP_PROXY "";',
		`fastcgi_pass ${fpmTarget(env.phpFpm)};`
	];
}

export function indent(lines: string[], n = 1): string[] {
	const pad = '    '.repeat(n);
	return lines.map((l) => (l === '' ? '' : pad + l));
}

export function block(head: string, body: string[]): string[] {
	return [`${head} {`, ...indent(body), '}'];
}

export function nginxConfig(env: ServerEnv, opts: NginxOptions = {}): string {
	const names = env.names.map((n) => token('nginx server_name', n, HOSTNAME_TOKEN));
	const canonicalHost = names[0]!;
	const httpsUrl = `https://${canonicalHost}${env.httpsPort === 443 ? '' : `:${env.httpsPort}`}`;
	const allow = env.allowed.map((c) => `allow ${token('nginx allow', c, IP_OR_CIDR_TOKEN)};`);
	const realIp = env.proxies.length
		? [
				'# Client address from the proxy header, but only for requests from these proxies.',
				...env.proxies.map((c) => `set_real_ip_from ${token('nginx set_real_ip_from', c, IP_OR_CIDR_TOKEN)};`),
				`real_ip_header ${token('nginx real_ip_header', env.proxyHeader, HEADER_TOKEN)};`,
				'real_ip_recursive on;',
				''
			]
		: ['# No reverse proxy: client-IP headers such as X-Forwarded-For are ignored.', ''];

	const redirect = block('server', [
		...listen(env.httpPort, false, opts),
		`server_name ${names.join(' ')};`,
		'server_tokens off;',
		`return 301 ${httpsUrl}$request_uri;`
	]);

	const main = block('server', [
		...listen(env.httpsPort, true, opts),
		`server_name ${names.join(' ')};`,
		`root ${nginxString(env.installPath)};`,
		'index index.php;',
		'server_tokens off;',
		'autoindex off;',
		'charset utf-8;',
		'',
		`ssl_certificate ${nginxString(env.tlsCertificate)};`,
		`ssl_certificate_key ${nginxString(env.tlsKey)};`,
		'ssl_protocols TLSv1.2 TLSv1.3;',
		'add_header Strict-Transport-Security "max-age=31536000" always;',
		'add_header X-Content-Type-Options "nosniff" always;',
		'',
		...realIp,
		'# Let\'s Encrypt HTTP challenges: plain files only.',
		...block('location ^~ /.well-known/acme-challenge/', ['default_type text/plain;', 'try_files $uri =404;']),
		'',
		'# Never served: dot-files, Deskpro\'s private directories and sensitive entry points.',
		...block('location ~ /\\.', ['return 403;']),
		...block(`location ~* ${PRIVATE_RE}`, ['return 403;']),
		...block(`location ~* ${SENSITIVE_RE}`, ['return 403;']),
		'',
		'# Agent and admin interfaces: only from the allowed networks, always through index.php.',
		...block(`location ~* ${RESTRICTED_RE}`, [...allow, 'deny all;', ...fastcgi(env, 'index')]),
		'',
		'# Static assets; PHP files here are never run.',
		...block('location ^~ /web/', [
			'try_files $uri =404;',
			'expires 7d;',
			...block('location ~* \\.(?:php[0-9]?|phar|phtml|pht|inc)(?:/|$)', ['return 403;'])
		]),
		'',
		'# PHP runs only for the public entry points in the web root.',
		...block(`location ~ ^/${ENTRY_RE}(?:/|$)`, fastcgi(env, 'split')),
		'',
		'# Any other PHP file (uploads, plugins, backups): never run, never sent.',
		...block('location ~* \\.(?:php[0-9]?|phar|phtml|pht|inc)(?:/|$)', ['return 403;']),
		'',
		'# Everything else: a real file, or Deskpro\'s front controller.',
		...block('location /', ['try_files $uri /index.php$is_args$args;'])
	]);

	return [
		'# Deskpro Download (legacy self-hosted): nginx site generated by the Deskpro Hardening Wizard.',
		'# Install as /etc/nginx/sites-available/deskpro.conf, link it into sites-enabled, then run',
		'#   nginx -t && systemctl reload nginx',
		'',
		...redirect,
		'',
		...main,
		''
	].join('\n');
}
