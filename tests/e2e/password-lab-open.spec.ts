/**
 * The password lab loads only when the administrator asks for it (issue 16, weight budget): a
 * cold visit of the password step fetches none of its code and starts no strength worker; its
 * button loads it, with a status while it loads and an alert with Try again when it cannot be
 * fetched; once opened it stays open for the rest of the visit (memory only).
 */
import { test, expect, type Page } from '@playwright/test';
import { routeChunks } from './helpers/chunks';

/** Text only the lab's code holds: its heading's id, the tester, the examples, the standards card, the strength client. */
const LAB_MARKERS = ['id="lab-h"', 'Candidate password', 'Why length beats character rules', 'Your policy against the standards', 'The strength worker did not start in time'];
/** The lab's own stylesheet (its section's and the tester's scoped rules). */
const LAB_CSS_MARKERS = ['.lab.svelte-', '.tester.svelte-'];
/** Text only the lab's component chunk holds. */
const LAB_CHUNK = 'id="lab-h"';

const openButton = (page: Page) => page.getByRole('button', { name: 'Test passwords against this policy' });
const verdict = (page: Page) => page.getByTestId('policy-verdict');
const report = (page: Page) => page.getByTestId('strength-report');

/** Records every same-origin script or stylesheet holding the lab's code, and every worker the page starts. */
function watchLab(page: Page) {
	const seen = { lab: [] as string[], workers: [] as string[] };
	page.on('worker', (w) => seen.workers.push(new URL(w.url()).pathname));
	page.on('response', async (r) => {
		const path = new URL(r.url()).pathname;
		if (path.endsWith('.js')) {
			const body = await r.text().catch(() => '');
			if (LAB_MARKERS.some((m) => body.includes(m))) seen.lab.push(path);
		} else if (path.endsWith('.css')) {
			const body = await r.text().catch(() => '');
			if (LAB_CSS_MARKERS.some((m) => body.includes(m))) seen.lab.push(path);
		}
	});
	return seen;
}

test('a cold visit of the password step fetches no lab code and starts no worker; its button loads the lab, which works and stays open for the visit', async ({ page }) => {
	const seen = watchLab(page);
	await page.goto('/step/password-policy');
	// the policy fields are there as before, and the page has finished loading
	await expect(page.getByLabel('Minimum length')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(seen.lab, 'the lab’s code on arrival').toEqual([]);
	expect(seen.workers, 'workers started on arrival').toEqual([]);

	// the button says what the lab offers, and nothing of the lab is shown yet
	await expect(openButton(page)).toBeVisible();
	await expect(openButton(page)).toHaveAccessibleDescription(/tester.*example passwords with their verdicts.*secret generator.*NIST and OWASP/);
	await expect(page.getByLabel('Candidate password')).toHaveCount(0);

	// opened with the keyboard: the lab takes the button's place, its heading has the focus
	await openButton(page).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Try your policy' })).toBeFocused();
	await expect(openButton(page)).toHaveCount(0);
	expect(seen.lab.length, 'the lab’s code, once asked for').toBeGreaterThan(0);

	// the tester works: the policy verdict and zxcvbn's estimate from the worker
	await page.getByLabel('Candidate password').fill('orchid tugboat lantern marble');
	await expect(verdict(page)).toContainText('Accepted');
	await expect(report(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
	await expect(report(page)).toHaveAttribute('data-score', '4');
	expect(seen.workers).toHaveLength(1);
	expect(seen.workers[0]).toMatch(/^\/_app\/immutable\/workers\/strength\.worker-[\w-]+\.js$/);

	// it stays open for the rest of the visit: leave the step and come back
	await page.getByRole('link', { name: /^Next:/ }).click();
	await expect(page).not.toHaveURL(/password-policy/);
	await page.goBack();
	await expect(page.getByLabel('Candidate password')).toBeVisible();
	await expect(page.getByLabel('Candidate password')).toHaveValue('');
	await expect(openButton(page)).toHaveCount(0);
	// coming back does not move the focus to the lab (only opening it does)
	await expect(page.getByRole('heading', { name: 'Try your policy' })).not.toBeFocused();

	// remembered in memory only: a reload shows the button again, and nothing of it was stored
	await page.reload();
	await expect(openButton(page)).toBeVisible();
	await expect(page.getByLabel('Candidate password')).toHaveCount(0);
	const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
	expect(stored.toLowerCase()).not.toContain('lab');
});

test('the lab that cannot be fetched: an alert with Try again; while it loads a status says so; then it opens', async ({ page }) => {
	let mode: 'abort' | 'hold' = 'abort';
	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	let requested = 0;
	await routeChunks(page, (body) => {
		if (!body.includes(LAB_CHUNK)) return;
		requested++;
		return mode === 'abort' ? 'abort' : held;
	});
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await page.goto('/step/password-policy');
	await page.getByLabel('Minimum length').fill('16');
	await openButton(page).click();

	await expect(page.getByRole('alert')).toContainText('The password lab could not be loaded');
	expect(requested).toBeGreaterThan(0);
	const again = page.getByRole('button', { name: 'Try again' });
	await expect(again).toBeFocused();
	await expect(page.getByLabel('Candidate password')).toHaveCount(0);
	expect(workers).toEqual([]);
	// the policy is untouched
	await expect(page.getByLabel('Minimum length')).toHaveValue('16');

	// Try again: a status says it loads until the chunk arrives
	mode = 'hold';
	await again.click();
	await expect(page.getByRole('status').filter({ hasText: 'Loading the password lab…' })).toBeVisible();
	await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
	// Try again stays, busy, with the focus (the lab's button is not back while it loads)
	await expect(page.getByRole('button', { name: 'Trying again…' })).toHaveAttribute('aria-disabled', 'true');
	await expect(page.getByRole('button', { name: 'Trying again…' })).toBeFocused();
	release();
	await expect(page.getByRole('heading', { name: 'Try your policy' })).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: 'Loading the password lab…' })).toHaveCount(0);
	// it works, with the policy as set (16 characters)
	await page.getByLabel('Candidate password').fill('orchid tugboat');
	await expect(verdict(page)).toContainText('Rejected: at least 16 characters');
	await expect(report(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
});

test('the lab’s button that cannot be fetched: the step says so and Try again brings it', async ({ page }) => {
	let offline = true;
	await routeChunks(page, (body) => (offline && body.includes('Test passwords against this policy') ? 'abort' : undefined));
	await page.goto('/step/password-policy');
	await expect(page.getByRole('alert')).toContainText('Part of this step could not be loaded');
	await expect(openButton(page)).toHaveCount(0);
	offline = false;
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(openButton(page)).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the lab’s button and its failure alert have no WCAG 2.2 A/AA violations', async ({ page }) => {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	const violations = async () => {
		const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(r.passes.length).toBeGreaterThan(10); // axe really looked at the page
		return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	};
	await routeChunks(page, (body) => (body.includes(LAB_CHUNK) ? 'abort' : undefined));
	await page.goto('/step/password-policy');
	await expect(openButton(page)).toBeVisible();
	expect(await violations()).toEqual([]);
	await openButton(page).click();
	await expect(page.getByRole('alert')).toContainText('The password lab could not be loaded');
	expect(await violations()).toEqual([]);
});
