/** What the step “agent-2fa” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './agent-2fa';
import { totpForEveryAgent } from './agent-2fa';
import { text } from '$lib/plan/fields';
import { OPC, sourceText } from '$lib/deskpro/docker-sources';
import { factsOf, shownVersions } from './_facts';
import { TFA_FACTS } from '$lib/deskpro/settings/tfa';
import { defineDetail, type Note } from './types';

/** This step's Deskpro facts (its own, loaded with this detail). */
const { factRows } = factsOf(TFA_FACTS);

export const detail = defineDetail<typeof practice>({
	where: 'The two-factor settings (menu per version in the table below); per agent: Enforce 2FA',
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
	settings: (v, ctx) => [
		...factRows('tfa.totp', ctx, v.totp ? 'On' : 'Off'),
		...factRows('tfa.email', ctx, v.email ? 'On' : 'Off'),
		...factRows('tfa.require', ctx, v.requireAll ? 'On' : 'Off'),
		...(v.requireAll ? factRows('tfa.grace', ctx, v.graceUntil.trim() ? `Until ${v.graceUntil.trim()}` : 'None (at the next login)') : []),
		...factRows('tfa.enforce', ctx, v.enforceAdmins ? 'On for every admin' : 'Off')
	],
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		totp: 'Agents set it up under their own preferences (Security).',
		email: 'A separate switch. Not a second factor under NIST or ASVS: leave it off where agents can install an app.',
		graceUntil: 'A date (YYYY-MM-DD); Deskpro’s grace period is a date, not a number of days. Leave empty for none: 2FA is then asked at the next login.'
	}
});
