/**
 * The IP whitelisting step: its Deskpro facts, loaded with its detail. Sources and conventions:
 * `../settings.ts`.
 */
import { CORE, G, onPage, type SettingFact } from '../settings-core';

const G_IPW = G('en-GB/guides/admin-guide/agent-security-settings');
const ipw = onPage('Agents > Settings > IP Whitelisting', [CORE, G_IPW]);

export const IPW_FACTS = {
	'ipw.enabled': ipw('IP whitelisting', 'agent.ip_security.enabled', 'off'),
	'ipw.mode': ipw('Apply IP whitelisting to', 'agent.ip_security.mode', 'agents and admins (stored "agents,admins")'),
	'ipw.lifetime': ipw('Trust a verified IP address for', 'agent.ip_security.whitelist_lifetime', '1 814 400 s (21 days); 1 day to 2 years'),
} satisfies Record<string, SettingFact>;
