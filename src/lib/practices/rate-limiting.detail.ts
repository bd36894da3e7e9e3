/** What the step “rate-limiting” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './rate-limiting';
import { isSelfHosted, minutesInWords } from './_format';
import { factsOf, shownVersions } from './_facts';
import { RATE_FACTS } from '$lib/deskpro/settings/rate';
import { defineDetail, type Note, type SettingRow } from './types';

/** This step's Deskpro facts (its own, loaded with this detail). */
const { factRows, keyOf, defaultOf } = factsOf(RATE_FACTS);

const seconds = (m: number) => `${minutesInWords(m)} (${m * 60} s)`;

export const detail = defineDetail<typeof practice>({
	where: 'The Rate Limiting settings (menu per version in the table below)',
	why: [
		'Without a limit, an attacker can try thousands of passwords against an agent account. Rate limiting slows guessing down so much that a reasonable password survives it, and the lockout gives the agent’s failed-login notification time to reach someone.',
		'Keep it on for both agent and user logins. A short lockout is enough: a long one lets anyone lock an agent out on purpose by typing wrong passwords. Deskpro can answer a flood of failed agent logins with a CAPTCHA instead of a lockout, which slows a script down without locking the real agent out.'
	],
	standards: [
		{ standard: 'NIST SP 800-63B rev 4', id: '§3.2.2', text: 'SHALL limit consecutive failed authentication attempts on one account to no more than 100.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.1.1 (L1)', text: 'Documentation says how rate limiting and anti-automation defend against credential stuffing and password guessing.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.1 (L1)', text: 'Controls against credential stuffing and password brute force are implemented as documented.' },
		{ standard: 'OWASP ASVS 5.0', id: '2.4.1 (L2)', text: 'Anti-automation controls protect against excessive calls to application functions (here: password resets and registrations).' }
	],
	notes: (values, ctx) => {
		const notes: Note[] = [
			{
				kind: 'info',
				text: `The Rate Limiting page saves ${keyOf('rate.agent.limit')}, ${keyOf('rate.agent.time')}, ${keyOf('rate.agent.lockout')} (defaults ${defaultOf('rate.agent.limit')} attempts, ${defaultOf('rate.agent.time')}, ${defaultOf('rate.agent.lockout')}) and the same family for users. ${keyOf('advanced.maxLoginAttempts')} (${defaultOf('advanced.maxLoginAttempts')}) and ${keyOf('advanced.loginLockoutTime')} (${defaultOf('advanced.loginLockoutTime')}) appear only among the advanced settings; they are not what this page saves.`
			},
			{
				kind: 'info',
				text: `Deskpro also limits guest (not logged-in) logins: ${defaultOf('rate.guest.limit')}.`
			}
		];
		if (shownVersions(ctx.about).includes('legacy')) {
			notes.push({
				kind: 'info',
				text: `Deskpro’s 2017 guide for the older admin interface says 20 failed logins in 15 minutes lock an account for 15 minutes; the current settings default to ${defaultOf('rate.agent.limit')}. Two versions, not a contradiction: set the values below explicitly either way.`
			});
		}
		if (isSelfHosted(ctx.about.deployment)) {
			notes.push({
				kind: 'warning',
				text: 'Behind a reverse proxy or load balancer, Deskpro must trust the client-IP header only from that proxy (trust_proxy_data in config.php, or the real-IP setting of the Docker product). Otherwise an attacker can send a different forged X-Forwarded-For address with every guess and never hit the limit.'
			});
		}
		if (values && (values.agentLockoutMinutes > 60 || values.userLockoutMinutes > 60)) {
			notes.push({
				kind: 'warning',
				text: 'A lockout longer than an hour lets anyone who knows an agent’s e-mail address lock them out of work for that long by typing wrong passwords. Prefer a short lockout, or a CAPTCHA, plus notifications and two-factor authentication.'
			});
		}
		return notes;
	},
	settings: (v, ctx) => {
		const rows: SettingRow[] = [
			...factRows('rate.agent.enabled', ctx, 'On'),
			...factRows('rate.agent.limit', ctx, String(v.agentAttempts)),
			...factRows('rate.agent.time', ctx, seconds(v.agentWindowMinutes)),
			...factRows('rate.agent.lockout', ctx, seconds(v.agentLockoutMinutes)),
			...factRows('rate.agent.response', ctx, v.agentResponse === 'captcha' ? 'Ask for a CAPTCHA ("captcha")' : 'Lock the account ("lockout")'),
			...factRows('rate.user.enabled', ctx, 'On'),
			...factRows('rate.user.limit', ctx, String(v.userAttempts)),
			...factRows('rate.user.time', ctx, seconds(v.userWindowMinutes)),
			...factRows('rate.user.lockout', ctx, seconds(v.userLockoutMinutes)),
			...factRows('rate.resetPassword.enabled', ctx, v.limitResetPassword ? 'On' : 'Off'),
			...factRows('rate.registration.enabled', ctx, v.limitRegistration ? 'On' : 'Off')
		];
		return rows;
	},
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		limitResetPassword: 'Off by default: without it anyone can flood an address with reset e-mails.',
		limitRegistration: 'Off by default: without it a script can create accounts in bulk.'
	}
});
