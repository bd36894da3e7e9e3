/** What the step “server-database” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './server-database';
import { passwordNotes, serverStepNotes } from './_server-notes';
import { defineDetail } from './types';

export const detail = defineDetail<typeof practice>({
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
	notes: (_v, ctx) => [...serverStepNotes(ctx), ...passwordNotes(ctx)]
});
