import { bool, choice } from '$lib/plan/fields';
import { joinAnd } from './_format';
import { definePractice, type SettingRow } from './types';

const MENU = 'Admin > Setup > CAPTCHA (newer UI: Data > Security)';

const forms = {
	onNewTickets: 'new tickets',
	onComments: 'comments',
	onRegistration: 'registration',
	onSharing: 'sharing'
} as const;

export const practice = definePractice({
	id: 'captcha',
	order: 93,
	title: 'CAPTCHA on public forms',
	summary: 'Put a CAPTCHA in front of the help centre’s public forms so bots cannot flood them.',
	where: MENU,
	source: 'beyond',
	why: [
		'The help centre’s forms are open to anyone: new tickets, comments, registration. Bots use them to flood agents with spam, to create accounts in bulk and to send phishing through your own helpdesk’s e-mails.',
		'A CAPTCHA on those forms stops most automated abuse. Asking it of guests only keeps it out of the way of signed-in users.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '6.1.1 (L1)', text: 'Documentation says how anti-automation controls defend against abuse.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.1 (L1)', text: 'Controls against automated attacks are implemented as documented.' }
	],
	notes: (values) => [
		{ kind: 'unknown', text: 'The stored setting keys of the CAPTCHA settings are not given in the sources the wizard uses; the settings table shows the menu labels.' },
		...(values?.provider === 'recaptcha'
			? [
					{
						kind: 'warning' as const,
						text: 'reCAPTCHA is Google’s service: the help centre then loads a script from Google and sends visitors’ data to Google. Mention it in your privacy notice, or use the built-in CAPTCHA.'
					}
				]
			: [])
	],
	fields: {
		provider: choice({
			label: 'CAPTCHA type',
			default: 'builtin',
			options: [
				{ value: 'builtin', label: 'Built-in CAPTCHA', hint: 'Served by your helpdesk; no third party involved.' },
				{ value: 'recaptcha', label: 'Google reCAPTCHA', hint: 'Needs site and secret keys from Google; visitors’ data goes to Google.' }
			]
		}),
		onNewTickets: bool({ label: 'Ask on new tickets', default: true }),
		onComments: bool({ label: 'Ask on comments', default: true }),
		onRegistration: bool({ label: 'Ask on registration', default: true }),
		onSharing: bool({ label: 'Ask when sharing', default: true }),
		audience: choice({
			label: 'Ask it of',
			default: 'guests',
			options: [
				{ value: 'guests', label: 'Guests only' },
				{ value: 'everyone', label: 'Everyone' }
			]
		})
	},
	settings: (v) => {
		const rows: SettingRow[] = [{ menu: MENU, setting: 'CAPTCHA type', value: v.provider === 'recaptcha' ? 'Google reCAPTCHA' : 'Built-in' }];
		for (const [k, label] of Object.entries(forms)) {
			rows.push({ menu: MENU, setting: `Use on ${label}`, value: v[k as keyof typeof forms] ? 'On' : 'Off' });
		}
		rows.push({ menu: MENU, setting: 'Ask it of', value: v.audience === 'everyone' ? 'Everyone' : 'Guests only' });
		return rows;
	},
	checklist: (v) => {
		const on = Object.entries(forms)
			.filter(([k]) => v[k as keyof typeof forms])
			.map(([, label]) => label);
		return [
			{
				id: 'captcha.enable',
				text: on.length
					? `Turn on the ${v.provider === 'recaptcha' ? 'reCAPTCHA' : 'built-in CAPTCHA'} for ${joinAnd(on)}, asked of ${v.audience === 'everyone' ? 'everyone' : 'guests only'}.`
					: 'No form asks for a CAPTCHA (your choice): record why.'
			},
			{ id: 'captcha.test', text: 'Test it: open the help centre in a private window, start a new ticket as a guest and check that the CAPTCHA is asked.' },
			{
				id: 'captcha.privacy',
				text: 'Mention reCAPTCHA (Google) in the help centre’s privacy notice.',
				notApplicable: v.provider === 'recaptcha' ? undefined : 'You chose the built-in CAPTCHA: no third party receives visitors’ data.'
			}
		];
	}
});
