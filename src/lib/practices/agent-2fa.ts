import { bool, text } from '$lib/plan/fields';
import { definePractice } from './types';

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
	source: 'beyond',
	fields: {
		totp: bool({ label: 'Turn on the TOTP Service (authenticator app)', default: true }),
		email: bool({ label: 'Turn on Email 2FA (codes by e-mail)', default: false }),
		requireAll: bool({ label: 'Require all agents to set up 2FA', default: true }),
		graceUntil: text({
			label: 'Grace period: agents may skip setting up 2FA until',
			placeholder: '2026-03-31',
			default: '',
			maxLength: 10,
			width: 'short',
			validate: checkDate
		}),
		enforceAdmins: bool({ label: 'Enforce 2FA on every admin account now (per-agent “Enforce 2FA”)', default: true })
	},
	refine: (v): Record<string, string> => (!v.totp && !v.email && v.requireAll ? { totp: 'Requiring 2FA needs a method: turn on the TOTP Service (recommended).' } : {}),
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
