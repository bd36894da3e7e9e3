/**
 * The Resolve User Hostnames step: its Deskpro facts, loaded with its detail. Sources and
 * conventions: `../settings.ts`.
 */
import { ALL, CORE, rdns, RDNS_SERVICE, type SettingFact } from '../settings-core';

export const HOSTNAMES_FACTS = {
	'hostnames.app': {
		menu: 'Apps',
		label: 'Resolve User Hostnames (app)',
		key: null,
		default: 'not installed',
		versions: ALL,
		source: [RDNS_SERVICE, CORE],
		at: { legacy: { menu: 'Admin > Apps' } }
	},
	'hostnames.ticketMessages': rdns('Look up host names of ticket message addresses', 'rdns_ticket_messages', 'off'),
	'hostnames.report': {
		menu: 'Reports',
		label: 'Custom report: agent messages from outside your network',
		key: null,
		default: null,
		versions: ALL,
		source: [{ unknown: 'the report builder’s field names for message host names are not in the sources the wizard uses' }]
	},
} satisfies Record<string, SettingFact>;
