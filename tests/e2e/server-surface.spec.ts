import { test, expect } from '@playwright/test';

test('server environment: upload limit, TLS-terminating proxy and HSTS choices reach the nginx file; source gaps are shown', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();

	await page.goto('/step/server-environment');
	await expect(page.getByLabel('Networks allowed to reach the staff interfaces')).toBeVisible();
	// preload without includeSubDomains is refused at the field
	await page.getByLabel('HSTS: include subdomains').uncheck();
	await page.getByLabel('HSTS: preload').check();
	await expect(page.getByText(/Preload needs “include subdomains”/)).toBeVisible();
	await page.getByLabel('HSTS: include subdomains').check();
	await expect(page.getByText(/Preload needs “include subdomains”/)).toHaveCount(0);
	const upload = page.getByLabel('Largest request (uploads)');
	await upload.fill('2');
	await expect(page.getByText(/Largest request \(uploads\) must be between 6 and 2047 MB/)).toBeVisible();
	await upload.fill('100');
	await page.getByLabel('A reverse proxy or load balancer sits in front of this server').check();
	await page.getByLabel('Proxy / load-balancer addresses').fill('192.0.2.10');
	await page.getByLabel('The proxy terminates TLS and forwards plain HTTP to this server').check();
	await page.screenshot({ path: 'test-results/server-surface-env.png', fullPage: true });

	await page.goto('/step/server-web-config');
	const pre = page.getByRole('region', { name: 'deskpro.nginx.conf' }).locator('pre');
	await expect(pre).toContainText('client_max_body_size 100m;');
	await expect(pre).toContainText('max-age=31536000; includeSubDomains; preload');
	await expect(pre).toContainText('192.0.2.10 1;');
	await expect(pre).toContainText('get_messages\\.php');
	await expect(pre).toContainText('rewrite ^ "/file.php" last;');
	await expect(page.getByText(/__checkurlrewrite\/path: web\.config and Deskpro’s sample nginx site/)).toBeVisible();
	await page.screenshot({ path: 'test-results/server-surface-web.png', fullPage: true });
});
