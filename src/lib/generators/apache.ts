/**
 * Apache 2.4 virtual hosts for Deskpro Download (legacy self-hosted) with PHP-FPM. Pure. Every
 * route, rule and private path comes from the sourced surface (`$lib/deskpro/surface`).
 *
 * Same guarantees as the nginx site (proven on a real Apache + php-fpm in
 * tests/servers/apache.test.ts, every route of the surface requested): 403 for the private
 * directories and files and dot-files (`Require all denied` and mod_rewrite [F]); PHP handed to
 * FPM only for the surface's entry points in the web root, each as itself with its PATH_INFO;
 * Deskpro's own rewrite rules; every staff interface in every spelling limited with
 * `Require ip`; mod_remoteip trusting only the listed proxies; behind a TLS-terminating proxy,
 * https requests from the proxy served on the HTTP port with HTTPS=on; `LimitRequestBody` from
 * the chosen upload size; Mozilla intermediate TLS; HSTS as chosen; `ServerTokens Prod`,
 * `ServerSignature Off`, `TraceEnable Off`, `Options -Indexes`, `AllowOverride None`.
 */
import type { ServerEnv } from '$lib/practices/_server-env';
import { parseFpmAddress } from '$lib/validate/server';
import { EXACT_REWRITES, PRIVATE_DIRS } from '$lib/deskpro/surface';
import { apacheDirectory, apacheString, HEADER_TOKEN, HOSTNAME_TOKEN, IP_OR_CIDR_TOKEN, regexLiteral, token } from './escape';
import { hstsValue, MOZILLA_INTERMEDIATE } from './tls';
import { indent, section } from './blocks';
import { ENTRY_RE, PHP_EXT_RE, PRIVATE_DIR_RE, PRIVATE_FILE_NAME_RE, PRIVATE_FILE_RE, STAFF_ANY_RE, STAFF_DIRECT_RE } from './web-surface';

export interface ApacheOptions {
	/** Bind the virtual hosts to this IPv4 address (e.g. `127.0.0.1` in tests); default `*`. */
	bind?: string;
}

const PHP_RE = `${PHP_EXT_RE}$`;

function fpmHandler(addr: string): string {
	const a = parseFpmAddress(addr);
	if (a.kind === 'unix') return apacheString(`proxy:unix:${a.path}|fcgi://localhost`);
	const host = a.host.startsWith('[') ? token('Apache proxy', a.host, /^\[[0-9a-fA-F:.]+\]$/) : token('Apache proxy', a.host, HOSTNAME_TOKEN);
	return apacheString(`proxy:fcgi://${host}:${a.port}`);
}


/** The site inside a virtual host, shared by the TLS host and (behind a TLS-terminating proxy) the plain-HTTP one. */
function siteBody(env: ServerEnv, firstRules: string[]): string[] {
	const root = env.installPath;
	const allowed = env.allowed.map((c) => token('Apache Require ip', c, IP_OR_CIDR_TOKEN));
	const remoteIp = env.proxies.length
		? [
				'# Client address from the proxy header, but only for requests from these proxies.',
				`RemoteIPHeader ${token('Apache RemoteIPHeader', env.proxyHeader, HEADER_TOKEN)}`,
				...env.proxies.map((c) => `RemoteIPInternalProxy ${token('Apache RemoteIPInternalProxy', c, IP_OR_CIDR_TOKEN)}`),
				''
			]
		: ['# No reverse proxy: client-IP headers such as X-Forwarded-For are ignored (mod_remoteip is not used).', ''];
	const rewrites = EXACT_REWRITES.map((r) => `RewriteRule "^${regexLiteral(r.path)}$" "/${r.script}${r.query === null ? '' : `?${r.query}`}" [NC,L]`);
	return [
		`DocumentRoot ${apacheString(root)}`,
		'ServerSignature Off',
		'TraceEnable Off',
		`LimitRequestBody ${env.uploadLimitMb * 1024 * 1024}`,
		`Header always set Strict-Transport-Security "${hstsValue({ includeSubDomains: env.hstsIncludeSubDomains, preload: env.hstsPreload })}"`,
		'Header always set X-Content-Type-Options "nosniff"',
		'Header unset X-Powered-By',
		'Header always unset X-Powered-By',
		'',
		...remoteIp,
		'RewriteEngine On',
		...firstRules,
		'# Requests bigger than the upload limit: 413. LimitRequestBody above does not stop a body that',
		'# mod_proxy_fcgi streams to PHP-FPM, so the declared length is checked here too.',
		`RewriteCond "%{HTTP:Content-Length}" "-gt ${env.uploadLimitMb * 1024 * 1024}"`,
		'RewriteRule "^" "-" [R=413,L]',
		"# Never served: dot-files (except ACME challenges), Deskpro's private directories and files.",
		'RewriteCond "%{REQUEST_URI}" "!^/\\.well-known/acme-challenge/"',
		'RewriteRule "(?:^|/)\\." "-" [F]',
		`RewriteRule "${PRIVATE_DIR_RE}" "-" [F,NC]`,
		`RewriteRule "${PRIVATE_FILE_RE}" "-" [F,NC]`,
		"# Deskpro's own rewrite rules (web.config / .htaccess): clean-URL tests and the sitemap.",
		...rewrites,
		'# Staff interfaces always go to the front controller (access is checked below).',
		`RewriteRule "${STAFF_DIRECT_RE}" "/index.php" [NC,L]`,
		'# Any other PHP file (uploads, plugins, backups): never run, never sent.',
		`RewriteCond "%{REQUEST_URI}" "!^/${ENTRY_RE}(?:/|$)"`,
		`RewriteRule "${PHP_RE.replace('$', '(?:/|$)')}" "-" [F,NC]`,
		'# Everything that is neither an entry point (with its PATH_INFO) nor a real file goes to the front controller.',
		`RewriteCond "%{REQUEST_URI}" "!^/${ENTRY_RE}(?:/|$)"`,
		'RewriteCond "%{DOCUMENT_ROOT}%{REQUEST_URI}" "!-f"',
		'RewriteRule "^" "/index.php" [L]',
		'',
		...section(`Directory ${apacheDirectory(root)}`, 'Directory', [
			'Options -Indexes -FollowSymLinks -ExecCGI -Includes',
			'AllowOverride None',
			'Require all granted',
			'DirectoryIndex index.php',
			"# PHP runs only for Deskpro's entry points in the web root, each with its PATH_INFO.",
			...section(`FilesMatch "^${ENTRY_RE}$"`, 'FilesMatch', ['AcceptPathInfo On', `SetHandler ${fpmHandler(env.phpFpm)}`]),
			...section('FilesMatch "^\\."', 'FilesMatch', ['Require all denied']),
			...section(`FilesMatch "(?i)${PRIVATE_FILE_NAME_RE}"`, 'FilesMatch', ['Require all denied'])
		]),
		'# Below the web root (web/, data/, uploads...): no PHP file is ever run or sent.',
		...section(`Directory ${apacheDirectory(root, '/*')}`, 'Directory', [...section(`FilesMatch "(?i)${PHP_RE}"`, 'FilesMatch', ['SetHandler None', 'Require all denied'])]),
		...PRIVATE_DIRS.flatMap((d) => section(`Directory ${apacheDirectory(`${root}/${d}`)}`, 'Directory', ['Require all denied'])),
		'',
		'# Staff interfaces (agent, admin, reports, billing, api, install), in every spelling: only from the allowed networks.',
		...section(`LocationMatch "(?i)${STAFF_ANY_RE}"`, 'LocationMatch', [`Require ip ${allowed.join(' ')}`])
	];
}

export function apacheConfig(env: ServerEnv, opts: ApacheOptions = {}): string {
	const names = env.names.map((n) => token('Apache ServerName', n, HOSTNAME_TOKEN));
	const addr = opts.bind ? token('Apache VirtualHost', opts.bind, /^[0-9.]+$/) : '*';
	const httpsBase = `https://${names[0]}${env.httpsPort === 443 ? '' : `:${env.httpsPort}`}`;
	const aliases = names.length > 1 ? [`ServerAlias ${names.slice(1).join(' ')}`] : [];
	const serverNames = [`ServerName ${names[0]}`, ...aliases];
	const offload = env.proxies.length > 0 && env.proxyTerminatesTls;
	const m = MOZILLA_INTERMEDIATE;

	const redirect = offload
		? section(`VirtualHost ${addr}:${env.httpPort}`, 'VirtualHost', [
				'# Behind the TLS-terminating proxy: https requests it forwards as plain HTTP are served here as',
				'# https (self-referencing URLs and HTTPS=on); anything else (another client, or the proxy without',
				'# X-Forwarded-Proto: https) is redirected to HTTPS.',
				`ServerName https://${names[0]}:${env.httpsPort}`,
				...aliases,
				'UseCanonicalName On',
				...siteBody(env, [
					`RewriteCond expr "!(%{HTTP:X-Forwarded-Proto} == 'https' && (${env.proxies.map((c) => `%{CONN_REMOTE_ADDR} -ipmatch '${token('Apache -ipmatch', c, IP_OR_CIDR_TOKEN)}'`).join(' || ')}))"`,
					`RewriteRule "^" ${apacheString(`${httpsBase}`).slice(0, -1)}%{REQUEST_URI}" [R=301,L]`,
					'# What is left came from the proxy over https: tell PHP.',
					'RewriteRule "^" "-" [E=HTTPS:on]'
				])
			])
		: section(`VirtualHost ${addr}:${env.httpPort}`, 'VirtualHost', [...serverNames, 'ServerSignature Off', `Redirect permanent "/" ${apacheString(`${httpsBase}/`)}`]);

	const main = section(`VirtualHost ${addr}:${env.httpsPort}`, 'VirtualHost', [
		...serverNames,
		'',
		`# TLS: Mozilla intermediate, guidelines ${m.version} (${m.source}).`,
		'SSLEngine on',
		`SSLCertificateFile ${apacheString(env.tlsCertificate)}`,
		`SSLCertificateKeyFile ${apacheString(env.tlsKey)}`,
		`SSLProtocol -all ${m.protocols.map((p) => `+${p}`).join(' ')}`,
		`SSLCipherSuite ${m.ciphers}`,
		'SSLHonorCipherOrder off',
		'SSLSessionTickets off',
		'# OCSP stapling, when the certificate names an OCSP responder (the cache is set server-wide above).',
		'SSLUseStapling On',
		'',
		...siteBody(env, [])
	]);

	return [
		'# Deskpro Download (legacy self-hosted): Apache 2.4 site generated by the Deskpro Hardening Wizard.',
		'# Needs: a2enmod ssl rewrite headers remoteip proxy_fcgi',
		'# Install as /etc/apache2/sites-available/deskpro.conf, then: a2ensite deskpro && apache2ctl configtest && systemctl reload apache2',
		'# If you use ports other than 80 and 443, add matching Listen lines to /etc/apache2/ports.conf.',
		'',
		'# Server-wide: no version in the Server header or error pages; the OCSP stapling cache.',
		'ServerTokens Prod',
		'ServerSignature Off',
		'TraceEnable Off',
		'SSLStaplingCache "shmcb:/run/deskpro-ocsp-stapling(128000)"',
		'',
		...redirect,
		'',
		...main,
		''
	].join('\n');
}
