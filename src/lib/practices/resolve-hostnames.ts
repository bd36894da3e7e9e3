import { list, text } from '$lib/plan/fields';
import { checkDomainSuffix, checkIpOrCidr } from '$lib/validate/net';
import { joinAnd, isSelfHosted } from './_format';
import { factRows } from './_facts';
import { defaultOf, keyOf } from '$lib/deskpro/settings';
import { definePractice, type Note, type SettingRow } from './types';

/** The suffix as it should be matched: always with its leading dot, lower case. */
export function normaliseSuffix(s: string): string {
	return '.' + s.trim().toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
}

export const practice = definePractice({
	id: 'resolve-hostnames',
	order: 50,
	title: 'Resolve User Hostnames and a report of outside activity',
	summary: 'Record the hostname each message comes from, and report agent messages sent from outside your network.',
	where: 'The Resolve User Hostnames app; Reports (menus per version in the table below)',
	source: 'article',
	why: [
		'The Resolve User Hostnames app looks up the host name of the address each ticket message was sent from and shows it on the ticket. The names are also available in Reports.',
		'If your agents normally work from inside your network or VPN, an agent reply from a host outside your own domains is worth a look: it may be an agent working from home, or someone using a stolen account. A saved report turns this into a quick regular check.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '6.3.5 (L3)', text: 'Suspicious authentication activity, such as use from an unusual location or client, is noticed and reported.' },
		{ standard: 'OWASP ASVS 5.0', id: '16.2.1 (L2)', text: 'Each log entry includes the metadata (when, where, who, what) needed for a detailed investigation of the timeline of an event.' }
	],
	notes: (values, ctx) => {
		const notes: Note[] = [
			{
				kind: 'unknown',
				text: 'The field names of Deskpro’s report query language (DPQL) for message hostnames are not documented in the sources this wizard uses, so it does not write a query for you: a made-up query would fail or, worse, quietly match nothing. Build the report with the report builder’s own field pickers, following the checklist below, and test it with a message you know came from outside.'
			},
			{
				kind: 'warning',
				text: 'A hostname comes from reverse DNS, which the owner of the address controls. An attacker can make their own address resolve to a name that looks internal, so an empty report is a good sign, not proof. Treat an unexpected outside hostname as a reason to look closer.'
			}
		];
		notes.push({
			kind: 'warning',
			text: `Deskpro looks the names up through ${keyOf('hostnames.server')}, which defaults to ${defaultOf('hostnames.server')}. A public resolver never resolves your internal addresses, so every message from inside shows no internal name and the report counts it as outside. ${isSelfHosted(ctx.about.deployment) ? 'Point it at a resolver that knows your internal zones.' : 'On Deskpro Cloud, internal addresses are not what Deskpro sees anyway: it sees your public (NAT) address.'}`
		});
		if (isSelfHosted(ctx.about.deployment)) {
			notes.push({
				kind: 'info',
				text: 'Behind a reverse proxy, Deskpro sees the proxy’s address unless it trusts the client-IP header from the proxy; then every message shows the proxy’s host name and the report finds nothing.'
			});
		}
		if (values && values.internalSuffixes.length === 0) {
			notes.push({ kind: 'info', text: 'Enter your internal domain suffixes below to fill in the report filter.' });
		}
		return notes;
	},
	fields: {
		dnsServer: text({
			label: 'DNS server for the look-ups',
			help: 'Self-hosted: a resolver that knows your internal zones, e.g. 10.0.0.53. Leave empty to keep Deskpro’s default (8.8.8.8).',
			placeholder: '10.0.0.53',
			default: '',
			maxLength: 45,
			width: 'short',
			validate: (v) => (v.includes('/') ? 'Enter one address, not a range.' : checkIpOrCidr(v.trim()))
		}),
		internalSuffixes: list({
			label: 'Your internal domain suffixes',
			help: 'One per line: the domains your office and VPN addresses resolve to, e.g. corp.example.com. A host counts as inside when its name ends in one of these.',
			placeholder: 'corp.example.com\nvpn.example.com',
			default: [],
			maxItems: 50,
			item: checkDomainSuffix
		})
	},
	settings: (v, ctx) => {
		const rows: SettingRow[] = [
			...factRows('hostnames.app', ctx, 'Installed'),
			...factRows('hostnames.ticketMessages', ctx, 'On'),
			...factRows('hostnames.server', ctx, v.dnsServer.trim() || 'Keep the default')
		];
		if (v.internalSuffixes.length) {
			rows.push(
				...factRows('hostnames.report', ctx, `Host name does not end in ${joinAnd(v.internalSuffixes.map(normaliseSuffix))}`, 'Build it with the report builder; see the checklist')
			);
		}
		return rows;
	},
	checklist: (v) => {
		const suffixes = v.internalSuffixes.map(normaliseSuffix);
		const list = suffixes.length ? joinAnd(suffixes) : 'your internal domain suffixes (enter them in this step’s choices)';
		return [
			{ id: 'resolve-hostnames.install', text: 'Install the Resolve User Hostnames app (Apps) and turn on host-name look-ups for ticket messages.' },
			{
				id: 'resolve-hostnames.dns-server',
				text: v.dnsServer.trim()
					? `Set the app’s DNS server to ${v.dnsServer.trim()}, a resolver that knows your internal addresses.`
					: `Check the app’s DNS server: by default ${defaultOf('hostnames.server')}, which cannot resolve internal addresses.`
			},
			{
				id: 'resolve-hostnames.check-ticket',
				text: 'Open a ticket with a new reply and check that its messages now show a host name.',
				detail: 'Messages sent before the app was installed may have none.'
			},
			{ id: 'resolve-hostnames.report-new', text: 'In Reports, start a new custom report that lists ticket messages.' },
			{ id: 'resolve-hostnames.report-agents', text: 'Filter it to messages written by agents (not by users).' },
			{
				id: 'resolve-hostnames.report-hostname',
				text: `Add a filter for the message host name: keep messages whose host name does not end in ${list}, and also those with no host name at all.`,
				detail: 'Match each suffix with its leading dot, so that “evilcorp.example.com” does not count as “corp.example.com”.'
			},
			{ id: 'resolve-hostnames.report-range', text: 'Limit it to a recent period (for example the last 7 days), show agent, ticket, date and host name, and save it.' },
			{
				id: 'resolve-hostnames.report-test',
				text: 'Test it: post an agent reply from outside your network (a phone on mobile data will do) and check that the report shows it.'
			},
			{ id: 'resolve-hostnames.report-review', text: 'Add the saved report to your regular log review (see “Review logs regularly”).' }
		];
	}
});
