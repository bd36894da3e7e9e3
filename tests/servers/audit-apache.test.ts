/**
 * The audit script on a real Apache + php-fpm + MariaDB (the shared suite: tests/servers/audit-suite.ts).
 * The site is the wizard's own Apache virtual host file, included at server level as its
 * comments say (it carries the server-wide ServerTokens Prod / ServerSignature Off lines).
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { apacheConfig } from '$lib/generators/apache';
import { apacheDirectory, apacheString } from '$lib/generators/escape';
import { apacheMainConf, startApache } from './harness';
import { auditSuite } from './audit-suite';

auditSuite('apache', {
	binary: 'apache2',
	accountTag: 'a',
	serverHeader: /^Apache$/,
	siteConfig: (env) => apacheConfig(env, { bind: '127.0.0.1' }),
	breakDataServed(conf, env) {
		// data/ no longer among the private directories: neither refused by mod_rewrite nor by <Directory>
		const rule = '"^/(?:data|app|plugins)(?:/|$)" "-" [F,NC]';
		expect(conf).toContain(rule);
		const deny = `    <Directory ${apacheDirectory(`${env.installPath}/data`)}>\n        Require all denied\n    </Directory>\n`;
		expect(conf).toContain(deny);
		return conf.replace(rule, '"^/(?:app|plugins)(?:/|$)" "-" [F,NC]').replace(deny, '');
	},
	breakDirOnly(conf, env) {
		// data/ no longer among the private directories; only the URL /data/ itself is refused
		const rule = '"^/(?:data|app|plugins)(?:/|$)" "-" [F,NC]';
		expect(conf).toContain(rule);
		const deny = `    <Directory ${apacheDirectory(`${env.installPath}/data`)}>\n        Require all denied\n    </Directory>\n`;
		expect(conf).toContain(deny);
		return conf.replace(rule, `${rule.replace('data|', '')}\n    RewriteRule "^/data/?$" "-" [F,NC]`).replace(deny, '');
	},
	breakPhpInData(conf, env, fpm) {
		// .php files under /data/ let through mod_rewrite and handed to PHP-FPM (a later
		// <FilesMatch> wins over the site's own "no PHP below the web root" one)
		const engine = '    RewriteEngine On\n';
		expect(conf).toContain(engine);
		const end = conf.lastIndexOf('</VirtualHost>');
		expect(end).toBeGreaterThan(0);
		const handler = [
			`    <Directory ${apacheDirectory(`${env.installPath}/data`)}>`,
			'        <FilesMatch "\\.php$">',
			`            SetHandler ${apacheString(`proxy:unix:${fpm.socket}|fcgi://localhost`)}`,
			'            Require all granted',
			'        </FilesMatch>',
			'    </Directory>',
			''
		].join('\n');
		conf = conf.slice(0, end) + handler + conf.slice(end);
		return conf.replace(engine, `${engine}    RewriteRule "^/data/.+\\.php$" "-" [L]\n`);
	},
	async start(dir, sites) {
		const main = join(dir, 'apache2.conf');
		const listen = sites.flatMap((s) => [`127.0.0.1:${s.httpsPort}`, `127.0.0.1:${s.httpPort}`]);
		writeFileSync(main, apacheMainConf(dir, listen, sites.map((s) => s.file)));
		return startApache(dir, main);
	}
});
