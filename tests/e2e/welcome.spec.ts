import { test, expect } from '@playwright/test';

test('the welcome page lists the practices and offers to continue once something was answered', async ({ page }) => {
	await page.goto('/');
	const start = page.getByRole('link', { name: /Start: about your helpdesk/ });
	await expect(start).toBeVisible();
	// The practice list is loaded lazily: it appears with links to every practice step.
	const covers = page.locator('ol.covers > li');
	await expect(covers.first()).toBeVisible();
	expect(await covers.count()).toBeGreaterThanOrEqual(2);
	await start.click();
	await expect(page).toHaveURL(/\/step\/about$/);
	// Visiting is not progress; answering is.
	await page.goto('/');
	await expect(page.getByRole('link', { name: /Start: about your helpdesk/ })).toBeVisible();
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.goto('/');
	await page.getByRole('link', { name: /Continue where you left off/ }).click();
	await expect(page.getByLabel('Helpdesk name')).toHaveValue('Acme Support');
});
