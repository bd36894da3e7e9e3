/** Items 5 and 6 of the article: config.php with the least-privileged user, dir_data, proxies, debug off. */
import { definePractice } from './types';
import { serverStepNotes } from './_server-notes';

export const practice = definePractice({
	id: 'server-config-php',
	order: 140,
	title: 'Harden config.php',
	summary: 'Use the non-root database account, point dir_data outside the web root, trust only your proxies and keep debugging off.',
	where: 'config.php in the install directory',
	source: 'article',
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
	appliesTo: { deployments: ['download'] },
	notes: (_v, ctx) => [
		...serverStepNotes(ctx),
		{
			kind: 'unknown',
			text: 'This is the Deskpro 4 (legacy) config.php format. Deskpro 5 splits it into config/config.database.php and friends: copy the same values there.'
		}
	],
	fields: {},
	settings: () => [],
	checklist: () => [
		{ id: 'server-config-php.db-user', text: 'Replace the database constants in config.php with the generated block (no more root).' },
		{ id: 'server-config-php.trust-proxy', text: 'Set trust_proxy_data to your proxies only, or false.' },
		{ id: 'server-config-php.debug-off', text: 'Make sure no debug option is enabled in config.php.' },
		{ id: 'server-config-php.mode', text: 'config.php is owned by the owner account, group web server, mode 0640 (the permissions script does this).' }
	]
});
