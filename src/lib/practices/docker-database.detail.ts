/** What the step “docker-database” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './docker-database';
import { MOUNTS, sourceText } from '$lib/deskpro/docker';
import { dockerStepNotes } from './_docker-notes';
import { defineDetail } from './types';

export const detail = defineDetail<typeof practice>({
	where: 'MySQL, as an administrator',
	why: [
		'The article’s advice holds in containers: never root, one account limited to Deskpro’s database. In Docker the web container serves requests and the tasks container runs migrations and cron, so the schema rights (CREATE, ALTER, DROP, INDEX) go only to the tasks container’s account; the web container’s account has data rights only.',
		'The script reads the passwords from the secret files on the host, so no password passes through this browser, a command line or the environment.'
	],
	standards: [
		{ standard: 'CIS MySQL', id: 'Application accounts', text: 'Never grant FILE, PROCESS, SUPER or SHUTDOWN to an application user; never *.*; never GRANT OPTION.' },
		{ standard: 'OWASP ASVS 5.0', id: '13.2.2 (L2)', text: 'Least privilege for back-end accounts.' }
	],
	notes: (_v, ctx) => [
		...dockerStepNotes(ctx),
		{
			kind: 'unknown',
			text: 'Deskpro publishes no grant list for the container. Whether the web container ever needs a schema right (for example DROP for a TRUNCATE) is Unknown: if a page fails with a missing right, grant it to the right account and tell us.'
		},
		...(ctx.docker?.dbLocation === 'compose'
			? [{ kind: 'info' as const, text: 'The compose MySQL is reachable only on the project network, so the accounts are created for any host (%) of that network; MySQL is never published.' }]
			: []),
		...(ctx.docker?.dbTls
			? [{ kind: 'info' as const, text: `MySQL over TLS: ${MOUNTS.mysqlClientCert.value} and ${MOUNTS.mysqlClientKey.value} are mounted from the project’s ssl/mysql/ directory; their presence turns TLS on (${sourceText(MOUNTS.mysqlClientCert.source)}).` }]
			: [])
	]
});
