/**
 * Accessibility (issue 6): axe-core on the welcome page, every step, the summary and every
 * dialog, in light and dark mode — zero WCAG 2.2 A/AA violations. Plus prefers-color-scheme and
 * prefers-reduced-motion are honoured.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { walkWizard } from './helpers/wizard';

test.describe.configure({ timeout: 600_000 });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * Dark mode changes only colours (custom properties in app.css), never the DOM, so the dark
 * pass runs the colour rules of the same tag set; the light pass runs every rule.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function axe(page: Page, where: string, found: string[], colorScheme: 'light' | 'dark') {
	let builder = new AxeBuilder({ page }).withTags(TAGS);
	if (colorScheme === 'dark') builder = builder.withRules(COLOUR_RULES);
	const r = await builder.analyze();
	for (const v of r.violations) {
		const nodes = v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`);
		found.push(`${where}: [${v.id}] ${v.help} (${v.nodes.length})\n${nodes.join('\n')}`);
	}
	return r.passes.length;
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`no WCAG 2.2 A/AA violations on any page or dialog (${colorScheme})`, async ({ page, baseURL, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		await page.emulateMedia({ colorScheme });
		const found: string[] = [];
		let checked = 0;
		await page.goto('/');
		await expect(page.locator('ol.covers').first()).toBeVisible();
		checked += (await axe(page, 'welcome', found, colorScheme)) > 0 ? 1 : 0;
		const walk = await walkWizard(page, {
			stepDownloads: false,
			onPage: async (id) => {
				checked += (await axe(page, `step ${id}`, found, colorScheme)) > 0 ? 1 : 0;
			},
			onDialog: async (opener) => {
				checked += (await axe(page, `dialog opened by "${opener}"`, found, colorScheme)) > 0 ? 1 : 0;
			}
		});
		// Narrow screen with the step list open.
		await page.setViewportSize({ width: 360, height: 800 });
		await page.getByRole('button', { name: 'Steps' }).click();
		checked += (await axe(page, 'summary at 360 px with the step list open', found, colorScheme)) > 0 ? 1 : 0;
		console.log(`axe (${colorScheme}): ${checked} pages/dialogs checked (${walk.steps.length} steps, ${walk.dialogs.length} dialogs: ${walk.dialogs.join(', ') || 'none'}), strength tester shown on ${walk.strengthChecked.join(', ') || 'none'}`);
		expect(checked).toBe(walk.steps.length + walk.dialogs.length + 2);
		expect(found, found.join('\n')).toEqual([]);
	});
}

test('the colour scheme follows prefers-color-scheme', async ({ page }) => {
	const bg = async () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/step/about');
	const light = await bg();
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = await bg();
	const lum = (c: string) => {
		const [r, g, b] = (c.match(/\d+/g) ?? []).map(Number);
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	};
	expect(lum(light)).toBeGreaterThan(200);
	expect(lum(dark)).toBeLessThan(60);
});

test('motion is reduced when the user asks for it', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/step/about');
	// Every element's transitions and animations are (near) instant, smooth scrolling is off.
	const slow = await page.evaluate(() => {
		const out: string[] = [];
		const ms = (v: string) => Math.max(...v.split(',').map((x) => (x.trim().endsWith('ms') ? parseFloat(x) : parseFloat(x) * 1000)));
		for (const el of [document.documentElement, ...document.querySelectorAll('body *')]) {
			const cs = getComputedStyle(el);
			if (ms(cs.transitionDuration) > 1 || ms(cs.animationDuration) > 1) out.push(`${el.tagName}.${el.className}: ${cs.transitionDuration} / ${cs.animationDuration}`);
			if (cs.scrollBehavior === 'smooth') out.push(`${el.tagName}: smooth scroll`);
		}
		return out;
	});
	expect(slow).toEqual([]);
	expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
});
