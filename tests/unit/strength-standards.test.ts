import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMMON_PASSWORD_CANDIDATES, compareWithStandards, type Finding } from '$lib/strength/standards';
import { evaluatePolicy, policyFromValues, TYPICAL_COMPLEXITY_POLICY, type PasswordPolicy } from '$lib/strength/policy';
import { PASSWORD_EXAMPLES } from '$lib/strength/examples';
import { createEstimator } from '$lib/strength/engine';
import { practice } from '$lib/practices/password-policy';

const preset = (id: string) => policyFromValues(practice.presets!.find((p) => p.id === id)!.values as Record<string, unknown>);
const byTopic = (p: PasswordPolicy) => Object.fromEntries(compareWithStandards(p).map((f) => [f.topic, f])) as Record<Finding['topic'], Finding>;
const refIds = (f: Finding) => f.refs.map((r) => `${r.standard} ${r.id}`);

describe('policy against NIST SP 800-63B rev 4 and OWASP ASVS 5.0', () => {
	it('the NIST preset meets length, composition and expiry', () => {
		const f = byTopic(preset('nist'));
		expect(f.length.status).toBe('meets');
		expect(f.composition.status).toBe('meets');
		expect(f.expiry.status).toBe('meets');
	});

	it('the article preset: length only with 2FA, composition and expiry against both standards', () => {
		const f = byTopic(preset('deskpro-article'));
		expect(f.length).toMatchObject({ status: 'conditional', title: 'Minimum length 12' });
		expect(f.length.text).toMatch(/two-factor/);
		expect(f.composition.status).toBe('conflicts');
		expect(refIds(f.composition)).toEqual(['NIST SP 800-63B rev 4 §3.1.1.2', 'OWASP ASVS 5.0 6.2.5 (L1)']);
		expect(f.expiry).toMatchObject({ status: 'conflicts', title: 'Passwords expire after 90 days' });
		expect(refIds(f.expiry)).toContain('OWASP ASVS 5.0 6.2.10 (L2)');
	});

	it('Deskpro’s default of 5 characters is below both standards', () => {
		const f = byTopic({ minLength: 5, requireUppercase: 0, requireLowercase: 0, requireNumber: 0, requireSymbol: 0, maxAgeDays: 0, forbidReuse: false });
		expect(f.length.status).toBe('conflicts');
		expect(refIds(f.length)).toEqual(['NIST SP 800-63B rev 4 §3.1.1.2', 'OWASP ASVS 5.0 6.2.1 (L1)']);
	});

	it('uses the effective minimum: 8 required characters make a minimum of 5 count as 8', () => {
		const f = byTopic({ minLength: 5, requireUppercase: 2, requireLowercase: 2, requireNumber: 2, requireSymbol: 2, maxAgeDays: 0, forbidReuse: false });
		expect(f.length).toMatchObject({ status: 'conditional', title: 'Minimum length 8' });
	});

	it('the boundary between "with 2FA" and "on its own" is 15', () => {
		const base = preset('nist');
		expect(byTopic({ ...base, minLength: 14 }).length.status).toBe('conditional');
		expect(byTopic({ ...base, minLength: 15 }).length.status).toBe('meets');
		expect(byTopic({ ...base, minLength: 7 }).length.status).toBe('conflicts');
		expect(byTopic({ ...base, minLength: 8 }).length.status).toBe('conditional');
	});

	it('always names the missing blocklist with its section ids', () => {
		for (const p of [preset('nist'), preset('deskpro-article')]) {
			const f = byTopic(p);
			expect(f.blocklist.status).toBe('gap');
			expect(refIds(f.blocklist)).toEqual(['NIST SP 800-63B rev 4 §3.1.1.2', 'OWASP ASVS 5.0 6.2.4 (L1)', 'OWASP ASVS 5.0 6.2.12 (L2)']);
		}
	});

	it('every finding is written in words and cites a section unless no standard covers it', () => {
		for (const f of compareWithStandards(preset('deskpro-article'))) {
			expect(f.text.length).toBeGreaterThan(40);
			if (f.topic !== 'reuse') expect(f.refs.length).toBeGreaterThan(0);
		}
	});
});

/**
 * Issue 16: the password step said "Password1!" passes your policy while the tester beside it,
 * for the same policy, said rejected. Every password the findings name, and every example the
 * step shows, gets the same verdict as the tester (evaluatePolicy), for any policy.
 */
describe('named passwords agree with the tester’s verdict', () => {
	const policyArb = fc.record({
		minLength: fc.integer({ min: 0, max: 40 }),
		requireUppercase: fc.integer({ min: 0, max: 4 }),
		requireLowercase: fc.integer({ min: 0, max: 4 }),
		requireNumber: fc.integer({ min: 0, max: 4 }),
		requireSymbol: fc.integer({ min: 0, max: 4 }),
		maxAgeDays: fc.integer({ min: 0, max: 365 }),
		forbidReuse: fc.boolean()
	});
	const presets = practice.presets!.map((p) => policyFromValues(p.values as Record<string, unknown>));

	it('a password quoted as passing your policy is accepted by it; rejected ones are never said to pass', () => {
		const check = (p: PasswordPolicy) => {
			for (const f of compareWithStandards(p)) {
				for (const m of f.text.matchAll(/"([^"]+)" passes your policy/g)) expect(evaluatePolicy(m[1]!, p).ok, `${m[1]} in "${f.title}" for ${JSON.stringify(p)}`).toBe(true);
				expect(f.text).not.toMatch(/passes its policy/);
			}
		};
		for (const p of presets) check(p);
		fc.assert(fc.property(policyArb, check), { numRuns: 500 });
	});

	it('with the NIST preset (15 characters), "Password1!" is not said to pass; a longer common password is', () => {
		const nist = preset('nist');
		expect(evaluatePolicy('Password1!', nist).ok).toBe(false);
		const text = byTopic(nist).blocklist.text;
		expect(text).not.toContain('"Password1!"');
		const named = /"([^"]+)" passes your policy/.exec(text)?.[1];
		expect(named).toBeDefined();
		expect(evaluatePolicy(named!, nist).ok).toBe(true);
	});

	it('the named candidates really are common, guessable passwords (zxcvbn score at most 2)', () => {
		const estimate = createEstimator();
		for (const c of COMMON_PASSWORD_CANDIDATES) expect(estimate(c).score, c).toBeLessThanOrEqual(2);
	});

	it('the examples’ "Your policy" chip and the tester give the same verdict (both evaluatePolicy) for every example', () => {
		// PasswordExamples.svelte and PasswordTester.svelte both call evaluatePolicy(text, policy): the
		// examples' claims in words must not contradict it for the typical complexity policy they cite.
		for (const ex of PASSWORD_EXAMPLES) {
			const typical = evaluatePolicy(ex.text, TYPICAL_COMPLEXITY_POLICY).ok;
			if (/complexity rules accept it|Meets every character-type rule/.test(ex.point)) expect(typical, ex.text).toBe(true);
			if (/complexity rules reject it/.test(ex.point)) expect(typical, ex.text).toBe(false);
		}
	});
});
