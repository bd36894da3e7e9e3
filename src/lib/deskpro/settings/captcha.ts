/**
 * The CAPTCHA step: its Deskpro facts, loaded with its detail. Sources and conventions:
 * `../settings.ts`.
 */
import { ALL, CORE, G, type SettingFact } from '../settings-core';

const G_CAPTCHA = G('mk/guides/admin-guide/crm-1/user-management/captcha-settings-1');
const G_CAPTCHA_LEGACY = G('en/guides/admin-guide/general-helpdesk-management/anti-abuse-options/captcha-settings');
const captcha = (form: string, label: string): SettingFact => ({
	menu: 'Data > Security > CAPTCHA',
	label,
	key: `user.captcha.${form}`,
	default: 'off (stored false; on is "guests" or "everyone")',
	versions: ALL,
	source: [CORE, G_CAPTCHA],
	at: { legacy: { menu: 'Admin > Setup > CAPTCHA Settings', source: [CORE, G_CAPTCHA_LEGACY] } }
});

export const CAPTCHA_FACTS = {
	'captcha.type': {
		menu: 'Data > Security > CAPTCHA',
		label: 'CAPTCHA type',
		key: 'core.use_recaptcha2',
		default: 'built-in (stored false; true = Google reCAPTCHA)',
		versions: ALL,
		source: [CORE, G_CAPTCHA],
		at: { legacy: { menu: 'Admin > Setup > CAPTCHA Settings', source: [CORE, G_CAPTCHA_LEGACY] } }
	},
	'captcha.tickets': captcha('tickets', 'Always on new tickets'),
	'captcha.comments': captcha('comments', 'Always on new comments'),
	'captcha.feedback': captcha('feedback', 'Always on new feedback / community topics'),
	'captcha.register': captcha('register', 'Always on registration'),
	'captcha.sharing': captcha('sharing', 'Always when sharing content'),
} satisfies Record<string, SettingFact>;
