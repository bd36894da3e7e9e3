import { describe, expect, it } from 'vitest';
import { compareWithStandards, type Finding } from '$lib/strength/standards';
import { policyFromValues, type PasswordPolicy } from '$lib/strength/policy';
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
