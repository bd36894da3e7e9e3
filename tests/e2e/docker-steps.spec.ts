import { test, expect } from '@playwright/test';

const SHOTS = process.env.DOCKER_SHOTS; // a directory: screenshots of the Docker steps for a human look

test('Docker steps: inputs checked at the field, hardened files and the Docker audit generated from them', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro On-Premise \(Docker\)/ }).check();

	await page.goto('/step/docker-environment');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Docker environment');
	const version = page.getByLabel('Deskpro version');
	await version.fill('latest');
	await expect(page.getByText(/Never latest/).first()).toBeVisible();
	await version.fill('2025.3.6');
	await expect(page.getByText(/Never latest/)).toHaveCount(0);
	await page.getByRole('radio', { name: /Reverse proxy on the same host/ }).check();
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();
	await expect(page.getByText(/On-Premise Controller \(OPC\)/).first()).toBeVisible();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/docker-environment.png`, fullPage: true });

	await page.goto('/step/docker-compose');
	const compose = page.getByRole('region', { name: 'docker-compose.yml' });
	await expect(compose).toBeVisible();
	const yml = compose.locator('pre');
	await expect(yml).toContainText('image: "deskpro/deskpro-product:2025.3.6-onprem-4.0.0"');
	await expect(yml).toContainText('"127.0.0.1:8080:80"');
	await expect(yml).toContainText('no-new-privileges:true');
	await expect(yml).not.toContainText('10001');
	await expect(page.getByRole('region', { name: 'config.env' }).locator('pre')).toContainText('DESKPRO_DB_PASS_FILE=/run/secrets/DESKPRO_DB_PASS');
	await expect(compose.getByRole('button', { name: 'Download' })).toBeVisible();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/docker-compose.png`, fullPage: true });

	await page.goto('/step/docker-proxy');
	const proxy = page.getByRole('region', { name: 'deskpro-proxy.nginx.conf' });
	await expect(proxy).toBeVisible();
	await expect(proxy.locator('pre')).toContainText('proxy_set_header X-Forwarded-For $remote_addr;');
	await expect(page.getByRole('region', { name: 'deskpro-docker.nft' })).toBeVisible();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/docker-proxy.png`, fullPage: true });

	await page.goto('/step/docker-database');
	await expect(page.getByRole('region', { name: 'deskpro-docker-database.sh' })).toBeVisible();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/docker-database.png`, fullPage: true });

	// a Download-only step says why it is not covered, never a bare "not applicable"
	await page.goto('/step/server-permissions');
	// (the collapsed step list carries the same reason, hidden: the step's own note is in main)
	await expect(page.getByRole('main').getByRole('note').getByText(/Not covered for Deskpro On-Premise \(Docker\), because/)).toBeVisible();

	// the audit page offers the Docker audit script, generated from the same answers
	await page.goto('/audit');
	await expect(page.getByRole('button', { name: 'Download deskpro-audit.sh' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Only the planned ports published' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'A forged X-Forwarded-For is not believed' })).toBeVisible();
	await page.getByText(/Show the script/).click();
	await expect(page.locator('pre.script')).toContainText("'check_docker_ports' '10001' '3306'");
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/docker-audit.png`, fullPage: true });
});
