import { describe, expect, it } from 'vitest';
import { newPlan } from '$lib/plan/schema';
import { derivePlan } from '$lib/plan/derive';
import { readPlanText, writePlanText } from '$lib/plan/io';
import { nginxConfig } from '$lib/generators/nginx';
import { apacheConfig } from '$lib/generators/apache';
import { SERVER_ENV_STEP_ID } from '$lib/practices/_server-env';
import {
	checkDbPassword,
	checkFpmAddress,
	checkHost,
	checkMysqlDatabase,
	checkMysqlUser,
	checkUnixAccount,
	checkUnixPath,
	checkWindowsAccount,
	checkWindowsPath,
	DB_PASSWORD_ALPHABET
} from '$lib/validate/server';

function downloadPlan(server: Record<string, unknown> = {}) {
	const p = newPlan();
	Object.assign(p.answers.about as Record<string, unknown>, {
		helpdeskName: 'Acme',
		helpdeskUrl: 'https://support.example.com/',
		deployment: 'download',
		os: 'linux',
		webServer: 'nginx'
	});
	Object.assign(p.answers[SERVER_ENV_STEP_ID] as Record<string, unknown>, {
		dbPassword: 'A'.repeat(20) + 'b1',
		dbUpgradePassword: 'B'.repeat(20) + 'c2',
		...server
	});
	return p;
}

describe('server value checks', () => {
	it('accepts stock Debian values', () => {
		expect(checkUnixPath('/var/www/deskpro')).toBeNull();
		expect(checkUnixPath('/srv/help desk/www')).toBeNull();
		expect(checkUnixAccount('www-data')).toBeNull();
		expect(checkFpmAddress('unix:/run/php/php8.2-fpm.sock')).toBeNull();
		expect(checkFpmAddress('127.0.0.1:9000')).toBeNull();
		expect(checkFpmAddress('[::1]:9000')).toBeNull();
		expect(checkHost('localhost')).toBeNull();
		expect(checkHost('db.internal.example.com')).toBeNull();
		expect(checkHost('::1')).toBeNull();
		expect(checkMysqlDatabase('deskpro_db')).toBeNull();
		expect(checkMysqlUser('deskpro_app')).toBeNull();
		expect(checkWindowsPath('C:\\inetpub\\deskpro')).toBeNull();
		expect(checkWindowsAccount('IIS AppPool\\Deskpro')).toBeNull();
	});

	it.each([
		['var/www', /absolute/],
		['/var/www/', /trailing/],
		['/var/../etc', /\.\. segments/],
		['/var/www/$x', /"\$"/],
		['/var/www/a;b', /";"/],
		['/var/www/a\nb', /U\+000A/],
		['/var/www/dé', /U\+00E9/],
		['/var/www/`id`', /"`"/],
		['/', /root directory/]
	])('refuses the Unix path %j', (v, msg) => {
		expect(checkUnixPath(v)).toMatch(msg);
	});

	it('refuses hostile identifiers, hosts and accounts with a message', () => {
		expect(checkMysqlUser('root')).toMatch(/root/);
		expect(checkMysqlUser("a'b")).toMatch(/"'"/);
		expect(checkMysqlDatabase('mysql')).toMatch(/system database/);
		expect(checkMysqlDatabase('db`x')).toMatch(/"`"/);
		expect(checkUnixAccount('Root;rm')).toMatch(/not a valid account/);
		expect(checkHost('%')).toMatch(/wildcard/);
		expect(checkHost('10.0.0.0/8')).toMatch(/single host/);
		expect(checkHost('999.1.1.1')).toMatch(/IPv4/);
		expect(checkFpmAddress('127.0.0.1:99999')).toMatch(/port/);
		expect(checkWindowsPath('C:\\a\\b%PATH%')).toMatch(/"%"/);
		expect(checkWindowsPath('C:\\con')).toMatch(/reserved/);
		expect(checkWindowsAccount('a\\b\\c')).toMatch(/more than one/);
		expect(checkDbPassword('short')).toMatch(/16/);
		expect(checkDbPassword('x'.repeat(20) + '\\')).toMatch(/backslash/);
		expect(checkDbPassword('x'.repeat(20) + ' ')).toMatch(/a space/);
	});

	it('the generated-password alphabet holds no quote, backslash, $, backtick or space', () => {
		expect(DB_PASSWORD_ALPHABET).not.toMatch(/['"\\$`\s;&|<>(){}#!*?~%]/);
	});
});

describe('server environment step', () => {
	it('gives the server steps the checked values through ctx.server', () => {
		const d = derivePlan(downloadPlan());
		const env = d.practices.find((p) => p.practice.id === SERVER_ENV_STEP_ID)!;
		expect(env.checked.errors).toEqual({});
		expect(env.applicability.applies).toBe(true);
		const ws = d.practices.find((p) => p.practice.id === 'server-web-config')!;
		expect(ws.notes.some((n) => /Server environment step first/.test(n.text))).toBe(false);
	});

	it('writes host names without the DNS root dot, whether typed or taken from the helpdesk URL (found by the property test, seed 550930727)', () => {
		const fromUrl = downloadPlan();
		(fromUrl.answers.about as Record<string, unknown>).helpdeskUrl = 'https://Support.Example.com./';
		const a = derivePlan(fromUrl).server;
		expect(a?.names).toEqual(['support.example.com']);
		expect(nginxConfig(a!)).toContain('server_name support.example.com;');
		expect(apacheConfig(a!)).toContain('ServerName support.example.com');
		const typed = derivePlan(downloadPlan({ serverNames: ['A.example.com.', 'a.example.com'] })).server;
		expect(typed?.names).toEqual(['a.example.com']);
	});

	it('refuses a data directory inside the web root and a root owner', () => {
		const d = derivePlan(downloadPlan({ dataPath: '/var/www/deskpro/data', ownerUser: 'root' }));
		const env = d.practices.find((p) => p.practice.id === SERVER_ENV_STEP_ID)!;
		expect(env.checked.errors.dataPath).toMatch(/outside the install path/);
		expect(env.checked.errors.ownerUser).toMatch(/root/);
		expect(env.status).toBe('invalid');
		const ws = d.practices.find((p) => p.practice.id === 'server-web-config')!;
		expect(ws.notes.some((n) => /Server environment step first/.test(n.text))).toBe(true);
	});

	it('ignores Windows-only fields on Linux and Linux-only fields on Windows', () => {
		const d = derivePlan(downloadPlan({ winInstallPath: 'not a path' }));
		expect(d.practices.find((p) => p.practice.id === SERVER_ENV_STEP_ID)!.checked.ok).toBe(true);
		const w = downloadPlan({ installPath: 'relative' });
		(w.answers.about as Record<string, unknown>).os = 'windows';
		(w.answers.about as Record<string, unknown>).webServer = 'iis';
		expect(derivePlan(w).practices.find((p) => p.practice.id === SERVER_ENV_STEP_ID)!.checked.ok).toBe(true);
	});

	it('never saves or exports the generated passwords unless the admin opts in', () => {
		const p = downloadPlan();
		const text = writePlanText(p);
		expect(text).not.toContain('A'.repeat(20));
		const back = readPlanText(text);
		expect(back.ok && (back.plan.answers[SERVER_ENV_STEP_ID] as Record<string, unknown>).dbPassword).toBe('');
		expect(writePlanText({ ...p, keepSecrets: true })).toContain('A'.repeat(20));
	});

	it('does not apply to Deskpro Cloud', () => {
		const p = downloadPlan();
		(p.answers.about as Record<string, unknown>).deployment = 'cloud';
		const d = derivePlan(p);
		for (const s of d.practices.filter((x) => x.practice.id.startsWith('server-'))) expect(s.applicability.applies).toBe(false);
	});
});
