import { bool, choice, int } from '$lib/plan/fields';
import { CLOUD_RUNS_SERVERS, isSelfHosted, minutesInWords, plural } from './_format';
import { factRows, shownVersions } from './_facts';
import { defaultOf, keyOf } from '$lib/deskpro/settings';
import { definePractice, type Note, type SettingRow } from './types';

const attempts = (who: string, deskproDefault: number, help: string) =>
	int({ label: `${who}: failed logins allowed`, unit: 'attempts', min: 1, max: 100, default: 5, deskproDefault, help });
const window = (who: string) =>
	int({ label: `${who}: counting window`, unit: 'minutes', min: 1, max: 1440, default: 15, deskproDefault: 15, help: 'Failed logins are counted over this period.' });
const lockout = (who: string) =>
	int({ label: `${who}: lockout after too many failures`, unit: 'minutes', min: 1, max: 1440, default: 15, deskproDefault: 15, help: 'Deskpro stores it in seconds (default 900 s = 15 minutes).' });

const seconds = (m: number) => `${minutesInWords(m)} (${m * 60} s)`;

export const practice = definePractice({
	id: 'rate-limiting',
	order: 30,
	title: 'Login rate limiting',
	summary: 'Limit failed logins for agents and for users, so passwords cannot be guessed at speed.',
	where: 'The Rate Limiting settings (menu per version in the table below)',
	source: 'article',
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
	fields: {
		agentAttempts: attempts('Agents', 5, 'The 2017 guide of the older admin interface gives 20. NIST allows at most 100; 5 is a good value.'),
		agentWindowMinutes: window('Agents'),
		agentLockoutMinutes: lockout('Agents'),
		agentResponse: choice({
			label: 'Agents: when the limit is reached',
			default: 'lockout',
			deskproDefault: 'lockout',
			options: [
				{ value: 'lockout', label: 'Lock the account for the lockout time', hint: 'Deskpro’s default. Anyone who knows an agent’s address can lock them out on purpose.' },
				{ value: 'captcha', label: 'Ask for a CAPTCHA', hint: 'Slows a guessing script down without locking the real agent out.' }
			]
		}),
		userAttempts: attempts('Users', 6, 'End users of the help centre (portal).'),
		userWindowMinutes: window('Users'),
		userLockoutMinutes: lockout('Users'),
		limitResetPassword: bool({ label: 'Limit password-reset requests', default: true, deskproDefault: false, help: 'Off by default: without it anyone can flood an address with reset e-mails.' }),
		limitRegistration: bool({ label: 'Limit registrations', default: true, deskproDefault: false, help: 'Off by default: without it a script can create accounts in bulk.' })
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
	checklist: (v, ctx) => [
		{
			id: 'rate-limiting.agents',
			text: `Turn on agent login rate limiting: ${plural(v.agentAttempts, 'failed attempt')} in ${minutesInWords(v.agentWindowMinutes)}, then ${v.agentResponse === 'captcha' ? 'a CAPTCHA' : `locked for ${minutesInWords(v.agentLockoutMinutes)}`}.`
		},
		{
			id: 'rate-limiting.users',
			text: `Turn on user login rate limiting: ${plural(v.userAttempts, 'failed attempt')} in ${minutesInWords(v.userWindowMinutes)}, then locked for ${minutesInWords(v.userLockoutMinutes)}.`
		},
		{
			id: 'rate-limiting.reset-register',
			text:
				v.limitResetPassword || v.limitRegistration
					? `Turn on the ${[v.limitResetPassword ? 'password-reset' : '', v.limitRegistration ? 'registration' : ''].filter(Boolean).join(' and ')} rate limit${v.limitResetPassword && v.limitRegistration ? 's' : ''} (off by default).`
					: 'Password-reset and registration limits stay off (Deskpro’s default, your choice): record why.'
		},
		{
			id: 'rate-limiting.test',
			text: `Test it on a spare agent account: type a wrong password until the limit is reached, and check that ${v.agentResponse === 'captcha' ? 'a CAPTCHA is asked' : 'the account locks'} and a failed-login notification arrives.`
		},
		{
			id: 'rate-limiting.proxy',
			text: 'If a reverse proxy or load balancer sits in front of Deskpro, check that Deskpro trusts the client-IP header from that proxy only.',
			notApplicable: isSelfHosted(ctx.about.deployment) ? undefined : CLOUD_RUNS_SERVERS
		}
	]
});
