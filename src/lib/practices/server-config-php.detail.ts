/** What the step “server-config-php” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './server-config-php';
import { passwordNotes, serverStepNotes } from './_server-notes';
import { defineDetail } from './types';

export const detail = defineDetail<typeof practice>({
	where: 'config.php in the install directory',
	why: [
		'Deskpro’s shipped config.php connects as root with an empty password. Anyone who can read or inject into the application then owns every database on the server.',
		'trust_proxy_data decides whose X-Forwarded-For header Deskpro believes. true (trust everyone) lets any client fake its address and bypass IP whitelisting and rate limits; list only your proxies, or false when there are none.',
		'Debug traces and displayed errors leak paths, queries and sometimes credentials.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '13.2.2 (L2)', text: 'Least privilege for back-end accounts.' },
		{ standard: 'OWASP ASVS 5.0', id: '13.2.3 (L2)', text: 'No default credentials.' },
		{ standard: 'OWASP Cheat Sheet', id: 'Database Security', text: 'Never connect as root; keep the credentials file outside the web root or unreadable to others.' }
	],
	notes: (_v, ctx) => [
		...serverStepNotes(ctx),
		...passwordNotes(ctx),
		{
			kind: 'info',
			text: 'Where the lines go: at the END of config.php. Deskpro’s stock config.php sets $DP_CONFIG[\'dir_data\'] = \'\' and trust_proxy_data = false well below $DP_CONFIG = array(...) (source: the Deskpro download’s config.php sample, layn321/deskpro config.php.orginal, lines 48, 132, 218); PHP keeps the last assignment, so lines put higher up are silently overwritten and Deskpro falls back to the web root’s data/. The database account goes in $DP_CONFIG[\'db\'], which Deskpro reads before the DP_DATABASE_* lines at the top (layn321/deskpro app/sys/load_config.php), so those lines can stay. The move-data script and the audit read config.php back with PHP and refuse while dir_data is not the new directory.'
		},
		{
			kind: 'unknown',
			text: 'This is the Deskpro 4 (legacy) config.php format. Deskpro 5 splits it into config/config.database.php and friends: copy the same values there.'
		}
	]
});
