/** What the step “ip-whitelisting” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './ip-whitelisting';
import { trustedRanges } from './ip-whitelisting';
import { internalKind } from '$lib/validate/net';
import { groupDigits, isSelfHosted, joinAnd, plural } from './_format';
import { factsOf } from './_facts';
import { IPW_FACTS } from '$lib/deskpro/settings/ipw';
import { defineDetail, type Note, type SettingRow } from './types';

/** This step's Deskpro facts (its own, loaded with this detail). */
const { factRows } = factsOf(IPW_FACTS);

const DAY = 86_400;

function rangeWarnings(entries: readonly string[]): Note[] {
	const notes: Note[] = [];
	const ranges = trustedRanges(entries);
	if (ranges.length < entries.length) {
		notes.push({ kind: 'info', text: 'Some addresses are listed more than once; the settings list each only once.' });
	}
	const broad = ranges.filter((r) => (r.family === 'ipv4' ? r.prefix < 16 : r.prefix < 32));
	if (broad.length) {
		notes.push({
			kind: 'warning',
			text: `${joinAnd(broad.map((r) => r.canonical))} ${broad.length === 1 ? 'is a very broad range' : 'are very broad ranges'}: trusting that many addresses lets anyone on those networks skip the e-mail check. List only your own office and VPN exit addresses.`
		});
	}
	const internal = ranges.filter((r) => internalKind(r.canonical.split('/')[0]!) !== null);
	if (internal.length) {
		notes.push({
			kind: 'info',
			text: `${joinAnd(internal.map((r) => r.canonical))} ${internal.length === 1 ? 'is a private address range' : 'are private address ranges'}. Deskpro only sees such addresses when agents reach it without NAT, that is from inside the same network as the server; on Deskpro Cloud it sees your public (NAT) address instead.`
		});
	}
	return notes;
}

export const detail = defineDetail<typeof practice>({
	where: 'The IP whitelisting settings (menu per version in the table below)',
	why: [
		'With IP whitelisting on, a correct password is not enough from an address Deskpro has not seen: the agent is sent an e-mail link to confirm the new address first. A stolen password alone no longer gets an attacker in.',
		'The e-mail is also the weak spot. Whoever reads the agent’s mailbox can confirm any address, and an attacker who logs in at the same moment as the agent may get their own address confirmed by mistake. Train agents to check the address in the e-mail before they click.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '8.4.2 (L3)', text: 'Administrative interfaces use several layers of security; network location is never the sole factor. IP allow-lists complement MFA, they never replace it.' },
		{ standard: 'OWASP ASVS 5.0', id: '6.3.3 (L2)', text: 'Multi-factor authentication (or a combination of single-factor mechanisms) is required to access the application.' }
	],
	notes: (values, ctx) => {
		const notes: Note[] = [
			{
				kind: 'disagreement',
				text: 'The article says agents “can only log in from IP addresses that are trusted”. In fact Deskpro’s IP whitelisting is an e-mail-verified trust of addresses, not a network allow-list: anyone who can click the link in the agent’s e-mail can add an address. To keep /admin/ and /agent/ off the internet, restrict them at the web server, proxy or firewall as well (a server-side step). Neither replaces two-factor authentication.'
			},
			{
				kind: 'info',
				text: 'There is no helpdesk-wide list of trusted addresses: each agent’s own addresses are trusted once that agent confirms them by e-mail, and the setting applies to the whole helpdesk (agents and admins, or admins only), not per account.'
			},
			{
				kind: 'warning',
				text: ctx.about.deployment === 'cloud'
					? 'Before you turn it on, check that e-mail from the helpdesk reaches agents: without it no address can be confirmed and everyone is locked out. If that happens on Deskpro Cloud, only Deskpro support (support@deskpro.com) can let you back in.'
					: 'Before you turn it on, check that e-mail from the helpdesk reaches agents: without it no address can be confirmed and everyone is locked out. On-Premise, Deskpro’s command line can bypass IP whitelisting: find and test that command before you need it.'
			}
		];
		if (values && !values.enabled) {
			notes.push({ kind: 'warning', text: 'IP whitelisting stays off: a stolen password is then enough to log in from anywhere unless two-factor authentication is required.' });
		}
		if (values) notes.push(...rangeWarnings(values.trustedRanges));
		if (isSelfHosted(ctx.about.deployment)) {
			notes.push({
				kind: 'warning',
				text: 'Behind a reverse proxy, Deskpro must trust the client-IP header only from the proxy. If it trusts every client, a forged X-Forwarded-For header can claim to come from a trusted address.'
			});
		}
		return notes;
	},
	settings: (v, ctx) => {
		const rows: SettingRow[] = [...factRows('ipw.enabled', ctx, v.enabled ? 'Enabled' : 'Disabled')];
		if (!v.enabled) return rows;
		rows.push(
			...factRows('ipw.mode', ctx, v.mode === 'admins-only' ? 'Admins only' : 'Agents and admins'),
			...factRows('ipw.lifetime', ctx, `${plural(v.lifetimeDays, 'day')} (${groupDigits(v.lifetimeDays * DAY)} s)`)
		);
		return rows;
	},
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		lifetimeDays: 'From 1 day to 2 years. Deskpro stores it in seconds (21 days = 1 814 400 s). Shorter means more e-mail checks; agents on changing home addresses will see them often.',
		trustedRanges: 'For your records and for a web-server or firewall allow-list only: Deskpro has no such setting. Your office and VPN exit addresses, IPv4 or IPv6, one per line, e.g. 203.0.113.0/24 or 2001:db8:1200::/40.'
	}
});
