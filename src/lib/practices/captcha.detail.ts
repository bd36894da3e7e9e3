/** What the step “captcha” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './captcha';
import { forms } from './captcha';
import { factsOf } from './_facts';
import { CAPTCHA_FACTS } from '$lib/deskpro/settings/captcha';
import { defineDetail, type SettingRow } from './types';

/** This step's Deskpro facts (its own, loaded with this detail). */
const { factRows } = factsOf(CAPTCHA_FACTS);

const formFacts: Record<keyof typeof forms, keyof typeof CAPTCHA_FACTS> = {
	onNewTickets: 'captcha.tickets',
	onComments: 'captcha.comments',
	onRegistration: 'captcha.register',
	onSharing: 'captcha.sharing'
};

export const detail = defineDetail<typeof practice>({
	where: 'The CAPTCHA settings (menu per version in the table below)',
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
	settings: (v, ctx) => {
		const rows: SettingRow[] = [...factRows('captcha.type', ctx, v.provider === 'recaptcha' ? 'Google reCAPTCHA (true)' : 'Built-in (false)')];
		const who = v.audience === 'everyone' ? 'Everyone ("everyone")' : 'Guests only ("guests")';
		for (const k of Object.keys(forms) as (keyof typeof forms)[]) rows.push(...factRows(formFacts[k], ctx, v[k] ? who : 'Off (false)'));
		return rows;
	}
});
