/**
 * The audit script on a real nginx + php-fpm + MariaDB (the shared suite: tests/servers/audit-suite.ts).
 * This run also writes real results for the Playwright audit-import spec.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { nginxConfig } from '$lib/generators/nginx';
import { nginxMainConf, startNginx } from './harness';
import { auditSuite } from './audit-suite';

/** Where the e2e test finds real results for a real plan (written by this file, gitignored). */
export const E2E_FIXTURES = join(process.cwd(), 'tmp', 'audit-fixtures');

auditSuite('nginx', {
	binary: 'nginx',
	accountTag: 'n',
	serverHeader: /^nginx$/,
	e2eFixtures: E2E_FIXTURES,
	siteConfig: (env) => nginxConfig(env, { bind: '127.0.0.1' }),
	breakDataServed(conf) {
		// data/ no longer among the private directories
		expect(conf).toContain('(?:data|app|plugins)');
		return conf.replace('(?:data|app|plugins)', '(?:app|plugins)');
	},
	breakDirOnly(conf) {
		// data/ no longer among the private directories; only the URL /data/ itself answers 403
		expect(conf).toContain('(?:data|app|plugins)');
		const at = conf.indexOf('    location ~ /\\.');
		expect(at).toBeGreaterThan(0);
		conf = conf.replace('(?:data|app|plugins)', '(?:app|plugins)');
		return conf.slice(0, at) + '    location = /data/ {\n        return 403;\n    }\n\n' + conf.slice(at);
	},
	breakPhpInData(conf, _env, fpm) {
		// a location that hands .php files under /data/ to PHP-FPM, placed first
		const fpmLoc = [
			'    location ~ ^/data/.+\\.php$ {',
			'        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;',
			'        fastcgi_param SCRIPT_NAME $fastcgi_script_name;',
			'        fastcgi_param REQUEST_METHOD $request_method;',
			'        fastcgi_param QUERY_STRING $query_string;',
			'        fastcgi_param REQUEST_URI $request_uri;',
			`        fastcgi_pass unix:${fpm.socket};`,
			'    }',
			''
		].join('\n');
		const at = conf.indexOf('    location ~ /\\.');
		expect(at).toBeGreaterThan(0);
		return conf.slice(0, at) + fpmLoc + conf.slice(at);
	},
	async start(dir, sites) {
		const main = join(dir, 'nginx.conf');
		writeFileSync(main, nginxMainConf(dir, sites.map((s) => s.file)));
		return startNginx(dir, main);
	}
});
