/** What the step “attachments” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './attachments';
import { ext } from './attachments';
import { factsOf } from './_facts';
import { UPLOADS_FACTS } from '$lib/deskpro/settings/uploads';
import { defineDetail } from './types';

/** This step's Deskpro facts (its own, loaded with this detail). */
const { factRows, keyOf, defaultOf } = factsOf(UPLOADS_FACTS);

export const detail = defineDetail<typeof practice>({
	where: 'The ticket and file-upload settings (menus per version in the table below)',
	why: [
		'By default anyone who has an attachment’s link can download it, without logging in: a link forwarded or leaked from an e-mail is enough to read a customer’s file.',
		'Users and agents can upload any file type unless you block some. Refusing executables and scripts keeps the helpdesk from passing malware on to the agents who open attachments.'
	],
	standards: [
		{ standard: 'OWASP ASVS 5.0', id: '5.2.2 (L1)', text: 'Uploaded files are checked against the file types the application expects.' },
		{ standard: 'OWASP ASVS 5.0', id: '8.2.1 (L1)', text: 'Access to data is restricted to consumers with explicit permission.' }
	],
	notes: () => [
		{
			kind: 'info',
			text: `${keyOf('attachments.requireAuth')} defaults to ${defaultOf('attachments.requireAuth')}. With it on, users who open an attachment link from an e-mail are asked to log in first.`
		}
	],
	settings: (v, ctx) => [
		...factRows('attachments.requireAuth', ctx, v.requireAuth ? 'On' : 'Off'),
		...factRows('uploads.userBlocked', ctx, ext(v.userBlocked).join(', ') || 'None'),
		...factRows('uploads.agentBlocked', ctx, ext(v.agentBlocked).join(', ') || 'None')
	],
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		userBlocked: 'One extension per line, without the dot.',
		agentBlocked: 'One extension per line, without the dot.'
	}
});
