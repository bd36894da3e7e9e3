/** Items 1–2 of the article: file ownership and permissions (Linux script, Windows icacls). */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { shellQuote } from '$lib/generators/escape';
import { serverStepNotes } from './_server-notes';
import { serverAuditBase } from './_server-audit';
import { MANUAL_UPDATES_WARNING, SYSADMIN_SECURITY_GUIDE } from '$lib/deskpro/surface/runtime';
import { cronCommand } from '$lib/generators/cron';

export const practice = definePractice({
	...selfHostedStep('server-permissions'),
	where: (about) => (about.os === 'windows' ? 'Your server: an elevated PowerShell' : 'Your server: a root shell'),
	why: (about) =>
		about.os === 'windows'
			? [
					'If PHP can write to Deskpro’s own files, any flaw that lets an attacker write a file becomes a way to replace the application with their own code. On Windows the NTFS ACLs decide this: the application-pool identity that runs PHP gets read access only on the install directory.',
					'Only the data directory must be writable: the application-pool identity gets modify access there and nowhere else. Users and Everyone get no access at all, so no other local account, site or compromised service on the machine can read attachments or plant files. The generated PowerShell script (icacls) sets exactly these ACLs.'
				]
			: [
					'If PHP can write to Deskpro’s own files, any flaw that lets an attacker write a file becomes a way to replace the application with their own code. The application files should belong to a dedicated account and be read-only for the web server.',
					'Only the data directory must be writable, by the web server and by the cron job. Deskpro’s sysadmin guide suggests chmod -R 0777 for writable folders; that lets every local account, every other site and every compromised service on the machine read attachments and plant files. The generated script uses a shared group instead (owner deskpro, group of the web server, directories 2770, files 0660), which gives the web server and the cron user exactly the access they need and nobody else any.'
				],
	standards: [
		{ standard: 'CIS Apache 2.4', id: 'Restrict file permissions', text: 'No other-write permission on web content; writable directories restricted; document root not writable by the web server.', webServers: ['apache'] },
		{ standard: 'CIS NGINX', id: '2.3.1', text: 'Configuration files owned by root.', webServers: ['nginx'] },
		{ standard: 'OWASP ASVS 5.0', id: '5.3.1 (L1)', text: 'Uploaded files stored in a public folder are never executed as server-side code.' }
	],
	notes: (_v, ctx) => [
		...serverStepNotes(ctx),
		// chmod and modes are Linux-only: on Windows the ACLs are the why text's.
		...(ctx.about.os === 'windows'
			? []
			: [
					{
						kind: 'disagreement' as const,
						text: 'Deskpro’s sysadmin guide suggests chmod 0777 on writable folders. World-writable directories contradict CIS benchmarks and least privilege; the wizard generates group-writable directories (mode 2770, shared group) instead.'
					}
				]),
		...(ctx.about.os === 'windows' || !ctx.server
			? []
			: ctx.server.cronUpdater === 'owner'
				? [
						{
							kind: 'info' as const,
							text: `Updates: the application files are read-only to the web server and the cron user, so Deskpro’s updater runs from a second cron line as ${ctx.server.ownerUser}, the owner of the files (cron.php --auto-updater), while ${ctx.server.cronUser} runs cron.php --no-auto-updater. This is the split of Deskpro’s sysadmin guide (${SYSADMIN_SECURITY_GUIDE}). Builds whose cron.php has no --auto-updater option (php cron.php --help) stop with an unknown-option error: choose “a build without the updater” on the Server environment step.`
						}
					]
				: [{ kind: 'warning' as const, text: `Updates are manual. ${MANUAL_UPDATES_WARNING}` }])
	],
	fields: {},
	settings: () => [],
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
