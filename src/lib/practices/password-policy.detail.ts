/** What the step “password-policy” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './password-policy';
import { factsOf } from './_facts';
import { PASSWORD_FACTS } from '$lib/deskpro/settings/password';
import { defineDetail } from './types';

/** This step's Deskpro facts (its own, loaded with this detail). */
const { factRows } = factsOf(PASSWORD_FACTS);

export const detail = defineDetail<typeof practice>({
	where: 'The agent password policy (menu per version in the table below)',
	why: [
		'Out of the box Deskpro accepts agent passwords of only 5 characters, which an attacker can guess quickly, especially for accounts that are not protected by two-factor authentication.',
		'Deskpro’s article recommends a longer password with a mix of character types and a maximum age. Current standards agree on length but say the opposite on the rest: composition rules and forced expiry push people to predictable patterns such as "Summer2026!". Pick the preset that matches your organisation’s policy; the wizard defaults to NIST SP 800-63B revision 4.'
	],
	standards: [
		{ standard: 'NIST SP 800-63B rev 4', id: '§3.1.1.2', text: 'Minimum 15 characters for single-factor passwords, 8 when used only with MFA; allow at least 64.' },
		{ standard: 'NIST SP 800-63B rev 4', id: '§3.1.1.2', text: 'SHALL NOT require mixtures of character types; SHALL NOT require periodic change (force a change on evidence of compromise).' },
		{ standard: 'NIST SP 800-63B rev 4', id: '§3.1.1.2', text: 'SHALL compare the whole password against a blocklist of common and compromised passwords.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.2.1 (L1)', text: 'Passwords of at least 8 characters; 15 strongly recommended.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.2.5 (L1)', text: 'No composition rules.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.2.10 (L2)', text: 'No periodic rotation.' }
	],
	notes: [
		{
			kind: 'disagreement',
			text: 'Deskpro’s article (2018) recommends requiring upper-case, lower-case, number and symbol characters and a maximum password age. NIST SP 800-63B rev 4 (§3.1.1.2) says SHALL NOT to both, and OWASP ASVS 5.0 (6.2.5, 6.2.10) agrees. Length is what makes a password hard to guess; expiry makes people choose weaker, patterned passwords. Both presets require a longer minimum length.'
		},
		{
			kind: 'info',
			text: 'Deskpro has no built-in blocklist of breached passwords that the wizard knows of; NIST requires one. Two-factor authentication (a later step) is the compensating control.'
		}
	],
	settings: (v, ctx) => [
		...factRows('password.minLength', ctx, String(v.minLength)),
		...factRows('password.uppercase', ctx, String(v.requireUppercase)),
		...factRows('password.lowercase', ctx, String(v.requireLowercase)),
		...factRows('password.number', ctx, String(v.requireNumber)),
		...factRows('password.symbol', ctx, String(v.requireSymbol)),
		...factRows('password.maxAge', ctx, v.maxAgeDays === 0 ? '0 (never expires)' : String(v.maxAgeDays)),
		...factRows('password.forbidReuse', ctx, v.forbidReuse ? 'Yes' : 'No')
	],
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		minLength: 'At least 15 for NIST. NIST accepts a shorter minimum only when every agent must use an authenticator app (see the two-factor step).',
		requireUppercase: 'How many of each kind are required; 0 = not required.',
		maxAgeDays: '0 = passwords never expire.',
		forbidReuse: 'Allowed under NIST and ASVS (they forbid composition rules and forced expiry, not history checks).'
	}
});
