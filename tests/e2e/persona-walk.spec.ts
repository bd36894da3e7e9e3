/**
 * Defects found by walking the wizard as four kinds of administrator (Cloud, Linux + nginx behind
 * a proxy, Windows + IIS, Docker On-Premise). Roles and labels only.
 */
import { test, expect, type Page } from '@playwright/test';

async function about(page: Page, run: RegExp, deployment: RegExp, server?: { os: string; web: string }) {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: run }).check();
	await page.getByRole('radio', { name: deployment }).check();
	if (server) {
		await page.getByRole('radio', { name: server.os, exact: true }).check();
		await page.getByRole('radio', { name: server.web, exact: true }).check();
	}
}

test('Docker On-Premise: Next leads from the last Docker step to the audit, which the step list counts as applying', async ({ page }) => {
	await about(page, /^On-Premise, current/, /Deskpro On-Premise \(Docker\)/);
	await page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('link', { name: /Front proxy and firewall/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Front proxy and firewall');
	await page.getByRole('link', { name: /^Next: Audit your server/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Audit your server' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Download deskpro-audit.sh' })).toBeVisible();
	// the step list does not file it under the steps that do not apply
	const list = page.getByRole('navigation', { name: 'Wizard steps' });
	await expect(list.getByText(/audit script checks a Deskpro Download/)).toHaveCount(0);
});
