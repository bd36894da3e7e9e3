/** What the step “server-permissions” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './server-permissions';
import { serverStepNotes } from './_server-notes';
import { MANUAL_UPDATES_WARNING, SYSADMIN_SECURITY_GUIDE } from '$lib/deskpro/surface/runtime';
import { defineDetail } from './types';

export const detail = defineDetail<typeof practice>({
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
	]
});
