import { bool, int } from '$lib/plan/fields';
import { minutesInWords } from './_format';
import { definePractice } from './types';

export const practice = definePractice({
	id: 'session-length',
	order: 70,
	title: 'Session length',
	summary: 'Log inactive agents out, count only real activity, and turn off “Remember me”.',
	source: 'article',
	fields: {
		timeoutMinutes: int({
			label: 'Log agents out after this much inactivity',
			unit: 'minutes',
			min: 5,
			max: 1440,
			default: 60,
			deskproDefault: 60
		}),
		requireActivity: bool({
			label: 'Require Activity: only real page loads keep a session alive',
			default: true,
			deskproDefault: false
		}),
		agentRememberMe: bool({ label: 'Allow “Remember me” for agents', default: false, deskproDefault: true }),
		userRememberMe: bool({
			label: 'Allow “Remember me” for users of the help centre',
			default: false,
			deskproDefault: true
		})
	},
	presets: [
		{
			id: 'nist-aal2',
			label: 'NIST AAL2 (most helpdesks)',
			description: 'Log out after 1 hour without activity, count only real activity, no “Remember me” for agents.',
			values: { timeoutMinutes: 60, requireActivity: true, agentRememberMe: false }
		},
		{
			id: 'nist-aal3',
			label: 'NIST AAL3 (high-risk data)',
			description: 'Log out after 15 minutes without activity, count only real activity, no “Remember me” at all.',
			values: { timeoutMinutes: 15, requireActivity: true, agentRememberMe: false, userRememberMe: false }
		}
	],
	checklist: (v) => [
		{ id: 'session-length.timeout', text: `Set the session lifetime to ${minutesInWords(v.timeoutMinutes)} (${v.timeoutMinutes * 60} seconds).` },
		{
			id: 'session-length.require-activity',
			text: v.requireActivity ? 'Turn on Require Activity.' : 'Require Activity stays off (your choice): record why.'
		},
		{
			id: 'session-length.remember-me-agents',
			text: v.agentRememberMe ? '“Remember me” stays on for agents (your choice): record why.' : 'Turn off “Remember me” for agents.'
		},
		{
			id: 'session-length.remember-me-users',
			text: v.userRememberMe ? '“Remember me” stays on for users (your choice).' : 'Turn off “Remember me” for users.'
		},
		{
			id: 'session-length.lock-screens',
			text: 'Ask agents to lock their screen whenever they leave their desk, and set computers to lock themselves after a few idle minutes.'
		}
	]
});
