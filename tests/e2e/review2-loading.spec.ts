/**
 * Adversarial review (round "details per step", review2): what the summary and the step pages
 * show while a step's detail or a generator module is missing.
 */
import { test, expect } from '@playwright/test';
import { routeChunks } from './helpers/chunks';

/** Text only the password-policy step's detail holds (its first "why" paragraph). */
const PASSWORD_POLICY_WHY = 'Out of the box Deskpro accepts agent passwords of only 5 characters';
/** A line only the nginx generator module holds. */
const NGINX_MARKER = 'fastcgi_param PATH_INFO $fastcgi_path_info;';

test('the summary’s settings table never offers a partial list while a step’s detail is missing', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Cloud');
	await routeChunks(page, (body) => (body.includes(PASSWORD_POLICY_WHY) ? 'abort' : undefined));
	// one step's detail is in (its settings rows), the password policy's never arrives
	await page.goto('/step/session-length');
	await expect(page.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
	await page.getByRole('navigation').getByRole('link', { name: /Summary/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Cloud');
	await expect(page.getByText('Exports are available once every step that applies has loaded.')).toBeVisible();
	// the other steps' rows are in, the password policy's are not: the table (printed with the
	// page, copied by "Copy all settings") must not present that as the plan's settings
	await expect(page.getByRole('main')).not.toContainText('Minimum password length');
	await expect(page.getByRole('button', { name: 'Copy all settings' })).toHaveCount(0);
	await expect(page.getByRole('main')).toContainText('The settings appear once every step that applies has loaded.');
});

test('a generator module that cannot be fetched: the step says so and Try again brings the file', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();
	let offline = true;
	await routeChunks(page, (body) => (offline && body.includes(NGINX_MARKER) ? 'abort' : undefined));
	await page.getByRole('link', { name: /Web-server configuration/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Web-server configuration');
	// not "Loading the file generators…" for ever: the failure is said, with a way to try again
	await expect(page.getByRole('alert')).toContainText('could not be loaded', { timeout: 5000 });
	offline = false;
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByRole('region', { name: 'deskpro.nginx.conf' })).toBeVisible();
});
