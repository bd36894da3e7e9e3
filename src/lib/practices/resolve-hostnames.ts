import { list, text } from '$lib/plan/fields';
import { checkDomainSuffix, checkIpOrCidr } from '$lib/validate/net';
import { joinAnd } from './_format';
import { defaultOf } from '$lib/deskpro/settings-core';
import { definePractice } from './types';

/** The suffix as it should be matched: always with its leading dot, lower case. */
export function normaliseSuffix(s: string): string {
	return '.' + s.trim().toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
}

export const practice = definePractice({
	id: 'resolve-hostnames',
	order: 50,
	title: 'Resolve User Hostnames and a report of outside activity',
	summary: 'Record the hostname each message comes from, and report agent messages sent from outside your network.',
	source: 'article',
	fields: {
		dnsServer: text({
			label: 'DNS server for the look-ups',
			placeholder: '10.0.0.53',
			default: '',
			maxLength: 45,
			width: 'short',
			validate: (v) => (v.includes('/') ? 'Enter one address, not a range.' : checkIpOrCidr(v.trim()))
		}),
		internalSuffixes: list({
			label: 'Your internal domain suffixes',
			placeholder: 'corp.example.com\nvpn.example.com',
			default: [],
			maxItems: 50,
			item: checkDomainSuffix
		})
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
