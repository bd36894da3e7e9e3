/**
 * Issue 13, sign-off: the fingerprints printed on the record (Web Crypto SHA-256 over the exact
 * texts, cross-checked with the project's independent FIPS 180-4 implementation), the server
 * decisions in words, and the refusal of a sign-off date before the record's date.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { reportDigests, sha256Text } from '$lib/generators/report-digests';
import { buildReport } from '$lib/generators/report';
import { reportMarkdown } from '$lib/generators/markdown';
import { exportPlanText } from '$lib/plan/io';
import { outputsFor } from '$lib/outputs';
import { checkSignoff, recordDate, SIGNOFF_STEP_ID } from '$lib/plan/signoff';
import { sha256Hex } from '$lib/audit/sha256';
import { RUNTIME_PRIVILEGES, UPGRADE_PRIVILEGES } from '$lib/generators/mysql';
import { planWith } from '../servers/env';

const node = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

describe('fingerprints on the signed record', () => {
	it('SHA-256 of a text: the FIPS 180-4 vector and non-ASCII text', async () => {
		expect(await sha256Text('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		for (const t of ['', 'é ✓ 𝄞\n', 'x'.repeat(100_000)]) expect(await sha256Text(t)).toBe(node(t));
	});

	it('the plan fingerprint is the SHA-256 of the secret-free plan file; every generated file has its own', async () => {
		const plan = planWith({ dbPassword: 'Runtime-Password-0123456789', dbUpgradePassword: 'Upgrade-Password-0123456789' }, { webServer: 'nginx' });
		const d = await reportDigests(plan, outputsFor(plan));
		expect(d.fingerprint).toBe(node(exportPlanText(plan, { includeSecrets: false })));
		const outs = outputsFor(plan);
		expect(outs.map((o) => o.id)).toContain('config-php');
		for (const o of outs) {
			expect(d.files[o.filename]).toBe(node(o.text));
			expect(d.files[o.filename]).toBe(sha256Hex(o.text));
		}
		const r = buildReport(plan, new Date(), d, outs);
		expect(r.fingerprint).toBe(d.fingerprint);
		expect(r.files.length).toBe(outs.length);
		expect(r.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
		const md = reportMarkdown(r);
		for (const f of r.files) expect(md).toContain(f.sha256);
		// never a password in the record
		expect(JSON.stringify(r) + md).not.toContain('Runtime-Password-0123456789');
	});

	it('every server decision in words: proxies and trust_proxy_data, grants, allow-lists', () => {
		const plan = planWith({ behindProxy: true, proxyAddresses: ['192.0.2.10', '2001:db8::/64'], adminCidrs: ['198.51.100.0/24'] }, { webServer: 'apache' });
		const r = buildReport(plan);
		const by = Object.fromEntries(r.decisions.map((d) => [d.label, d.value]));
		expect(by['Reverse proxies (trust_proxy_data)']).toBe('array(192.0.2.10, 2001:db8::/64): client-IP headers believed only from these');
		expect(by['Allowed to reach /admin/ and /agent/']).toBe('198.51.100.0/24');
		expect(by['Runtime database account']).toBe(`'deskpro'@'localhost': ${RUNTIME_PRIVILEGES.join(', ')} on \`deskpro\`.* only`);
		expect(by['Upgrade database account']).toBe(`'deskpro_upgrade'@'localhost': ${UPGRADE_PRIVILEGES.join(', ')} on \`deskpro\`.* only; in config.php only while upgrading`);
		// a cloud plan has no server decisions
		const cloud = planWith({});
		(cloud.answers.about as Record<string, unknown>).deployment = 'cloud';
		expect(buildReport(cloud).decisions).toEqual([]);
	});
});

describe('the sign-off date', () => {
	const plan = (date: string, updatedAt: string) => ({ answers: { [SIGNOFF_STEP_ID]: { signoffDate: date } }, updatedAt });
	const at = '2026-06-15T12:00:00.000Z';
	it('before the record’s date is refused at the field and left blank in the record', () => {
		const record = recordDate(at);
		const before = new Date(new Date(at).getTime() - 3 * 86_400_000);
		const early = `${before.getFullYear()}-${String(before.getMonth() + 1).padStart(2, '0')}-${String(before.getDate()).padStart(2, '0')}`;
		const c = checkSignoff(plan(early, at));
		expect(c.errors.signoffDate).toMatch(new RegExp(`before the record’s date \\(${record}`));
		expect(c.values.signoffDate).toBe('');
	});
	it('on or after the record’s date, or blank, is accepted', () => {
		const record = recordDate(at);
		for (const d of [record, '2099-01-01', '']) {
			const c = checkSignoff(plan(d, at));
			expect(c.errors).toEqual({});
			expect(c.values.signoffDate).toBe(d);
		}
	});
});
