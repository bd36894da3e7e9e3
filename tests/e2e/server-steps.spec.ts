import { test, expect } from '@playwright/test';

test('server steps: inputs are checked, files are previewed live, passwords are never saved', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();

	await page.goto('/step/server-environment');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Server environment');
	// Windows-only fields are not asked on Linux
	await expect(page.getByLabel('IIS site name')).toHaveCount(0);
	const install = page.getByLabel('Install path (web root)');
	await install.fill('/var/www/deskpro;evil');
	await expect(page.getByText('The path contains ";"')).toBeVisible();
	await install.fill('/srv/deskpro');
	await expect(page.getByText('The path contains ";"')).toHaveCount(0);
	await page.getByRole('button', { name: 'Generate runtime database password' }).click();
	const pw = await page.getByRole('textbox', { name: 'Runtime database password' }).inputValue();
	expect(pw).toMatch(/^[A-Za-z0-9\-_.,:+=]{32}$/);

	await page.goto('/step/server-web-config');
	const file = page.getByRole('region', { name: 'deskpro.nginx.conf' });
	await expect(file).toBeVisible();
	await expect(file.locator('pre')).toContainText('root "/srv/deskpro";');
	await expect(file.locator('pre')).toContainText('server_name support.example.com;');
	await expect(file.getByRole('button', { name: 'Download' })).toBeVisible();

	const saved = await page.evaluate(() => Object.values(localStorage).join('\n'));
	expect(saved).toContain('/srv/deskpro');
	expect(saved).not.toContain(pw);

	// the SQL and config.php need both passwords; in-app navigation keeps them in memory
	await page.goto('/step/server-environment');
	await page.getByRole('button', { name: 'Generate runtime database password' }).click();
	await page.getByRole('button', { name: 'Generate upgrade account password' }).click();
	const runtimePw = await page.getByRole('textbox', { name: 'Runtime database password' }).inputValue();
	await page.getByRole('link', { name: /Least-privileged database account/ }).first().click();
	const sql = page.getByRole('region', { name: 'deskpro-database.sql' });
	await expect(sql).toBeVisible();
	await expect(sql.locator('pre')).toContainText(`IDENTIFIED BY '${runtimePw}'`);
	await expect(sql).toContainText('Contains a generated password');
	// a reload forgets the passwords: the SQL disappears and the step says why
	await page.reload();
	await expect(page.getByRole('region', { name: 'deskpro-database.sql' })).toHaveCount(0);
	await expect(page.getByText(/generate a password or type the one you used/i).first()).toBeVisible();

	// an invalid environment removes the files and says why
	await page.goto('/step/server-environment');
	await page.getByLabel('Install path (web root)').fill('relative');
	await page.goto('/step/server-web-config');
	await expect(page.getByText(/complete the Server environment step first/i).first()).toBeVisible();
	await expect(page.getByRole('region', { name: 'deskpro.nginx.conf' })).toHaveCount(0);
});
