/**
 * The attachments step (uploads and attachment links): its Deskpro facts, loaded with its detail.
 * Sources and conventions: `../settings.ts`.
 */
import { ALL, CORE, G, L_CORE, NEW, type SettingFact } from '../settings-core';

const G_DATA_SECURITY = G('zh-CN/guides/admin-guide/data-security-options');

export const UPLOADS_FACTS = {
	'uploads.userBlocked': {
		menu: 'Data > Security > File Uploads',
		label: 'File types users may not upload',
		key: 'core.attach_user_not_exts',
		default: 'none blocked',
		versions: ALL,
		source: [CORE, L_CORE, G_DATA_SECURITY],
		at: { legacy: { menu: { unknown: 'the older admin interface’s upload settings page is not in the sources the wizard uses' } } }
	},
	'uploads.agentBlocked': {
		menu: 'Data > Security > File Uploads',
		label: 'File types agents may not upload',
		key: 'core.attach_agent_not_exts',
		default: 'none blocked',
		versions: ALL,
		source: [CORE, L_CORE, G_DATA_SECURITY],
		at: { legacy: { menu: { unknown: 'the older admin interface’s upload settings page is not in the sources the wizard uses' } } }
	},
	'attachments.requireAuth': {
		menu: { unknown: 'Deskpro’s guides do not name the page of this ticket setting' },
		label: 'Attachment links need a login',
		key: 'core_tickets.attachment_require_auth',
		default: 'off: anyone with an attachment link can download it',
		versions: NEW,
		source: [CORE]
	},
} satisfies Record<string, SettingFact>;
