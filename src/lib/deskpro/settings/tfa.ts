/**
 * The agent two-factor authentication step (Cloud and current On-Premise only): its Deskpro facts,
 * loaded with its detail. Sources and conventions: `../settings.ts`.
 */
import { G, NEW, type SettingFact, type Unknown, type Known } from '../settings-core';

const G_2FA = G('en-US/guides/admin-guide/agent-two-factor-authentication-2fa');
const TWO_FA_KEY: Unknown = { unknown: 'Deskpro’s 2FA guide gives the labels only, and the download copies predate 2FA' };
const TWO_FA_DEFAULT: Unknown = { unknown: 'the guide does not say whether the switch starts on or off' };
const twoFa = (label: string, dflt: Known<string> | null = TWO_FA_DEFAULT, menu = 'Agents > Auth & SSO > Manage > Two-Factor Authentication'): SettingFact => ({
	menu,
	label,
	key: TWO_FA_KEY,
	default: dflt,
	versions: NEW,
	source: [G_2FA]
});

export const TFA_FACTS = {
	'tfa.totp': twoFa('TOTP Service (authenticator app)'),
	'tfa.email': twoFa('Email 2FA'),
	'tfa.require': twoFa('Require agents to set up 2FA'),
	'tfa.grace': twoFa('Grace Period (agents may skip setting up 2FA until this date)', 'no grace period'),
	'tfa.enforce': twoFa('Enforce 2FA (per agent)', TWO_FA_DEFAULT, 'Agents > Agent Profiles > (agent) > 2FA'),
} satisfies Record<string, SettingFact>;
