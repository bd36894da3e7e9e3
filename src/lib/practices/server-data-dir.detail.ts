/** What the step “server-data-dir” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './server-data-dir';
import { serverStepNotes } from './_server-notes';
import { defineDetail } from './types';

export const detail = defineDetail<typeof practice>({
	where: 'Your server, then config.php',
	why: [
		'Deskpro ships with data/ inside the web root. It holds attachments, logs, backups and temporary files: one mistake in the web-server configuration and they can be downloaded, or a planted .php file run.',
		'Outside the web root, the web server has no URL that maps to those files at all. The generated web-server configuration (step “Web-server configuration”) still denies /data/ as a second layer.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '5.3.1 (L1)', text: 'Uploaded files in a public folder are never executed as code (ASVS 4.0.3 12.4.1: store them outside the web root).' },
		{ standard: 'OWASP Cheat Sheet', id: 'File Upload', text: 'Store uploaded files outside the web root, or on a separate host.' }
	],
	notes: (_v, ctx) => [
		...serverStepNotes(ctx),
		...(ctx.about.os === 'windows'
			? [{ kind: 'info' as const, text: 'On Windows, one PowerShell script of this step (deskpro-permissions.ps1) moves data/ and sets the NTFS permissions of the install and data directories. Run it here, before config.php names the new place, and again after the config.php step: the second run finds the dir_data line and resumes the scheduled task. The script removes Users and Everyone from the install directory, so IIS’s anonymous user (IUSR) can no longer read the site until deskpro-iis-setup.ps1 (step “Web-server configuration”) makes anonymous requests run as the application-pool identity: run that setup script right after this one (it changes only IIS settings), or the site answers 401.3 in between.' }]
			: [])
	]
});
