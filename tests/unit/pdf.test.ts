/**
 * The PDF checklist, rendered in node with jsPDF and the committed fonts, then read back with
 * poppler (`pdftotext`, `pdftoppm`, `pdffonts`). Set PDF_OUT=dir to keep the files for a look.
 */
import { outputsFor } from '$lib/outputs';
import { derivePlan } from '$lib/plan/derive';
import { whereFor } from '$lib/practices/types';
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { renderChecklistPdf, type PageFormat, type PdfFonts } from '$lib/pdf/checklist';
import { binaryString } from '$lib/pdf/load';
import { speedUpSubsetting } from '$lib/pdf/fast-subset';
import { buildReport, STATE_LABELS } from '$lib/generators/report';
import { fullPlan, ACCENTED_NAMES } from '../fixtures/plans';
import { newPlan } from '$lib/plan/schema';

const fontDir = join(import.meta.dirname, '../../src/lib/pdf/fonts');
let fonts: PdfFonts;
const dir = process.env.PDF_OUT ?? mkdtempSync(join(tmpdir(), 'pdf-test-'));
mkdirSync(dir, { recursive: true });

function havePoppler(): boolean {
	const ok = spawnSync('pdftotext', ['-v']).status === 0;
	if (!ok && process.env.REQUIRE_SERVERS) throw new Error('pdftotext (poppler-utils) is required');
	if (!ok) console.warn('\n!!! SKIPPING PDF text checks: pdftotext (poppler-utils) is not installed !!!\n');
	return ok;
}
const poppler = havePoppler();

function render(name: string, plan = fullPlan({ name }), format: PageFormat = 'a4') {
	const report = buildReport(plan, new Date('2026-03-14T10:30:00Z'), undefined, outputsFor(plan));
	const bytes = new Uint8Array(renderChecklistPdf(jsPDF as never, fonts, report, format));
	const file = join(dir, `${name.replace(/[^\w]+/g, '_') || 'plan'}-${format}.pdf`);
	writeFileSync(file, bytes);
	return { file, bytes, report };
}

function text(file: string, layout = false): string {
	return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(() => {
	fonts = {
		regular: binaryString(readFileSync(join(fontDir, 'DejaVuSans-subset.ttf'))),
		bold: binaryString(readFileSync(join(fontDir, 'DejaVuSans-Bold-subset.ttf')))
	};
});

describe.skipIf(!poppler)('PDF checklist', () => {
	it.each(ACCENTED_NAMES)('lists every item with its state and renders "%s"', (name) => {
		const { file, bytes, report } = render(name);
		expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
		const t = flat(text(file));
		expect(t).toContain(name);
		// the prepared-by and sign-off names with accents, and the footer
		expect(t).toContain('Zoë Ñúñez');
		expect(t).toContain('İlkay Şahin');
		expect(t).toMatch(/Page 1 of \d+/);
		expect(t).toContain('Generated 2026-03-14');
		// the fonts are embedded (and subset by jsPDF)
		const fontsOut = execFileSync('pdffonts', [file], { encoding: 'utf8' });
		expect(fontsOut).toMatch(/DejaVuSans\S*\s+TrueType|DejaVuSans\S*\s+CID TrueType/);
		expect(fontsOut).not.toMatch(/\bno\s+no\b.*\n?$/m); // every font embedded
		let checked = 0;
		let notApplicable = 0;
		for (const p of report.practices) {
			if (!p.applies) {
				// one line in the short list of steps that do not apply (issue 16)
				expect(t).toContain(flat(`${p.number}. ${p.title}: ${p.naReason.slice(0, 30)}`));
				notApplicable += p.items.length;
				continue;
			}
			expect(t).toContain(flat(`${p.number}. ${p.title}`));
			for (const it of p.items) {
				const label = STATE_LABELS[it.state].toUpperCase().replace('NOT APPLICABLE', 'N/A');
				// the item's text follows its state label
				expect(t).toContain(flat(`${label} ${it.text}`));
				if (it.reason) expect(t).toContain(flat(`Reason: ${it.reason}`));
				if (it.note) expect(t).toContain(flat(`Note: ${it.note}`));
				checked++;
			}
			for (const s of p.settings) {
				expect(t).toContain(flat(s.value));
				if (s.key) expect(t.replace(/\s+/g, '')).toContain(s.key);
			}
			for (const s of p.standards) expect(t).toContain(flat(`${s.standard} ${s.id}`));
		}
		expect(checked + notApplicable).toBe(report.progress.total);
		expect(checked).toBeGreaterThan(5);
	});

	it('a Cloud plan: the server steps are one short list (title and reason), with no paths or default ranges', () => {
		const plan = newPlan();
		(plan.answers as Record<string, Record<string, unknown>>).about = { helpdeskName: 'Acme Cloud', helpdeskUrl: 'https://acme.deskpro.com/', deployment: 'cloud', os: 'linux', webServer: 'nginx' };
		for (const p of derivePlan(plan).practices) for (const it of p.items) if (!it.locked) plan.checklist[it.id] = { state: 'done', reason: '', note: '', digest: it.digest };
		const { file, report } = render('Acme Cloud', plan);
		const t = flat(text(file));
		const na = report.practices.filter((p) => !p.applies);
		expect(na.length).toBeGreaterThan(5);
		expect(t).toContain('Not applicable to this helpdesk');
		// what the steps that do not apply would say (every step is loaded in unit tests)
		const d = derivePlan(plan);
		for (const p of na) {
			expect(t).toContain(flat(`${p.number}. ${p.title}: ${p.naReason.slice(0, 30)}`));
			const step = d.practices.find((x) => x.practice.id === p.id)!;
			expect(step.practice.pending).toBeUndefined();
			expect(step.items.length).toBeGreaterThan(0);
			expect(t).not.toContain(flat(`Where: ${whereFor(step.practice, d.aboutValues)}`));
			for (const it of step.items) expect(t).not.toContain(flat(it.text));
		}
		expect(t).not.toMatch(/\/var\/www|\/etc\/nginx|10\.0\.0\.0\/8|192\.168\.0\.0\/16|172\.16\.0\.0\/12/);
		const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
		console.log(`Cloud PDF (every item done): ${pages} pages`);
		// 16 pages before (main at 0db16e3, the same plan: the 11 steps that do not apply printed in full);
		// 11 after the short list, 13 once issue 15 added the Attachments step and nine sourced settings rows
		// (1460538).
		expect(pages).toBeLessThanOrEqual(13);
	});

	it('contains no secret, even when the plan keeps secrets', () => {
		const secret = 'S3cr3t-Zebra-Kite-91';
		const plan = fullPlan({ secret });
		plan.keepSecrets = true;
		for (const it of Object.values(plan.checklist)) it.note = it.note.replace(secret, '');
		const { file, bytes } = render('secret', plan);
		expect(flat(text(file))).not.toContain(secret);
		expect(Buffer.from(bytes).includes(secret)).toBe(false);
	});

	it('renders page 1 to a non-blank image, in A4 and US Letter', () => {
		for (const format of ['a4', 'letter'] as const) {
			const { file } = render('Łódź Śródmieście', undefined, format);
			const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
			expect(info).toMatch(format === 'a4' ? /Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/ : /Page size:\s+612 x 792 pts \(letter\)/);
			const png = join(dir, `page1-${format}`);
			execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', file, png]);
			const img = readFileSync(`${png}.png`);
			// crude but honest: decode nothing, but a blank page compresses to a tiny PNG
			expect(img.length).toBeGreaterThan(4000);
			const gray = join(dir, `page1-${format}-gray`);
			execFileSync('pdftoppm', ['-gray', '-r', '20', '-f', '1', '-l', '1', '-singlefile', file, gray]);
			const pgm = readFileSync(`${gray}.pgm`);
			const pixels = pgm.subarray(pgm.length - (pgm.length - headerLength(pgm)));
			const dark = pixels.filter((v) => v < 128).length;
			expect(dark / pixels.length).toBeGreaterThan(0.01);
			expect(dark / pixels.length).toBeLessThan(0.5);
		}
	});

	it('wraps long text and continues long tables on the next pages without losing lines', () => {
		const name = 'Ñuñoa Servicio de Atención al Cliente y Mesa de Ayuda Municipal — Departamento de Tecnologías de la Información';
		expect(name.length).toBeLessThanOrEqual(120);
		const plan = fullPlan({ name });
		const long = 'Lorem ipsum dolor sit amet, ' + 'consectetur adipiscing elit sed do eiusmod '.repeat(60) + 'END-OF-NOTE';
		const first = Object.keys(plan.checklist)[0]!;
		plan.checklist[first]!.note = long;
		const unbroken = 'https://support.example.com/' + 'a'.repeat(300) + '/ZZZ';
		const second = Object.keys(plan.checklist)[1]!;
		plan.checklist[second] = { ...plan.checklist[second]!, state: 'skipped', reason: unbroken, note: '', digest: derivePlan(plan).practices.flatMap((p) => p.items).find((i) => i.id === second)!.digest };
		const { file } = render('long', plan);
		const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
		expect(pages).toBeGreaterThan(2);
		const t = text(file);
		expect(flat(t)).toContain('END-OF-NOTE');
		expect(flat(t)).toContain(name); // wrapped on the cover, whole
		expect(t.replace(/\s+/g, '')).toContain(`Reason:${unbroken}`);
		// every line of text stays inside the page: nothing drawn past the right margin
		const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
		const xs = [...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(Math.max(...xs)).toBeLessThanOrEqual(595.3 - 50);
	});

	it('replaces characters the font lacks instead of dropping them, and an empty plan still renders', () => {
		const plan = fullPlan({ name: 'Support 支持 🙂 Ωμέγα' });
		const { file } = render('cjk', plan);
		const t = flat(text(file));
		expect(t).toContain('Support \ufffd\ufffd \ufffd Ωμέγα');
		const empty = render('empty', newPlan(new Date('2026-01-01T00:00:00Z')));
		expect(flat(text(empty.file))).toContain('Unnamed helpdesk');
	});

	it('control and bidi characters left in a note of an old plan show as U+FFFD, like the other exports (issue 12)', () => {
		const plan = fullPlan();
		const first = Object.keys(plan.checklist)[0]!;
		plan.checklist[first]!.note = 'NOTE\u001b[31mRED\u0007BELL\u202eEVIL\u0085C1\u0000NUL\u2066ISO';
		const { file, report } = render('controls', plan);
		expect(report.practices.some((p) => p.items.some((i) => i.note.includes('BELL'))), 'the note is in the report').toBe(true);
		expect(flat(text(file))).toContain('NOTE\ufffd[31mRED\ufffdBELL\ufffdEVIL\ufffdC1\ufffdNUL\ufffdISO');
	});
});

it('the faster font-table encoder gives exactly the bytes of jsPDF’s own', () => {
	for (const style of ['regular', 'bold'] as const) {
		const doc = new jsPDF({ unit: 'pt' });
		doc.addFileToVFS('f.ttf', fonts[style]);
		doc.addFont('f.ttf', 'F', 'normal');
		doc.setFont('F', 'normal');
		doc.text('Łódź Śródmieście İstanbul Ñuñoa Ελληνικά Кириллица 0123456789 ☑ ✓ — “quotes” €', 10, 10);
		const md = doc.getFont().metadata as { glyIdsUsed: number[]; subset: { encode: (ids: number[], f: number) => number[] } };
		const original = md.subset.encode(md.glyIdsUsed, 1);
		expect(speedUpSubsetting(md)).toBe(true);
		const fast = md.subset.encode(md.glyIdsUsed, 1);
		expect(fast.length).toBeGreaterThan(10_000);
		expect(fast).toEqual(original);
	}
	expect(speedUpSubsetting({})).toBe(false);
});

function headerLength(pgm: Buffer): number {
	// P5\n<w> <h>\n<max>\n
	let nl = 0;
	for (let i = 0; i < pgm.length; i++) if (pgm[i] === 0x0a && ++nl === 3) return i + 1;
	return 0;
}

it('the fonts are committed subsets (small) with their licence', () => {
	for (const f of ['DejaVuSans-subset.ttf', 'DejaVuSans-Bold-subset.ttf']) {
		const size = readFileSync(join(fontDir, f)).length;
		expect(size).toBeGreaterThan(50_000);
		expect(size).toBeLessThan(150_000);
	}
	expect(existsSync(join(fontDir, 'LICENSE.txt'))).toBe(true);
});
