/**
 * Issue #15: the admin-interface steps give the menus, keys and defaults of the Deskpro the admin
 * runs. For Cloud, the current On-Premise and the older download, the IP-whitelisting, rate-limiting
 * and password-policy steps show one menu path each with the right keys and defaults; the 2FA
 * step's "8 characters" advice appears only when an authenticator app is required of every agent.
 * Roles and labels only.
 */
import { test, expect, type Page } from '@playwright/test';

test.describe.configure({ timeout: 180_000 });

const stepList = (page: Page) => page.getByRole('navigation', { name: 'Wizard steps' });

async function start(page: Page, version: string) {
	await page.goto('/');
	await page.getByRole('link', { name: /Start: about your helpdesk/ }).click();
	await expect(page).toHaveURL(/\/step\/about$/);
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('group', { name: 'Which Deskpro do you run?' }).getByRole('radio', { name: version }).check();
}

async function open(page: Page, title: RegExp) {
	await stepList(page).getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The "Where in Deskpro" menu paths of the settings table, as a user reads them. */
async function menus(page: Page): Promise<string[]> {
	const headers = page.getByRole('table', { name: /Settings to apply/ }).getByRole('rowheader', { name: /Where in Deskpro/ });
	return (await headers.allInnerTexts()).map((t) => t.replace(/Where in Deskpro:\s*/, '').replace(/[›\s]+>?\s*/g, (m) => (m.includes('›') || m.includes('>') ? ' > ' : ' ')).replace(/\s+/g, ' ').trim());
}

/** The row of one stored key: its value and its "Deskpro default". */
const row = (page: Page, key: string) => page.getByRole('table', { name: /Settings to apply/ }).getByRole('row', { name: new RegExp(key.replace(/\./g, '\\.')) });

const versions = [
	{
		version: 'Cloud',
		file: 'cloud',
		ip: 'Agents > Settings > IP Whitelisting',
		rate: /^Unknown: Deskpro’s current guides refer to a “Help Center rate limiting” section/,
		rateDefault: 'Deskpro default: 5',
		password: 'Agents > Auth & SSO > Manage > Password Policy'
	},
	{
		version: 'On-Premise, current version',
		file: 'current',
		ip: 'Agents > Settings > IP Whitelisting',
		rate: /^Unknown: Deskpro’s current guides refer to a “Help Center rate limiting” section/,
		rateDefault: 'Deskpro default: 5',
		password: 'Agents > Auth & SSO > Manage > Password Policy'
	},
	{
		version: 'Older download (config.php in the web root)',
		file: 'legacy',
		ip: 'Admin > Agents > Settings > IP Whitelisting',
		rate: /^Admin > Setup > Rate Limiting$/,
		rateDefault: 'Deskpro default: 20',
		password: 'Admin > Agents > Settings > Password Policy'
	}
];

for (const v of versions) {
	test(`${v.version}: one menu path per step, with Deskpro's keys and defaults`, async ({ page }) => {
		await start(page, v.version);

		await open(page, /IP whitelisting/);
		expect(await menus(page)).toEqual([v.ip]);
		await expect(row(page, 'agent.ip_security.enabled')).toContainText('Deskpro default: off');
		await expect(row(page, 'agent.ip_security.whitelist_lifetime')).toContainText('Deskpro default: 1 814 400 s (21 days)');
		await expect(page.getByRole('table', { name: /Settings to apply/ })).not.toContainText('Trusted IP');

		await open(page, /Login rate limiting/);
		const rate = await menus(page);
		expect(rate).toHaveLength(1);
		expect(rate[0]).toMatch(v.rate);
		await expect(row(page, 'rate_limit.login.agent.limit')).toContainText(v.rateDefault);
		await expect(row(page, 'rate_limit.login.agent.time')).toContainText('Deskpro default: 900 s (15 minutes)');
		await expect(row(page, 'rate_limit.login.agent.lockout_time')).toContainText('Deskpro default: 900 s (15 minutes)');
		await expect(row(page, 'rate_limit.reset_password.enabled')).toContainText('Deskpro default: off');
		await expect(row(page, 'rate_limit.registration.enabled')).toContainText('Deskpro default: off');
		await page.screenshot({ path: `test-results/admin-facts-${v.file}-rate-limiting.png`, fullPage: true });

		await open(page, /Agent password policy/);
		expect(await menus(page)).toEqual([v.password]);
		await expect(row(page, 'agent.password_policy.min_length')).toContainText('Deskpro default: 5');
		await expect(row(page, 'agent.password_policy.forbid_reuse')).toContainText('Deskpro default: off');
	});
}

test('"not sure" shows both admin interfaces', async ({ page }) => {
	await start(page, 'Not sure');
	await open(page, /IP whitelisting/);
	expect(await menus(page)).toEqual(['Current admin (Cloud and On-Premise): Agents > Settings > IP Whitelisting', 'Older download’s admin: Admin > Agents > Settings > IP Whitelisting']);
});

test('the 2FA step says 8 characters are enough only when every agent must use an authenticator app', async ({ page }) => {
	await start(page, 'Cloud');
	await open(page, /Two-factor authentication for agents/);
	const main = page.getByRole('main');
	const totp = page.getByRole('checkbox', { name: /TOTP Service/ });
	const email = page.getByRole('checkbox', { name: /Email 2FA/ });
	const requireAll = page.getByRole('checkbox', { name: 'Require all agents to set up 2FA' });
	await expect(totp).toBeChecked();
	await expect(email).not.toBeChecked();
	await expect(requireAll).toBeChecked();
	await expect(main).toContainText('8 characters');

	await email.check();
	await expect(main).not.toContainText('8 characters');
	await email.uncheck();
	await expect(main).toContainText('8 characters');

	await requireAll.uncheck();
	await expect(main).not.toContainText('8 characters');
	await requireAll.check();
	await expect(main).toContainText('8 characters');
	await page.screenshot({ path: 'test-results/admin-facts-2fa.png', fullPage: true });
});
