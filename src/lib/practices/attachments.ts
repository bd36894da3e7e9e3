import { bool, list } from '$lib/plan/fields';
import { definePractice } from './types';

/** A file extension as Deskpro lists it: letters and digits, without the dot. */
function checkExtension(v: string): string | null {
	return /^\.?[a-z0-9]{1,10}$/i.test(v.trim()) ? null : `${v.trim()} is not a file extension (letters and digits, e.g. exe).`;
}

export const ext = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim().replace(/^\./, '').toLowerCase()).filter(Boolean))];

export const practice = definePractice({
	id: 'attachments',
	order: 95,
	title: 'Attachments and uploads',
	summary: 'Make attachment links need a login and refuse file types that should never be uploaded.',
	source: 'beyond',
	fields: {
		requireAuth: bool({ label: 'Attachment links need a login', default: true, deskproDefault: false }),
		userBlocked: list({
			label: 'File types users may not upload',
			placeholder: 'exe\nbat\ncmd',
			default: ['exe', 'bat', 'cmd', 'com', 'scr', 'js', 'vbs', 'msi', 'ps1', 'jar'],
			maxItems: 100,
			item: checkExtension
		}),
		agentBlocked: list({
			label: 'File types agents may not upload',
			placeholder: 'exe\nbat',
			default: ['exe', 'bat', 'cmd', 'com', 'scr', 'vbs', 'msi'],
			maxItems: 100,
			item: checkExtension
		})
	},
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
