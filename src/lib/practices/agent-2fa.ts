import { bool, text } from '$lib/plan/fields';
import { OPC, sourceText } from '$lib/deskpro/docker-sources';
import { factRows, shownVersions } from './_facts';
import { definePractice, type Note } from './types';

/** A calendar date, YYYY-MM-DD, that exists. */
export function checkDate(v: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
	if (!m) return 'Enter the date as YYYY-MM-DD, e.g. 2026-03-31.';
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? null : `${v.trim()} is not a date of the calendar.`;
}

/** Every agent must use an authenticator app: 2FA required, TOTP on, e-mail codes off. */
export const totpForEveryAgent = (v: { requireAll: boolean; totp: boolean; email: boolean }): boolean => v.requireAll && v.totp && !v.email;

export const practice = definePractice({
	id: 'agent-2fa',
	order: 90,
	title: 'Two-factor authentication for agents',
	summary: 'Require every agent to set up an authenticator app (TOTP), with a grace date, and enforce it on every admin.',
	where: 'The two-factor settings (menu per version in the table below); per agent: Enforce 2FA',
	source: 'beyond',
	why: [
		'Deskpro’s 2018 article does not mention two-factor authentication, but every current standard expects it, at least for administrators. With 2FA a stolen or guessed password is not enough to log in.',
		'Deskpro has two separate switches: the TOTP Service (an authenticator app) and Email 2FA (a code sent by e-mail). Only the authenticator app is a second factor in the standards’ sense: an e-mail code is only as safe as the agent’s mailbox, which often shares the same password.'
	],
	standards: [
		{ standard: 'NIST SP 800-63B rev 4', id: '§2.2', text: 'AAL2 requires two distinct authentication factors.' },
		{ standard: 'NIST SP 800-63B rev 4', id: '§3.1.3.1', text: 'E-mail SHALL NOT be used for out-of-band authentication: an e-mailed code is not a second factor.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.3 (L2)', text: 'Multi-factor authentication, or a combination of single-factor mechanisms, is required to access the application.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.6 (L3)', text: 'E-mail is not used as either a single-factor or a multi-factor authentication mechanism.' },
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Administrative interfaces use several layers of security.' }
	],
	notes: (values, ctx) => {
		const notes: Note[] = [];
		if (shownVersions(ctx.about).includes('legacy')) {
			notes.push({
				kind: 'warning',
				text: 'Deskpro’s agent 2FA guide (2022) describes the current admin interface; the public copies of the older download the wizard uses have no two-factor settings. If your older download has no 2FA page, upgrading is the way to get it: until then, IP whitelisting and notifications are the compensating controls.'
			});
		}
		if (values && totpForEveryAgent(values)) {
			notes.push({
				kind: 'info',
				text: 'Every agent must use an authenticator app: NIST SP 800-63B rev 4 (§3.1.1.2) then accepts passwords of at least 8 characters, because the password is no longer the only factor. Keep 15 if you can.'
			});
		} else if (values) {
			notes.push({
				kind: 'warning',
				text: values.email
					? 'With Email 2FA on, agents may choose e-mail codes, which NIST (§3.1.3.1) and ASVS (6.3.6) do not count as a second factor: keep the password policy’s 15-character minimum.'
					: 'Not every agent is required to use an authenticator app, so a password may still be the only factor: keep the password policy’s 15-character minimum.'
			});
		}
		notes.push({
			kind: 'info',
			text:
				ctx.about.deployment === 'onprem-docker'
					? `If an admin loses their second factor: another admin removes it (Agent Profiles > 2FA > Remove). On Deskpro On-Premise (Docker): \`docker exec -it deskpro_web ${OPC.loginToken.value}\` prints a one-time login URL (${sourceText(OPC.loginToken.source)}); under Deskpro’s On-Premise Controller (OPC) the equivalent is \`opc inst -i ID login-token EMAIL\` (a 5-minute token; not in Deskpro’s public repositories, from the wizard’s reference notes). Keep at least two admins with 2FA.`
					: ctx.about.deployment === 'cloud'
						? 'If an admin loses their second factor: another admin removes it (Agent Profiles > 2FA > Remove); if no admin can log in, Deskpro support has to help. Keep at least two admins with 2FA.'
						: 'If an admin loses their second factor: another admin removes it (Agent Profiles > 2FA > Remove); On-Premise, Deskpro’s command line can restore admin access. Keep at least two admins with 2FA.'
		});
		return notes;
	},
	fields: {
		totp: bool({ label: 'Turn on the TOTP Service (authenticator app)', default: true, help: 'Agents set it up under their own preferences (Security).' }),
		email: bool({ label: 'Turn on Email 2FA (codes by e-mail)', default: false, help: 'A separate switch. Not a second factor under NIST or ASVS: leave it off where agents can install an app.' }),
		requireAll: bool({ label: 'Require all agents to set up 2FA', default: true }),
		graceUntil: text({
			label: 'Grace period: agents may skip setting up 2FA until',
			help: 'A date (YYYY-MM-DD); Deskpro’s grace period is a date, not a number of days. Leave empty for none: 2FA is then asked at the next login.',
			placeholder: '2026-03-31',
			default: '',
			maxLength: 10,
			width: 'short',
			validate: checkDate
		}),
		enforceAdmins: bool({ label: 'Enforce 2FA on every admin account now (per-agent “Enforce 2FA”)', default: true })
	},
	refine: (v): Record<string, string> => (!v.totp && !v.email && v.requireAll ? { totp: 'Requiring 2FA needs a method: turn on the TOTP Service (recommended).' } : {}),
	settings: (v, ctx) => [
		...factRows('tfa.totp', ctx, v.totp ? 'On' : 'Off'),
		...factRows('tfa.email', ctx, v.email ? 'On' : 'Off'),
		...factRows('tfa.require', ctx, v.requireAll ? 'On' : 'Off'),
		...(v.requireAll ? factRows('tfa.grace', ctx, v.graceUntil.trim() ? `Until ${v.graceUntil.trim()}` : 'None (at the next login)') : []),
		...factRows('tfa.enforce', ctx, v.enforceAdmins ? 'On for every admin' : 'Off')
	],
	checklist: (v) => [
		{
			id: 'agent-2fa.require',
			text: v.requireAll
				? `Require all agents to set up 2FA${v.graceUntil.trim() ? `, with a grace period until ${v.graceUntil.trim()}` : ', at their next login'}.`
				: '2FA is not required for all agents (your choice): record why.'
		},
		{ id: 'agent-2fa.announce', text: 'Tell agents before it starts: why, which authenticator app to use, and who to ask for help.' },
		{
			id: 'agent-2fa.method',
			text: v.totp
				? v.email
					? 'Turn on the TOTP Service and ask agents to use an authenticator app; Email 2FA stays on (your choice): record why, as e-mail codes are not a second factor under NIST and ASVS.'
					: 'Turn on the TOTP Service and leave Email 2FA off: agents use an authenticator app.'
				: 'The TOTP Service stays off (your choice): record why; e-mail codes alone are not a second factor under NIST and ASVS.'
		},
		{
			id: 'agent-2fa.admins',
			text: v.enforceAdmins ? 'Turn on “Enforce 2FA” for every admin account.' : 'Admins are not forced to use 2FA (your choice): record why.'
		},
		{ id: 'agent-2fa.verify', text: 'After the grace period, check that every agent has 2FA set up and follow up with those who have not.' },
		{ id: 'agent-2fa.recovery', text: 'Write down how a locked-out admin gets back in (see the note) and keep at least two admins with 2FA.' }
	]
});
