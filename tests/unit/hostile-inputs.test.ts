/**
 * Issue #12, finding 4, the wizard's side (the shell side is tests/servers/attacks/shown-commands.test.ts):
 * - a plan file with "keepSecrets": true cannot make this browser keep the generated passwords;
 * - the web server's group cannot be a privileged group, nor the cron user the files' owner
 *   (field messages);
 * - control (C0, DEL, C1) and bidirectional characters are refused in every free-text field
 *   (names, sign-off, notes and reasons) with a field message, and the exports (Markdown, .ics,
 *   the bundle's README) carry none of them raw;
 * - a note cannot become a link or HTML in the Markdown export.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { wizard } from '$lib/plan/state.svelte';
import { STORAGE_KEY } from '$lib/plan/storage';
import { derivePlan } from '$lib/plan/derive';
import { newPlan } from '$lib/plan/schema';
import { aboutFields, ABOUT_STEP_ID } from '$lib/plan/about';
import { signoffFields, SIGNOFF_STEP_ID } from '$lib/plan/signoff';
import { checkFields } from '$lib/plan/fields';
import { practices } from '$lib/practices';
import { freeTextProblem } from '$lib/validate/text';
import { PRIVILEGED_GROUPS } from '$lib/validate/server';
import { buildReport } from '$lib/generators/report';
import { reportMarkdown } from '$lib/generators/markdown';
import { reviewCalendar } from '$lib/generators/ics';
import { reviewsFor } from '$lib/generators/reviews';
import { bundleEntries } from '$lib/generators/bundle';
import { outputsFor } from '$lib/outputs';
import { planWith, TEST_PASSWORD, tryServerEnv } from '../servers/env';

const BAD = ['\u0000', '\u001b', '\u0007', '\u007f', '\u0085', '\u009b', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const RAW_BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe('an imported plan cannot opt in to keeping secrets', () => {
	const saved = new Map<string, string>();
	const fake = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v), removeItem: (k: string) => void saved.delete(k) };
	afterEach(() => {
		delete (globalThis as { localStorage?: unknown }).localStorage;
		wizard.reset();
	});

	it('"keepSecrets": true with a generated password: nothing of it reaches this browser’s storage', async () => {
		const plan = planWith({});
		plan.keepSecrets = true;
		const text = JSON.stringify(plan);
		expect(text).toContain(TEST_PASSWORD);
		(globalThis as { localStorage?: unknown }).localStorage = fake;
		wizard.load(); // as the wizard's shell does first: nothing is saved before saved progress is read
		const r = await wizard.importFile(new File([text], 'plan.json', { type: 'application/json' }));
		expect(r.ok).toBe(true);
		expect(wizard.plan.keepSecrets).toBe(false);
		wizard.save();
		const stored = saved.get(STORAGE_KEY) ?? '';
		expect(stored).toContain(plan.planId);
		expect(stored).not.toContain(TEST_PASSWORD);
	});
});

describe('accounts the permissions script would misuse', () => {
	const base = { installPath: '/var/www/deskpro', dataPath: '/srv/deskpro-data', ownerUser: 'deskpro', webUser: 'www-data', webGroup: 'www-data', cronUser: 'dpcron', serverNames: [], adminCidrs: ['10.0.0.0/8'] };
	const required = ['root', 'sudo', 'shadow', 'docker', 'adm', 'disk', 'wheel', 'staff', 'lxd', 'kvm', 'systemd-journal'];

	it.each(required)('web-server group %s: refused with a field message', (group) => {
		expect(Object.keys(PRIVILEGED_GROUPS)).toContain(group);
		const r = tryServerEnv({ ...base, webGroup: group });
		expect('errors' in r && r.errors.webGroup, JSON.stringify(r)).toMatch(new RegExp(`^${group} is a privileged group`));
	});

	it('cron user equal to the owner: refused with a field message; the usual accounts pass', () => {
		const r = tryServerEnv({ ...base, cronUser: 'deskpro' });
		expect('errors' in r && r.errors.cronUser).toMatch(/must differ from the owner/);
		expect('env' in tryServerEnv(base)).toBe(true);
	});
});

describe('control and bidirectional characters in free text', () => {
	it('every text field of the about and sign-off steps and of each practice refuses each one, naming it', () => {
		const steps: [string, Record<string, import('$lib/plan/fields').Field>][] = [
			[ABOUT_STEP_ID, aboutFields],
			[SIGNOFF_STEP_ID, signoffFields],
			...practices.map((p): [string, Record<string, import('$lib/plan/fields').Field>] => [p.id, p.fields])
		];
		let n = 0;
		for (const [step, fields] of steps)
			for (const [key, f] of Object.entries(fields)) {
				if (f.kind !== 'text') continue;
				for (const c of BAD) {
					const r = checkFields({ [key]: f }, { [key]: `Acme${c}x` });
					expect(r.errors[key], `${step}.${key} accepted U+${c.codePointAt(0)!.toString(16)}`).toBeDefined();
					n++;
				}
			}
		expect(n).toBeGreaterThan(BAD.length * 10);
		const name = checkFields({ helpdeskName: aboutFields.helpdeskName }, { helpdeskName: 'Acme\u202esupport' });
		expect(name.errors.helpdeskName).toMatch(/U\+202E/);
	});

	it('notes and reasons (several lines allowed): the field message names the character; tabs and line breaks pass', () => {
		for (const c of BAD) expect(freeTextProblem(`line one\n${c}line two`, true), JSON.stringify(c)).toMatch(/U\+[0-9A-F]{4}/);
		expect(freeTextProblem('line one\r\nline\ttwo', true)).toBeNull();
		expect(freeTextProblem('one\ntwo')).toMatch(/single line/);
	});

	it('exports carry none raw: Markdown, .ics and the README show U+FFFD instead', () => {
		const hostile = `Acme ${BAD.join('')} end`;
		const plan = planWith({}, { helpdeskName: hostile });
		const item = derivePlan(plan).practices[0]!.items[0]!;
		plan.checklist[item.id] = { state: 'skipped', reason: `because ${BAD.join('')}`, note: `note \u001b[2J\u001b]0;pwned\u0007 ${BAD.join('')}`, digest: item.digest };
		// the stored skip no longer holds (its reason holds refused characters, see attest.test.ts):
		// the item counts as open and its reason is not exported; the note still is
		expect(derivePlan(plan).practices[0]!.items[0]!.state).toBe('open');
		const md = reportMarkdown(buildReport(plan, new Date('2026-03-14T11:00:00Z')));
		expect(md).not.toContain('because');
		expect(md).toContain('pwned');
		expect(RAW_BAD.exec(md)?.[0], 'raw control in Markdown').toBeUndefined();
		expect(md).toContain('\uFFFD');
		const ics = reviewCalendar(reviewsFor(derivePlan(plan)), { planId: plan.planId, helpdeskName: hostile, now: new Date('2026-03-14T11:00:00Z') });
		expect(RAW_BAD.exec(ics)?.[0], 'raw control in .ics').toBeUndefined();
		const readme = bundleEntries(outputsFor(plan), { helpdeskName: hostile, generatedAt: 'now', includeSecrets: false })[0]!.text;
		expect(readme).toContain('Acme');
		expect(RAW_BAD.exec(readme)?.[0], 'raw control in README').toBeUndefined();
	});

	it('a note cannot become a link, an autolink or HTML in the Markdown export', () => {
		const plan = newPlan();
		const item = derivePlan(plan).practices[0]!.items[0]!;
		const note = '[click](https://evil.example/) <img src=x onerror=alert(1)> https://evil.example/x www.evil.example mail@evil.example ![i](x.png) <https://e.example>';
		plan.checklist[item.id] = { state: 'open', reason: '', note };
		const md = reportMarkdown(buildReport(plan, new Date('2026-03-14T11:00:00Z')));
		const line = md.split('\n').find((l) => l.includes('click'))!;
		expect(line).toBeDefined();
		// every character that could open a link, an image, an autolink or a tag is escaped
		expect(line).not.toMatch(/(?<!\\)[[\]<>]/);
		expect(line).not.toMatch(/(?<!\\):\/\//);
		expect(line).not.toMatch(/(?<!\\)@/);
		expect(line).not.toMatch(/www\.(?!\\)/i);
		expect(line).not.toMatch(/\bwww\./i);
	});
});
