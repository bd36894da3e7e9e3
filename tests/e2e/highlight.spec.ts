/**
 * Highlighted code blocks (issue 16): on a self-hosted Linux + nginx plan the generated file is
 * shown at once, then highlighted when the lazy highlighter arrives; line numbers show but are
 * not text (the code's text, a mouse selection's copy and the Copy button all give exactly the
 * downloaded file); no CSP violation. The highlighter (a small core, then one chunk per
 * language) is fetched only by pages that show a code block: not the welcome page, not a Cloud
 * step, not a self-hosted step without files; and only the languages shown (no PowerShell on a
 * Linux plan).
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDir } from '../fresh-build';

/**
 * A language's tokenizer file in the build being served (build-test/, see playwright.config.ts
 * and scripts/serve-test-build.js), found by its content, which is in no other chunk: nginx's
 * number pattern (src/lib/highlight/nginx.ts), the bash and PowerShell keyword lists. Exactly one
 * file must hold it.
 */
const TOKENIZER_MARKERS = { nginx: 'smhdwMyKkMmGg', bash: 'typeset set unset', powershell: 'dynamicparam', php: 'enddeclare endfor endforeach' } as const;
function tokenizerChunk(language: keyof typeof TOKENIZER_MARKERS): string {
	const dir = join(buildDir, '_app', 'immutable', 'chunks');
	const files = readdirSync(dir).filter((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes(TOKENIZER_MARKERS[language]));
	expect(files, `one chunk holds the ${language} tokenizer`).toHaveLength(1);
	return `/_app/immutable/chunks/${files[0]}`;
}

async function recordCspViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeBinding('__reportCspViolation', (_src, v: string) => void violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} sample=${e.sample}`);
		});
	});
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
	});
	return violations;
}

async function linuxNginxPlan(page: Page) {
	await page.goto('/step/about');
	await page.getByLabel('Helpdesk name').fill('Acme Support');
	await page.getByLabel('Helpdesk URL').fill('https://support.example.com/');
	await page.getByRole('radio', { name: /Deskpro Download/ }).check();
	await page.getByRole('radio', { name: 'nginx', exact: true }).check();
}

const tokenCount = (code: Locator) => code.evaluate((el) => el.querySelectorAll('[class^="tok-"]').length);

test('a generated nginx file: shown at once, then highlighted, numbered, and copied exactly', async ({ page, context, baseURL }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	const violations = await recordCspViolations(page);
	const chunk = tokenizerChunk('nginx');
	// Hold the nginx tokenizer back to see the plain text first.
	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	await page.route(`**${chunk}`, async (route) => {
		await held;
		await route.continue();
	});
	await linuxNginxPlan(page);
	await page.getByRole('link', { name: /Web-server configuration/ }).first().click();

	const file = page.getByRole('region', { name: 'deskpro.nginx.conf' });
	const code = file.getByLabel('Contents of deskpro.nginx.conf');
	await expect(code).toContainText('server_name support.example.com;');
	const downloadP = page.waitForEvent('download');
	await file.getByRole('button', { name: 'Download' }).click();
	const downloaded = readFileSync((await (await downloadP).path())!, 'utf8');
	expect(downloaded).toContain('server_name support.example.com;');

	// before the highlighter arrives: the exact text, plain
	expect(await code.evaluate((el) => el.textContent)).toBe(downloaded);
	expect(await tokenCount(code)).toBe(0);
	release();
	await expect.poll(() => tokenCount(code)).toBeGreaterThan(100);
	// highlighted: the same text exactly, the directive is a keyword in its own colour
	expect(await code.evaluate((el) => el.textContent)).toBe(downloaded);
	const directive = await code.evaluate((el) => {
		const tok = [...el.querySelectorAll('[class^="tok-"]')].find((t) => t.textContent === 'server_name')!;
		return { cls: tok.className, colour: getComputedStyle(tok).color, plain: getComputedStyle(el).color };
	});
	expect(directive.cls).toMatch(/^tok-keyword\b/);
	expect(directive.colour).not.toBe(directive.plain);

	// line numbers: one per line, drawn before the text (a CSS counter, not text)
	const numbers = await code.evaluate((el) => {
		const lines = [...el.querySelectorAll('code > span')];
		const before = getComputedStyle(lines[0]!, '::before');
		const text = document.createRange();
		text.selectNodeContents(lines[0]!);
		return {
			lines: lines.length,
			content: before.content,
			display: before.display,
			indent: text.getBoundingClientRect().left - el.getBoundingClientRect().left
		};
	});
	expect(numbers.lines).toBe(downloaded.replace(/\n$/, '').split('\n').length);
	expect(numbers.content).toMatch(/counter\(line\)/);
	expect(numbers.display).not.toBe('none');
	expect(numbers.indent, 'the text starts after a gutter').toBeGreaterThan(20);
	await expect(file.getByText(`${numbers.lines} lines`)).toBeVisible();

	// the Copy button copies the generated text
	await file.getByRole('button', { name: 'Copy deskpro.nginx.conf' }).click();
	await expect(file.getByRole('status')).toHaveText('Copied');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(downloaded);

	// selecting the whole block and copying with the keyboard: no line numbers in the copy, every
	// line exact. (Chromium leaves the final line break of any <pre> out of a selection's copy; it
	// did so for the plain block before highlighting too. The Copy button above keeps it.)
	expect(downloaded.endsWith('\n') && !downloaded.endsWith('\n\n')).toBe(true);
	await page.evaluate(() => navigator.clipboard.writeText(''));
	await code.evaluate((el) => {
		const r = document.createRange();
		r.selectNodeContents(el.querySelector('code')!);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(r);
	});
	await page.keyboard.press('Control+C');
	await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(downloaded.slice(0, -1));

	// a mouse drag from the gutter of line 1 to the end of line 3 copies the first three lines only
	await page.evaluate(() => navigator.clipboard.writeText(''));
	await page.evaluate(() => getSelection()!.removeAllRanges());
	await code.evaluate((el) => (el.scrollTop = 0));
	const box = await code.evaluate((el) => {
		const lines = [...el.querySelectorAll('code > span')];
		const first = lines[0]!.getBoundingClientRect();
		const third = document.createRange();
		third.selectNodeContents(lines[2]!);
		const end = third.getBoundingClientRect();
		return { x0: el.getBoundingClientRect().left + 2, y0: first.top + first.height / 2, x1: end.right - 1, y1: end.top + end.height / 2 };
	});
	await page.mouse.move(box.x0, box.y0);
	await page.mouse.down();
	await page.mouse.move(box.x1, box.y1, { steps: 8 });
	await page.mouse.up();
	await page.keyboard.press('Control+C');
	const firstThree = downloaded.split('\n').slice(0, 3).join('\n');
	await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(firstThree);

	expect(violations).toEqual([]);
});

test('the nginx tokenizer is fetched only by a page with an nginx code block', async ({ page }) => {
	const violations = await recordCspViolations(page);
	const chunk = tokenizerChunk('nginx');
	const fetched: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).pathname === chunk) fetched.push(new URL(page.url()).pathname);
	});

	await page.goto('/');
	await page.waitForLoadState('networkidle');
	await page.getByRole('link', { name: /Start: about your helpdesk|Continue where you left off/ }).waitFor();
	expect(fetched, 'the welcome page').toEqual([]);

	// a Cloud plan: no generated files, no highlighter
	await page.goto('/step/about');
	await page.getByRole('radio', { name: /Deskpro Cloud/ }).check();
	await page.goto('/step/password-policy');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(fetched, 'a Cloud step').toEqual([]);

	// a self-hosted plan, on a step without files
	await linuxNginxPlan(page);
	await page.goto('/step/admin-privileges');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel(/^Contents of /)).toHaveCount(0);
	expect(fetched, 'a self-hosted step without code blocks').toEqual([]);

	// the first code block fetches it, once
	await page.getByRole('link', { name: /Web-server configuration/ }).first().click();
	await expect(page.getByLabel('Contents of deskpro.nginx.conf')).toBeVisible();
	await expect.poll(() => fetched.length).toBe(1);
	expect(fetched).toEqual(['/step/server-web-config']);
	expect(violations).toEqual([]);
});

test('token colours follow the theme on screen, and print in the light colours even from a dark screen', async ({ page }) => {
	await linuxNginxPlan(page);
	await page.getByRole('link', { name: /Web-server configuration/ }).first().click();
	const code = page.getByRole('region', { name: 'deskpro.nginx.conf' }).getByLabel('Contents of deskpro.nginx.conf');
	await expect.poll(() => tokenCount(code)).toBeGreaterThan(100);
	const keyword = () => code.locator('.tok-keyword').first().evaluate((el) => getComputedStyle(el).color);
	await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
	const light = await keyword();
	await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
	const dark = await keyword();
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	const printed = await keyword();
	// --hl-keyword of src/lib/highlight/theme.css: #b3123c light, #ff8fa3 dark
	expect(light).toBe('rgb(179, 18, 60)');
	expect(dark).toBe('rgb(255, 143, 163)');
	expect(printed).toBe(light);
});

test('a page fetches only the tokenizers of the languages it shows: nginx and bash on a Linux plan, never PowerShell', async ({ page }) => {
	const chunks = Object.fromEntries((Object.keys(TOKENIZER_MARKERS) as (keyof typeof TOKENIZER_MARKERS)[]).map((l) => [tokenizerChunk(l), l]));
	const fetched: string[] = [];
	page.on('request', (r) => {
		const lang = chunks[new URL(r.url()).pathname];
		if (lang) fetched.push(`${new URL(page.url()).pathname} ${lang}`);
	});
	await linuxNginxPlan(page);
	await page.waitForLoadState('networkidle');
	expect(fetched, 'the About step shows no code').toEqual([]);

	// the nginx site alone: the nginx tokenizer alone
	await page.goto('/step/server-web-config');
	await expect.poll(() => page.getByLabel('Contents of deskpro.nginx.conf').evaluate((el) => el.querySelectorAll('[class^="tok-"]').length)).toBeGreaterThan(100);
	await page.waitForLoadState('networkidle');
	expect(fetched).toEqual(['/step/server-web-config nginx']);

	// bash scripts (a fresh page load): the bash tokenizer alone
	fetched.length = 0;
	await page.goto('/step/server-post-checks');
	const checks = page.getByLabel('Contents of deskpro-checks.sh');
	await expect.poll(() => checks.evaluate((el) => el.querySelectorAll('[class^="tok-"]').length)).toBeGreaterThan(20);
	await page.waitForLoadState('networkidle');
	expect(fetched).toEqual(['/step/server-post-checks bash']);
});
