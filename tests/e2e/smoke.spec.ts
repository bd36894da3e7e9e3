import { test, expect } from '@playwright/test';

test('the welcome page links to the first step and the about step validates the URL', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Harden your Deskpro helpdesk');
	await page.getByRole('link', { name: /Start: about your helpdesk/ }).click();
	await expect(page).toHaveURL(/\/step\/about$/);
	await page.getByLabel('Helpdesk URL').fill('support.example.com');
	await expect(page.getByText('is not a URL')).toBeVisible();
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await expect(page.getByText('is not a URL')).toHaveCount(0);
});
