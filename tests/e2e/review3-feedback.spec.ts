/**
 * Adversarial review, round 3 (low findings): a step never shows part of its files as if complete,
 * failures are alerts and waits are said in live regions that are on the page before their text,
 * and every Try again shows it is busy while it runs.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { routeChunks } from './helpers/chunks';

/** Text only the password-policy step's detail holds (its first "why" paragraph). */
const PASSWORD_POLICY_WHY = 'Out of the box Deskpro accepts agent passwords of only 5 characters';
/** A line only the nginx generator module holds. */
const NGINX_MARKER = 'fastcgi_param PATH_INFO $fastcgi_path_info;';
/** A name only the audit library holds. */
const AUDIT_MARKER = 'check_docker_ports';
/** A line only the Docker front-proxy generator module holds. */
const DOCKER_PROXY_MARKER = 'proxy_set_header X-Forwarded-For $remote_addr;';
/** Text only the password lab's component chunk holds. */
const LAB_MARKER = 'id="lab-h"';
/** Text only the password step's extra (the lab's opener) holds. */
const LAB_OPENER_MARKER = 'Test passwords against this policy';
/** Text only the Download steps' group holds (a Server environment field's label). */
const SERVER_GROUP_MARKER = 'Owner account of the application files';
/** Text only the "Start a new plan" dialog holds. */
const NEW_PLAN_MARKER = 'Download the current plan';
/** Text only the notice about saved progress holds. */
const NOTICE_MARKER = 'Download the saved text (plan file)';

/**
 * The chunks holding `marker`: passed, failed, or held until `release` (which waits until at
 * least one request is held, since a retried request may still be on its way to the route when
 * the test moves on, then passes or fails every held one). `fetched` counts the requests.
 */
async function gateChunks(page: Page, marker: string) {
	const gate = {
		mode: 'pass' as 'pass' | 'abort' | 'hold',
		fetched: 0,
		waiting: [] as ((o: 'pass' | 'abort') => void)[],
		async release(outcome: 'pass' | 'abort') {
			await expect.poll(() => gate.waiting.length, { message: 'a request of the chunk is held' }).toBeGreaterThan(0);
			for (const w of gate.waiting.splice(0)) w(outcome);
		}
	};
	await routeChunks(page, (body) => {
		if (!body.includes(marker)) return;
		gate.fetched++;
		if (gate.mode === 'abort') return 'abort';
		if (gate.mode === 'hold') return new Promise<'pass' | 'abort'>((r) => gate.waiting.push(r)).then((o) => (o === 'abort' ? 'abort' : undefined));
	});
	return gate;
}

/**
 * Presses Try again while `gate` holds the chunk: the button is busy ("Trying again…", disabled)
 * and `failure` is gone; then the chunk fails again: `failure` is back and so is Try again.
 * Returns the Try again button.
 */
async function busyThenFailsAgain(page: Page, gate: Awaited<ReturnType<typeof gateChunks>>, failure: Locator, scope: Page | Locator = page, whileBusy?: () => Promise<void>) {
	await expect(failure).toBeVisible();
	gate.mode = 'hold';
	const retry = scope.getByRole('button', { name: 'Try again' });
	await retry.click();
	const busy = scope.getByRole('button', { name: 'Trying again…' });
	await expect(busy).toBeVisible();
	await expect(busy).toBeDisabled();
	await expect(busy).toBeFocused();
	await expect(failure).toHaveCount(0);
	await whileBusy?.();
	await gate.release('abort');
	await expect(failure).toBeVisible();
	await expect(retry).toBeEnabled();
	await expect(retry).toBeFocused();
	return retry;
}

/** Marks the live regions on the page now, so a test can tell a region that was there before its text. */
async function markStatuses(page: Page) {
	await page.getByRole('status').evaluateAll((els) => els.forEach((e) => ((e as unknown as { wasThere: boolean }).wasThere = true)));
}
/** True when the status showing `text` was on the page when `markStatuses` ran. */
async function statusWasThere(page: Page, text: string): Promise<boolean> {
	const s: Locator = page.getByRole('status').filter({ hasText: text });
	await expect(s).toHaveCount(1);
	return s.evaluate((e) => (e as unknown as { wasThere?: boolean }).wasThere === true);
}

test('a step whose files come from two generator modules shows its loading state until both are in, never part of them', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro On-Premise \(Docker\)/ }).check();
	await page.goto('/step/docker-environment');
	await page.getByRole('radio', { name: /Load balancer with PROXY protocol/ }).check();
	await page.getByLabel('Load balancer or Cloudflare addresses').fill('192.0.2.10');
	const gate = await gateChunks(page, DOCKER_PROXY_MARKER);
	gate.mode = 'hold';
	// behind a load balancer the step's files are the firewall's (one module)
	const nav = page.getByRole('navigation');
	await nav.getByRole('link', { name: /Front proxy and firewall/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Front proxy and firewall');
	await expect(page.getByRole('region', { name: 'deskpro-docker.nft' })).toBeVisible();
	// a reverse proxy on the host adds the proxy's configuration, from another module (held)
	await nav.getByRole('link', { name: /Docker environment/ }).first().click();
	await page.getByRole('radio', { name: /Reverse proxy on the same host/ }).check();
	await nav.getByRole('link', { name: /Front proxy and firewall/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Front proxy and firewall');
	await expect.poll(() => gate.fetched).toBeGreaterThan(0);
	await expect(page.getByRole('heading', { name: 'Generated files' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Loading the file generators…' })).toBeVisible();
	// not the firewall's files alone, as if they were all
	await expect(page.getByRole('region', { name: 'deskpro-docker.nft' })).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'deskpro-docker-ufw.txt' })).toHaveCount(0);
	await gate.release('pass');
	await expect(page.getByRole('region', { name: 'deskpro-proxy.nginx.conf' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'deskpro-docker.nft' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Loading the file generators…' })).toHaveCount(0);
});

test('the step’s text: Try again is busy while it runs, the wait is said in a live region already there, a new failure is an alert again', async ({ page }) => {
	const gate = await gateChunks(page, PASSWORD_POLICY_WHY);
	gate.mode = 'abort';
	await page.goto('/step/password-policy');
	const failure = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
	await expect(failure).toBeVisible();
	await markStatuses(page);
	// it fails again: the alert, and the button back to normal
	const retry = await busyThenFailsAgain(page, gate, failure, page, async () => expect(await statusWasThere(page, 'Loading the step’s explanations…')).toBe(true));
	await expect(page.getByRole('status').filter({ hasText: 'Loading the step’s explanations…' })).toHaveCount(0);
	gate.mode = 'pass';
	await retry.click();
	await expect(page.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the step’s generators: Try again is busy while it runs, the wait is said in a live region already there, a new failure is an alert again', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();
	const gate = await gateChunks(page, NGINX_MARKER);
	gate.mode = 'abort';
	await page.getByRole('link', { name: /Web-server configuration/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Web-server configuration');
	const failure = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
	await expect(failure).toBeVisible({ timeout: 5000 });
	await markStatuses(page);
	const retry = await busyThenFailsAgain(page, gate, failure, page, async () => expect(await statusWasThere(page, 'Loading the file generators…')).toBe(true));
	gate.mode = 'pass';
	await retry.click();
	await expect(page.getByRole('region', { name: 'deskpro.nginx.conf' })).toBeVisible();
	await expect(page.getByRole('button', { name: /Try(ing)? again/ })).toHaveCount(0);
});

test('the export panel: a failure is an alert, the wait a status already there, and Try again is busy while it runs', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Cloud');
	const gate = await gateChunks(page, PASSWORD_POLICY_WHY);
	gate.mode = 'hold';
	await page.goto('/summary');
	await expect.poll(() => gate.fetched).toBeGreaterThan(0);
	await expect(page.getByRole('status').filter({ hasText: 'Exports are available once every step that applies has loaded.' })).toBeVisible();
	await markStatuses(page);
	await gate.release('abort');
	// the failure is announced (an alert), not a note
	const failure = page.getByRole('alert').filter({ hasText: 'The text of some steps could not be loaded' });
	await expect(failure).toBeVisible();
	await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeDisabled();
	const retry = await busyThenFailsAgain(page, gate, failure, page, async () =>
		expect(await statusWasThere(page, 'Exports are available once every step that applies has loaded.')).toBe(true)
	);
	gate.mode = 'pass';
	await retry.click();
	await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeEnabled();
	await expect(failure).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Try(ing)? again/ })).toHaveCount(0);
});

test('the export panel’s files card and the audit page: the generators’ Try again is busy while it runs', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();
	// the audit library (the audit page's script, the summary's complete list of files)
	const gate = await gateChunks(page, AUDIT_MARKER);
	gate.mode = 'abort';
	for (const [path, loading] of [
		['/summary', 'Loading the file generators…'],
		['/audit', 'Loading the script generator…']
	] as const) {
		await page.goto(path);
		const failure = page.getByRole('alert').filter({ hasText: 'The file generators could not be loaded' });
		await expect(failure).toBeVisible();
		await markStatuses(page);
		await busyThenFailsAgain(page, gate, failure, page, async () => expect(await statusWasThere(page, loading)).toBe(true));
		gate.mode = 'abort';
	}
	// and a Try again that works brings the script
	gate.mode = 'pass';
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByRole('button', { name: 'Download deskpro-audit.sh' })).toBeVisible();
	await expect(page.getByRole('button', { name: /Try(ing)? again/ })).toHaveCount(0);
});

test('Linux + nginx, Set file permissions (the permissions script and the crontab, two modules): loading until both are in', async ({ page }) => {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();
	const gate = await gateChunks(page, 'Deskpro Download: ownership and permissions, generated');
	gate.mode = 'hold';
	await page.goto('/step/server-permissions');
	await expect.poll(() => gate.fetched).toBeGreaterThan(0);
	await expect(page.getByRole('status').filter({ hasText: 'Loading the file generators…' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'deskpro.cron' })).toHaveCount(0);
	await gate.release('pass');
	await expect(page.getByRole('region', { name: 'deskpro-permissions.sh' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'deskpro.cron' })).toBeVisible();
});

test('the password lab: Try again is busy while it runs, its wait a status already there, and a new failure is an alert again', async ({ page }) => {
	const gate = await gateChunks(page, LAB_MARKER);
	gate.mode = 'abort';
	await page.goto('/step/password-policy');
	await page.getByRole('button', { name: 'Test passwords against this policy' }).click();
	const failure = page.getByRole('alert').filter({ hasText: 'The password lab could not be loaded' });
	await expect(failure).toBeVisible();
	await expect(page.getByRole('button', { name: 'Try again' })).toBeFocused();
	await markStatuses(page);
	const retry = await busyThenFailsAgain(page, gate, failure, page, async () => expect(await statusWasThere(page, 'Loading the password lab…')).toBe(true));
	await expect(page.getByRole('status').filter({ hasText: 'Loading the password lab…' })).toHaveCount(0);
	gate.mode = 'pass';
	await retry.click();
	await expect(page.getByLabel('Candidate password')).toBeVisible();
	await expect(page.getByRole('button', { name: /Try(ing)? again/ })).toHaveCount(0);
});

test('a self-hosted group of steps: Try again is busy while it runs, the wait a status already there, and a new failure is an alert again', async ({ page }) => {
	const gate = await gateChunks(page, SERVER_GROUP_MARKER);
	gate.mode = 'abort';
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	await page.getByRole('navigation').getByRole('link', { name: /^Server environment/ }).first().click();
	const failure = page.getByRole('main').getByRole('alert').filter({ hasText: 'The self-hosted steps could not be loaded' });
	await expect(failure).toBeVisible();
	await markStatuses(page);
	const retry = await busyThenFailsAgain(page, gate, failure, page, async () => expect(await statusWasThere(page, 'Loading the step…')).toBe(true));
	await expect(page.getByRole('status').filter({ hasText: 'Loading the step…' })).toHaveCount(0);
	gate.mode = 'pass';
	await retry.click();
	await expect(page.getByLabel('Install path (web root)')).toBeVisible();
	await expect(page.getByRole('button', { name: /Try(ing)? again/ })).toHaveCount(0);
});

test('the password step’s extra, the notice about saved progress and “Start a new plan”: Try again is busy while it runs, and a new failure is an alert again', async ({ page }) => {
	// the step's extra (the lab's opener)
	let gate = await gateChunks(page, LAB_OPENER_MARKER);
	gate.mode = 'abort';
	await page.goto('/step/password-policy');
	let retry = await busyThenFailsAgain(page, gate, page.getByRole('alert').filter({ hasText: 'Part of this step could not be loaded' }));
	gate.mode = 'pass';
	await retry.click();
	await expect(page.getByRole('button', { name: 'Test passwords against this policy' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.unrouteAll({ behavior: 'ignoreErrors' });

	// the notice about saved progress: its messages stay while it tries again
	await page.evaluate(() => localStorage.setItem('deskpro-hardening-wizard:plan', 'not a plan {'));
	gate = await gateChunks(page, NOTICE_MARKER);
	gate.mode = 'abort';
	await page.goto('/step/about');
	const notice = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' });
	await expect(notice).toBeVisible();
	const noticeFailure = notice.getByText('The rest of this notice could not be loaded');
	retry = await busyThenFailsAgain(page, gate, noticeFailure, notice);
	await expect(notice).toBeVisible();
	gate.mode = 'pass';
	await retry.click();
	await expect(page.getByRole('button', { name: 'Download the saved text (plan file)' })).toBeVisible();
	await expect(noticeFailure).toHaveCount(0);
	await page.unrouteAll({ behavior: 'ignoreErrors' });

	// "Start a new plan"
	gate = await gateChunks(page, NEW_PLAN_MARKER);
	gate.mode = 'abort';
	await page.getByRole('button', { name: 'Start a new plan…' }).click();
	retry = await busyThenFailsAgain(page, gate, page.getByRole('alert').filter({ hasText: '“Start a new plan” could not be opened' }));
	gate.mode = 'pass';
	await retry.click();
	const dialog = page.getByRole('dialog', { name: 'Start a new plan?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('button', { name: 'Start a new plan…' })).toBeFocused();
	await expect(page.getByRole('button', { name: /Try(ing)? again/ })).toHaveCount(0);
});
