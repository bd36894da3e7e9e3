import { bool, int } from '$lib/plan/fields';
import { groupDigits, minutesInWords, onOff } from './_format';
import { factRows } from './_facts';
import { definePractice, type Note } from './types';

export const practice = definePractice({
	id: 'session-length',
	order: 70,
	title: 'Session length',
	summary: 'Log inactive agents out, count only real activity, and turn off “Remember me”.',
	where: 'The session settings (menu per version in the table below)',
	source: 'article',
	why: [
		'An agent who leaves a computer unlocked leaves the helpdesk open to anyone passing by. Deskpro logs agents out after an hour without activity; a shorter time narrows that window.',
		'“Require Activity” makes sure only real page loads keep a session alive, not a tab left open in the background. “Remember me” keeps agents logged in through a cookie, which outlives both: turn it off if unattended computers are a concern.'
	],
	standards: [
		{ standard: 'NIST SP 800-63B rev 4', id: '§2.2.3', text: 'AAL2: reauthenticate after at most 1 hour of inactivity (SHOULD) and at least every 24 hours overall (SHOULD).' },
		{ standard: 'NIST SP 800-63B rev 4', id: '§2.3.3', text: 'AAL3: reauthenticate after at most 15 minutes of inactivity (SHOULD) and at least every 12 hours overall (SHALL).' },
		{ standard: 'NIST SP 800-63B rev 4', id: '§5.1', text: 'A “remember this browser” cookie SHALL NOT replace authentication, except reauthentication at AAL2 after inactivity within the overall limit.' },
		{ standard: 'OWASP ASVS 5.0', id: '7.1.1 (L2)', text: 'Session timeouts are documented, and deviations from NIST are justified.' },
		{ standard: 'OWASP ASVS 5.0', id: '7.3.1 (L2)', text: 'An inactivity timeout forces reauthentication.' },
		{ standard: 'OWASP ASVS 5.0', id: '7.3.2 (L2)', text: 'An absolute maximum session lifetime forces reauthentication.' }
	],
	notes: (values) => {
		const notes: Note[] = [
			{
				kind: 'unknown',
				text: 'The sources the wizard uses show no Deskpro setting for an absolute session lifetime (a limit however active the agent is), which NIST and ASVS 7.3.2 expect. Note the gap in your records; requiring two-factor authentication and turning off “Remember me” reduce it.'
			}
		];
		if (values && values.timeoutMinutes > 60) {
			notes.push({ kind: 'warning', text: `${minutesInWords(values.timeoutMinutes)} of inactivity is longer than NIST’s 1 hour for AAL2. Record why (ASVS 7.1.1).` });
		}
		if (values && (values.agentRememberMe || values.userRememberMe)) {
			notes.push({
				kind: 'warning',
				text: '“Remember me” keeps a browser logged in past the inactivity timeout. Keep it off for agents unless every agent computer locks itself and is not shared.'
			});
		}
		return notes;
	},
	fields: {
		timeoutMinutes: int({
			label: 'Log agents out after this much inactivity',
			unit: 'minutes',
			min: 5,
			max: 1440,
			default: 60,
			deskproDefault: 60,
			help: 'From 5 minutes to 24 hours. Deskpro stores seconds (default 3600 s = 60 minutes).'
		}),
		requireActivity: bool({
			label: 'Require Activity: only real page loads keep a session alive',
			default: true,
			deskproDefault: false,
			help: 'Off by default: then automatic background requests of an open tab keep the session alive.'
		}),
		agentRememberMe: bool({ label: 'Allow “Remember me” for agents', default: false, deskproDefault: true }),
		userRememberMe: bool({
			label: 'Allow “Remember me” for users of the help centre',
			default: false,
			deskproDefault: true,
			help: 'Users see only their own tickets; turn it back on if convenience matters more for them.'
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
	settings: (v, ctx) => [
		...factRows('session.lifetime', ctx, `${minutesInWords(v.timeoutMinutes)} (${groupDigits(v.timeoutMinutes * 60)} s)`, 'accepted 300–86 400 s'),
		...factRows('session.requirePage', ctx, onOff(v.requireActivity)),
		...factRows('session.agentRememberMe', ctx, onOff(v.agentRememberMe)),
		...factRows('session.userRememberMe', ctx, onOff(v.userRememberMe))
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
