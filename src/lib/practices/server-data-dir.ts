/** Items 3 and 6 of the article: move data/ out of the web root and point config.php at it. */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { serverAuditBase } from './_server-audit';

export const practice = definePractice({
	...selfHostedStep('server-data-dir'),
	fields: {},
	checklist: (_v, ctx) => [
		ctx.about.os === 'windows'
			? {
					id: 'server-data-dir.move',
					text: 'Run deskpro-permissions.ps1 of this step (-DryRun first) in an elevated PowerShell: it pauses the scheduled task that runs cron.php, moves data/ to the new directory and sets the permissions, then asks for the dir_data line.'
				}
			: { id: 'server-data-dir.move', text: 'Run deskpro-move-data.sh as root (--dry-run first): it pauses cron, moves data/ to the new directory, fixes its ownership and resumes cron.' },
		{ id: 'server-data-dir.config', text: 'Add the dir_data line to config.php and check that attachments still open in the agent interface.' }
	],
	audit: (_v, ctx) => {
		const b = serverAuditBase(ctx);
		if (b === null || Array.isArray(b)) return b;
		const { env, requires, configPhp } = b;
		const users = [...new Set([env.webUser, env.cronUser])];
		return [
			{
				id: 'server-data-dir.audit.location',
				items: ['server-data-dir.move', 'server-data-dir.config'],
				title: 'data/ outside the web root, as config.php says',
				expected: `$DP_CONFIG['dir_data'] in config.php (read by PHP) is ${env.dataPath}, an existing directory outside ${env.installPath}.`,
				remediation: `Follow the step “Move data/ out of the web root”: move the directory to ${env.dataPath} and add the dir_data line to config.php.`,
				probe: { kind: 'data-dir-location', configPhp, reader: env.webUser, webRoot: env.installPath, expected: env.dataPath },
				requires: [requires.install, requires.data, requires.config]
			},
			{
				id: 'server-data-dir.audit.writable',
				items: ['server-data-dir.move'],
				title: `data/ writable by ${users.join(' and ')}`,
				expected: `Tested as ${users.join(' and as ')}: every directory under ${env.dataPath} is writable.`,
				remediation: `Run the permissions script (step “File ownership and permissions”): it gives ${env.dataPath} to the group ${env.webGroup}, mode 2770, and ${env.cronUser} must be in that group.`,
				probe: { kind: 'writable-by', path: env.dataPath, users },
				requires: [requires.data]
			}
		];
	}
});
