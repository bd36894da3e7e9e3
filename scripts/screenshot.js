#!/usr/bin/env node
// Regenerates the README screenshot (docs/screenshot.png) from a served build:
//   npm run build && PORT=4173 node scripts/serve.js build &   then   node scripts/screenshot.js [url]
// Uses Debian's /usr/bin/chromium (CHROMIUM_PATH to override). Fills in an example helpdesk only.
import { chromium } from '@playwright/test';

const base = (process.argv[2] ?? 'http://127.0.0.1:4173').replace(/\/$/, '');
const out = process.env.OUT ?? 'docs/screenshot.png';
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
await page.goto(`${base}/step/about`);
await page.getByLabel('Helpdesk name').fill('Acme Support');
await page.getByLabel('Helpdesk URL').fill('https://support.acme.example/');
await page.getByRole('radio', { name: /Deskpro Cloud/ }).check();
for (const id of ['admin-privileges', 'password-policy', 'rate-limiting']) {
	await page.getByRole('navigation', { name: 'Wizard steps' }).locator(`a[href="/step/${id}"]`).click();
	for (const done of await page.locator('main li.item').getByRole('radio', { name: 'Done', exact: true }).all()) await done.check();
}
await page.getByRole('navigation', { name: 'Wizard steps' }).locator('a[href="/step/ip-whitelisting"]').click();
await page.getByLabel('Trusted IP addresses and CIDR ranges').fill('203.0.113.0/24\n2001:db8:1200::/40');
await page.locator('main li.item').first().getByRole('radio', { name: 'Done', exact: true }).check();
await page.getByRole('heading', { name: 'Settings to apply' }).scrollIntoViewIfNeeded();
await page.evaluate(() => window.scrollBy(0, -470));
await page.mouse.move(0, 0);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
