import { bool, choice } from '$lib/plan/fields';
import { joinAnd } from './_format';
import { definePractice } from './types';

export const forms = {
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
	source: 'beyond',
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
