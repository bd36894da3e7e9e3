/** Item 5 of the article: a least-privileged MariaDB/MySQL account for Deskpro. */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { serverAuditBase } from './_server-audit';
import { RUNTIME_PRIVILEGES, UPGRADE_PRIVILEGES } from '$lib/generators/mysql';

export const practice = definePractice({
	...selfHostedStep('server-database'),
	fields: {},
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
