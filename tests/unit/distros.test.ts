/**
 * The distribution (Server environment step) decides the PHP-FPM socket and packages: a socket
 * of another distribution's PHP is refused at the field with the right one (a wrong socket is a
 * 502 on every page), RHEL's pool user is not www-data, and the step lists the package names.
 * On this Debian 12 machine, the packaged pool's socket is read from its www.conf.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { tryServerEnv } from '../servers/env';
import { derivePlan } from '$lib/plan/derive';
import { planWith } from '../servers/env';

const about = { helpdeskUrl: 'https://support.example.test/', webServer: 'nginx' } as const;
const SOCKETS = {
	debian12: 'unix:/run/php/php8.2-fpm.sock',
	ubuntu2204: 'unix:/run/php/php8.1-fpm.sock',
	ubuntu2404: 'unix:/run/php/php8.3-fpm.sock',
	rhel9: 'unix:/run/php-fpm/www.sock'
} as const;

describe('distribution → PHP-FPM socket and packages', () => {
	it('each distribution accepts its own socket and refuses another one’s, naming the right one', () => {
		for (const [id, sock] of Object.entries(SOCKETS)) {
			const web = id === 'rhel9' ? { webUser: 'apache', webGroup: 'apache', cronUser: 'apache' } : {};
			const ok = tryServerEnv({ distro: id, phpFpm: sock, ...web }, about);
			expect('env' in ok, `${id}: ${JSON.stringify(ok)}`).toBe(true);
			for (const [other, wrong] of Object.entries(SOCKETS)) {
				if (other === id) continue;
				const bad = tryServerEnv({ distro: id, phpFpm: wrong, ...web }, about);
				expect('errors' in bad && bad.errors.phpFpm, `${id} with ${wrong}`).toContain(sock);
			}
		}
		// a socket of the admin's own (not a distribution default) is left alone
		expect('env' in tryServerEnv({ distro: 'ubuntu2404', phpFpm: 'unix:/run/php/deskpro.sock' }, about)).toBe(true);
	});

	it('RHEL: www-data does not exist there (the pool runs as apache)', () => {
		const r = tryServerEnv({ distro: 'rhel9', phpFpm: SOCKETS.rhel9 }, about);
		expect('errors' in r && r.errors.webUser).toMatch(/apache/);
	});

	it('the step lists the packages of the chosen distribution', () => {
		const d = derivePlan(planWith({ distro: 'ubuntu2404', phpFpm: SOCKETS.ubuntu2404 }, about));
		const notes = d.practices.find((p) => p.practice.id === 'server-environment')!.notes.map((n) => n.text).join('\n');
		expect(notes).toContain('apt-get install nginx php8.3-fpm php8.3-mysql php8.3-cli');
	});

	it.runIf(existsSync('/etc/debian_version') && readFileSync('/etc/debian_version', 'utf8').startsWith('12') && existsSync('/etc/php/8.2/fpm/pool.d/www.conf'))(
		'on this Debian 12 machine the packaged pool listens where the wizard says',
		() => {
			const listen = /^listen\s*=\s*(\S+)/m.exec(readFileSync('/etc/php/8.2/fpm/pool.d/www.conf', 'utf8'))?.[1];
			expect(`unix:${listen}`).toBe(SOCKETS.debian12);
		}
	);
});
