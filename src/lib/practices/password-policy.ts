import { bool, int } from '$lib/plan/fields';
import { definePractice } from './types';

export const practice = definePractice({
	id: 'password-policy',
	order: 20,
	title: 'Agent password policy',
	summary: 'Set a minimum length and decide on composition rules, expiry and reuse for agent passwords.',
	source: 'article',
	fields: {
		minLength: int({ label: 'Minimum length', unit: 'characters', min: 5, max: 64, default: 15, deskproDefault: 5 }),
		requireUppercase: int({ label: 'Required upper-case letters', min: 0, max: 10, default: 0, deskproDefault: 0 }),
		requireLowercase: int({ label: 'Required lower-case letters', min: 0, max: 10, default: 0, deskproDefault: 0 }),
		requireNumber: int({ label: 'Required numbers', min: 0, max: 10, default: 0, deskproDefault: 0 }),
		requireSymbol: int({ label: 'Required symbols', min: 0, max: 10, default: 0, deskproDefault: 0 }),
		maxAgeDays: int({ label: 'Maximum password age', unit: 'days', min: 0, max: 3650, default: 0, deskproDefault: 0 }),
		forbidReuse: bool({ label: 'Forbid password reuse', default: false, deskproDefault: false })
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
	checklist: (v) => [
		{ id: 'password-policy.apply', text: `Set the agent password policy: minimum length ${v.minLength} characters.` },
		{ id: 'password-policy.existing-agents', text: 'Ask agents whose passwords are shorter than the new minimum to change them (the policy applies at the next password change).' },
		{ id: 'password-policy.password-manager', text: 'Tell agents that pasting from a password manager is allowed and encouraged.' }
	]
});
