/**
 * Where a Deskpro password policy stands against NIST SP 800-63B revision 4 (§3.1.1.2) and
 * OWASP ASVS 5.0 (chapter 6.2), in words an admin understands. Pure: policy in, findings out.
 */
import { effectiveMinLength, evaluatePolicy, usesComposition, type PasswordPolicy } from './policy';

/**
 * Common, guessable passwords of growing length and character mix (zxcvbn scores each 2 or
 * less, checked by tests/unit/strength-standards.test.ts): the first one the policy accepts is named as proof that a policy
 * without a blocklist lets common passwords through.
 */
export const COMMON_PASSWORD_CANDIDATES = [
	'Password1!',
	'Welcome1!',
	'Password123!',
	'PASSword11!!',
	'Password12345!',
	'Qwerty123456789!',
	'PasswordPassword1!',
	'Password1!Password1!',
	'Password1!Password1!Password1!'
] as const;

/** A common password the policy accepts (the same verdict as the tester's), or null when none of the candidates passes. */
export function commonPasswordAccepted(p: PasswordPolicy): string | null {
	return COMMON_PASSWORD_CANDIDATES.find((c) => evaluatePolicy(c, p).ok) ?? null;
}

export type FindingStatus = 'meets' | 'conditional' | 'conflicts' | 'gap' | 'neutral';

export interface StandardCitation {
	standard: 'NIST SP 800-63B rev 4' | 'OWASP ASVS 5.0';
	id: string;
}

export interface Finding {
	/** Stable id of the topic. */
	topic: 'length' | 'composition' | 'expiry' | 'blocklist' | 'reuse' | 'max-length';
	title: string;
	status: FindingStatus;
	text: string;
	refs: StandardCitation[];
}

const NIST = (id: string): StandardCitation => ({ standard: 'NIST SP 800-63B rev 4', id });
const ASVS = (id: string): StandardCitation => ({ standard: 'OWASP ASVS 5.0', id });

export const STATUS_LABELS: Record<FindingStatus, string> = {
	meets: 'Meets the standards',
	conditional: 'Meets them only with 2FA',
	conflicts: 'Goes against the standards',
	gap: 'Missing in Deskpro',
	neutral: 'Not required by the standards'
};

export function compareWithStandards(p: PasswordPolicy): Finding[] {
	const min = effectiveMinLength(p);
	const out: Finding[] = [];

	const lengthRefs = [NIST('§3.1.1.2'), ASVS('6.2.1 (L1)')];
	if (min >= 15) {
		out.push({
			topic: 'length',
			title: `Minimum length ${min}`,
			status: 'meets',
			text: `At least ${min} characters meets NIST’s minimum of 15 for a password used on its own, and the 15 that ASVS strongly recommends.`,
			refs: lengthRefs
		});
	} else if (min >= 8) {
		out.push({
			topic: 'length',
			title: `Minimum length ${min}`,
			status: 'conditional',
			text: `At least ${min} characters is enough only for agents who also use two-factor authentication: NIST allows 8 when the password is used with a second factor but asks for 15 when it is used alone. ASVS accepts 8 and strongly recommends 15.`,
			refs: lengthRefs
		});
	} else {
		out.push({
			topic: 'length',
			title: min === 0 ? 'No minimum length' : `Minimum length ${min}`,
			status: 'conflicts',
			text: `${min === 0 ? 'No minimum' : `A minimum of ${min}`} is below what both standards require: at least 8 characters even with two-factor authentication, 15 without it.`,
			refs: lengthRefs
		});
	}

	out.push(
		usesComposition(p)
			? {
					topic: 'composition',
					title: 'Character-type rules',
					status: 'conflicts',
					text: 'Requiring upper-case letters, numbers or symbols goes against both standards (NIST: SHALL NOT). People meet such rules in predictable ways, such as a capital first letter and "1!" at the end, which attackers try first; a long password without them is stronger.',
					refs: [NIST('§3.1.1.2'), ASVS('6.2.5 (L1)')]
				}
			: {
					topic: 'composition',
					title: 'No character-type rules',
					status: 'meets',
					text: 'No required mix of character types, as both standards ask.',
					refs: [NIST('§3.1.1.2'), ASVS('6.2.5 (L1)')]
				}
	);

	out.push(
		p.maxAgeDays > 0
			? {
					topic: 'expiry',
					title: `Passwords expire after ${p.maxAgeDays} days`,
					status: 'conflicts',
					text: 'Forcing a change on a schedule goes against both standards (NIST: SHALL NOT). People then pick a new password close to the old one (Summer2026! becomes Autumn2026!). Force a change only when there is evidence a password was exposed.',
					refs: [NIST('§3.1.1.2'), ASVS('6.2.10 (L2)')]
				}
			: {
					topic: 'expiry',
					title: 'No scheduled expiry',
					status: 'meets',
					text: 'Passwords do not expire on a schedule, as both standards ask. Still force a change when a password may have been exposed (NIST SHALL).',
					refs: [NIST('§3.1.1.2'), ASVS('6.2.10 (L2)')]
				}
	);

	const accepted = commonPasswordAccepted(p);
	out.push({
		topic: 'blocklist',
		title: 'Blocklist of common and breached passwords',
		status: 'gap',
		text: `Both standards require checking a new password against a list of common and breached passwords. Deskpro has no such check that the wizard knows of, ${
			accepted ? `so a common password like "${accepted}" passes your policy` : 'so a common password that meets its length and character rules passes it'
		}. Make up for it with two-factor authentication, and test candidate passwords in the tester above, which checks zxcvbn’s list of about 49 000 common passwords.`,
		refs: [NIST('§3.1.1.2'), ASVS('6.2.4 (L1)'), ASVS('6.2.12 (L2)')]
	});

	out.push({
		topic: 'max-length',
		title: 'Long passwords and password managers',
		status: 'neutral',
		text: 'Both standards ask that passwords of at least 64 characters and pasting from password managers are allowed. Deskpro sets no maximum in this policy; whether its forms limit length is unknown to the wizard, so try a 64-character generated password once.',
		refs: [NIST('§3.1.1.2'), ASVS('6.2.7 (L1)'), ASVS('6.2.9 (L2)')]
	});

	out.push({
		topic: 'reuse',
		title: p.forbidReuse ? 'Reuse of old passwords forbidden' : 'Reuse of old passwords allowed',
		status: 'neutral',
		text: p.forbidReuse
			? 'Neither standard asks for this. It does no harm, and it stops an agent from going back to a password that had to be changed after a compromise.'
			: 'Neither standard asks for a password history. Turning it on stops an agent from going back to a password that had to be changed after a compromise.',
		refs: []
	});

	return out;
}
