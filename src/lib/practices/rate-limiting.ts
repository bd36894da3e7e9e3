import { int } from '$lib/plan/fields';
import { CLOUD_RUNS_SERVERS, isSelfHosted, minutesInWords, plural } from './_format';
import { definePractice, type Note } from './types';

const MENU = 'Admin > Setup > Rate Limiting';

const attempts = (who: string, deskproDefault: number | undefined, help: string) =>
	int({ label: `${who}: failed logins allowed`, unit: 'attempts', min: 1, max: 100, default: deskproDefault ?? 5, deskproDefault, help });
const window = (who: string) =>
	int({ label: `${who}: counting window`, unit: 'minutes', min: 1, max: 1440, default: 15, deskproDefault: 15, help: 'Failed logins are counted over this period.' });

export const practice = definePractice({
	id: 'rate-limiting',
	order: 30,
	title: 'Login rate limiting',
	summary: 'Limit failed logins for agents and for users, so passwords cannot be guessed at speed.',
	where: MENU,
	source: 'article',
	why: [
		'Without a limit, an attacker can try thousands of passwords against an agent account. Rate limiting slows guessing down so much that a reasonable password survives it, and the lockout gives the agent’s failed-login notification time to reach someone.',
		'Keep it on for both agent and user logins. A short lockout is enough: a long one lets anyone lock an agent out on purpose by typing wrong passwords.'
	],
	standards: [
		{ standard: 'NIST SP 800-63B rev 4', id: '§3.2.2', text: 'SHALL limit consecutive failed authentication attempts on one account to no more than 100.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.1.1 (L1)', text: 'Documentation says how rate limiting and anti-automation defend against credential stuffing and password guessing.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.1 (L1)', text: 'Controls against credential stuffing and password brute force are implemented as documented.' }
	],
	notes: (values, ctx) => {
		const notes: Note[] = [
			{
				kind: 'disagreement',
				text: 'Deskpro’s code and documentation disagree on the agent default. The code allows 5 failed logins in 15 minutes and then locks for 15 minutes; the documentation says 20 failures in 15 minutes lead to a 15-minute lock. The stored settings add a third figure: agent.max_login_attempts is 5 but agent.login_lockout_time is 3600 seconds (one hour). Do not rely on any default: set the values below explicitly and check what your helpdesk shows.'
			},
			{
				kind: 'info',
				text: 'Deskpro also limits guest (not logged-in) logins: 3 attempts in 60 minutes, after which a CAPTCHA is shown.'
			}
		];
		if (isSelfHosted(ctx.about.deployment)) {
			notes.push({
				kind: 'warning',
				text: 'Behind a reverse proxy or load balancer, Deskpro must trust the client-IP header only from that proxy (trust_proxy_data in config.php, or the real-IP setting of the Docker product). Otherwise an attacker can send a different forged X-Forwarded-For address with every guess and never hit the limit.'
			});
		}
		if (values && (values.agentLockoutMinutes > 60 || values.userLockoutMinutes > 60)) {
			notes.push({
				kind: 'warning',
				text: 'A lockout longer than an hour lets anyone who knows an agent’s e-mail address lock them out of work for that long by typing wrong passwords. Prefer a short lockout plus notifications and two-factor authentication.'
			});
		}
		return notes;
	},
	fields: {
		agentAttempts: attempts('Agents', 5, 'Deskpro default: 5 in its code (its documentation says 20). NIST allows at most 100; 5 is a good value.'),
		agentWindowMinutes: window('Agents'),
		agentLockoutMinutes: int({
			label: 'Agents: lockout after too many failures',
			unit: 'minutes',
			min: 1,
			max: 1440,
			default: 15,
			help: 'Deskpro’s sources disagree: 15 minutes in the rate-limiting code, 3600 s (60 minutes) for the stored agent.login_lockout_time.'
		}),
		userAttempts: attempts('Users', 6, 'End users of the help centre (portal).'),
		userWindowMinutes: window('Users'),
		userLockoutMinutes: int({
			label: 'Users: lockout after too many failures',
			unit: 'minutes',
			min: 1,
			max: 1440,
			default: 15,
			help: 'Deskpro’s default lockout for users is not given in the sources the wizard uses.'
		})
	},
	settings: (v) => [
		{ menu: MENU, setting: 'Agent login rate limiting', value: 'Enabled' },
		{ menu: MENU, setting: 'Agent login: failed attempts allowed', key: 'agent.max_login_attempts', value: String(v.agentAttempts), note: 'Deskpro default: 5' },
		{ menu: MENU, setting: 'Agent login: counting window', value: minutesInWords(v.agentWindowMinutes) },
		{
			menu: MENU,
			setting: 'Agent login: lockout time',
			key: 'agent.login_lockout_time',
			value: `${minutesInWords(v.agentLockoutMinutes)} (${v.agentLockoutMinutes * 60} s)`,
			note: 'Stored in seconds; Deskpro default 3600 s'
		},
		{ menu: MENU, setting: 'User login rate limiting', value: 'Enabled' },
		{ menu: MENU, setting: 'User login: failed attempts allowed', value: String(v.userAttempts), note: 'Deskpro default: 6' },
		{ menu: MENU, setting: 'User login: counting window', value: minutesInWords(v.userWindowMinutes) },
		{ menu: MENU, setting: 'User login: lockout time', value: minutesInWords(v.userLockoutMinutes) }
	],
	checklist: (v, ctx) => [
		{
			id: 'rate-limiting.agents',
			text: `Turn on agent login rate limiting: ${plural(v.agentAttempts, 'failed attempt')} in ${minutesInWords(v.agentWindowMinutes)}, then locked for ${minutesInWords(v.agentLockoutMinutes)}.`
		},
		{
			id: 'rate-limiting.users',
			text: `Turn on user login rate limiting: ${plural(v.userAttempts, 'failed attempt')} in ${minutesInWords(v.userWindowMinutes)}, then locked for ${minutesInWords(v.userLockoutMinutes)}.`
		},
		{
			id: 'rate-limiting.test',
			text: 'Test it on a spare agent account: type a wrong password until the account locks, and check that the lockout happens and a failed-login notification arrives.'
		},
		{
			id: 'rate-limiting.proxy',
			text: 'If a reverse proxy or load balancer sits in front of Deskpro, check that Deskpro trusts the client-IP header from that proxy only.',
			notApplicable: isSelfHosted(ctx.about.deployment) ? undefined : CLOUD_RUNS_SERVERS
		}
	]
});
