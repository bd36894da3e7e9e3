import { bool, int } from '$lib/plan/fields';
import { factRows } from './_facts';
import { definePractice } from './types';

export const practice = definePractice({
	id: 'password-policy',
	order: 20,
	title: 'Agent password policy',
	summary: 'Set a minimum length and decide on composition rules, expiry and reuse for agent passwords.',
	where: 'The agent password policy (menu per version in the table below)',
	source: 'article',
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
	fields: {
		minLength: int({ label: 'Minimum length', unit: 'characters', min: 5, max: 64, default: 15, deskproDefault: 5, help: 'At least 15 for NIST. NIST accepts a shorter minimum only when every agent must use an authenticator app (see the two-factor step).' }),
		requireUppercase: int({ label: 'Required upper-case letters', min: 0, max: 10, default: 0, deskproDefault: 0, help: 'How many of each kind are required; 0 = not required.' }),
		requireLowercase: int({ label: 'Required lower-case letters', min: 0, max: 10, default: 0, deskproDefault: 0 }),
		requireNumber: int({ label: 'Required numbers', min: 0, max: 10, default: 0, deskproDefault: 0 }),
		requireSymbol: int({ label: 'Required symbols', min: 0, max: 10, default: 0, deskproDefault: 0 }),
		maxAgeDays: int({ label: 'Maximum password age', unit: 'days', min: 0, max: 3650, default: 0, deskproDefault: 0, help: '0 = passwords never expire.' }),
		forbidReuse: bool({ label: 'Forbid password reuse', default: false, deskproDefault: false, help: 'Allowed under NIST and ASVS (they forbid composition rules and forced expiry, not history checks).' })
	},
	presets: [
		{
			id: 'nist',
			label: 'NIST SP 800-63B rev 4',
			description: 'At least 15 characters, no composition rules, no expiry. “Forbid password reuse” is left as you set it: NIST does not forbid history checks. Pair it with two-factor authentication.',
			values: { minLength: 15, requireUppercase: 0, requireLowercase: 0, requireNumber: 0, requireSymbol: 0, maxAgeDays: 0 }
		},
		{
			id: 'deskpro-article',
			label: 'As the Deskpro article recommends',
			description: 'A longer password with one of each character type, a 90-day maximum age and no reuse.',
			values: { minLength: 12, requireUppercase: 1, requireLowercase: 1, requireNumber: 1, requireSymbol: 1, maxAgeDays: 90, forbidReuse: true }
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
	checklist: (v) => [
		{ id: 'password-policy.apply', text: `Set the agent password policy: minimum length ${v.minLength} characters.` },
		{ id: 'password-policy.existing-agents', text: 'Ask agents whose passwords are shorter than the new minimum to change them (the policy applies at the next password change).' },
		{ id: 'password-policy.password-manager', text: 'Tell agents that pasting from a password manager is allowed and encouraged.' }
	]
});
