/**
 * The API keys step (its key list and rate limit are in ../settings-core: a checklist item names
 * them): its Deskpro facts, loaded with its detail. Sources and conventions: `../settings.ts`.
 */
import { CORE, type SettingFact } from '../settings-core';

export const API_FACTS = {
	'api.rateLimitInterval': {
		menu: { unknown: 'an advanced setting on-premise; Deskpro’s current guides do not name its page' },
		label: 'API rate-limit interval',
		key: 'core.api_rate_limit_interval',
		default: '60 s',
		versions: ['current'],
		source: [CORE]
	}
} satisfies Record<string, SettingFact>;
