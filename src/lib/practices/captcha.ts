import { bool, choice } from '$lib/plan/fields';
import { joinAnd } from './_format';
import { factRows, type FactId } from './_facts';
import { definePractice, type SettingRow } from './types';

const forms = {
	onNewTickets: 'new tickets',
	onComments: 'comments',
	onRegistration: 'registration',
	onSharing: 'sharing'
} as const;
const formFacts: Record<keyof typeof forms, FactId> = {
	onNewTickets: 'captcha.tickets',
	onComments: 'captcha.comments',
	onRegistration: 'captcha.register',
	onSharing: 'captcha.sharing'
};

export const practice = definePractice({
	id: 'captcha',
	order: 93,
	title: 'CAPTCHA on public forms',
	summary: 'Put a CAPTCHA in front of the help centre’s public forms so bots cannot flood them.',
	where: 'The CAPTCHA settings (menu per version in the table below)',
	source: 'beyond',
	why: [
		'The help centre’s forms are open to anyone: new tickets, comments, registration. Bots use them to flood agents with spam, to create accounts in bulk and to send phishing through your own helpdesk’s e-mails.',
		'A CAPTCHA on those forms stops most automated abuse. Asking it of guests only keeps it out of the way of signed-in users.'
	],
	standards: [
		{
			standard: 'OWASP ASVS 5.0',
			id: '2.4.1 (L2)',
			text: 'Anti-automation controls protect against excessive calls to application functions that could lead to garbage-data creation, quota exhaustion or overuse of costly resources.'
		}
	],
	notes: (values) => [
		{
			kind: 'info',
			text: 'Each form’s setting stores off, “guests” (visitors who are not logged in) or “everyone”. Without “always”, Deskpro still shows a CAPTCHA once a visitor goes over the help centre’s rate limits.'
		},
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
	settings: (v, ctx) => {
		const rows: SettingRow[] = [...factRows('captcha.type', ctx, v.provider === 'recaptcha' ? 'Google reCAPTCHA (true)' : 'Built-in (false)')];
		const who = v.audience === 'everyone' ? 'Everyone ("everyone")' : 'Guests only ("guests")';
		for (const k of Object.keys(forms) as (keyof typeof forms)[]) rows.push(...factRows(formFacts[k], ctx, v[k] ? who : 'Off (false)'));
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
