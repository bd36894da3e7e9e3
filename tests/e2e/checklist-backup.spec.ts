/**
 * Issue 13, "Tabs and backups": two tabs of one browser stay consistent both ways (answers and
 * ticks, through the storage event), "Start a new plan" asks to download the current plan
 * first and the download loads back, and the welcome page says where progress is kept and
 * offers the download. Through roles and labels only.
 */
import { routeChunks } from './helpers/chunks';
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fillAbout } from './helpers/wizard';

test.describe.configure({ timeout: 120_000 });

const stepList = (page: Page) => page.getByRole('navigation', { name: 'Wizard steps' });
const itemByText = (page: Page, text: RegExp) => page.getByRole('main').getByRole('listitem').filter({ hasText: text });

async function openStep(page: Page, title: RegExp) {
	await stepList(page).getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('two tabs stay consistent both ways: answers and ticks reach the other tab, neither overwrites the other', async ({ context }) => {
	const a = await context.newPage();
	await a.goto('/step/about');
	await fillAbout(a, /Deskpro Cloud/);
	const b = await context.newPage();
	await b.goto('/step/session-length');
	await expect(b.getByRole('heading', { level: 1, name: /Session length/ })).toBeVisible();
	await openStep(a, /Session length/);

	// an answer in A reaches B without a reload, and the item text follows it
	await a.getByLabel(/Log agents out after this much inactivity/).fill('30');
	await expect(b.getByLabel(/Log agents out after this much inactivity/)).toHaveValue('30');
	await expect(itemByText(b, /Set the session lifetime/)).toContainText('30 minutes');
	// a tick in B reaches A
	await itemByText(b, /Set the session lifetime/).getByRole('radio', { name: 'Done', exact: true }).check();
	await expect(itemByText(a, /Set the session lifetime/).getByRole('radio', { name: 'Done', exact: true })).toBeChecked();
	// A changes the answer again: the tick B made is now "changed" in both tabs
	await a.getByLabel(/Log agents out after this much inactivity/).fill('45');
	for (const p of [a, b]) await expect(itemByText(p, /Set the session lifetime/)).toContainText(/Changed since you ticked it/);
	// after reloading both, the saved plan holds everything
	await a.reload();
	await b.reload();
	for (const p of [a, b]) {
		await expect(p.getByLabel(/Log agents out after this much inactivity/)).toHaveValue('45');
		await expect(itemByText(p, /Set the session lifetime/)).toContainText(/Changed since you ticked it/);
	}
});

test('"Start a new plan" asks to download the current plan first; the download loads back', async ({ page }) => {
	await page.goto('/step/about');
	await fillAbout(page, /Deskpro Cloud/);
	await openStep(page, /Session length/);
	await itemByText(page, /Set the session lifetime/).getByRole('radio', { name: 'Done', exact: true }).check();

	await page.getByRole('button', { name: /Start a new plan/ }).click();
	const dialog = page.getByRole('dialog', { name: 'Start a new plan?' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Acme Support');
	await expect(dialog).toContainText(/kept only in this browser/);
	// Cancel keeps everything
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(itemByText(page, /Set the session lifetime/).getByRole('radio', { name: 'Done', exact: true })).toBeChecked();

	await page.getByRole('button', { name: /Start a new plan/ }).click();
	const [d] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download the current plan' }).click()]);
	expect(d.suggestedFilename()).toMatch(/acme-support.*\.json$/);
	const file = await d.path();
	const saved = JSON.parse(readFileSync(file!, 'utf8'));
	expect(saved.answers.about.helpdeskName).toBe('Acme Support');
	await expect(dialog.getByRole('status')).toContainText(d.suggestedFilename());
	await dialog.getByRole('button', { name: 'Start a new plan', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: /About your helpdesk/ })).toBeVisible();
	await expect(page.getByLabel('Helpdesk name')).toHaveValue('');

	// the downloaded plan loads back with its tick
	await stepList(page).getByRole('link', { name: /Summary/ }).click();
	await page.getByLabel(/Load progress from a file/).setInputFiles(file!);
	await openStep(page, /Session length/);
	await expect(itemByText(page, /Set the session lifetime/).getByRole('radio', { name: 'Done', exact: true })).toBeChecked();
});

test('the welcome page says where progress is kept and offers the download', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByText(/kept only in this browser’s local storage/)).toBeVisible();
	await expect(page.getByText(/clearing\s+the browser’s site data deletes it/)).toBeVisible();
	await page.goto('/step/about');
	await fillAbout(page, /Deskpro Cloud/);
	await page.goto('/');
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download your plan' }).click()]);
	expect(d.suggestedFilename()).toMatch(/acme-support.*\.json$/);
	const saved = JSON.parse(readFileSync((await d.path())!, 'utf8'));
	expect(saved.answers.about.helpdeskName).toBe('Acme Support');
	expect(saved.keepSecrets).toBe(false);
});

test('“Download the current plan” whose code cannot be fetched says so, and the plan stays', async ({ page }) => {
	let offline = true;
	// the file-name rules (transliteration tables) load on use: fail that chunk
	await routeChunks(page, (body) => (offline && body.includes('deskpro-review-reminders') ? 'abort' : undefined));
	await page.goto('/step/about');
	await fillAbout(page, /Deskpro Cloud/);
	await page.getByRole('button', { name: /Start a new plan/ }).click();
	const dialog = page.getByRole('dialog', { name: 'Start a new plan?' });
	await dialog.getByRole('button', { name: 'Download the current plan' }).click();
	await expect(dialog.getByRole('alert')).toContainText('could not be prepared');
	offline = false;
	const [d] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download the current plan' }).click()]);
	expect(d.suggestedFilename()).toMatch(/acme-support.*\.json$/);
	await expect(dialog.getByRole('alert')).toHaveCount(0);
	await expect(dialog.getByRole('status')).toContainText(d.suggestedFilename());
});
