/**
 * "Do not save progress" (issue #12, README: the offline single file's storage is shared with
 * every local HTML file): a visible switch in the sidebar. While it is on, nothing of the plan is
 * written to this browser's storage, whatever the admin types or ticks; switching it on deletes
 * the progress saved before; switching it off saves again.
 */
import { test, expect, type Page } from '@playwright/test';
import { fillAbout } from './helpers/wizard';

/** Every key and value in this origin's localStorage and sessionStorage. */
const allStorage = (page: Page) =>
	page.evaluate(() => {
		const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)]));
		return { local: dump(localStorage), session: dump(sessionStorage) };
	});

test('with "Do not save progress" on, nothing of the plan reaches the browser storage', async ({ page }) => {
	await page.goto('/step/about');
	const toggle = page.getByRole('switch', { name: 'Do not save progress in this browser' });
	await expect(toggle).toBeVisible();
	await expect(toggle).not.toBeChecked();

	// saved as usual first
	await page.getByLabel('Helpdesk name').fill('Saved Before Switch');
	await expect.poll(async () => JSON.stringify(await allStorage(page))).toContain('Saved Before Switch');

	// on: what was saved is deleted, and nothing more is written
	await toggle.check();
	await expect(page.getByText('Nothing is saved: your answers are lost when you close this page.')).toBeVisible();
	await fillAbout(page);
	await page.getByLabel('Helpdesk name').fill('Secret Helpdesk Name');
	await page.getByRole('link', { name: /Session length/ }).first().click();
	await page.getByRole('radio', { name: 'Done', exact: true }).first().check();
	const s = await allStorage(page);
	expect(JSON.stringify(s)).not.toContain('Secret Helpdesk Name');
	expect(JSON.stringify(s)).not.toContain('Saved Before Switch');
	expect(s.local).toEqual({ 'deskpro-hardening-wizard:do-not-save': '1' });
	expect(s.session).toEqual({});

	// a reload starts empty, the switch still on
	await page.goto('/step/about');
	await expect(page.getByLabel('Helpdesk name')).toHaveValue('');
	await expect(page.getByRole('switch', { name: 'Do not save progress in this browser' })).toBeChecked();

	// off: saved again
	await page.getByLabel('Helpdesk name').fill('Saved Again');
	await page.getByRole('switch', { name: 'Do not save progress in this browser' }).uncheck();
	await expect.poll(async () => JSON.stringify((await allStorage(page)).local)).toContain('Saved Again');
	expect((await allStorage(page)).local['deskpro-hardening-wizard:do-not-save']).toBeUndefined();
});
