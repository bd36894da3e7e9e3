/**
 * The offline single-file build (issue 6): build-offline/deskpro-hardening-wizard.html opened from
 * file:// works without any other file: the whole wizard (lazy parts included) and its exports.
 */
import { test, expect } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { ensureOfflineBuild } from './helpers/offline-build';
import { walkWizard, stepIdOf } from './helpers/wizard';

test.describe.configure({ timeout: 240_000 });

test('the single HTML file opens from disk and the whole wizard works, exports included', async ({ page }) => {
	const file = ensureOfflineBuild();
	const url = pathToFileURL(file).href;
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));

	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Harden your Deskpro helpdesk');
	const walk = await walkWizard(page);
	expect(walk.steps[0]).toBe('about');
	expect(walk.steps.at(-1)).toBe('summary');
	expect(page.url()).toBe(`${url}#/summary`);
	// The lazy parts work from file:// too: the zxcvbn worker answered, and the PDF (jsPDF,
	// lazily loaded) and the other exports downloaded.
	expect(walk.strengthChecked, 'the strength tester answered').not.toEqual([]);
	const pdf = walk.downloads.find((d) => d.name.endsWith('.pdf'));
	expect(pdf, `a PDF among the downloads: ${walk.downloads.map((d) => d.name).join(', ')}`).toBeTruthy();
	expect(pdf!.head.startsWith('%PDF-')).toBe(true);
	expect(pdf!.bytes).toBeGreaterThan(10_000);

	// A fresh load of a deep link from disk: the hash router finds the step, the answers are kept.
	await page.goto('about:blank');
	await page.goto(`${url}#/step/about`);
	await expect(page.getByLabel('Helpdesk name')).toHaveValue('Acme Support');
	expect(stepIdOf(page.url())).toBe('about');

	// Nothing but the file itself (and in-page data:/blob: URLs) was ever requested.
	expect(requests.filter((r) => r !== 'about:blank' && r.split('#')[0] !== url && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
	expect(errors).toEqual([]);
	console.log(`offline walk: ${walk.steps.length} pages, ${walk.downloads.length} downloads: ${walk.downloads.map((d) => `${d.name} (${d.bytes} B)`).join(', ')}`);
});

test('the offline file has no CJK or Hangul PDF font: it says so before the download and offers the Markdown; Arabic prints', async ({ page }) => {
	const url = pathToFileURL(ensureOfflineBuild()).href;
	await page.goto(`${url}#/step/about`);
	await page.getByLabel('Helpdesk name').fill('北京服务台 서울');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Cloud/ }).check();
	await page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('link', { name: /Summary/ }).click();
	const pdfButton = page.getByRole('button', { name: 'Download PDF checklist' });
	await expect(pdfButton).toHaveAccessibleDescription(/The PDF cannot show Chinese\/Japanese characters \(Han\) \(in “北京服务台 서울”\) and Hangul \(in “北京服务台 서울”\): they would print as �\. This offline file has no Chinese, Japanese or Korean font; the hosted wizard prints them\./);
	await expect(pdfButton).toHaveAccessibleDescription(/use “Download Markdown”/);
	// Hebrew and Arabic fonts are in the file: no warning, and the PDF has the name
	await page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('link', { name: /About your helpdesk/ }).click();
	await page.getByLabel('Helpdesk name').fill('مكتب المساعدة');
	await page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('link', { name: /Summary/ }).click();
	await expect(pdfButton).not.toHaveAccessibleDescription(/cannot show/);
	const [d] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
	const text = execFileSync('pdftotext', ['-enc', 'UTF-8', (await d.path())!, '-'], { encoding: 'utf8' }).normalize('NFKC');
	expect(text).toContain('مكتب المساعدة');
});
