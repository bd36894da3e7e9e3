import { bool, choice, int } from '$lib/plan/fields';
import { OPC, sourceText } from '$lib/deskpro/docker';
import { plural } from './_format';
import { definePractice } from './types';

const MENU = 'Agents > Auth & SSO';

const methodLabels: Record<string, string> = { totp: 'Authenticator app (TOTP)', email: 'E-mail code' };

export const practice = definePractice({
	id: 'agent-2fa',
	order: 90,
	title: 'Two-factor authentication for agents',
	summary: 'Require every agent to set up 2FA, with a short grace period, and enforce it on every admin.',
	where: `${MENU}; per agent: Admin > Agents > (agent) > Enforce 2FA`,
	source: 'beyond',
	why: [
		'Deskpro’s 2018 article does not mention two-factor authentication, but every current standard expects it, at least for administrators. With 2FA a stolen or guessed password is not enough to log in.',
		'An authenticator app (TOTP) is the better second factor: an e-mail code is only as safe as the agent’s mailbox, which often shares the same password.'
	],
	standards: [
		{ standard: 'NIST SP 800-63B rev 4', id: '§2.2', text: 'AAL2 requires two distinct authentication factors.' },
		{ standard: 'NIST SP 800-63B rev 4', id: '§3.1.1.2', text: 'A password used only together with a second factor may be as short as 8 characters; alone it needs 15.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.3 (L2)', text: 'Multi-factor authentication, or a combination of single-factor mechanisms, is required to access the application.' },
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Administrative interfaces use several layers of security.' }
	],
	notes: (values, ctx) => [
		{
			kind: 'unknown',
			text: 'The stored setting keys for 2FA and Deskpro’s default grace period are not given in the sources the wizard uses; the settings table shows the menu labels only.'
		},
		{
			kind: 'info',
			text:
				ctx.about.deployment === 'onprem-docker'
					? `If an admin loses their second factor on Deskpro On-Premise (Docker): \`docker exec -it deskpro_web ${OPC.loginToken.value}\` prints a one-time login URL (${sourceText(OPC.loginToken.source)}); under Deskpro’s On-Premise Controller (OPC) the equivalent is \`opc inst -i ID login-token EMAIL\` (a 5-minute token; not in Deskpro’s public repositories, from the wizard’s reference notes). Keep at least two admins with 2FA so one can reset the other.`
					: ctx.about.deployment === 'cloud'
						? 'If an admin loses their second factor on Deskpro Cloud, Deskpro support has to help. Keep at least two admins with 2FA so one can reset the other.'
						: 'Keep at least two admins with 2FA so one can reset the other. How Deskpro Download recovers a locked-out sole admin is not given in the sources the wizard uses: find out before you need it.'
		},
		...(values?.method === 'email'
			? [{ kind: 'warning' as const, text: 'E-mail codes protect only as well as the agents’ mailboxes. Prefer an authenticator app where agents can install one.' }]
			: [])
	],
	fields: {
		requireAll: bool({ label: 'Require all agents to set up 2FA', default: true }),
		method: choice({
			label: 'Second factor agents should use',
			default: 'totp',
			options: [
				{ value: 'totp', label: methodLabels.totp!, hint: 'An app such as a password manager or authenticator on the agent’s phone. Recommended.' },
				{ value: 'email', label: methodLabels.email!, hint: 'A code sent by e-mail. Better than nothing; only as safe as the mailbox.' }
			]
		}),
		gracePeriodDays: int({
			label: 'Grace period to set up 2FA',
			unit: 'days',
			min: 0,
			max: 30,
			default: 7,
			help: 'How long agents may still log in without 2FA after it becomes required. 0 = at the next login.'
		}),
		enforceAdmins: bool({ label: 'Enforce 2FA on every admin account now (per-agent “Enforce 2FA”)', default: true })
	},
	settings: (v) => [
		{ menu: MENU, setting: 'Require agents to set up 2FA', value: v.requireAll ? 'On' : 'Off' },
		...(v.requireAll ? [{ menu: MENU, setting: 'Grace period', value: v.gracePeriodDays === 0 ? 'None (at next login)' : plural(v.gracePeriodDays, 'day') }] : []),
		{ menu: MENU, setting: '2FA method', value: methodLabels[v.method] ?? v.method },
		{ menu: 'Admin > Agents > (each admin account)', setting: 'Enforce 2FA', value: v.enforceAdmins ? 'On' : 'Off' }
	],
	checklist: (v) => [
		{
			id: 'agent-2fa.require',
			text: v.requireAll
				? `Require all agents to set up 2FA, with a ${v.gracePeriodDays === 0 ? 'no' : plural(v.gracePeriodDays, 'day')} grace period.`
				: '2FA is not required for all agents (your choice): record why.'
		},
		{ id: 'agent-2fa.announce', text: 'Tell agents before it starts: why, which app to use, and who to ask for help.' },
		{ id: 'agent-2fa.method', text: `Ask agents to use: ${methodLabels[v.method] ?? v.method}.` },
		{
			id: 'agent-2fa.admins',
			text: v.enforceAdmins ? 'Turn on “Enforce 2FA” for every admin account.' : 'Admins are not forced to use 2FA (your choice): record why.'
		},
		{ id: 'agent-2fa.verify', text: 'After the grace period, check that every agent has 2FA set up and follow up with those who have not.' },
		{ id: 'agent-2fa.recovery', text: 'Write down how a locked-out admin gets back in (see the note) and keep at least two admins with 2FA.' }
	]
});
