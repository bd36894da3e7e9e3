/**
 * The self-hosted steps load by group, only when the plan needs them (issue 16, "Weight"; see
 * `$lib/practices`): a Cloud plan never fetches them, a self-hosted plan loads its group before
 * its saved progress is read, and nothing is saved over that progress while it loads.
 */
import { test, expect, type Page } from '@playwright/test';
import { routeChunks } from './helpers/chunks';

const KEY = 'deskpro-hardening-wizard:plan';
/** Text only the Download steps' group holds (a Server environment field's label; the steps' prose and help are in their details). */
const SERVER_MARKER = 'Owner account of the application files';

/** Records whether any fetched script holds the server steps. */
function watchServerSteps(page: Page): { fetched: () => boolean } {
	let seen = false;
	page.on('response', async (r) => {
		if (!r.url().endsWith('.js')) return;
		const body = await r.text().catch(() => '');
		if (body.includes(SERVER_MARKER)) seen = true;
	});
	return { fetched: () => seen };
}

test('a Cloud plan never loads the self-hosted steps; one of them shows its title and reason, and opens on request', async ({ page }) => {
	const server = watchServerSteps(page);
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Cloud');
	await page.goto('/step/server-database');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Least-privileged database account');
	const banner = page.getByRole('main').getByRole('note');
	await expect(banner).toContainText('Not applicable to this helpdesk.');
	await expect(banner).toContainText(/Applies only to Deskpro Download .*this helpdesk is Deskpro Cloud/);
	await page.waitForLoadState('networkidle');
	expect(server.fetched(), 'the server steps were not fetched').toBe(false);
	await expect(page.getByRole('heading', { name: 'Why it matters' })).toHaveCount(0);

	await page.getByRole('button', { name: 'Read the whole step' }).click();
	await expect(page.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Least-privileged database account');
	await expect(page.getByRole('heading', { level: 1 }), 'keyboard focus follows to the whole step').toBeFocused();
	expect(server.fetched(), 'opened on request').toBe(true);
	// the Cloud plan itself is unchanged: still not applicable, still Cloud
	await expect(page.getByRole('main').getByRole('note').first()).toContainText('Not applicable to this helpdesk.');
	expect(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).answers.about.deployment, KEY)).toBe('cloud');
});

test('a saved Download plan: its steps load before it is read, nothing is saved over it meanwhile, its answers are intact', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	// in-app: the step list's link, no reload (the group loads when the hosting changes)
	await page.getByRole('navigation').getByRole('link', { name: /^Server environment/ }).first().click();
	await page.getByLabel('Install path (web root)').fill('/srv/acme');
	await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', KEY)).toContain('/srv/acme');
	const before = await page.evaluate((k) => localStorage.getItem(k)!, KEY);

	// a cold visit where the server steps arrive late
	let release: () => void = () => {};
	const held = new Promise<void>((r) => (release = r));
	let delayed = false;
	await routeChunks(page, (body) => {
		if (!body.includes(SERVER_MARKER)) return;
		delayed = true;
		return held;
	});
	await page.goto('/step/server-environment');
	await expect(page.getByRole('status').filter({ hasText: 'Loading your plan…' })).toBeVisible();
	await expect.poll(() => delayed).toBe(true);
	await page.waitForTimeout(500);
	expect(await page.evaluate((k) => localStorage.getItem(k), KEY), 'nothing saved while the steps load').toBe(before);
	release();
	await expect(page.getByLabel('Install path (web root)')).toHaveValue('/srv/acme');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Server environment');
	const after = JSON.parse(await page.evaluate((k) => localStorage.getItem(k)!, KEY));
	expect(after.planId).toBe(JSON.parse(before).planId);
	expect(after.answers['server-environment'].installPath).toBe('/srv/acme');
});

test('the self-hosted steps that could not be loaded: saved progress untouched, the page says so', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	// saved once the server steps are in (their answers then hold their fields' defaults)
	await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', KEY)).toContain('"installPath"');
	await expect(page.getByRole('main').getByText('Loading the step…')).toHaveCount(0);
	const before = await page.evaluate((k) => localStorage.getItem(k)!, KEY);
	await routeChunks(page, (body) => (body.includes(SERVER_MARKER) ? 'abort' : undefined));
	await page.goto('/step/about');
	await expect(page.getByRole('alert')).toContainText('could not be loaded');
	await expect(page.getByRole('alert')).toContainText('untouched');
	expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(before);
});

test('switching to Download while the server steps cannot be fetched: never complete, nothing exported, Try again loads them', async ({ page }) => {
	let offline = true;
	await routeChunks(page, (body) => (offline && body.includes(SERVER_MARKER) ? 'abort' : undefined));
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	await page.getByRole('navigation').getByRole('link', { name: /^Server environment/ }).first().click();
	await expect(page.getByRole('main').getByRole('alert')).toContainText('could not be loaded');
	await expect(page.getByText(/still loading/).first()).toBeVisible();
	// the step list gives such a step no count (it has no items yet), and says it is loading
	const stepLink = page.getByRole('navigation').getByRole('link', { name: /^Least-privileged database account/ }).first();
	await expect(stepLink).toContainText('…');
	await expect(stepLink).toHaveAccessibleName(/loading/);
	// the summary makes no report of a plan whose steps are unknown
	await page.getByRole('navigation').getByRole('link', { name: /^Summary/ }).first().click();
	await expect(page.getByRole('button', { name: 'Download PDF checklist' })).toBeDisabled();
	await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeDisabled();
	offline = false;
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeEnabled();
	await page.getByRole('navigation').getByRole('link', { name: /^Server environment/ }).first().click();
	await expect(page.getByLabel('Install path (web root)')).toBeVisible();
});
