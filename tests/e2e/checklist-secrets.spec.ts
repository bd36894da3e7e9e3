/**
 * Issue 13, "Secrets that survive the steps": the database passwords are never saved, so after a
 * reload the config.php and SQL steps must say exactly what is missing (not blame the valid
 * Server environment step), let the admin type the password already in use, warn when a new
 * one is generated after the SQL ran (and give the matching ALTER USER), and the PDF must say
 * truthfully where the secret files are. Through roles and labels only.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fillAbout } from './helpers/wizard';

test.describe.configure({ timeout: 120_000 });

const stepList = (page: Page) => page.getByRole('navigation', { name: 'Wizard steps' });
const itemByText = (page: Page, text: RegExp) => page.getByRole('main').getByRole('listitem').filter({ hasText: text });

async function openStep(page: Page, title: RegExp) {
	await stepList(page).getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function serverPlan(page: Page) {
	await page.goto('/step/about');
	await fillAbout(page);
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();
	await openStep(page, /Server environment/);
	await page.getByRole('button', { name: 'Generate runtime database password' }).click();
	await page.getByRole('button', { name: 'Generate upgrade account password' }).click();
	await expect(page.locator('main [aria-invalid="true"]')).toHaveCount(0);
}

const MISSING = /generate a password or type the one you used/i;
const BLAME = /complete the Server environment step first/i;

test('after a reload the secret steps say the password is missing, and the admin can type the one in use', async ({ page }) => {
	await serverPlan(page);
	await page.reload();
	for (const step of [/Least-privileged database account/, /Harden config\.php/]) {
		await openStep(page, step);
		await expect(page.getByText(MISSING).first()).toBeVisible();
		await expect(page.getByText(BLAME)).toHaveCount(0);
	}
	// the Server environment step is valid and is not blamed
	await expect(stepList(page).getByRole('link', { name: /Server environment/ })).not.toContainText(/invalid/i);

	// type the passwords in use, right on the step (checked at the field)
	await openStep(page, /Least-privileged database account/);
	const runtime = page.getByRole('textbox', { name: 'Runtime database password' });
	await runtime.fill('short');
	await expect(runtime).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Use at least 16 characters (the generated password has 32).')).toBeVisible();
	const typed = 'Existing-Runtime-Pass-2024';
	await runtime.fill(typed);
	await page.getByRole('textbox', { name: 'Upgrade account password' }).fill('Existing-Upgrade-Pass-2024');
	const sql = page.getByRole('region', { name: 'deskpro-database.sql' });
	await expect(sql.locator('pre')).toContainText(`IDENTIFIED BY '${typed}'`);
	await openStep(page, /Harden config\.php/);
	await expect(page.getByRole('region', { name: 'config.deskpro-hardening.php' }).locator('pre')).toContainText(typed);
	// still secret: never in storage, gone after a reload
	expect(await page.evaluate(() => Object.values(localStorage).join('\n'))).not.toContain(typed);
	await page.reload();
	await expect(page.getByText(MISSING).first()).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Runtime database password' })).toHaveValue('');
});

test('a new password after the SQL was marked done warns that config.php and the database must both change, with the ALTER USER', async ({ page }) => {
	await serverPlan(page);
	await openStep(page, /Least-privileged database account/);
	const ran = itemByText(page, /Run the SQL to create the runtime account/);
	await ran.getByRole('radio', { name: 'Done', exact: true }).check();
	await expect(page.getByRole('region', { name: 'deskpro-database-password.sql' })).toHaveCount(0);
	await page.reload();
	await openStep(page, /Least-privileged database account/);
	await page.getByRole('button', { name: 'Generate runtime database password' }).click();
	await page.getByRole('button', { name: 'Generate upgrade account password' }).click();
	const pw = await page.getByRole('textbox', { name: 'Runtime database password' }).inputValue();
	const upw = await page.getByRole('textbox', { name: 'Upgrade account password' }).inputValue();
	const warning = page.getByRole('alert').filter({ hasText: /both/ });
	await expect(warning).toContainText(/config\.php and the database/);
	const alter = page.getByRole('region', { name: 'deskpro-database-password.sql' });
	await expect(alter.locator('pre')).toContainText(`ALTER USER 'deskpro'@'localhost' IDENTIFIED BY '${pw}';`);
	await expect(alter.locator('pre')).toContainText(`ALTER USER 'deskpro_upgrade'@'localhost' IDENTIFIED BY '${upw}';`);
	// config.php step says the same
	await openStep(page, /Harden config\.php/);
	await expect(page.getByRole('alert').filter({ hasText: /both/ })).toContainText(/deskpro-database-password\.sql|ALTER USER/);
});

test('the PDF says where the secret files are: left out of the zip unless secrets are included', async ({ page }) => {
	await serverPlan(page);
	await stepList(page).getByRole('link', { name: /Summary/ }).click();
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download PDF checklist/ }).click()]);
	const pdf = readFileSync((await d.path())!);
	const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
	expect(text).not.toMatch(/Delivered separately in the configuration bundle/);
	expect(text).toMatch(/config\.deskpro-hardening\.php.{0,400}left out of the configuration bundle/);
	expect(text).toMatch(/deskpro-database\.sql.{0,400}left out of the configuration bundle/);
});
