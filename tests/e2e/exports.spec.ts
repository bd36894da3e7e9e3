import { test, expect, type Page, type Download } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { repairInvalidFields } from './helpers/wizard';

const NAME = 'Łódź Śródmieście';

// Each test fills in a plan through the UI first; give them room on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** Records the MIME type of every Blob turned into an object URL (what the download gets). */
async function recordBlobTypes(page: Page) {
	await page.addInitScript(() => {
		const orig = URL.createObjectURL.bind(URL);
		(window as unknown as { blobTypes: string[] }).blobTypes = [];
		URL.createObjectURL = (o: Blob | MediaSource) => {
			(window as unknown as { blobTypes: string[] }).blobTypes.push((o as Blob).type);
			return orig(o);
		};
	});
}
const lastBlobType = (page: Page) => page.evaluate(() => (window as unknown as { blobTypes: string[] }).blobTypes.at(-1));

async function download(page: Page, button: RegExp): Promise<{ d: Download; bytes: Buffer }> {
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	const path = await d.path();
	return { d, bytes: readFileSync(path!) };
}

/** Answers the about step and sets a few checklist items, as an admin would. */
async function fillSomeProgress(page: Page) {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill(NAME);
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	// a valid server environment, so the server configuration files are generated
	await page.goto('/step/server-environment');
	expect(await repairInvalidFields(page)).toEqual([]);
	await page.goto('/step/password-policy');
	const items = page.locator('li[data-item-id]');
	await items.nth(0).getByRole('radio', { name: 'Done' }).check();
	await items.nth(1).getByRole('radio', { name: 'Skipped' }).check();
	await items.nth(1).getByLabel('Reason for skipping').fill('Agents sign in with SSO – Ñuñoa office');
	await items.nth(2).getByRole('button', { name: 'Add note' }).click();
	await items.nth(2).getByLabel('Note').fill('Announced on 2026-03-14 by Zoë');
	await page.goto('/summary');
	await page.getByLabel('Prepared by').fill('Zoë Ñúñez');
	await page.getByLabel('Signed off by').fill('İlkay Şahin');
}

const savedPlan = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('deskpro-hardening-wizard:plan') ?? 'null'));

test('the download buttons produce files with the right names, types and contents', async ({ page }) => {
	await recordBlobTypes(page);
	const jsRequests: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('.js') || r.url().endsWith('.ttf')) jsRequests.push(r.url());
	});
	await fillSomeProgress(page);
	const loadedBeforePdf = jsRequests.length;
	expect(jsRequests.some((u) => u.endsWith('.ttf'))).toBe(false);

	const pdf = await download(page, /Download PDF checklist/);
	expect(pdf.d.suggestedFilename()).toMatch(/^deskpro-hardening-checklist-lodz-srodmiescie-\d{4}-\d{2}-\d{2}\.pdf$/);
	expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(await lastBlobType(page)).toBe('application/pdf');
	// jsPDF and the fonts were fetched only now, on demand
	expect(jsRequests.slice(loadedBeforePdf).filter((u) => u.endsWith('.ttf'))).toHaveLength(2);

	const md = await download(page, /Download Markdown/);
	expect(md.d.suggestedFilename()).toMatch(/^deskpro-hardening-checklist-lodz-srodmiescie-\d{4}-\d{2}-\d{2}\.md$/);
	expect(await lastBlobType(page)).toBe('text/markdown;charset=utf-8');
	const mdText = md.bytes.toString('utf8');
	expect(mdText).toContain(`# Deskpro security hardening checklist: ${NAME}`);
	expect(mdText).toContain('*Reason:* Agents sign in with SSO – Ñuñoa office');
	expect(mdText).toContain('| Prepared by | Zoë Ñúñez |');

	const json = await download(page, /Save progress/);
	expect(json.d.suggestedFilename()).toMatch(/^deskpro-hardening-plan-lodz-srodmiescie-\d{4}-\d{2}-\d{2}\.json$/);
	expect(await lastBlobType(page)).toBe('application/json;charset=utf-8');
	expect(JSON.parse(json.bytes.toString('utf8'))).toEqual({ ...(await savedPlan(page)), keepSecrets: false });

	// The bundle: README.txt + every generated file (Deskpro Download on nginx has several).
	const count = Number(/(\d+) generated files?/.exec((await page.locator('.exports').textContent()) ?? '')?.[1] ?? 0);
	expect(count).toBeGreaterThan(0);
	const zip = await download(page, /Download config bundle/);
	expect(zip.d.suggestedFilename()).toMatch(/^deskpro-config-bundle-lodz-srodmiescie-\d{4}-\d{2}-\d{2}\.zip$/);
	expect(await lastBlobType(page)).toBe('application/zip');
	const files = unzipSync(new Uint8Array(zip.bytes));
	const names = Object.keys(files);
	expect(names[0]).toBe('README.txt');
	const readme = strFromU8(files['README.txt']!);
	expect(readme).toContain(`configuration files for ${NAME}`);
	const secretLeftOut = /Left out because they contain a secret/.test(readme);
	for (const n of names.slice(1)) {
		expect(readme).toContain(n);
		expect(files[n]!.length).toBeGreaterThan(0);
	}
	expect(names.length - 1 + (secretLeftOut ? (readme.split('Left out')[1]!.match(/^- /gm) ?? []).length : 0)).toBe(count);
	expect(names).toContain('deskpro.nginx.conf');
	expect(strFromU8(files['deskpro.nginx.conf']!)).toMatch(/server\s*\{/);

	// Review reminders: the three reviews of the log-review step (defaults), each a recurring event.
	const reviews = page.locator('ul.reviews > li');
	await expect(reviews).toHaveCount(3);
	const ics = await download(page, /Download reminders/);
	expect(ics.d.suggestedFilename()).toMatch(/^deskpro-review-reminders-lodz-srodmiescie-\d{4}-\d{2}-\d{2}\.ics$/);
	expect(await lastBlobType(page)).toBe('text/calendar;charset=utf-8');
	const text = ics.bytes.toString('utf8');
	expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	expect(text.match(/\r\nRRULE:FREQ=[A-Z]+(;INTERVAL=\d+)?\r\n/g)).toHaveLength(3);
});

test('importing an exported file in a fresh browser restores the same progress; a bad file changes nothing', async ({ page, browser }) => {
	await fillSomeProgress(page);
	const json = await download(page, /Save progress/);
	const original = await savedPlan(page);

	const fresh = await browser.newContext();
	const p2 = await fresh.newPage();
	await p2.goto('/summary');
	await p2.getByLabel('Prepared by').fill('Someone else');
	const before = await savedPlan(p2);

	// a truncated file: refused, with the reason, and nothing changed
	await p2.locator('#import-plan').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: json.bytes.subarray(0, 200) });
	await expect(p2.getByRole('alert').filter({ hasText: 'broken.json' })).toContainText('"broken.json" was not loaded and your current progress is unchanged. The file is not valid JSON');
	expect(await savedPlan(p2)).toEqual(before);

	await p2.locator('#import-plan').setInputFiles({ name: json.d.suggestedFilename(), mimeType: 'application/json', buffer: json.bytes });
	await expect(p2.getByRole('status').filter({ hasText: 'Loaded the progress' })).toContainText(`Loaded the progress for ${NAME}`);
	await expect(p2.getByRole('heading', { level: 1 })).toHaveText(NAME);
	await expect(p2.getByLabel('Prepared by')).toHaveValue('Zoë Ñúñez');
	await expect.poll(() => savedPlan(p2)).toEqual(original);
	// and it survives a reload
	await p2.reload();
	await expect(p2.getByText('Agents sign in with SSO – Ñuñoa office')).toBeVisible();
	expect(await savedPlan(p2)).toEqual(original);
	await p2.goto('/step/password-policy');
	await expect(p2.locator('li[data-item-id]').nth(0).getByRole('radio', { name: 'Done' })).toBeChecked();
	await expect(p2.locator('li[data-item-id]').nth(1).getByLabel('Reason for skipping')).toHaveValue('Agents sign in with SSO – Ñuñoa office');

	// undo brings the previous progress back
	await p2.goto('/summary');
	await p2.getByLabel('Prepared by').fill('Changed after import');
	await p2.locator('#import-plan').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: json.bytes });
	await expect(p2.getByLabel('Prepared by')).toHaveValue('Zoë Ñúñez');
	await p2.getByRole('button', { name: /Undo/ }).click();
	await expect(p2.getByLabel('Prepared by')).toHaveValue('Changed after import');
	await expect(p2.getByRole('status').filter({ hasText: 'undone' })).toBeVisible();
	await fresh.close();
});

test('printing the summary hides the wizard chrome and shows the sign-off block', async ({ page }) => {
	await fillSomeProgress(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.top')).toBeHidden();
	await expect(page.locator('aside')).toBeHidden();
	await expect(page.getByRole('button', { name: /Download PDF/ })).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Sign-off' })).toBeVisible();
	await expect(page.getByText('Deskpro security hardening checklist · printed')).toBeVisible();
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
