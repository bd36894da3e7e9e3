import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { newPlan, PLAN_VERSION, ITEM_STATES, planSchema, type Plan } from '$lib/plan/schema';
import { exportPlanText, readPlanText, checkImportFile, MAX_PLAN_BYTES } from '$lib/plan/io';
import { wizard } from '$lib/plan/state.svelte';
import { derivePlan } from '$lib/plan/derive';
import { practices } from '$lib/practices';
import { buildReport } from '$lib/generators/report';
import { reportMarkdown } from '$lib/generators/markdown';
import { escapeMarkdown } from '$lib/generators/escape';
import { buildBundle, bundleEntries, bundlePath } from '$lib/generators/bundle';
import { outputsFor, type OutputFile } from '$lib/outputs';
import { fullPlan } from '../fixtures/plans';

const NOW = new Date('2026-03-14T10:30:00Z');
const snap = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The plan as an export without secrets must give it back: every `secret` field at its default. */
function secretsCleared(plan: Plan): Plan {
	const copy = snap(plan);
	const answers = copy.answers as Record<string, Record<string, unknown>>;
	for (const p of practices) for (const [k, f] of Object.entries(p.fields)) if (f.secret) answers[p.id]![k] = f.default;
	return { ...copy, keepSecrets: false };
}

describe('Markdown export', () => {
	it('has the cover details, every practice and item with its state, reasons, notes, settings, standards and sign-off', () => {
		const plan = fullPlan({ name: 'İstanbul Destek' });
		const r = buildReport(plan, NOW, undefined, outputsFor(plan));
		const md = reportMarkdown(r);
		expect(md).toMatch(/^# Deskpro security hardening checklist: İstanbul Destek\n/);
		expect(md).toContain('| Deployment | Deskpro Download \\(legacy self-hosted\\) · Linux · nginx |');
		expect(md).toContain('| Date | 2026-03-14 |');
		expect(md).toContain('| Prepared by | Zoë Ñúñez, Helpdesk administrator |');
		expect(md).toContain(`| **Total** | **${r.progress.done}** | **${r.progress.skipped}** | **${r.progress.na}** | **${r.progress.open}** | **${r.progress.total}** |`);
		for (const p of r.practices) {
			if (!p.applies) {
				// Not applicable: one line in a short list (title and reason), nothing else (issue 16).
				expect(md).toContain(`- ${p.number}. **${escapeMarkdown(p.title)}**: ${escapeMarkdown(p.naReason)}`);
				expect(md).not.toContain(`## ${p.number}. ${escapeMarkdown(p.title)}`);
				continue;
			}
			expect(md).toContain(`## ${p.number}. ${escapeMarkdown(p.title)}`);
			for (const it of p.items) {
				const label = { done: 'Done', skipped: 'Skipped', na: 'Not applicable', open: 'Open', changed: 'Changed since ticked' }[it.state];
				expect(md).toContain(`- ${it.state === 'done' ? '[x]' : '[ ]'} **${label}:** ${escapeMarkdown(it.text)}`);
				if (it.reason) expect(md).toContain(`*Reason:* ${escapeMarkdown(it.reason)}`);
				if (it.note) expect(md).toContain(`*Note:* ${escapeMarkdown(it.note.split('\n')[0]!)}\\\n  ${escapeMarkdown(it.note.split('\n')[1]!)}`);
			}
			for (const s of p.settings) expect(md).toContain(escapeMarkdown(s.value));
			for (const s of p.standards) expect(md).toContain(`- **${escapeMarkdown(s.standard)} ${escapeMarkdown(s.id)}**`);
		}
		expect(md).toContain('| Name | İlkay Şahin |');
		expect(md).toContain('| Date | 2026-03-31 |');
		expect(md).toContain('| Signature | |');
		expect(md).toContain('contains no passwords or other secrets');
	});

	it('a Cloud plan lists the server steps once, as title and reason, with no paths or default values', () => {
		const plan = fullPlan({ name: 'Acme Cloud' });
		(plan.answers as Record<string, Record<string, unknown>>).about!.deployment = 'cloud';
		const r = buildReport(plan, NOW);
		const md = reportMarkdown(r);
		const na = r.practices.filter((p) => !p.applies);
		expect(na.length).toBeGreaterThan(5);
		const section = md.slice(md.indexOf('## Not applicable to this helpdesk'));
		expect(section.split('\n').filter((l) => /^- \d+\. \*\*/.test(l))).toHaveLength(na.length);
		// no Linux path or default private range from a server step's items or settings
		expect(md).not.toMatch(/\/var\/www|\/etc\/nginx|10\.0\.0\.0\/8|192\.168\.0\.0\/16|172\.16\.0\.0\/12/);
	});

	it('a hostile helpdesk name or note cannot add headings, links, HTML or table cells', () => {
		const plan = fullPlan({ name: '# Evil | <img src=x onerror=alert(1)> [x](javascript:alert(1))' });
		const id = Object.keys(plan.checklist)[0]!;
		plan.checklist[id]!.note = '| a | b |\n# heading\n- list\n1. one\n<script>alert(1)</script>';
		const md = reportMarkdown(buildReport(plan, NOW, undefined, outputsFor(plan)));
		// every < and ]( stays escaped: no HTML, no link
		expect(md).not.toMatch(/(?<!\\)<(img|script)/);
		expect(md).not.toMatch(/(?<!\\)\]\\?\(/);
		expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
		expect(md).not.toMatch(/^\s*#\s*heading/m);
		expect(md).not.toMatch(/^\s*- list/m);
		expect(md).not.toMatch(/^\s*1\. one/m);
		// the name's pipe cannot open a new table cell
		const row = md.split('\n').find((l) => l.startsWith('| Helpdesk |'))!;
		expect(row.replace(/\\\|/g, '').split('|').length).toBe(4);
	});

	it('escapeMarkdown escapes every Markdown metacharacter and keeps ordinary text', () => {
		expect(escapeMarkdown('Łódź Śródmieście')).toBe('Łódź Śródmieście');
		expect(escapeMarkdown('a*b_c`d[e]f<g>h|i#j!k~l&m')).toBe('a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\#j\\!k\\~l\\&m');
		expect(escapeMarkdown('- item')).toBe('\\- item');
		expect(escapeMarkdown('12. item')).toBe('12\\. item');
		expect(escapeMarkdown('line\nnext')).toBe('line next');
	});
});

describe('JSON export and import', () => {
	it('exports a versioned plan that reads back identical', () => {
		const plan = fullPlan();
		const text = exportPlanText(plan, { includeSecrets: false });
		const json = JSON.parse(text);
		expect(json).toMatchObject({ kind: 'deskpro-hardening-plan', version: PLAN_VERSION, keepSecrets: false });
		const r = readPlanText(text);
		expect(r.ok && r.plan).toEqual(plan);
		expect(r.ok && r.migratedFrom).toBeNull();
	});

	it('leaves secret fields out unless the admin opts in, and says so in keepSecrets', () => {
		const secret = 'Kite-Zebra-Quartz-8841-secret';
		const plan = fullPlan({ secret });
		plan.keepSecrets = true;
		const secretFields = practices.flatMap((p) => Object.entries(p.fields).filter(([, f]) => f.secret).map(([k]) => `${p.id}.${k}`));
		expect(secretFields.length).toBeGreaterThan(0);
		const without = exportPlanText(plan, { includeSecrets: false });
		expect(without).not.toContain(secret);
		expect(JSON.parse(without).keepSecrets).toBe(false);
		const withSecrets = exportPlanText(plan, { includeSecrets: true });
		expect(withSecrets).toContain(secret);
		const back = readPlanText(withSecrets);
		expect(back.ok && back.plan).toEqual(plan);
		// the checklist exports never carry it, whatever the plan allows
		const md = reportMarkdown(buildReport(plan, NOW, undefined, outputsFor(plan)));
		expect(md).not.toContain(secret);
		expect(JSON.stringify(buildReport(plan, NOW, undefined, outputsFor(plan)))).not.toContain(secret);
		// every generated file is listed by name, those holding the secret too (never their text)
		const outs = outputsFor(plan);
		expect(outs.some((o) => o.containsSecret && o.text.includes(secret))).toBe(true);
		for (const o of outs) expect(md).toContain(escapeMarkdown(o.filename));
	});

	it('round trip: any plan exported and imported again is the same plan (property)', () => {
		const itemIds = derivePlan(fullPlan()).practices.flatMap((p) => p.items.map((i) => i.id));
		const textArb = fc.string({ unit: 'grapheme', maxLength: 60 });
		const itemArb = fc.record({
			state: fc.constantFrom(...ITEM_STATES),
			reason: textArb,
			note: fc.string({ unit: 'binary', maxLength: 200 }),
			at: fc.option(fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString()), { nil: undefined })
		});
		const answerValue = fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.boolean(), fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }));
		const planArb = fc
			.record({
				name: textArb,
				url: fc.webUrl(),
				deployment: fc.constantFrom('cloud', 'download', 'onprem-docker', 'bogus'),
				checklist: fc.dictionary(fc.oneof(fc.constantFrom(...itemIds), fc.stringMatching(/^[a-z][a-z0-9.-]{0,40}$/)), itemArb, { maxKeys: 30 }),
				answers: fc.dictionary(fc.constantFrom(...practices.flatMap((p) => Object.keys(p.fields).map((k) => `${p.id}|${k}`))), answerValue),
				signoff: fc.record({ preparedBy: textArb, signoffDate: fc.constantFrom('', '2026-02-30', '2026-03-31') }),
				keepSecrets: fc.boolean()
			})
			.map((g) => {
				const raw = JSON.parse(JSON.stringify(newPlan(NOW))) as Record<string, any>;
				raw.answers.about = { ...raw.answers.about, helpdeskName: g.name, helpdeskUrl: g.url, deployment: g.deployment };
				raw.answers.signoff = g.signoff;
				for (const [k, v] of Object.entries(g.answers)) {
					const [pid, field] = k.split('|') as [string, string];
					raw.answers[pid] = { ...raw.answers[pid], [field]: v };
				}
				raw.checklist = g.checklist;
				raw.keepSecrets = g.keepSecrets;
				// a plan as the wizard holds it: what the schema makes of the raw answers
				return planSchema().parse(raw);
			});
		fc.assert(
			fc.property(planArb, fc.boolean(), (plan: Plan, includeSecrets) => {
				const r = readPlanText(exportPlanText(plan, { includeSecrets }));
				if (!r.ok) throw new Error(r.message);
				expect(r.plan).toEqual(includeSecrets ? plan : secretsCleared(plan));
			}),
			{ numRuns: 200 }
		);
	});

	const file = (text: string | Uint8Array, name = 'plan.json', type = 'application/json') => new File([text as BlobPart], name, { type });

	describe('importing a file into the wizard', () => {
		const start = fullPlan({ name: 'Ñuñoa' });
		const cases: [string, () => File, RegExp][] = [
			['truncated', () => file(exportPlanText(fullPlan(), { includeSecrets: false }).slice(0, 300)), /not valid JSON.*truncated/],
			['empty', () => file(''), /is empty/],
			['wrong type: an image', () => file(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'shot.png', 'image/png'), /not a plan file/],
			['wrong type: binary renamed .json', () => file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), 'bundle.json'), /binary file/],
			['wrong type: a JSON array', () => file('[1,2,3]'), /not a plan: expected a JSON object/],
			['wrong type: another kind of JSON', () => file('{"name":"x","version":"1.0.0"}'), /no valid version number/],
			['wrong type: another tool’s file', () => file('{"kind":"nginxconfig","version":2}'), /not a Deskpro hardening plan/],
			['wrong version: from a newer wizard', () => file(JSON.stringify({ ...JSON.parse(exportPlanText(fullPlan(), { includeSecrets: false })), version: PLAN_VERSION + 1 })), /newer version of the wizard \(plan version 5/],
			['oversized', () => file('{"kind":"deskpro-hardening-plan","pad":"' + 'x'.repeat(MAX_PLAN_BYTES) + '"}'), /too large \(\d+ KB; a plan is at most 2 MB\)/],
			['hostile: prototype key', () => file(exportPlanText(fullPlan(), { includeSecrets: false }).replace('"checklist": {', '"checklist": {"__proto__": {"state": "done"},')), /forbidden key "__proto__"/],
			['hostile: deeply nested', () => file('{"kind":"deskpro-hardening-plan","version":2,"answers":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}'), /./]
		];

		it.each(cases)('%s: refused with a clear message, progress untouched', async (_name, make, message) => {
			wizard.replace(structuredClone(start));
			const before = snap(wizard.plan);
			const r = await wizard.importFile(make());
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message).toMatch(message);
			expect(snap(wizard.plan)).toEqual(before);
			expect(({} as Record<string, unknown>).state).toBeUndefined();
			expect(wizard.previous).toBeNull();
		});

		// Issue 13: one bad value never discards a whole plan; it is left out and named, with its text.
		it.each([
			['a wrong field type', (j: { checklist: Record<string, Record<string, unknown>> }) => (j.checklist.x = { state: 'finished' }), 'checklist.x.state', 'finished'],
			['a note far over the limit', (j: { checklist: Record<string, Record<string, unknown>> }) => (j.checklist[Object.keys(j.checklist)[0]!]!.note = 'A'.repeat(100_000)), '.note', 'A'.repeat(100_000)]
		] as const)('a file with %s loads without that value, which is reported with its text', async (_n, spoil, path, text) => {
			wizard.replace(structuredClone(start));
			wizard.previous = null;
			const j = JSON.parse(exportPlanText(fullPlan({ name: 'Łódź Śródmieście' }), { includeSecrets: false }));
			spoil(j);
			const r = await wizard.importFile(file(JSON.stringify(j)));
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			expect(r.dropped).toHaveLength(1);
			expect(r.dropped[0]!.path).toContain(path);
			expect(r.dropped[0]!.text).toBe(text);
			expect((r.plan.answers.about as Record<string, unknown>).helpdeskName).toBe('Łódź Śródmieście');
			wizard.undoImport();
		});

		it('a valid file replaces the progress, and the import can be undone', async () => {
			wizard.replace(structuredClone(start));
			wizard.previous = null;
			const before = snap(wizard.plan);
			const other = fullPlan({ name: 'Łódź Śródmieście' });
			other.checklist[Object.keys(other.checklist)[0]!]!.state = 'open';
			const r = await wizard.importFile(file('\ufeff' + exportPlanText(other, { includeSecrets: false })));
			expect(r.ok).toBe(true);
			expect(snap(wizard.plan)).toEqual(other);
			wizard.undoImport();
			expect(snap(wizard.plan)).toEqual(before);
		});

		it('an old-version (1) file is migrated', async () => {
			const v1 = {
				version: 1,
				planId: 'abcdef12-3456-4789-8abc-def012345678',
				createdAt: '2025-01-02T03:04:05.000Z',
				helpdesk: { name: 'Ñuñoa Soporte', url: 'https://help.example.cl/', deployment: 'cloud' },
				practices: { 'password-policy': { minLength: 16 } },
				done: ['password-policy.apply']
			};
			const r = await wizard.importFile(file(JSON.stringify(v1)));
			expect(r.ok && r.migratedFrom).toBe(1);
			expect((wizard.plan.answers.about as Record<string, unknown>).helpdeskName).toBe('Ñuñoa Soporte');
			expect(wizard.plan.checklist['password-policy.apply']?.state).toBe('done');
		});
	});

	it('checkImportFile names the file and the problem before reading it', () => {
		expect(checkImportFile({ name: 'big.json', size: 5_000_000, type: 'application/json' })).toMatch(/"big\.json" is too large \(4883 KB/);
		expect(checkImportFile({ name: 'checklist.pdf', size: 10, type: 'application/pdf' })).toMatch(/not a plan file/);
		expect(checkImportFile({ name: 'plan.json', size: 10, type: '' })).toBeNull();
	});
});

describe('config bundle', () => {
	const outputs: OutputFile[] = [
		{ id: 'sql', practiceId: 'x', filename: 'sql/deskpro-user.sql', language: 'sql', description: 'Database user with least privilege', applyOrder: 30, text: "CREATE USER 'deskpro'@'localhost';\n", containsSecret: true },
		{ id: 'nginx', practiceId: 'x', filename: 'nginx/deskpro.conf', installAs: '/etc/nginx/sites-available/deskpro.conf', language: 'nginx', description: 'nginx server block', applyOrder: 10, text: 'server { listen 443 ssl; }\n' },
		{ id: 'perm', practiceId: 'x', filename: '../../etc/passwd', language: 'bash', description: 'Hostile name', applyOrder: 20, text: '#!/bin/sh\necho ok\n' }
	];

	it('holds README.txt and every file with its generated contents, in apply order, under safe names', () => {
		const zip = unzipSync(buildBundle(outputs, { helpdeskName: 'Łódź', generatedAt: '2026-03-14 10:30', includeSecrets: true, mtime: NOW }));
		expect(Object.keys(zip)).toEqual(['README.txt', 'nginx/deskpro.conf', 'etc/passwd', 'sql/deskpro-user.sql']);
		expect(strFromU8(zip['nginx/deskpro.conf']!)).toBe(outputs[1]!.text);
		expect(strFromU8(zip['sql/deskpro-user.sql']!)).toBe(outputs[0]!.text);
		const readme = strFromU8(zip['README.txt']!);
		expect(readme).toContain('configuration files for Łódź');
		expect(readme.indexOf('1. nginx/deskpro.conf')).toBeLessThan(readme.indexOf('2. etc/passwd'));
		expect(readme).toContain('Install as: /etc/nginx/sites-available/deskpro.conf');
		expect(readme).toContain('3. sql/deskpro-user.sql');
		expect(readme).toMatch(/Contains a secret/);
	});

	it('leaves files with secrets out unless the admin opted in, and says so', () => {
		const entries = bundleEntries(outputs, { helpdeskName: '', generatedAt: 'now', includeSecrets: false });
		expect(entries.map((e) => e.path)).toEqual(['README.txt', 'nginx/deskpro.conf', 'etc/passwd']);
		expect(entries[0]!.text).toMatch(/Left out because they contain a secret[\s\S]*sql\/deskpro-user\.sql/);
	});

	it('bundles exactly what outputsFor gives for a full plan', () => {
		const plan = fullPlan();
		const outs = outputsFor(plan);
		const zip = unzipSync(buildBundle(outs, { helpdeskName: 'x', generatedAt: 'now', includeSecrets: true, mtime: NOW }));
		expect(Object.keys(zip).sort()).toEqual(['README.txt', ...outs.map((o) => bundlePath(o.filename))].sort());
		for (const o of outs) expect(strFromU8(zip[bundlePath(o.filename)]!)).toBe(o.text);
		if (!outs.length) expect(strFromU8(zip['README.txt']!)).toMatch(/No configuration files apply/);
	});

	it('bundlePath never escapes the archive', () => {
		expect(bundlePath('/etc/nginx/x.conf')).toBe('etc/nginx/x.conf');
		expect(bundlePath('..\\..\\win.ini')).toBe('win.ini');
		expect(bundlePath('a/./b/../c')).toBe('a/b/c');
		expect(bundlePath('')).toBe('file.txt');
	});
});
