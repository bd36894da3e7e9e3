import { describe, expect, it } from 'vitest';
import { strengthUserInputs, PRODUCT_WORDS } from '$lib/strength/user-inputs';

describe('words about this helpdesk passed to zxcvbn', () => {
	it('has the name whole, joined and word by word, the domain and its labels', () => {
		const w = strengthUserInputs({ helpdeskName: 'Acme Support', helpdeskUrl: 'https://help.acme-corp.example/', adminNames: [] });
		expect(w).toEqual(expect.arrayContaining(['acme support', 'acmesupport', 'acme-support', 'acme', 'support']));
		expect(w).toEqual(expect.arrayContaining(['help.acme-corp.example', 'help.acme-corp', 'helpacme-corp', 'help', 'acme-corp', 'acmecorp', 'corp']));
		expect(w).toEqual(expect.arrayContaining(PRODUCT_WORDS));
	});

	it('has admin account names and the parts of e-mail addresses', () => {
		const w = strengthUserInputs({ helpdeskName: '', helpdeskUrl: '', adminNames: ['jane.doe@acme.example', 'Bob Smith'] });
		expect(w).toEqual(expect.arrayContaining(['jane.doe@acme.example', 'jane.doe', 'janedoe', 'jane', 'doe', 'acme', 'bob smith', 'bobsmith', 'bob', 'smith']));
	});

	it('ignores blanks, invalid URLs and very short words; stays bounded', () => {
		const w = strengthUserInputs({ helpdeskName: '  ', helpdeskUrl: 'not a url', adminNames: ['', 'x'] });
		expect(w).toEqual(PRODUCT_WORDS);
		const many = strengthUserInputs({ helpdeskName: 'a'.repeat(500), helpdeskUrl: '', adminNames: Array.from({ length: 500 }, (_, i) => `agent${i}@example.com`) });
		expect(many.length).toBeLessThanOrEqual(200);
		expect(many).toEqual(expect.arrayContaining([...PRODUCT_WORDS, 'a'.repeat(100)]));
		expect(many.every((x) => x.length >= 3 && x.length <= 100)).toBe(true);
		expect(new Set(many).size).toBe(many.length);
	});
});
