/**
 * The wizard as a new user meets it (issue 2): a whole run for a Cloud helpdesk and for a
 * self-hosted nginx one, answers and ticks surviving a reload, a bad CIDR range refused next
 * to its field, one step walked with the keyboard alone, and unreadable saved data.
 *
 * The complete runs iterate over the links of the step list, not over a list of ids written
 * here, so steps added later are covered too.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fillAbout, repairInvalidFields } from './helpers/wizard';

test.describe.configure({ timeout: 180_000 });

const STORAGE_KEY = 'deskpro-hardening-wizard:plan';

const stepList = (page: Page) => page.getByRole('navigation', { name: 'Wizard steps' });
const item = (page: Page, id: string) => page.locator(`main li.item[data-item-id="${id}"]`);
const itemState = (page: Page, id: string, state: 'Open' | 'Done' | 'Skipped' | 'Not applicable') =>
	item(page, id).getByRole('radio', { name: state, exact: true });

async function settle(page: Page) {
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

/** Goes to a step through the step list (client-side navigation, like a user). */
async function openStep(page: Page, href: string) {
	const link = stepList(page).locator(`a[href="${href}"]`);
	// Steps that do not apply are listed collapsed: open their group first.
	if (!(await link.isVisible())) await stepList(page).locator('details', { has: page.locator(`a[href="${href}"]`) }).locator('summary').click();
	await link.click();
	await expect(page).toHaveURL(new RegExp(`${href.replace(/[/.]/g, '\\$&')}$`));
	await expect(page.locator('main h1')).toBeVisible();
}

/** Ticks every editable checklist item of the current page Done; returns how many it ticked. */
async function tickAllDone(page: Page): Promise<number> {
	const items = page.locator('main li.item');
	let ticked = 0;
	for (let i = 0; i < (await items.count()); i++) {
		const done = items.nth(i).getByRole('radio', { name: 'Done', exact: true });
		if ((await done.count()) === 0) continue; // fixed to N/A: not editable
		await done.check();
		ticked++;
	}
	await settle(page);
	return ticked;
}

async function startNewPlan(page: Page, deployment: RegExp) {
	await page.goto('/');
	await page.getByRole('link', { name: /Start: about your helpdesk/ }).click();
	await expect(page).toHaveURL(/\/step\/about$/);
	await fillAbout(page, deployment);
}

async function stepHrefs(page: Page): Promise<string[]> {
	return stepList(page)
		.locator('a')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** Walks every step of the step list, repairs what is invalid, ticks everything Done. */
async function completeEveryStep(page: Page): Promise<{ visited: string[]; ticked: number }> {
	const hrefs = (await stepHrefs(page)).filter((h) => !/\/(summary|step\/about)$/.test(h));
	expect(hrefs.length).toBeGreaterThanOrEqual(9);
	let ticked = 0;
	for (const href of hrefs) {
		await openStep(page, href);
		// A step that does not apply needs no valid answers (its items are fixed to N/A).
		if ((await page.locator('main .na-banner').count()) === 0) {
			expect(await repairInvalidFields(page), `fields left invalid on ${href}`).toEqual([]);
		}
		ticked += await tickAllDone(page);
	}
	return { visited: hrefs, ticked };
}

/** The accessible names of the step-list links of practice steps (title + status in words). */
async function practiceStatuses(page: Page): Promise<string[]> {
	const links = stepList(page).locator('a[href*="/step/"]:not([href$="/step/about"])');
	const out: string[] = [];
	// textContent: steps that do not apply are listed collapsed (hidden until their group is opened)
	for (let i = 0; i < (await links.count()); i++) out.push(((await links.nth(i).textContent()) ?? '').replace(/\s+/g, ' '));
	return out;
}

test('a new user completes the whole wizard for a Deskpro Cloud helpdesk', async ({ page }) => {
	await startNewPlan(page, /Deskpro Cloud/);
	const { visited, ticked } = await completeEveryStep(page);
	expect(visited).toContain('/step/ip-whitelisting');
	expect(ticked).toBeGreaterThan(30);

	// Every practice step is done, or not applicable (the server steps) with its reason.
	const statuses = await practiceStatuses(page);
	for (const s of statuses) expect(s).toMatch(/\((done|not applicable)\)/);
	// the steps that do not apply are listed collapsed: open their groups
	for (const summary of await stepList(page).locator('details:not([open]) > summary').all()) await summary.click();
	const naLinks = stepList(page).getByRole('link', { name: /\(not applicable\)/ });
	const naCount = await naLinks.count();
	if (naCount > 0) {
		await naLinks.first().click();
		await expect(page.locator('main .na-banner')).toContainText('Not applicable to this helpdesk.');
		await expect(page.locator('main .na-banner')).toContainText('this helpdesk is Deskpro Cloud');
	}

	// Items that do not apply to Cloud are fixed to N/A with a reason, not editable.
	await openStep(page, '/step/review-logs');
	await expect(item(page, 'review-logs.error-logs')).toContainText('Not applicable: Deskpro Cloud');
	await expect(itemState(page, 'review-logs.error-logs', 'Done')).toHaveCount(0);

	// every step that applies counts (about and each practice; the server steps and the audit do not apply to Cloud)
	const applying = (await stepHrefs(page)).filter((h) => !h.endsWith('/summary')).length - naCount;
	await expect(stepList(page).getByText(`${applying} of ${applying} steps that apply complete`)).toBeVisible();

	await openStep(page, '/summary');
	await expect(page.locator('main li.tile-open strong')).toHaveText('0');
	await expect(page.locator('main .state-open')).toHaveCount(0);
	await expect(page.locator('main .overview p strong')).toHaveText('100%');
	// Settings are grouped by menu path: each path is shown once.
	const menus = await page.locator('main table tr.menu').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-menu')));
	expect(menus.length).toBeGreaterThanOrEqual(8);
	expect(new Set(menus).size).toBe(menus.length);
	// Deskpro Cloud: the current admin interface's menus only (issue #15), and no server error logs.
	expect(menus).toContain('Agents > Settings > IP Whitelisting');
	expect(menus.filter((m) => m?.startsWith('Admin > '))).toEqual([]);
	expect(menus.some((m) => /Error Logs/.test(m ?? ''))).toBe(false);
	await expect(page.locator('main table')).toContainText('agent.ip_security.whitelist_lifetime');
	await expect(page.locator('main table')).toContainText('21 days (1 814 400 s)');
});

test('a new user completes the whole wizard for a self-hosted nginx helpdesk', async ({ page }) => {
	await startNewPlan(page, /Deskpro Download/);
	await expect(page.getByRole('radio', { name: 'nginx', exact: true })).toBeChecked();
	const { visited } = await completeEveryStep(page);
	expect(visited.some((h) => h.includes('/step/server-'))).toBe(true);

	for (const s of await practiceStatuses(page)) expect(s).toMatch(/\((done|not applicable)\)/);
	await expect(stepList(page).getByRole('link', { name: /Login rate limiting \(done\)/ })).toBeVisible();
	await expect(stepList(page).getByRole('link', { name: /IP whitelisting \(done\)/ })).toBeVisible();

	// On a self-hosted helpdesk the proxy and error-log items are the admin's to tick.
	await openStep(page, '/step/review-logs');
	await expect(itemState(page, 'review-logs.error-logs', 'Done')).toBeChecked();
	await openStep(page, '/step/rate-limiting');
	await expect(itemState(page, 'rate-limiting.proxy', 'Done')).toBeChecked();

	await openStep(page, '/summary');
	await expect(page.locator('main li.tile-open strong')).toHaveText('0');
	await expect(page.locator('main .state-open')).toHaveCount(0);
	await expect(page.locator('main table tr.menu[data-menu="Admin > Server > Error Logs"]')).toHaveCount(1);
	await expect(page.locator('main')).toContainText('Deskpro Download (legacy self-hosted) · Linux · nginx');
});

/** Every control of the current step: id → value or checked state. */
async function snapshotControls(page: Page): Promise<Record<string, string>> {
	return page.locator('main').evaluate((main) => {
		const out: Record<string, string> = {};
		main.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea').forEach((el, i) => {
			const key = `${el.id || el.name || i}${el.type === 'radio' ? `=${el.value}` : ''}`;
			out[key] = el.type === 'radio' || el.type === 'checkbox' ? String((el as HTMLInputElement).checked) : el.value;
		});
		return out;
	});
}

test('answers and ticks survive a reload half-way through', async ({ page }) => {
	await startNewPlan(page, /Deskpro Download/);

	await openStep(page, '/step/rate-limiting');
	await page.getByLabel(/Agents: failed logins allowed/).fill('7');
	await itemState(page, 'rate-limiting.agents', 'Done').check();
	await itemState(page, 'rate-limiting.users', 'Skipped').check();
	await item(page, 'rate-limiting.users').getByLabel('Reason for skipping').fill('Users sign in through SSO');

	await openStep(page, '/step/ip-whitelisting');
	await page.getByRole('radio', { name: /Admins only/ }).check();
	await page.getByLabel(/Trust a confirmed address for/).fill('30');
	await page.getByLabel('Trusted IP addresses and CIDR ranges').fill('203.0.113.0/24\n2001:db8::/48');
	await item(page, 'ip-whitelisting.train').getByRole('button', { name: /Add note/ }).click();
	await item(page, 'ip-whitelisting.train').getByLabel('Note').fill('Training booked for the March team meeting');

	await openStep(page, '/step/session-length');
	await page.getByRole('button', { name: /NIST AAL3/ }).click();
	await expect(page.getByLabel(/Log agents out after this much inactivity/)).toHaveValue('15');

	await openStep(page, '/step/review-logs');
	await page.getByRole('group', { name: /Audit log review/ }).getByRole('radio', { name: 'Monthly' }).check();
	await page.getByLabel('Who does the reviews').fill('Dana Ng, IT security');
	await itemState(page, 'review-logs.error-logs', 'Not applicable').check();

	await openStep(page, '/step/agent-2fa');
	await page.getByLabel(/Grace period: agents may skip/).fill('2026-07'); // half-typed and invalid: kept as typed
	await expect(page.getByText('Enter the date as YYYY-MM-DD, e.g. 2026-03-31.')).toBeVisible();

	// Remember what every visited step shows, reload, and compare control by control.
	const visited = ['/step/about', '/step/rate-limiting', '/step/ip-whitelisting', '/step/session-length', '/step/review-logs', '/step/agent-2fa'];
	const before: Record<string, Record<string, string>> = {};
	for (const href of visited) {
		await openStep(page, href);
		before[href] = await snapshotControls(page);
	}
	await page.reload();
	await expect(page.locator('main h1')).toBeVisible();
	for (const href of visited) {
		await openStep(page, href);
		expect(await snapshotControls(page), `controls of ${href} after the reload`).toEqual(before[href]);
	}

	// And the specific answers, spelled out.
	await openStep(page, '/step/about');
	await expect(page.getByLabel('Helpdesk name')).toHaveValue('Acme Support');
	await expect(page.getByRole('radio', { name: /Deskpro Download/ })).toBeChecked();
	await openStep(page, '/step/rate-limiting');
	await expect(page.getByLabel(/Agents: failed logins allowed/)).toHaveValue('7');
	await expect(itemState(page, 'rate-limiting.agents', 'Done')).toBeChecked();
	await expect(itemState(page, 'rate-limiting.users', 'Skipped')).toBeChecked();
	await expect(item(page, 'rate-limiting.users').getByLabel('Reason for skipping')).toHaveValue('Users sign in through SSO');
	await openStep(page, '/step/ip-whitelisting');
	await expect(page.getByRole('radio', { name: /Admins only/ })).toBeChecked();
	await expect(page.getByLabel('Trusted IP addresses and CIDR ranges')).toHaveValue('203.0.113.0/24\n2001:db8::/48');
	await expect(item(page, 'ip-whitelisting.train').getByLabel('Note')).toHaveValue('Training booked for the March team meeting');
	await expect(page.locator('main table')).toContainText('30 days (2 592 000 s)');
	await openStep(page, '/step/session-length');
	await expect(page.getByRole('button', { name: /NIST AAL3/ })).toHaveAttribute('aria-pressed', 'true');
	await openStep(page, '/step/review-logs');
	await expect(page.getByRole('group', { name: /Audit log review/ }).getByRole('radio', { name: 'Monthly' })).toBeChecked();
	await expect(itemState(page, 'review-logs.error-logs', 'Not applicable')).toBeChecked();
	await openStep(page, '/step/agent-2fa');
	await expect(page.getByLabel(/Grace period: agents may skip/)).toHaveValue('2026-07');
	await expect(page.getByText('Enter the date as YYYY-MM-DD, e.g. 2026-03-31.')).toBeVisible();
	await expect(stepList(page).getByRole('link', { name: /Two-factor authentication for agents \(needs attention\)/ })).toBeVisible();
});

test('a bad CIDR range is refused next to its field, kept for fixing, and produces no settings', async ({ page }) => {
	await startNewPlan(page, /Deskpro Cloud/);
	await openStep(page, '/step/ip-whitelisting');
	const ranges = page.getByLabel('Trusted IP addresses and CIDR ranges');
	await expect(page.locator('main table')).toContainText('agent.ip_security.enabled');

	await ranges.fill('203.0.113.0/24\n10.0.0.0/33');
	const message = '10.0.0.0/33 is not a valid CIDR range: the prefix must be 0–32.';
	await expect(page.getByText(message)).toBeVisible();
	await expect(ranges).toHaveAttribute('aria-invalid', 'true');
	// The message is tied to the field for screen readers.
	const describedBy = (await ranges.getAttribute('aria-describedby')) ?? '';
	const described = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
	expect(described.join(' ')).toContain(message);
	// No output from invalid data.
	await expect(page.locator('main table')).toHaveCount(0);
	await expect(page.getByText('No settings are shown while a field is invalid.')).toBeVisible();
	await expect(stepList(page).getByRole('link', { name: /IP whitelisting \(needs attention\)/ })).toBeVisible();
	await openStep(page, '/summary');
	await expect(page.locator('main [role="alert"]')).toContainText('IP whitelisting');
	await expect(page.locator('main table')).not.toContainText('agent.ip_security');

	// The bad value is still there to fix; fixed, the settings come back, and the checklist lists the
	// canonical ranges (for a web-server allow-list: Deskpro itself has no list of trusted ranges).
	await openStep(page, '/step/ip-whitelisting');
	await expect(ranges).toHaveValue('203.0.113.0/24\n10.0.0.0/33');
	await ranges.fill('203.0.113.0/24\n10.0.0.0/8\n2001:0DB8::/32');
	await expect(page.getByText(message)).toHaveCount(0);
	await expect(page.locator('main table')).toContainText('agent.ip_security.enabled');
	await expect(page.locator('main')).toContainText('203.0.113.0/24, 10.0.0.0/8, 2001:db8::/32');
});

/** Presses Tab until `target` has focus (at most `max` presses); fails otherwise. */
async function tabTo(page: Page, target: Locator, max = 120) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}

/** The focused element (or, for a visually hidden radio, its label) shows a focus outline. */
async function expectVisibleFocus(page: Page) {
	const outline = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const shown = el.matches('.seg input') ? (el.closest('label') as HTMLElement) : el;
		const s = getComputedStyle(shown);
		return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
	});
	expect(outline.style).not.toBe('none');
	expect(outline.width).toBeGreaterThanOrEqual(2);
}

test('one step can be done with the keyboard alone, with visible focus', async ({ page }) => {
	await startNewPlan(page, /Deskpro Cloud/);
	await openStep(page, '/step/session-length');
	await page.locator('main h1').focus();

	// A preset button.
	const aal3 = page.getByRole('button', { name: /NIST AAL3/ });
	await tabTo(page, aal3);
	await expectVisibleFocus(page);
	await page.keyboard.press('Enter');
	await expect(page.getByLabel(/Log agents out after this much inactivity/)).toHaveValue('15');

	// A number field: type over it.
	const timeout = page.getByLabel(/Log agents out after this much inactivity/);
	await tabTo(page, timeout);
	await expectVisibleFocus(page);
	await page.keyboard.press('Control+A');
	await page.keyboard.type('30');
	await expect(timeout).toHaveValue('30');

	// A checkbox.
	const remember = page.getByLabel('Allow “Remember me” for agents');
	await tabTo(page, remember);
	await page.keyboard.press('Space');
	await expect(remember).toBeChecked();
	await page.keyboard.press('Space');
	await expect(remember).not.toBeChecked();

	// A checklist item: Tab lands on its selected state (Open), the arrow key moves to Done.
	const open = itemState(page, 'session-length.timeout', 'Open');
	await tabTo(page, open);
	await expectVisibleFocus(page);
	await page.keyboard.press('ArrowRight');
	await expect(itemState(page, 'session-length.timeout', 'Done')).toBeChecked();

	// A note, opened and written from the keyboard.
	const addNote = item(page, 'session-length.timeout').getByRole('button', { name: /Add note/ });
	await tabTo(page, addNote);
	await page.keyboard.press('Enter');
	const note = item(page, 'session-length.timeout').getByLabel('Note');
	await tabTo(page, note);
	await page.keyboard.type('Agreed with the service desk lead');
	await expect(note).toHaveValue('Agreed with the service desk lead');

	// The settings reflect it, and Next takes us on with focus on the new heading.
	await expect(page.locator('main table')).toContainText('30 minutes (1 800 s)');
	const next = page.getByRole('link', { name: /^Next:/ });
	await tabTo(page, next, 200);
	await expectVisibleFocus(page);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/step\/review-logs$/);
	await expect(page.locator('main h1')).toBeFocused();

	// Back again: everything done by keyboard was kept.
	await openStep(page, '/step/session-length');
	await expect(itemState(page, 'session-length.timeout', 'Done')).toBeChecked();
	await expect(item(page, 'session-length.timeout').getByLabel('Note')).toHaveValue('Agreed with the service desk lead');
});

test('unreadable saved progress shows a notice with a download, and the page still works', async ({ page }) => {
	const corrupt = '{"kind":"deskpro-hardening-plan","version":2,"planId":"x", "answers": {';
	await page.goto('/');
	await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [STORAGE_KEY, corrupt]);
	await page.goto('/step/about');

	const notice = page.locator('main [role="alert"]').filter({ hasText: 'could not be read' });
	await expect(notice).toBeVisible();
	await expect(notice).toContainText('not valid JSON');
	const downloading = page.waitForEvent('download');
	await notice.getByRole('button', { name: 'Download the saved text' }).click();
	const file = await downloading;
	expect(file.suggestedFilename()).toBe('unreadable-saved-plan.txt');
	expect(readFileSync((await file.path())!, 'utf8')).toBe(corrupt);

	// The wizard works on a fresh plan, and saves again.
	await page.getByLabel('Helpdesk name').fill('Fresh Start Ltd');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('link', { name: /^Next:/ }).click();
	await expect(page).toHaveURL(/\/step\/admin-privileges$/);
	await page.reload();
	await expect(page.locator('main [role="alert"]').filter({ hasText: 'could not be read' })).toHaveCount(0);
	await openStep(page, '/step/about');
	await expect(page.getByLabel('Helpdesk name')).toHaveValue('Fresh Start Ltd');
	const saved = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
	expect(JSON.parse(saved!).answers.about.helpdeskName).toBe('Fresh Start Ltd');
});

test('at 360 px wide no step scrolls sideways, and the step list opens from the header', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	await startNewPlan(page, /Deskpro Download/);
	// The step list is behind the header's "Steps" button on a narrow screen.
	await expect(stepList(page)).toBeHidden();
	await page.getByRole('button', { name: 'Steps' }).click();
	await expect(stepList(page)).toBeVisible();
	const hrefs = [...(await stepHrefs(page)), '/'];
	// Long values too: a long helpdesk URL and IPv6 ranges must wrap, not widen the page.
	await page.goto('/step/ip-whitelisting');
	await page.getByLabel('Trusted IP addresses and CIDR ranges').fill('2001:db8:1234:5678:9abc:def0:1234:5678\n2001:db8:aaaa:bbbb::/64');
	for (const href of hrefs) {
		await page.goto(href);
		await expect(page.locator('main h1')).toBeVisible();
		const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
		expect(widths.doc, `${href} is ${widths.doc} px wide at ${widths.view} px`).toBeLessThanOrEqual(widths.view);
	}
	await context.close();
});
