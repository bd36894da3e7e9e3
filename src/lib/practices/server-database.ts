/** Item 5 of the article: a least-privileged MariaDB/MySQL account for Deskpro. */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { passwordNotes, serverStepNotes } from './_server-notes';
import { serverAuditBase } from './_server-audit';
import { RUNTIME_PRIVILEGES, UPGRADE_PRIVILEGES } from '$lib/generators/mysql';

export const practice = definePractice({
	...selfHostedStep('server-database'),
	where: (about) => (about.os === 'windows' ? 'MariaDB / MySQL, as an administrator (e.g. mysql -u root -p in an elevated PowerShell)' : 'MariaDB / MySQL, as an administrator (e.g. sudo mariadb)'),
	why: [
		'With root, one SQL injection reads every database on the server, writes files with FILE, or takes the server down. The runtime account gets only data rights on Deskpro’s own database, and only from the application host.',
		'Upgrades change the schema (CREATE, ALTER, DROP, INDEX). Those rights are kept in a separate account that config.php uses only while you upgrade, so day-to-day the application cannot drop its own tables. Deskpro publishes no grant list; if an upgrade fails for lack of a right, grant it to the upgrade account, not the runtime one.',
		'Never granted: *.* (every database), FILE (read and write server files), SUPER, PROCESS (see other sessions’ queries), GRANT OPTION.'
	],
	standards: [
		{ standard: 'CIS MySQL', id: 'Application accounts', text: 'Never grant FILE, PROCESS, SUPER or SHUTDOWN to an application user; never *.*; never GRANT OPTION.' },
		{ standard: 'OWASP ASVS 5.0', id: '13.2.2 (L2)', text: 'Least privilege for back-end accounts.' },
		{ standard: 'OWASP Cheat Sheet', id: 'Database Security', text: 'One account per application, connecting only from allowed hosts.' }
	],
	notes: (_v, ctx) => [...serverStepNotes(ctx), ...passwordNotes(ctx)],
	fields: {},
	settings: () => [],
	checklist: (_v, ctx) => [
		{ id: 'server-database.runtime', text: 'Run the SQL to create the runtime account.' },
		...(ctx.server?.upgradeAccount === false ? [] : [{ id: 'server-database.upgrade', text: 'Keep the upgrade account’s password in your password manager; use it in config.php only while upgrading.' }]),
		{ id: 'server-database.no-root', text: 'Confirm config.php no longer uses root and the application still works.' }
	],
	audit: (_v, ctx) => {
		const b = serverAuditBase(ctx);
		if (b === null || Array.isArray(b)) return b;
		const { env, requires, configPhp } = b;
		return [
			{
				id: 'server-database.audit.grants',
				items: ['server-database.runtime', 'server-database.no-root'],
				title: 'Database account limited to its own database',
				expected: `SHOW GRANTS for the account in config.php: on \`${env.dbName}\` only the runtime rights (${RUNTIME_PRIVILEGES.join(', ')}); nothing on *.* but USAGE; no ALL PRIVILEGES, FILE, SUPER, PROCESS or GRANT OPTION. The upgrade account's schema rights are a warning: use it only while upgrading.`,
				remediation: `Create the runtime account with the SQL of the step “Least-privileged database account”, revoke anything broader (REVOKE ALL PRIVILEGES, GRANT OPTION FROM the account), and use it in config.php.`,
				probe: {
					kind: 'db-grants',
					configPhp,
					reader: env.webUser,
					database: env.dbName,
					runtime: [...RUNTIME_PRIVILEGES],
					upgrade: UPGRADE_PRIVILEGES.filter((x) => !(RUNTIME_PRIVILEGES as readonly string[]).includes(x))
				},
				requires: [requires.config]
			}
		];
	}
});
