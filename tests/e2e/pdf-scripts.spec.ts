/**
 * Issue 16, "PDF for every name": names and notes in Chinese, Japanese, Korean, Arabic, Hebrew
 * and Greek come out of the PDF as typed (pdftotext, in logical reading order), drawn by fonts
 * fetched only when such text is present; text no font can draw is named before the download,
 * with the Markdown offered. Roles and labels only. The pages are also rendered with pdftoppm
 * into the test's output folder (test-results/) for a look.
 */
import { test, expect, type Page, type Locator } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

test.describe.configure({ timeout: 150_000 });

const CHINESE = '北京服务台';
const JAPANESE = 'ヘルプデスク東京';
const KOREAN = '서울 헬프데스크';
const ARABIC = 'مكتب المساعدة';
const HEBREW = 'שירות לקוחות';
const GREEK = 'Γραφείο Αθήνας';

const stepList = (page: Page) => page.getByRole('navigation', { name: 'Wizard steps' });
const itemByText = (page: Page, text: RegExp) => page.getByRole('main').getByRole('listitem').filter({ hasText: text });
const radio = (item: Locator, name: 'Done' | 'Skipped') => item.getByRole('radio', { name, exact: true });

/** The font files the page fetches, by file name. */
function fontRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (r) => {
		if (/\.ttf(\?|$)/.test(r.url())) urls.push(r.url().split('/').pop()!);
	});
	return urls;
}

async function about(page: Page, name: string) {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill(name);
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Cloud/ }).check();
}

async function downloadPdf(page: Page): Promise<Buffer> {
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF checklist' }).click()]);
	return readFileSync((await d.path())!);
}

/** pdftotext's text with presentation forms folded (NFKC) and its bidi embedding marks removed. */
const readable = (pdf: Buffer) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
		.toString('utf8')
		.normalize('NFKC')
		.replace(/[\u202a-\u202e]/g, '')
		.replace(/\s+/g, ' ');

test('Chinese, Japanese, Korean, Arabic, Hebrew and Greek names and notes are in the PDF as typed', async ({ page }, info) => {
	const fonts = fontRequests(page);
	await about(page, CHINESE);
	await stepList(page).getByRole('link', { name: /Agent password policy/ }).click();
	const items = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('radio', { name: 'Done', exact: true }) });
	await radio(items.nth(0), 'Done').check();
	await items.nth(0).getByRole('button', { name: 'Add note' }).click();
	await items.nth(0).getByLabel('Note').fill(`${ARABIC} 24`);
	await radio(items.nth(1), 'Skipped').check();
	await items.nth(1).getByLabel('Reason for skipping').fill(HEBREW);
	await items.nth(2).getByRole('button', { name: 'Add note' }).click();
	await items.nth(2).getByLabel('Note').fill(GREEK);
	await stepList(page).getByRole('link', { name: /Summary/ }).click();
	await page.getByLabel('Prepared by').fill(JAPANESE);
	await page.getByLabel('Signed off by').fill(KOREAN);
	// nothing to warn about: every script here has a font
	await expect(page.getByRole('note').filter({ hasText: 'The PDF cannot show' })).toHaveCount(0);
	expect(fonts).toEqual([]);

	const pdf = await downloadPdf(page);
	const text = readable(pdf);
	for (const s of [CHINESE, JAPANESE, KOREAN, ARABIC, HEBREW, GREEK]) expect(text, s).toContain(s);
	expect(text).toMatch(new RegExp(`${ARABIC}\\s*24|24\\s*${ARABIC}`));
	expect(text).not.toContain('\ufffd');
	// the Hebrew/Arabic, CJK and Hangul fonts were fetched, once each, for this PDF only
	expect(fonts.some((f) => f.startsWith('DejaVuSans-RTL-subset'))).toBe(true);
	expect(fonts.some((f) => f.startsWith('DroidSansFallback-CJK-subset'))).toBe(true);
	expect(fonts.some((f) => f.startsWith('WizardHangul-subset'))).toBe(true);
	// every font is embedded, subset to the glyphs used: the PDF stays small
	const embedded = execFileSync('pdffonts', ['-'], { input: pdf }).toString('utf8');
	for (const f of ['DejaVuSansRTL', 'DroidSansFallbackCJK', 'WizardHangul']) expect(embedded).toMatch(new RegExp(`${f}\\s+CID TrueType\\s+Identity-H\\s+yes`));
	expect(pdf.length).toBeLessThan(250_000);
	// for a look: page 1 (cover: Chinese name, Japanese preparer) and the pages with the notes
	execFileSync('pdftoppm', ['-png', '-r', '80', '-', info.outputPath('scripts')], { input: pdf });
});

test('a Latin, Greek or Cyrillic PDF fetches only the two DejaVu fonts', async ({ page }) => {
	const fonts = fontRequests(page);
	await about(page, `${GREEK} · Москва · Łódź`);
	await stepList(page).getByRole('link', { name: /Summary/ }).click();
	const text = readable(await downloadPdf(page));
	expect(text).toContain(`${GREEK} · Москва · Łódź`);
	expect(fonts.map((f) => f.replace(/\.[\w-]+\.ttf$/, ''))).toEqual(expect.arrayContaining(['DejaVuSans-subset', 'DejaVuSans-Bold-subset']));
	expect(fonts).toHaveLength(2);
});

test('text no font can draw (Thai, emoji) is named before the download, with the Markdown offered', async ({ page }) => {
	await about(page, 'สำนักงานกรุงเทพ');
	await stepList(page).getByRole('link', { name: /Agent password policy/ }).click();
	const first = itemByText(page, /./).filter({ has: page.getByRole('button', { name: 'Add note' }) }).first();
	await first.getByRole('button', { name: 'Add note' }).click();
	await first.getByLabel('Note').fill('Locked down 🔒 today');
	await stepList(page).getByRole('link', { name: /Summary/ }).click();
	const pdfButton = page.getByRole('button', { name: 'Download PDF checklist' });
	await expect(pdfButton).toHaveAccessibleDescription(/The PDF cannot show Thai \(in “สำนักงานกรุงเทพ”\) and emoji \(🔒 in “Locked down 🔒 today”\)/);
	await expect(pdfButton).toHaveAccessibleDescription(/use “Download Markdown”/);
	// the Markdown keeps them
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
	const md = readFileSync((await d.path())!, 'utf8');
	expect(md).toContain('สำนักงานกรุงเทพ');
	expect(md).toContain('Locked down 🔒 today');
	// the PDF still downloads, with the replacement character where the glyphs are missing
	expect(readable(await downloadPdf(page))).toContain('\ufffd');
	// once the text is changed, the warning goes
	await stepList(page).getByRole('link', { name: /About your helpdesk/ }).click();
	await page.getByLabel('Helpdesk name').fill('Bangkok office');
	await stepList(page).getByRole('link', { name: /Agent password policy/ }).click();
	await page.getByRole('main').getByLabel('Note').first().fill('Locked down today');
	await stepList(page).getByRole('link', { name: /Summary/ }).click();
	await expect(page.getByRole('button', { name: 'Download PDF checklist' })).not.toHaveAccessibleDescription(/cannot show/);
});
