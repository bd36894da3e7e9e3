/**
 * Keyboard-only completion of the whole wizard (issue 6): no mouse, no programmatic focus. Every
 * control is reached with Tab (forward from wherever focus is), operated with Enter, Space,
 * arrow keys and typing, and shows a visible focus indicator when reached.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { stepIdOf } from './helpers/wizard';

test.describe.configure({ timeout: 600_000 });

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, what: string, max = 400) {
	const handle = await target.elementHandle();
	if (!handle) throw new Error(`${what}: not on the page`);
	for (let i = 0; i < max; i++) {
		if (await page.evaluate((el) => document.activeElement === el, handle)) {
			const visible = await page.evaluate((el) => {
				const cs = getComputedStyle(el);
				return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
			}, handle);
			expect(visible, `${what} shows a focus indicator`).toBe(true);
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`${what}: not reached with ${max} presses of Tab`);
}

async function typeInto(page: Page, target: Locator, what: string, text: string) {
	await tabTo(page, target, what);
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(text);
}

/** Focuses a radio group with Tab and moves the selection with arrow keys to `name`. */
async function chooseRadio(page: Page, group: Locator, name: string | RegExp, what: string) {
	const radios = group.getByRole('radio');
	const n = await radios.count();
	const wanted = group.getByRole('radio', { name, exact: typeof name === 'string' });
	if (await wanted.isChecked()) return;
	// Tab lands on the checked radio of the group (or the first when none is checked).
	const checked = group.locator('input[type=radio]:checked');
	await tabTo(page, (await checked.count()) ? checked.first() : radios.first(), what);
	for (let i = 0; i < n && !(await wanted.isChecked()); i++) await page.keyboard.press('ArrowDown');
	if (!(await wanted.isChecked())) await page.keyboard.press('Space');
	await expect(wanted, what).toBeChecked();
}

async function followNext(page: Page, from: string) {
	await tabTo(page, page.getByRole('link', { name: /^Next:/ }), `Next link on ${from}`);
	await page.keyboard.press('Enter');
	await expect.poll(() => stepIdOf(page.url())).not.toBe(from);
	// Focus moves to the new page's heading (so Tab continues from the top of the content).
	await expect(page.locator('main h1')).toBeFocused();
}

test('the whole wizard can be completed with the keyboard alone', async ({ page }) => {
	await page.goto('/');
	await tabTo(page, page.getByRole('link', { name: /Start: about your helpdesk/ }), 'Start link');
	await page.keyboard.press('Enter');
	await expect.poll(() => stepIdOf(page.url())).toBe('about');

	await typeInto(page, page.getByLabel('Helpdesk name'), 'Helpdesk name', 'Acme Support');
	await typeInto(page, page.getByLabel('Helpdesk URL'), 'Helpdesk URL', 'https://support.example.com/');
	await chooseRadio(page, page.getByRole('group', { name: 'How is Deskpro deployed?' }), /Deskpro Download/, 'deployment');
	await expect(page.locator('main [aria-invalid="true"]')).toHaveCount(0);
	await followNext(page, 'about');

	const visited = ['about'];
	for (let guard = 0; guard < 60; guard++) {
		const id = stepIdOf(page.url());
		visited.push(id);
		if (id === 'summary') break;
		const presets = page.getByRole('group', { name: 'Presets' }).getByRole('button');
		if (await presets.count()) {
			await tabTo(page, presets.first(), `first preset on ${id}`);
			await page.keyboard.press('Enter');
		}
		// Repair what is invalid: the Generate button next to a field, else type its placeholder.
		const invalid = page.locator('main [aria-invalid="true"]');
		for (let i = 0; i < (await invalid.count()); i++) {
			const el = invalid.nth(i);
			const gen = el.locator('xpath=following-sibling::button[starts-with(normalize-space(.), "Generate")]');
			if (await gen.count()) {
				await tabTo(page, gen.first(), `Generate on ${id}`);
				await page.keyboard.press('Enter');
			} else {
				const placeholder = await el.getAttribute('placeholder');
				if (placeholder) await typeInto(page, el, `invalid field on ${id}`, placeholder);
			}
		}
		await expect(page.locator('main [aria-invalid="true"]'), `fields left invalid on ${id}`).toHaveCount(0);
		const items = page.locator('main li.item');
		for (let i = 0; i < (await items.count()); i++) {
			const group = items.nth(i).locator('fieldset.states');
			if (await group.count()) await chooseRadio(page, group, 'Done', `checklist item ${i + 1} on ${id}`);
		}
		await followNext(page, id);
	}
	expect(visited.at(-1)).toBe('summary');
	// The summary shows every item settled: none is left open.
	await expect(page.locator('main li[class*="state-"]').first()).toBeVisible();
	await expect(page.locator('main li.state-open')).toHaveCount(0);

	// Exports on the summary are reachable and operable with the keyboard too.
	const buttons = page.locator('main button').filter({ hasText: /download|export|zip|pdf|markdown|json/i });
	for (let i = 0; i < (await buttons.count()); i++) {
		const b = buttons.nth(i);
		if (!(await b.isVisible()) || (await b.isDisabled())) continue;
		const name = (await b.innerText()).trim();
		await tabTo(page, b, `summary button "${name}"`);
		const download = page.waitForEvent('download', { timeout: 10_000 }).catch(() => null);
		await page.keyboard.press('Enter');
		const dialog = page.locator('dialog[open], [role="dialog"]:visible');
		if (await dialog.count()) {
			await page.keyboard.press('Escape');
			await expect(dialog).toHaveCount(0);
		} else {
			expect(await download, `download from "${name}"`).not.toBeNull();
		}
	}
});

test('the skip link and the step list work from the keyboard at 360 px', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 760 });
	await page.goto('/step/about');
	await expect(page.locator('main h1')).toBeVisible(); // rendered in the browser (ssr = false)
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await tabTo(page, page.getByRole('button', { name: 'Steps' }), 'Steps menu button');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Steps' })).toHaveAttribute('aria-expanded', 'true');
	await tabTo(page, page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('link', { name: /Summary/ }), 'Summary in the step list');
	await page.keyboard.press('Enter');
	await expect.poll(() => stepIdOf(page.url())).toBe('summary');
	await expect(page.getByRole('button', { name: 'Steps' })).toHaveAttribute('aria-expanded', 'false');
});
