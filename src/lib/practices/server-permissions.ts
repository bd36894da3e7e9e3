/** Items 1–2 of the article: file ownership and permissions (Linux script, Windows icacls). */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { shellQuote } from '$lib/generators/escape';
import { serverAuditBase } from './_server-audit';
import { cronCommand } from '$lib/generators/cron';

export const practice = definePractice({
	...selfHostedStep('server-permissions'),
	fields: {},
	checklist: (_v, ctx) =>
		ctx.about.os === 'windows'
			? [
					{ id: 'server-permissions.windows-acl', text: 'Now that config.php has the dir_data line, run deskpro-permissions.ps1 of the step “Move data/ out of the web root” again in an elevated PowerShell: it finds the line, resumes the scheduled task and applies the permissions again. They remove Users and Everyone, so IIS’s anonymous user (IUSR) can no longer read the site: run deskpro-iis-setup.ps1 of the step “Web-server configuration” too, which makes anonymous requests run as the application-pool identity (else every page answers 401.3).' },
					{ id: 'server-permissions.verify', text: 'Check with icacls that the application pool identity can read, but not write, the install directory.' }
				]
			: [
					{ id: 'server-permissions.dry-run', text: 'Run the permissions script with --dry-run and read what it will change.' },
					{ id: 'server-permissions.apply', text: 'Run the permissions script as root.' },
					{ id: 'server-permissions.verify', text: 'Confirm no file under the install or data directory is world-writable (find … -perm -0002 prints nothing).' },
					{
						id: 'server-permissions.cron',
						text:
							ctx.server?.cronUpdater === 'owner'
								? `Install the cron file as /etc/cron.d/deskpro: cron.php every minute as ${ctx.server.cronUser} with --no-auto-updater, and as ${ctx.server.ownerUser} with --auto-updater (Deskpro’s updater); remove any other cron.php line, never root.`
								: `Install the cron file as /etc/cron.d/deskpro: cron.php every minute as ${ctx.server?.cronUser ?? 'the cron user'}, never root; remove any other cron.php line. Updates are manual.`
					}
				],
	audit: (_v, ctx) => {
		const b = serverAuditBase(ctx);
		if (b === null || Array.isArray(b)) return b;
		const { env, requires } = b;
		const fix = 'Run the permissions script of the step “File ownership and permissions” as root (first with --dry-run).';
		return [
			{
				id: 'server-permissions.audit.owner',
				items: ['server-permissions.apply'],
				title: `Application files owned by ${env.ownerUser}`,
				expected: `Every file and directory under ${env.installPath} belongs to ${env.ownerUser}, never root.`,
				remediation: fix,
				probe: { kind: 'owned-by', path: env.installPath, owner: env.ownerUser, exclude: [env.dataPath] },
				requires: [requires.install]
			},
			{
				id: 'server-permissions.audit.app-not-writable',
				items: ['server-permissions.apply'],
				title: `Application not writable by ${env.webUser}`,
				expected: `Tested as ${env.webUser}: nothing under ${env.installPath} is writable (the data directory aside).`,
				remediation: fix,
				probe: { kind: 'not-writable-by', path: env.installPath, user: env.webUser, exclude: [env.dataPath] },
				requires: [requires.install]
			},
			{
				id: 'server-permissions.audit.no-world-writable',
				items: ['server-permissions.verify'],
				title: 'No world-writable file or directory',
				expected: `No file or directory under ${env.installPath} or ${env.dataPath} is writable by other users (never 0777).`,
				remediation: `${fix} It replaces world-writable modes by the shared group ${env.webGroup}.`,
				probe: { kind: 'no-world-writable', paths: [env.installPath, env.dataPath] },
				requires: [requires.install, requires.data]
			},
			{
				id: 'server-permissions.audit.cron-user',
				items: ['server-permissions.cron'],
				title: `Cron runs as ${env.cronUser}, not root`,
				expected:
					env.cronUpdater === 'owner'
						? `The crontab lines that run ${env.installPath}/cron.php run as ${env.cronUser}; the one with --auto-updater (Deskpro’s updater) as ${env.ownerUser}, the owner of the files.`
						: `The crontab line that runs ${env.installPath}/cron.php runs as ${env.cronUser}.`,
				remediation: `Remove the line from root’s crontab (or /etc/crontab, /etc/cron.d) and install the cron file of the step “File ownership and permissions” as /etc/cron.d/deskpro, or add it to ${env.cronUser}’s: sudo crontab -u ${shellQuote(env.cronUser)} -e, then * * * * * ${cronCommand(env.installPath, env.cronUpdater === 'legacy' ? null : '--no-auto-updater')}`,
				probe: { kind: 'cron-user', installPath: env.installPath, expectedUser: env.cronUser, ...(env.cronUpdater === 'owner' ? { updaterUser: env.ownerUser } : {}) },
				requires: [requires.install]
			}
		];
	}
});
