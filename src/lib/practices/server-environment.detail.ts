/** What the step “server-environment” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './server-environment';
import { distro } from '$lib/platform/distros';
import { defineDetail } from './types';

export const detail = defineDetail<typeof practice>({
	where: 'Your server (not the Deskpro admin interface)',
	why: [
		'Deskpro’s article ends with a list of server changes for self-hosted installs: file ownership, permissions, the data directory, the database account and limits on /admin/ and /agent/. Each needs a few facts about your server.',
		'Enter them once here. The following steps turn them into a permissions script, a web-server configuration, a config.php block, SQL for the database account and the checks to run afterwards. Every value is checked before anything is generated, and quoted for the file it lands in.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '13.2.2 (L2)', text: 'Back-end accounts (such as the database account) use least privilege.' },
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Administrative interfaces use several layers of security; network location is never the sole factor.' }
	],
	notes: (values, ctx) => {
		const notes: { kind: 'info' | 'warning' | 'disagreement' | 'unknown'; text: string }[] = [
			{
				kind: 'info',
				text: 'The generated database passwords exist only in this browser tab. They are not saved with your progress nor exported unless you choose to keep secrets.'
			}
		];
		if (ctx.about.os === 'linux' && values) {
			const d = distro(values.distro);
			const pkgs = ctx.about.webServer === 'apache' ? d.packages.apache : d.packages.nginx;
			notes.push({
				kind: 'info',
				text: `${d.label}: PHP ${d.php}, PHP-FPM pool on ${d.fpmSocket}, running as ${d.fpmUser}. Packages: ${d.install} ${pkgs.join(' ')} (sources: ${d.sources.join('; ')}).`
			});
		}
		if (ctx.about.os === 'windows' && values?.dbHost === 'localhost') {
			notes.push({
				kind: 'warning',
				text: 'On Windows Deskpro recommends 127.0.0.1 rather than localhost as the database host (source: the comment above DP_DATABASE_HOST in the Deskpro download’s config.php, layn321/deskpro config.php.orginal). Set both fields to 127.0.0.1: the database host and “Application host as the database sees it”. PHP then connects over TCP from 127.0.0.1, and MariaDB refuses that login for an account created for localhost.'
			});
		}
		return notes;
	}
});
