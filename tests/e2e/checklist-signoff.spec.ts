/**
 * Issue 13, "Sign-off": the PDF and the Markdown show the plan's fingerprint (the SHA-256 of the
 * plan file "Save progress" writes), the SHA-256 of every generated file (recomputed here with
 * sha256sum over the files of the config bundle), every server decision (proxies and
 * trust_proxy_data, database grants, allow-lists), and a sign-off date before the record's
 * date is refused at the field. Through roles and labels only.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillAbout } from './helpers/wizard';

test.describe.configure({ timeout: 180_000 });

const stepList = (page: Page) => page.getByRole('navigation', { name: 'Wizard steps' });

async function download(page: Page, button: RegExp): Promise<{ path: string; name: string }> {
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	return { path: (await d.path())!, name: d.suggestedFilename() };
}
const sha256sum = (file: string) => execFileSync('sha256sum', [file]).toString().split(' ')[0]!;
const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

test('the PDF and Markdown carry the plan fingerprint, every file’s SHA-256 and the server decisions; an early sign-off date is refused', async ({ page }) => {
	await page.goto('/step/about');
	await fillAbout(page);
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();
	await stepList(page).getByRole('link', { name: /Server environment/ }).click();
	await page.getByRole('button', { name: 'Generate runtime database password' }).click();
	await page.getByRole('button', { name: 'Generate upgrade account password' }).click();
	await stepList(page).getByRole('link', { name: /Summary/ }).click();

	// a sign-off date before the record's date is refused at the field
	const date = page.getByLabel('Sign-off date');
	await date.fill('2020-01-01');
	await expect(date).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText(/before the record’s date/)).toBeVisible();
	const today = localDate(new Date());
	await date.fill(today);
	await expect(date).not.toHaveAttribute('aria-invalid', 'true');

	// the plan file (no secrets) and every generated file (the bundle, secrets included)
	const plan = await download(page, /Save progress/);
	await page.getByLabel(/Include secrets/).check();
	const zip = await download(page, /configuration bundle|\.zip/i);
	const dir = mkdtempSync(join(tmpdir(), 'signoff-'));
	execFileSync('unzip', ['-q', zip.path, '-d', dir]);
	const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile() && !/README/i.test(f));
	expect(files.length).toBeGreaterThanOrEqual(7);
	const sums = files.map((f) => ({ name: f.split('/').pop()!, sum: sha256sum(join(dir, f)) }));
	await page.getByLabel(/Include secrets/).uncheck();

	const md = readFileSync((await download(page, /Download Markdown/)).path, 'utf8');
	const pdf = readFileSync((await download(page, /Download PDF checklist/)).path);
	const raw = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
	const flat = raw.replace(/\s+/g, '');
	const fingerprint = sha256sum(plan.path);
	for (const text of [md, flat]) expect(text).toContain(fingerprint);
	for (const { name, sum } of sums) {
		expect(md, name).toContain(sum);
		expect(flat, name).toContain(sum);
	}
	// the server decisions
	// (the Markdown escapes punctuation with backslashes: read it unescaped)
	for (const text of [md.replace(/\\(.)/g, '$1'), raw.replace(/\s+/g, ' ')]) {
		expect(text).toMatch(/Reverse proxies \(trust_proxy_data\)/);
		expect(text).toMatch(/false: no reverse proxy, client-IP headers never believed/);
		// (the exact rights come from the SQL generator's lists, checked in tests/unit/signoff.test.ts)
		expect(text).toMatch(/'deskpro'@'localhost': SELECT, INSERT, UPDATE, DELETE[A-Z ,]* on `deskpro`\.\* only/);
		expect(text).toMatch(/'deskpro_upgrade'@'localhost': SELECT[A-Z ,]*ALTER[A-Z ,]* on `deskpro`\.\* only/);
		expect(text).toMatch(/10\.0\.0\.0\/8, 172\.16\.0\.0\/12, 192\.168\.0\.0\/16/);
	}
	// the accepted sign-off date is printed
	expect(md).toContain(`| Date | ${today} |`);
});
