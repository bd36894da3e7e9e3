import { bool, choice, int, list } from '$lib/plan/fields';
import { checkIpOrCidr, parseIpOrCidr, type ParsedRange } from '$lib/validate/net';
import { CLOUD_RUNS_SERVERS, isSelfHosted, plural } from './_format';
import { definePractice } from './types';

/** The canonical, de-duplicated ranges of valid entries. */
export function trustedRanges(entries: readonly string[]): ParsedRange[] {
	const seen = new Set<string>();
	const out: ParsedRange[] = [];
	for (const e of entries) {
		const r = parseIpOrCidr(e);
		if (typeof r === 'string' || seen.has(r.canonical)) continue;
		seen.add(r.canonical);
		out.push(r);
	}
	return out;
}

export const practice = definePractice({
	id: 'ip-whitelisting',
	order: 60,
	title: 'IP whitelisting',
	summary: 'Make a login from a new IP address confirm itself by e-mail, for agents and admins or for admins only.',
	source: 'article',
	fields: {
		enabled: bool({ label: 'Turn on IP whitelisting', default: true, deskproDefault: false }),
		mode: choice({
			label: 'Apply it to',
			default: 'agents-and-admins',
			options: [
				{ value: 'agents-and-admins', label: 'Agents and admins', hint: 'Recommended: every agent account holds customer data.' },
				{ value: 'admins-only', label: 'Admins only', hint: 'The minimum the article asks for.' }
			]
		}),
		lifetimeDays: int({
			label: 'Trust a confirmed address for',
			unit: 'days',
			min: 1,
			max: 730,
			default: 21,
			deskproDefault: 21
		}),
		trustedRanges: list({
			label: 'Trusted IP addresses and CIDR ranges',
			placeholder: '203.0.113.0/24\n2001:db8:1200::/40',
			default: [],
			maxItems: 200,
			item: checkIpOrCidr
		})
	},
	checklist: (v, ctx) => {
		const ranges = trustedRanges(v.trustedRanges);
		return [
			{
				id: 'ip-whitelisting.email-works',
				text: 'Before turning it on, send a test e-mail from the helpdesk to an agent and an admin and check it arrives: IP confirmation links go by e-mail.'
			},
			{
				id: 'ip-whitelisting.recovery',
				text:
					ctx.about.deployment === 'cloud'
						? 'Know the way back in if everyone is locked out: on Deskpro Cloud, write to Deskpro support (support@deskpro.com).'
						: 'Know the way back in if everyone is locked out: Deskpro On-Premise can bypass IP whitelisting from the command line; write down the command for your installation and who can run it.'
			},
			{
				id: 'ip-whitelisting.enable',
				text: v.enabled
					? `Turn on IP whitelisting for ${v.mode === 'admins-only' ? 'admin accounts only' : 'agents and admins'}.`
					: 'IP whitelisting stays off (your choice): record why, and require two-factor authentication instead.'
			},
			{ id: 'ip-whitelisting.lifetime', text: `Set how long a confirmed address is trusted: ${plural(v.lifetimeDays, 'day')}.` },
			{
				id: 'ip-whitelisting.trusted',
				text: ranges.length
					? `Record your office and VPN addresses (${ranges.map((r) => r.canonical).join(', ')}) for the web-server or firewall allow-list; in Deskpro each agent confirms their own addresses by e-mail.`
					: 'Every agent confirms each new address by e-mail: Deskpro has no list of pre-trusted addresses.'
			},
			{
				id: 'ip-whitelisting.train',
				text: 'Train agents: before clicking a verification link, check that the IP address in the e-mail is the one they are using right now. If it is not, or they did not just log in, do not click: report it.',
				detail: 'An attacker who logs in at the same moment as the agent gets a link too.'
			},
			{
				id: 'ip-whitelisting.mailboxes',
				text: 'Protect agents’ mailboxes with two-factor authentication: whoever reads an agent’s e-mail can confirm any address.'
			},
			{
				id: 'ip-whitelisting.test',
				text: 'Test from an address that is not trusted (for example a phone on mobile data): the login must ask for e-mail confirmation.'
			},
			{
				id: 'ip-whitelisting.proxy',
				text: 'If a reverse proxy sits in front of Deskpro, check that the client-IP header is trusted from that proxy only, so a forged header cannot claim a trusted address.',
				notApplicable: isSelfHosted(ctx.about.deployment) ? undefined : CLOUD_RUNS_SERVERS
			}
		];
	}
});
