import { bool, list } from '$lib/plan/fields';
import { factRows } from './_facts';
import { defaultOf, keyOf } from '$lib/deskpro/settings';
import { definePractice } from './types';

/** A file extension as Deskpro lists it: letters and digits, without the dot. */
function checkExtension(v: string): string | null {
	return /^\.?[a-z0-9]{1,10}$/i.test(v.trim()) ? null : `${v.trim()} is not a file extension (letters and digits, e.g. exe).`;
}
const ext = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim().replace(/^\./, '').toLowerCase()).filter(Boolean))];

export const practice = definePractice({
	id: 'attachments',
	order: 95,
	title: 'Attachments and uploads',
	summary: 'Make attachment links need a login and refuse file types that should never be uploaded.',
	where: 'The ticket and file-upload settings (menus per version in the table below)',
	source: 'beyond',
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
	fields: {
		requireAuth: bool({ label: 'Attachment links need a login', default: true, deskproDefault: false }),
		userBlocked: list({
			label: 'File types users may not upload',
			help: 'One extension per line, without the dot.',
			placeholder: 'exe\nbat\ncmd',
			default: ['exe', 'bat', 'cmd', 'com', 'scr', 'js', 'vbs', 'msi', 'ps1', 'jar'],
			maxItems: 100,
			item: checkExtension
		}),
		agentBlocked: list({
			label: 'File types agents may not upload',
			help: 'One extension per line, without the dot.',
			placeholder: 'exe\nbat',
			default: ['exe', 'bat', 'cmd', 'com', 'scr', 'vbs', 'msi'],
			maxItems: 100,
			item: checkExtension
		})
	},
	settings: (v, ctx) => [
		...factRows('attachments.requireAuth', ctx, v.requireAuth ? 'On' : 'Off'),
		...factRows('uploads.userBlocked', ctx, ext(v.userBlocked).join(', ') || 'None'),
		...factRows('uploads.agentBlocked', ctx, ext(v.agentBlocked).join(', ') || 'None')
	],
	checklist: (v) => [
		{
			id: 'attachments.require-auth',
			text: v.requireAuth ? 'Make attachment links need a login.' : 'Attachment links stay open to anyone with the link (Deskpro’s default, your choice): record why.'
		},
		{
			id: 'attachments.blocklists',
			text:
				ext(v.userBlocked).length || ext(v.agentBlocked).length
					? `Block uploads of ${ext(v.userBlocked).join(', ') || 'nothing'} for users and ${ext(v.agentBlocked).join(', ') || 'nothing'} for agents.`
					: 'No file type is blocked (your choice): record why.'
		},
		{ id: 'attachments.test', text: 'Test it: open an attachment link in a private window (it must ask for a login) and try to upload a blocked file type as a user.' }
	]
});
