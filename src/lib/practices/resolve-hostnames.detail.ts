/** What the step “resolve-hostnames” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './resolve-hostnames';
import { normaliseSuffix } from './resolve-hostnames';
import { text } from '$lib/plan/fields';
import { joinAnd, isSelfHosted } from './_format';
import { factsOf } from './_facts';
import { CHECKLIST_FACTS } from '$lib/deskpro/settings-core';
import { HOSTNAMES_FACTS } from '$lib/deskpro/settings/hostnames';
import { defineDetail, type Note, type SettingRow } from './types';

/** This step's Deskpro facts (its own, loaded with this detail, and the checklist facts it names). */
const { factRows, keyOf, defaultOf } = factsOf({ ...CHECKLIST_FACTS, ...HOSTNAMES_FACTS });

export const detail = defineDetail<typeof practice>({
	where: 'The Resolve User Hostnames app; Reports (menus per version in the table below)',
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
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		dnsServer: 'Self-hosted: a resolver that knows your internal zones, e.g. 10.0.0.53. Leave empty to keep Deskpro’s default (8.8.8.8).',
		internalSuffixes: 'One per line: the domains your office and VPN addresses resolve to, e.g. corp.example.com. A host counts as inside when its name ends in one of these.'
	}
});
