/**
 * nginx server blocks for Deskpro Download (legacy self-hosted). Pure: values in, text out.
 * Every route, rule and private path comes from the sourced surface (`$lib/deskpro/surface`).
 *
 * Guarantees (proven on a real nginx + php-fpm in tests/servers/nginx.test.ts, every route of
 * the surface requested):
 * - private directories and files of the surface (data/, app/, plugins/, config.php, cron.php…)
 *   and dot-files answer 403 and never reach PHP;
 * - PHP runs only for the surface's entry points in the web root (index.php, dp.php, file.php,
 *   get_messages.php), each as itself with its PATH_INFO; any other .php file answers 403;
 * - Deskpro's own rewrite rules: /__checkurlrewrite(/path) and /sitemap.xml;
 * - every staff interface (/agent/, /admin/, /reports/, /billing/, /api/, /install/), in every
 *   spelling (also behind an entry point: /index.php/admin/), reaches PHP only from the allowed
 *   networks; the access check runs in the same location that calls PHP;
 * - the client address is taken from the proxy header only for requests from the listed
 *   proxies; behind a TLS-terminating proxy that forwards plain HTTP, requests from the proxy
 *   with X-Forwarded-Proto: https are served (no redirect loop) and PHP sees HTTPS=on;
 * - request bodies up to the chosen size; Mozilla intermediate TLS; HSTS as chosen;
 *   `server_tokens off`, no directory listings.
 */
import type { ServerEnv } from '$lib/practices/_server-env';
import { parseFpmAddress } from '$lib/validate/server';
import { ENTRY_POINTS, EXACT_REWRITES, PRIVATE_DIRS as SURFACE_PRIVATE_DIRS, PRIVATE_FILES } from '$lib/deskpro/surface';
import { HEADER_TOKEN, HOSTNAME_TOKEN, IP_OR_CIDR_TOKEN, nginxString, regexLiteral, token } from './escape';
import { hstsValue, MOZILLA_INTERMEDIATE } from './tls';
import { block, indent } from './blocks';
import { ENTRY_RE, PHP_EXT_RE, PRIVATE_DIR_RE, PRIVATE_FILE_RE, STAFF_DIRECT_RE, STAFF_VIA_ENTRY_RE, STATIC_PREFIX } from './web-surface';

export interface NginxOptions {
	/** Listen on this IPv4 address only (e.g. `127.0.0.1` in tests); default: every IPv4 and IPv6 address. */
	bind?: string;
}

/** Public PHP entry points of the web root, without `.php` (read by iis.ts). */
export const PUBLIC_ENTRY_POINTS = ENTRY_POINTS.map((e) => e.file.replace(/\.php$/, ''));
/** Web-root files that are never served (read by iis.ts). */
export const SENSITIVE_FILES = PRIVATE_FILES;
/** Directories of the web root that are never served (read by iis.ts). */
export const PRIVATE_DIRS = SURFACE_PRIVATE_DIRS;

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
/** How PHP learns the request was https: from this server's TLS, or from a trusted TLS-terminating proxy. */
type HttpsFrom = 'tls' | 'proxy';

function fastcgi(env: ServerEnv, script: 'split' | 'index', https: HttpsFrom): string[] {
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
		...(https === 'tls'
			? ['fastcgi_param REQUEST_SCHEME $scheme;', 'fastcgi_param HTTPS $https if_not_empty;']
			: ['# Only https requests from the trusted proxy get here (others were redirected).', 'fastcgi_param REQUEST_SCHEME https;', 'fastcgi_param HTTPS on;']),
		'fastcgi_param GATEWAY_INTERFACE CGI/1.1;',
		'fastcgi_param SERVER_SOFTWARE nginx;',
		'fastcgi_param REMOTE_ADDR $remote_addr;',
		'fastcgi_param REMOTE_PORT $remote_port;',
		'fastcgi_param SERVER_ADDR $server_addr;',
		https === 'tls' ? 'fastcgi_param SERVER_PORT $server_port;' : `fastcgi_param SERVER_PORT ${env.httpsPort};`,
		'fastcgi_param SERVER_NAME $server_name;',
		'fastcgi_param REDIRECT_STATUS 200;',
		'# httpoxy: never pass a client "Proxy:" header to PHP as HTTP_PROXY',
		'fastcgi_param HTTP_PROXY "";',
		`fastcgi_pass ${fpmTarget(env.phpFpm)};`
	];
}


/** The locations of the site, shared by the TLS server and (behind a TLS-terminating proxy) the plain-HTTP one. */
function siteBody(env: ServerEnv, https: HttpsFrom): string[] {
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
	const rewrites = EXACT_REWRITES.flatMap((r) => {
		const target = `/${r.script}${r.query === null ? '' : `?${r.query}?`}`;
		return block(`location ~* ^${regexLiteral(r.path)}$`, [`rewrite ^ ${nginxString(target)} last;`]);
	});
	return [
		`root ${nginxString(env.installPath)};`,
		'index index.php;',
		'server_tokens off;',
		'autoindex off;',
		'charset utf-8;',
		`client_max_body_size ${env.uploadLimitMb}m;`,
		`add_header Strict-Transport-Security "${hstsValue({ includeSubDomains: env.hstsIncludeSubDomains, preload: env.hstsPreload })}" always;`,
		'add_header X-Content-Type-Options "nosniff" always;',
		'',
		...realIp,
		"# Let's Encrypt HTTP challenges: plain files only.",
		...block('location ^~ /.well-known/acme-challenge/', ['default_type text/plain;', 'try_files $uri =404;']),
		'',
		"# Never served: dot-files, Deskpro's private directories and files (see the surface module).",
		...block('location ~ /\\.', ['return 403;']),
		...block(`location ~* ${PRIVATE_DIR_RE}`, ['return 403;']),
		...block(`location ~* ${PRIVATE_FILE_RE}`, ['return 403;']),
		'',
		'# Staff interfaces (agent, admin, reports, billing, api, install): only from the allowed networks,',
		'# in every spelling. Behind an entry point (/index.php/admin/) the entry point runs with its PATH_INFO;',
		'# otherwise the front controller does.',
		...block(`location ~* ${STAFF_VIA_ENTRY_RE}`, [...allow, 'deny all;', ...fastcgi(env, 'split', https)]),
		...block(`location ~* ${STAFF_DIRECT_RE}`, [...allow, 'deny all;', ...fastcgi(env, 'index', https)]),
		'',
		"# Deskpro's own rewrite rules (web.config / .htaccess): clean-URL tests and the sitemap.",
		...rewrites,
		'',
		'# Static assets; PHP files here are never run.',
		...block(`location ^~ ${STATIC_PREFIX}`, ['try_files $uri =404;', 'expires 7d;', ...block(`location ~* ${PHP_EXT_RE}(?:/|$)`, ['return 403;'])]),
		'',
		"# PHP runs only for Deskpro's entry points in the web root.",
		...block(`location ~ ^/${ENTRY_RE}(?:/|$)`, fastcgi(env, 'split', https)),
		'',
		'# Any other PHP file (uploads, plugins, backups): never run, never sent.',
		...block(`location ~* ${PHP_EXT_RE}(?:/|$)`, ['return 403;']),
		'',
		"# Everything else: a real file, or Deskpro's front controller.",
		...block('location /', ['try_files $uri /index.php$is_args$args;'])
	];
}

/** TLS: Mozilla's intermediate profile. */
function tls(env: ServerEnv): string[] {
	const m = MOZILLA_INTERMEDIATE;
	return [
		`# TLS: Mozilla intermediate, guidelines ${m.version} (${m.source}).`,
		`ssl_certificate ${nginxString(env.tlsCertificate)};`,
		`ssl_certificate_key ${nginxString(env.tlsKey)};`,
		`ssl_protocols ${m.protocols.join(' ')};`,
		`ssl_ciphers ${m.ciphers};`,
		'ssl_prefer_server_ciphers off;',
		`ssl_session_timeout ${m.sessionTimeout};`,
		'ssl_session_cache shared:DeskproTLS:10m;',
		'ssl_session_tickets off;',
		'# OCSP stapling, when the certificate names an OCSP responder (nginx skips it with a warning',
		'# otherwise). Resolving the responder needs a resolver line, e.g.  resolver 127.0.0.53;',
		'ssl_stapling on;',
		'ssl_stapling_verify on;',
		''
	];
}

export function nginxConfig(env: ServerEnv, opts: NginxOptions = {}): string {
	const names = env.names.map((n) => token('nginx server_name', n, HOSTNAME_TOKEN));
	const canonicalHost = names[0]!;
	const httpsUrl = `https://${canonicalHost}${env.httpsPort === 443 ? '' : `:${env.httpsPort}`}`;
	const offload = env.proxies.length > 0 && env.proxyTerminatesTls;
	// One variable per site (named after its HTTP port), so two sites in one nginx never share it.
	const viaProxy = `$deskpro_proxy_https_${env.httpPort}`;
	const fromProxy = `$deskpro_from_proxy_${env.httpPort}`;

	const offloadMaps = offload
		? [
				'# The TLS-terminating proxy: only its own connections may say the request was https.',
				...block(`geo $realip_remote_addr ${fromProxy}`, ['default 0;', ...env.proxies.map((c) => `${token('nginx geo', c, IP_OR_CIDR_TOKEN)} 1;`)]),
				...block(`map "${fromProxy}:$http_x_forwarded_proto" ${viaProxy}`, ['default "";', '"1:https" on;']),
				''
			]
		: [];

	const plain = offload
		? block('server', [
				...listen(env.httpPort, false, opts),
				`server_name ${names.join(' ')};`,
				'# Behind the TLS-terminating proxy: https requests it forwards as plain HTTP are served here;',
				'# anything else (another client, or the proxy without X-Forwarded-Proto: https) goes to HTTPS.',
				...block(`if (${viaProxy} != on)`, [`return 301 ${httpsUrl}$request_uri;`]),
				...siteBody(env, 'proxy')
			])
		: block('server', [...listen(env.httpPort, false, opts), `server_name ${names.join(' ')};`, 'server_tokens off;', `return 301 ${httpsUrl}$request_uri;`]);

	const main = block('server', [...listen(env.httpsPort, true, opts), `server_name ${names.join(' ')};`, '', ...tls(env), ...siteBody(env, 'tls')]);

	return [
		'# Deskpro Download (legacy self-hosted): nginx site generated by the Deskpro Hardening Wizard.',
		'# Install as /etc/nginx/sites-available/deskpro.conf, link it into sites-enabled, then run',
		'#   nginx -t && systemctl reload nginx',
		'',
		...offloadMaps,
		...plain,
		'',
		...main,
		''
	].join('\n');
}
