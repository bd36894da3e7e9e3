import { bool, choice, int } from '$lib/plan/fields';
import { CLOUD_RUNS_SERVERS, isSelfHosted, minutesInWords, plural } from './_format';
import { definePractice } from './types';

const attempts = (who: string, deskproDefault: number, help: string) =>
	int({ label: `${who}: failed logins allowed`, unit: 'attempts', min: 1, max: 100, default: 5, deskproDefault, help });

const window = (who: string) =>
	int({ label: `${who}: counting window`, unit: 'minutes', min: 1, max: 1440, default: 15, deskproDefault: 15, help: 'Failed logins are counted over this period.' });

const lockout = (who: string) =>
	int({ label: `${who}: lockout after too many failures`, unit: 'minutes', min: 1, max: 1440, default: 15, deskproDefault: 15, help: 'Deskpro stores it in seconds (default 900 s = 15 minutes).' });

export const practice = definePractice({
	id: 'rate-limiting',
	order: 30,
	title: 'Login rate limiting',
	summary: 'Limit failed logins for agents and for users, so passwords cannot be guessed at speed.',
	source: 'article',
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
		limitResetPassword: bool({ label: 'Limit password-reset requests', default: true, deskproDefault: false }),
		limitRegistration: bool({ label: 'Limit registrations', default: true, deskproDefault: false })
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
