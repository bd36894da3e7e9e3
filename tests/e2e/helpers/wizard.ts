/**
 * A generic walk through the whole wizard, shared by the quality specs (CSP, zero network,
 * accessibility, offline). It knows nothing about individual practices: on every step it applies
 * the first preset (when there is one), repairs invalid fields (a "Generate" button next to the
 * field, else the field's placeholder), marks every checklist item done and follows "Next", so
 * it covers steps as they are added. On the summary it presses every export / download / copy
 * button and opens every dialog.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export interface WalkOptions {
	/** Deployment to choose on the about step (the radio's visible label). */
	deployment?: RegExp;
	/** Called on every page once it is filled in (step id, or 'summary'). */
	onPage?: (id: string) => Promise<void>;
	/** Called while a dialog is open (name of the button that opened it). */
	onDialog?: (opener: string) => Promise<void>;
	/** Maximum number of steps before giving up (guards against a loop). */
	maxSteps?: number;
	/** Press export buttons on the summary and download buttons on steps (default true). */
	exportAll?: boolean;
	/** Press download buttons on steps too (default true; only with exportAll). */
	stepDownloads?: boolean;
}

export interface WalkResult {
	steps: string[];
	/** Every download: which button, the suggested file name, its size and first bytes. */
	downloads: { opener: string; name: string; bytes: number; head: string }[];
	/** Steps on which the password strength tester was exercised (a zxcvbn score came back). */
	strengthChecked: string[];
	dialogs: string[];
	exportButtons: string[];
}

/** The step id of the current URL (pathname or hash router). */
export function stepIdOf(url: string): string {
	const m = /\/step\/([^/?#]+)/.exec(url);
	if (m) return decodeURIComponent(m[1]!);
	if (/\/summary(?:$|[?#])/.test(url) || /#\/summary/.test(url)) return 'summary';
	if (/\/audit(?:$|[?#])/.test(url) || /#\/audit/.test(url)) return 'audit';
	return '';
}

async function settle(page: Page) {
	// Svelte updates synchronously after input events; one frame is enough for the DOM.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

export async function fillAbout(page: Page, deployment: RegExp = /Deskpro Download/) {
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: deployment }).check();
	await settle(page);
}

/** Repairs invalid fields of the current step; returns the labels it could not repair. */
export async function repairInvalidFields(page: Page): Promise<string[]> {
	for (let pass = 0; pass < 3; pass++) {
		const invalid = page.locator('main [aria-invalid="true"]');
		const n = await invalid.count();
		if (n === 0) return [];
		for (let i = 0; i < n; i++) {
			const el = invalid.nth(i);
			if (!(await el.isVisible())) continue;
			const gen = el.locator('xpath=following-sibling::button[starts-with(normalize-space(.), "Generate")]');
			if (await gen.count()) {
				await gen.first().click();
				continue;
			}
			const placeholder = await el.getAttribute('placeholder');
			if (placeholder) await el.fill(placeholder);
		}
		await settle(page);
	}
	const left = page.locator('main [aria-invalid="true"]');
	const labels: string[] = [];
	for (let i = 0; i < (await left.count()); i++) labels.push((await left.nth(i).getAttribute('id')) ?? '?');
	return labels;
}

/** Fills the current practice step: first preset, repaired fields, every item done. */
export async function completeStep(page: Page) {
	const presets = page.getByRole('group', { name: 'Presets' }).getByRole('button');
	if (await presets.count()) await presets.first().click();
	const left = await repairInvalidFields(page);
	expect(left, `fields the generic walk could not make valid on ${page.url()}`).toEqual([]);
	const items = page.locator('main li.item');
	for (let i = 0; i < (await items.count()); i++) {
		const done = items.nth(i).getByRole('radio', { name: 'Done', exact: true });
		if ((await done.count()) && !(await done.isChecked())) await done.check();
	}
	await settle(page);
}

/** Buttons on the page that export, download, copy or open a dialog. */
export function exportButtons(page: Page): Locator {
	return page.locator('main button').filter({ hasText: /\b(download|export|copy|save|zip|pdf|markdown|json|print|preview|import|open|view)\b/i });
}

async function pressExports(page: Page, opts: WalkOptions, result: WalkResult, only?: RegExp) {
	const buttons = only ? page.locator('main button').filter({ hasText: only }) : exportButtons(page);
	const count = await buttons.count();
	for (let i = 0; i < count; i++) {
		const b = buttons.nth(i);
		if (!(await b.isVisible()) || (await b.isDisabled())) continue;
		const name = (await b.innerText()).trim().replace(/\s+/g, ' ');
		if (/^import/i.test(name)) continue; // import needs a file: covered by its own spec
		result.exportButtons.push(name);
		const download = page.waitForEvent('download', { timeout: 15_000 }).catch(() => null);
		await b.click();
		const dialog = page.locator('dialog[open], [role="dialog"]:visible, [role="alertdialog"]:visible');
		if (await dialog.count()) {
			result.dialogs.push(name);
			await opts.onDialog?.(name);
			// Press the dialog's own download/export buttons, then close it.
			const inner = dialog.first().locator('button').filter({ hasText: /download|export|save|zip|pdf|markdown|json/i });
			for (let j = 0; j < (await inner.count()); j++) {
				const ib = inner.nth(j);
				if (!(await ib.isVisible()) || (await ib.isDisabled())) continue;
				const innerName = (await ib.innerText()).trim();
				const d2 = page.waitForEvent('download', { timeout: 15_000 }).catch(() => null);
				await ib.click();
				const got = await d2;
				if (got) result.downloads.push(await describe(got, `${name} → ${innerName}`));
			}
			await page.keyboard.press('Escape');
			await expect(dialog).toHaveCount(0);
			continue;
		}
		if (/download|export|zip|pdf|markdown|json|save/i.test(name)) {
			const got = await download;
			if (got) result.downloads.push(await describe(got, name));
		}
	}
}

async function describe(d: Download, opener: string) {
	const path = await d.path();
	const { readFileSync } = await import('node:fs');
	const data = path ? readFileSync(path) : Buffer.alloc(0);
	return { opener, name: d.suggestedFilename(), bytes: data.length, head: data.subarray(0, 8).toString('latin1') };
}

/**
 * Exercises the password strength tester when the step has one (opening the password lab first
 * when the step offers its button): a score must come back from the (lazily loaded) zxcvbn
 * worker. The test password is not a secret of the plan.
 */
async function exerciseStrengthTester(page: Page): Promise<boolean> {
	const open = page.getByRole('button', { name: 'Test passwords against this policy' });
	const input = page.getByLabel('Candidate password');
	if (await open.count()) await open.click();
	else if (!(await input.count())) return false;
	await input.fill('Tr0ub4dor&3 horse staple');
	await expect(page.locator('[data-testid="strength-report"][data-state="done"]')).toBeVisible({ timeout: 60_000 });
	return true;
}

/** From the welcome page (already loaded) through every step to the summary and its exports. */
export async function walkWizard(page: Page, opts: WalkOptions = {}): Promise<WalkResult> {
	const result: WalkResult = { steps: [], downloads: [], strengthChecked: [], dialogs: [], exportButtons: [] };
	await page.getByRole('link', { name: /Start: about your helpdesk|Continue where you left off/ }).click();
	await expect.poll(() => stepIdOf(page.url())).not.toBe('');
	await expect(page.locator('main h1')).toBeVisible();
	for (let n = 0; n < (opts.maxSteps ?? 60); n++) {
		const id = stepIdOf(page.url());
		expect(id, `a step URL: ${page.url()}`).not.toBe('');
		result.steps.push(id);
		if (id === 'about') await fillAbout(page, opts.deployment);
		else if (id !== 'summary') await completeStep(page);
		if (await exerciseStrengthTester(page)) result.strengthChecked.push(id);
		await opts.onPage?.(id);
		if (id !== 'summary' && opts.exportAll !== false && opts.stepDownloads !== false) await pressExports(page, opts, result, /download/i);
		if (id === 'summary') {
			if (opts.exportAll !== false) await pressExports(page, opts, result);
			return result;
		}
		const next = page.getByRole('link', { name: /^Next:/ });
		await next.click();
		// Errors are not shown on arrival: Next first shows any that are left (and stays), then
		// they are repaired like the others and Next goes on.
		const invalid = page.locator('main [aria-invalid="true"]');
		await expect.poll(async () => stepIdOf(page.url()) !== id || (await invalid.count()) > 0).toBe(true);
		if (stepIdOf(page.url()) === id) {
			if (id === 'about') await fillAbout(page, opts.deployment);
			else await completeStep(page);
			await next.click();
		}
		await expect.poll(() => stepIdOf(page.url())).not.toBe(id);
		await expect(page.locator('main h1')).toBeVisible();
	}
	throw new Error(`The wizard did not reach the summary within ${opts.maxSteps ?? 60} steps: ${result.steps.join(' → ')}`);
}
