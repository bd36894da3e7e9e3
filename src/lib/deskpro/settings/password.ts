/**
 * The password policy step: its Deskpro facts, loaded with its detail. Sources and conventions:
 * `../settings.ts`.
 */
import { ALL, CORE, G_PASSWORDS, G_PASSWORDS_LEGACY, type SettingFact } from '../settings-core';

const policy = (part: string, label: string, dflt: string): SettingFact => ({
	menu: 'Agents > Auth & SSO > Manage > Password Policy',
	label,
	key: `agent.password_policy.${part}`,
	default: dflt,
	versions: ALL,
	source: [CORE, G_PASSWORDS],
	at: { legacy: { menu: 'Admin > Agents > Settings > Password Policy', source: [CORE, G_PASSWORDS_LEGACY] } }
});

export const PASSWORD_FACTS = {
	'password.minLength': policy('min_length', 'Minimum password length', '5'),
	'password.uppercase': policy('require_num_uppercase', 'Required upper-case characters', '0'),
	'password.lowercase': policy('require_num_lowercase', 'Required lower-case characters', '0'),
	'password.number': policy('require_num_number', 'Required numbers', '0'),
	'password.symbol': policy('require_num_symbol', 'Required symbols', '0'),
	'password.maxAge': policy('max_age', 'Maximum password age (days)', '0 (never expires)'),
	'password.forbidReuse': policy('forbid_reuse', 'Forbid password reuse', 'off'),
} satisfies Record<string, SettingFact>;
