/**
 * Apache 2.4 virtual hosts for Deskpro Download (legacy self-hosted) with PHP-FPM. Pure.
 *
 * Same guarantees as the nginx site (proven on a real Apache + php-fpm in
 * tests/servers/apache.test.ts): 403 for data/, app/, plugins/, dot-files and sensitive entry
 * points (`Require all denied` and mod_rewrite [F]); PHP handed to FPM only for the public entry
 * points in the web root, never for a file in a subdirectory; `/admin/` and `/agent/` limited
 * with `Require ip`; mod_remoteip trusting only the listed proxies; `ServerTokens Prod`,
 * `ServerSignature Off`, `TraceEnable Off`, `Options -Indexes`, `AllowOverride None`.
 */
import type { ServerEnv } from '$lib/practices/_server-env';
import { parseFpmAddress } from '$lib/validate/server';
import { apacheDirectory, apacheString, HEADER_TOKEN, HOSTNAME_TOKEN, IP_OR_CIDR_TOKEN, token } from './escape';
import { PRIVATE_DIRS, PUBLIC_ENTRY_POINTS, SENSITIVE_FILES } from './nginx';

export interface ApacheOptions {
	/** Bind the virtual hosts to this IPv4 address (e.g. `127.0.0.1` in tests); default `*`. */
	bind?: string;
}

const re = (s: string) => s.replace(/[.]/g, '\\.');
const ENTRY_RE = `(?:${PUBLIC_ENTRY_POINTS.join('|')})\\.php`;
const PHP_RE = '\\.(?:php[0-9]?|phar|phtml|pht|inc)$';

function fpmHandler(addr: string): string {
	const a = parseFpmAddress(addr);
	if (a.kind === 'unix') return apacheString(`proxy:unix:${a.path}|fcgi://localhost`);
	const host = a.host.startsWith('[') ? token('Apache proxy', a.host, /^\[[0-9a-fA-F:.]+\]$/) : token('Apache proxy', a.host, HOSTNAME_TOKEN);
	return apacheString(`proxy:fcgi://${host}:${a.port}`);
}

function indent(lines: string[], n = 1): string[] {
	const pad = '    '.repeat(n);
	return lines.map((l) => (l === '' ? '' : pad + l));
}

export function section(open: string, close: string, body: string[]): string[] {
	return [`<${open}>`, ...indent(body), `</${close}>`];
}

export function apacheConfig(env: ServerEnv, opts: ApacheOptions = {}): string {
	const names = env.names.map((n) => token('Apache ServerName', n, HOSTNAME_TOKEN));
	const addr = opts.bind ? token('Apache VirtualHost', opts.bind, /^[0-9.]+$/) : '*';
	const httpsUrl = `https://${names[0]}${env.httpsPort === 443 ? '' : `:${env.httpsPort}`}/`;
	const serverNames = [`ServerName ${names[0]}`, ...(names.length > 1 ? [`ServerAlias ${names.slice(1).join(' ')}`] : [])];
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

	const redirect = section(`VirtualHost ${addr}:${env.httpPort}`, 'VirtualHost', [
		...serverNames,
		'ServerSignature Off',
		`Redirect permanent "/" ${apacheString(httpsUrl)}`
	]);

	const main = section(`VirtualHost ${addr}:${env.httpsPort}`, 'VirtualHost', [
		...serverNames,
		`DocumentRoot ${apacheString(root)}`,
		'ServerSignature Off',
		'TraceEnable Off',
		'',
		'SSLEngine on',
		`SSLCertificateFile ${apacheString(env.tlsCertificate)}`,
		`SSLCertificateKeyFile ${apacheString(env.tlsKey)}`,
		'SSLProtocol -all +TLSv1.2 +TLSv1.3',
		'Header always set Strict-Transport-Security "max-age=31536000"',
		'Header always set X-Content-Type-Options "nosniff"',
		'Header unset X-Powered-By',
		'Header always unset X-Powered-By',
		'',
		...remoteIp,
		'RewriteEngine On',
		'# Never served: dot-files (except ACME challenges), private directories, sensitive entry points.',
		'RewriteCond "%{REQUEST_URI}" "!^/\\.well-known/acme-challenge/"',
		'RewriteRule "(?:^|/)\\." "-" [F]',
		`RewriteRule "^/(?:${PRIVATE_DIRS.join('|')})(?:/|$)" "-" [F,NC]`,
		`RewriteRule "^/(?:${SENSITIVE_FILES.map(re).join('|')})(?:/|$)" "-" [F,NC]`,
		'# Agent and admin interfaces always go to the front controller (access is checked below).',
		'RewriteRule "^/(?:admin|agent)(?:/|$)" "/index.php" [NC,L]',
		'# Any other PHP file (uploads, plugins, backups): never run, never sent.',
		`RewriteCond "%{REQUEST_URI}" "!^/${ENTRY_RE}(?:/|$)"`,
		`RewriteRule "${PHP_RE.replace('$', '(?:/|$)')}" "-" [F,NC]`,
		'# Everything that is not a real file goes to the front controller.',
		'RewriteCond "%{DOCUMENT_ROOT}%{REQUEST_URI}" "!-f"',
		'RewriteRule "^" "/index.php" [L]',
		'',
		...section(`Directory ${apacheDirectory(root)}`, 'Directory', [
			'Options -Indexes -FollowSymLinks -ExecCGI -Includes',
			'AllowOverride None',
			'Require all granted',
			'DirectoryIndex index.php',
			'# PHP runs only for the public entry points in the web root.',
			...section(`FilesMatch "^${ENTRY_RE}$"`, 'FilesMatch', [`SetHandler ${fpmHandler(env.phpFpm)}`]),
			...section('FilesMatch "^\\."', 'FilesMatch', ['Require all denied']),
			...section(`FilesMatch "(?i)^(?:${SENSITIVE_FILES.map(re).join('|')})$"`, 'FilesMatch', ['Require all denied'])
		]),
		'# Below the web root (web/, data/, uploads...): no PHP file is ever run or sent.',
		...section(`Directory ${apacheDirectory(root, '/*')}`, 'Directory', [
			...section(`FilesMatch "(?i)${PHP_RE}"`, 'FilesMatch', ['SetHandler None', 'Require all denied'])
		]),
		...PRIVATE_DIRS.flatMap((d) => section(`Directory ${apacheDirectory(`${root}/${d}`)}`, 'Directory', ['Require all denied'])),
		'',
		'# Agent and admin interfaces: only from the allowed networks.',
		...section(`LocationMatch "(?i)^/(?:${ENTRY_RE}/)?(?:admin|agent)(?:/|$)"`, 'LocationMatch', [`Require ip ${allowed.join(' ')}`])
	]);

	return [
		'# Deskpro Download (legacy self-hosted): Apache 2.4 site generated by the Deskpro Hardening Wizard.',
		'# Needs: a2enmod ssl rewrite headers remoteip proxy_fcgi',
		'# Install as /etc/apache2/sites-available/deskpro.conf, then: a2ensite deskpro && apache2ctl configtest && systemctl reload apache2',
		'# If you use ports other than 80 and 443, add matching Listen lines to /etc/apache2/ports.conf.',
		'',
		'# Server-wide: no version in the Server header or error pages.',
		'ServerTokens Prod',
		'ServerSignature Off',
		'TraceEnable Off',
		'',
		...redirect,
		'',
		...main,
		''
	].join('\n');
}
