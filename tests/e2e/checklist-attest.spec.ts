/**
 * Issue 13: a checklist an admin can sign. Every scenario goes through roles and labels as an
 * admin would: long notes and reasons survive a reload, a tick is bound to what it attested
 * (changing the answer flips it to "changed" in the UI, the PDF and the Markdown), switching web
 * server un-ticks the old server's items, two tabs stay consistent, and the step list follows
 * the one apply order.
 */
import { test, expect, type Page, type Locator } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fillAbout, repairInvalidFields } from './helpers/wizard';

test.describe.configure({ timeout: 120_000 });

const stepList = (page: Page) => page.getByRole('navigation', { name: 'Wizard steps' });
/** The checklist item whose text matches. */
const itemByText = (page: Page, text: RegExp) => page.getByRole('main').getByRole('listitem').filter({ hasText: text });
const radio = (item: Locator, name: 'Open' | 'Done' | 'Skipped' | 'Not applicable') => item.getByRole('radio', { name, exact: true });

async function settle(page: Page) {
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

async function openStep(page: Page, title: RegExp) {
	await stepList(page).getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function download(page: Page, button: RegExp): Promise<Buffer> {
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	return readFileSync((await d.path())!);
}

const NO_FRESH_PLAN = /could not be read and a fresh plan was started/;

test('a 5,001-character note and a 10,000-character skip reason survive a reload', async ({ page }) => {
	await page.goto('/step/about');
	await fillAbout(page, /Deskpro Cloud/);
	await openStep(page, /Agent password policy/);
	const note = 'n'.repeat(4990) + ' end 5001';
	expect(note).toHaveLength(4999);
	const longNote = note + '!!';
	const reason = 'r'.repeat(9990) + ' reason ok';
	const first = itemByText(page, /Set the agent password policy/);
	await first.getByRole('button', { name: /Add note/ }).click();
	await first.getByLabel('Note').fill(longNote);
	const second = itemByText(page, /Ask agents whose passwords/);
	await radio(second, 'Skipped').check();
	await second.getByLabel('Reason for skipping').fill(reason);
	await settle(page);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: /Agent password policy/ })).toBeVisible();
	await expect(page.getByText(NO_FRESH_PLAN)).toHaveCount(0);
	await expect(itemByText(page, /Set the agent password policy/).getByLabel('Note')).toHaveValue(longNote);
	await expect(itemByText(page, /Ask agents whose passwords/).getByLabel('Reason for skipping')).toHaveValue(reason);
	await expect(page.getByLabel('Helpdesk name')).toHaveCount(0);
	await openStep(page, /About your helpdesk/);
	await expect(page.getByLabel('Helpdesk name')).toHaveValue('Acme Support');
});

test('changing an answer after ticking flips the item to "changed" in the UI, the PDF and the Markdown', async ({ page }) => {
	await page.goto('/step/about');
	await fillAbout(page, /Deskpro Cloud/);
	await openStep(page, /Agent password policy/);
	const apply = () => itemByText(page, /Set the agent password policy/);
	await radio(apply(), 'Done').check();
	await expect(radio(apply(), 'Done')).toBeChecked();
	await page.getByLabel('Minimum length').fill('20');
	await settle(page);
	await expect(apply()).toContainText('minimum length 20');
	await expect(radio(apply(), 'Done')).not.toBeChecked();
	await expect(apply()).toContainText(/Changed since you ticked it/);
	// the step list does not count it as settled
	await expect(stepList(page).getByRole('link', { name: /Agent password policy/ })).not.toContainText('1/3');

	await stepList(page).getByRole('link', { name: /Summary/ }).click();
	await expect(page.getByRole('button', { name: /Download Markdown/ })).toBeEnabled();
	const md = (await download(page, /Download Markdown/)).toString('utf8');
	expect(md).toMatch(/Changed since ticked.*minimum length 20/);
	expect(md).not.toMatch(/\[x\][^\n]*minimum length 20/);
	const pdf = await download(page, /Download PDF checklist/);
	const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
	expect(text).toMatch(/CHANGED/);
	expect(text).not.toMatch(/DONE\s+Set the agent password policy/);
});

test('an invalid answer cannot be Done, and Skipped needs a reason to count', async ({ page }) => {
	await page.goto('/step/about');
	await fillAbout(page, /Deskpro Cloud/);
	await openStep(page, /Session length/);
	const timeout = () => itemByText(page, /Set the session lifetime/);
	await radio(timeout(), 'Done').check();
	await page.getByLabel(/Log agents out after this much inactivity/).fill('3');
	await settle(page);
	await expect(radio(timeout(), 'Done')).not.toBeChecked();
	await expect(radio(timeout(), 'Done')).toBeDisabled();
	await openStep(page, /Agent password policy/);
	const pm = itemByText(page, /password manager/);
	await radio(pm, 'Skipped').check();
	await expect(pm.getByLabel('Reason for skipping')).toHaveAttribute('aria-invalid', 'true');
	await expect(stepList(page).getByRole('link', { name: /Agent password policy/ })).toContainText('0/3');
});

test('switching the web server un-ticks the old server’s items', async ({ page }) => {
	await page.goto('/step/about');
	await fillAbout(page);
	await openStep(page, /Server environment/);
	expect(await repairInvalidFields(page)).toEqual([]);
	await openStep(page, /Web-server configuration/);
	const install = () => itemByText(page, /Install the generated/);
	await radio(install(), 'Done').check();
	await expect(radio(install(), 'Done')).toBeChecked();
	await openStep(page, /About your helpdesk/);
	await page.getByRole('radio', { name: 'Apache 2.4' }).check();
	await openStep(page, /Web-server configuration/);
	await expect(install()).toContainText('virtual host');
	await expect(radio(install(), 'Done')).not.toBeChecked();
	await expect(install()).toContainText(/Changed since you ticked it/);
});

test('two tabs stay consistent: a tick in one reaches the other, and the other never overwrites it', async ({ context }) => {
	const a = await context.newPage();
	await a.goto('/step/about');
	await fillAbout(a, /Deskpro Cloud/);
	await openStep(a, /Agent password policy/);
	const b = await context.newPage();
	await b.goto('/step/password-policy');
	await expect(b.getByRole('heading', { level: 1, name: /Agent password policy/ })).toBeVisible();

	await radio(itemByText(a, /Set the agent password policy/), 'Done').check();
	await settle(a);
	// tab B sees the tick without a reload
	await expect(radio(itemByText(b, /Set the agent password policy/), 'Done')).toBeChecked();
	// a change in tab B keeps tab A's tick
	await b.getByRole('button', { name: /Add note/ }).first().click();
	await itemByText(b, /Set the agent password policy/).getByLabel('Note').fill('from tab B');
	await settle(b);
	await a.reload();
	await expect(radio(itemByText(a, /Set the agent password policy/), 'Done')).toBeChecked();
	await expect(itemByText(a, /Set the agent password policy/).getByLabel('Note')).toHaveValue('from tab B');
});

test('the step list follows the one apply order: database before config.php, data moved before permissions', async ({ page }) => {
	await page.goto('/step/about');
	await fillAbout(page);
	const names = (await stepList(page).getByRole('link').allTextContents()).map((s) => s.trim());
	const at = (re: RegExp) => names.findIndex((n) => re.test(n));
	expect(at(/database account/i)).toBeGreaterThan(-1);
	expect(at(/database account/i)).toBeLessThan(at(/config\.php/i));
	expect(at(/Move data/i)).toBeLessThan(at(/File ownership and permissions/i));
});

test('saved progress the wizard cannot fully read is salvaged, reported and kept until deleted', async ({ page }) => {
	await page.goto('/step/about');
	await fillAbout(page, /Deskpro Cloud/);
	await openStep(page, /Agent password policy/);
	await radio(itemByText(page, /Set the agent password policy/), 'Done').check();
	await settle(page);
	// one bad field (as an older wizard or a hand edit could leave): a note of the wrong type
	await page.evaluate(() => {
		const k = 'deskpro-hardening-wizard:plan';
		const p = JSON.parse(localStorage.getItem(k)!);
		p.checklist['password-policy.existing-agents'] = { state: 'done', reason: '', note: 42 };
		localStorage.setItem(k, JSON.stringify(p));
	});
	await page.reload();
	await expect(page.getByText(NO_FRESH_PLAN)).toHaveCount(0);
	await expect(page.getByRole('alert')).toContainText(/password-policy\.existing-agents/);
	await expect(radio(itemByText(page, /Set the agent password policy/), 'Done')).toBeChecked();
	await page.reload();
	// still offered after another reload
	await expect(page.getByRole('button', { name: /Delete the unreadable original/ })).toBeVisible();
});
