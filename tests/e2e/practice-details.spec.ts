/**
 * Each step's detail (why, where, standards, notes, settings) loads with its page (issue 16,
 * "Weight"; see `loadDetail` in `$lib/practices`): a step page fetches its own and no other
 * step's; a detail that cannot be fetched leaves the step usable and says so, with Try again; the
 * summary exports nothing until every step that applies has its detail.
 */
import { test, expect, type Page } from '@playwright/test';
import { routeChunks } from './helpers/chunks';

/** Text only one step's detail holds (its first "why" paragraph). */
const WHY = {
	'session-length': 'Deskpro logs agents out after an hour without activity',
	'agent-2fa': 'Deskpro’s 2018 article does not mention two-factor authentication',
	'password-policy': 'Out of the box Deskpro accepts agent passwords of only 5 characters'
} as const;

/** The markers of `WHY` found in the scripts the page fetched. */
function watchDetails(page: Page): { fetched: () => string[] } {
	const seen = new Set<string>();
	page.on('response', async (r) => {
		if (!r.url().endsWith('.js')) return;
		const body = await r.text().catch(() => '');
		for (const [id, marker] of Object.entries(WHY)) if (body.includes(marker)) seen.add(id);
	});
	return { fetched: () => [...seen].sort() };
}

test('a step page fetches its own detail and no other step’s; the next step’s arrives with it', async ({ page }) => {
	const details = watchDetails(page);
	await page.goto('/step/session-length');
	await expect(page.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
	await expect(page.getByRole('main')).toContainText(WHY['session-length']);
	await expect(page.getByRole('main')).toContainText('Where');
	await expect(page.getByRole('heading', { name: 'What the standards say' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(details.fetched()).toEqual(['session-length']);
	// in-app navigation: the page shows once its detail is in, never a half page
	await page.getByRole('navigation').getByRole('link', { name: /^Two-factor authentication for agents/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor authentication for agents');
	await expect(page.getByRole('main')).toContainText(WHY['agent-2fa']);
	await expect(page.getByText('Loading the step’s explanations…')).toHaveCount(0);
	expect(details.fetched()).toEqual(['agent-2fa', 'session-length']);
});

test('a detail that cannot be fetched: the step still works, says so, and Try again brings it', async ({ page }) => {
	let offline = true;
	await routeChunks(page, (body) => (offline && body.includes(WHY['agent-2fa']) ? 'abort' : undefined));
	await page.goto('/step/agent-2fa');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor authentication for agents');
	await expect(page.getByRole('alert')).toContainText('could not be loaded');
	await expect(page.getByRole('heading', { name: 'Why it matters' })).toHaveCount(0);
	// the answers and the checklist do not depend on it
	await expect(page.getByRole('heading', { name: 'Checklist' })).toBeVisible();
	await expect(page.getByLabel('Turn on the TOTP Service (authenticator app)')).toBeVisible();
	offline = false;
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByRole('main')).toContainText(WHY['agent-2fa']);
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the summary exports nothing until every step that applies has its detail', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Cloud');
	let release: () => void = () => {};
	const held = new Promise<void>((r) => (release = r));
	let delayed = false;
	await routeChunks(page, (body) => {
		if (!body.includes(WHY['password-policy'])) return;
		delayed = true;
		return held;
	});
	await page.goto('/summary');
	await expect.poll(() => delayed).toBe(true);
	await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeDisabled();
	await expect(page.getByText('Exports are available once every step that applies has loaded.')).toBeVisible();
	release();
	await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeEnabled();
	// the summary's settings include the released step's rows
	await expect(page.getByRole('main')).toContainText('Minimum password length');
});
