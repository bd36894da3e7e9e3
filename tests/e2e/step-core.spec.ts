/**
 * What every step page loads (issue 16, "Weight"): a step page fetches its own Deskpro facts and
 * no other step's (`$lib/deskpro/settings/<step>.ts`, with its detail), not the secret generator's
 * alphabets (`$lib/random`, the password lab's), not the "Start a new plan" dialog until it is
 * asked for, and not the notice about saved progress unless there is one. Where one of these is
 * fetched when needed and cannot be, the page says so and Try again brings it.
 */
import { test, expect, type Page } from '@playwright/test';
import { routeChunks } from './helpers/chunks';

/** Text only one module holds (string literals survive minification). */
const MARKER = {
	'captcha facts': 'captcha-settings-1',
	'session facts': 'core.enable_agent_rememberme',
	'rate-limiting facts': 'Agent login rate limiting',
	'secret alphabets': 'Letters and digits without look-alikes',
	'new-plan dialog': 'Download the current plan',
	'saved-progress notice': 'Download the saved text (plan file)'
} as const;
type Module = keyof typeof MARKER;

/** The modules of `MARKER` found in the scripts the page fetched. */
function watch(page: Page): { fetched: () => Module[] } {
	const seen = new Set<Module>();
	page.on('response', async (r) => {
		if (!r.url().endsWith('.js')) return;
		const body = await r.text().catch(() => '');
		for (const [m, marker] of Object.entries(MARKER) as [Module, string][]) if (body.includes(marker)) seen.add(m);
	});
	return { fetched: () => [...seen].sort() };
}

test('a cold step visit fetches its own facts only, and no secret alphabets, new-plan dialog or notice', async ({ page }) => {
	const seen = watch(page);
	await page.goto('/step/about');
	await expect(page.getByRole('heading', { level: 1, name: /About your helpdesk/ })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(seen.fetched()).toEqual([]);

	await page.goto('/step/session-length');
	await expect(page.getByRole('heading', { name: 'Settings to apply' })).toBeVisible();
	await expect(page.getByRole('main')).toContainText('Remember me (agents)');
	await page.waitForLoadState('networkidle');
	expect(seen.fetched()).toEqual(['session facts']);
});

test('"Start a new plan" loads its dialog when asked; if it cannot be fetched it says so and asking again opens it', async ({ page }) => {
	let offline = true;
	await routeChunks(page, (body) => (offline && body.includes(MARKER['new-plan dialog']) ? 'abort' : undefined));
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByRole('button', { name: /Start a new plan/ }).click();
	await expect(page.getByRole('alert')).toContainText('“Start a new plan” could not be opened');
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(page.getByLabel('Helpdesk name')).toHaveValue('Acme Support');
	offline = false;
	await page.getByRole('button', { name: /Start a new plan/ }).click();
	const dialog = page.getByRole('dialog', { name: 'Start a new plan?' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Acme Support');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByLabel('Helpdesk name')).toHaveValue('Acme Support');
});

test('the notice about unreadable saved progress: its message shows even when its actions cannot be fetched, and Try again brings them', async ({ page }) => {
	await page.goto('/');
	await page.evaluate(() => localStorage.setItem('deskpro-hardening-wizard:plan', 'not a plan {'));
	const seen = watch(page);
	let offline = true;
	await routeChunks(page, (body) => (offline && body.includes(MARKER['saved-progress notice']) ? 'abort' : undefined));
	await page.goto('/step/about');
	const alert = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' });
	await expect(alert).toContainText('The rest of this notice could not be loaded');
	await expect(page.getByRole('button', { name: 'Download the saved text (plan file)' })).toHaveCount(0);
	offline = false;
	await alert.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByRole('button', { name: 'Download the saved text (plan file)' })).toBeVisible();
	await expect(page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' })).toBeVisible();
	await expect(page.getByText('The rest of this notice could not be loaded')).toHaveCount(0);
	expect(seen.fetched()).toContain('saved-progress notice');
});
