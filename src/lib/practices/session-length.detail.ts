/** What the step “session-length” says: why, where, the standards, its notes and settings rows (loaded with its page; see `loadDetail` in ./index). */
import type { practice } from './session-length';
import { groupDigits, minutesInWords, onOff } from './_format';
import { factsOf } from './_facts';
import { SESSION_FACTS } from '$lib/deskpro/settings/session';
import { defineDetail, type Note } from './types';

/** This step's Deskpro facts (its own, loaded with this detail). */
const { factRows } = factsOf(SESSION_FACTS);

export const detail = defineDetail<typeof practice>({
	where: 'The session settings (menu per version in the table below)',
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
	settings: (v, ctx) => [
		...factRows('session.lifetime', ctx, `${minutesInWords(v.timeoutMinutes)} (${groupDigits(v.timeoutMinutes * 60)} s)`, 'accepted 300–86 400 s'),
		...factRows('session.requirePage', ctx, onOff(v.requireActivity)),
		...factRows('session.agentRememberMe', ctx, onOff(v.agentRememberMe)),
		...factRows('session.userRememberMe', ctx, onOff(v.userRememberMe))
	],
	/** Each field’s help, shown under its input on this step’s page. */
	help: {
		timeoutMinutes: 'From 5 minutes to 24 hours. Deskpro stores seconds (default 3600 s = 60 minutes).',
		requireActivity: 'Off by default: then automatic background requests of an open tab keep the session alive.',
		userRememberMe: 'Users see only their own tickets; turn it back on if convenience matters more for them.'
	}
});
