/**
 * Issue 16, "PDF for every name": the fallback fonts (Hebrew/Arabic, CJK, Hangul), which text
 * needs which, what no font can draw, and the PDF itself rendered in node with those fonts and
 * read back with poppler. Set PDF_OUT=dir to keep the files (and page PNGs) for a look.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { renderChecklistPdf, type PdfFonts } from '$lib/pdf/checklist';
import { binaryString } from '$lib/pdf/load';
import { COVERAGE } from '$lib/pdf/coverage.generated';
import { fallbackFontsFor, unrenderable, type FontId } from '$lib/pdf/scripts';
import { buildReport } from '$lib/generators/report';
import { fullPlan } from '../fixtures/plans';

const fontDir = join(import.meta.dirname, '../../src/lib/pdf/fonts');
const FILES: Record<FontId, string> = {
	main: 'DejaVuSans-subset.ttf',
	rtl: 'DejaVuSans-RTL-subset.ttf',
	cjk: 'DroidSansFallback-CJK-subset.ttf',
	hangul: 'WizardHangul-subset.ttf'
};
const font = (f: string) => binaryString(readFileSync(join(fontDir, f)));
const dir = process.env.PDF_OUT ?? mkdtempSync(join(tmpdir(), 'pdf-scripts-'));
mkdirSync(dir, { recursive: true });
const poppler = spawnSync('pdftotext', ['-v']).status === 0;
if (!poppler && process.env.REQUIRE_SERVERS) throw new Error('pdftotext (poppler-utils) is required');

let base: PdfFonts;
let all: PdfFonts;
beforeAll(() => {
	base = { regular: font('DejaVuSans-subset.ttf'), bold: font('DejaVuSans-Bold-subset.ttf') };
	all = { ...base, rtl: { regular: font(FILES.rtl), bold: font('DejaVuSans-Bold-RTL-subset.ttf') }, cjk: font(FILES.cjk), hangul: font(FILES.hangul) };
});

describe('which font draws what', () => {
	it('the committed coverage table is the committed fonts’ character maps (rerun scripts/subset-font.sh when it is not)', () => {
		for (const [id, file] of Object.entries(FILES) as [FontId, string][]) {
			const doc = new jsPDF();
			doc.addFileToVFS('f.ttf', font(file));
			doc.addFont('f.ttf', 'F', 'normal');
			doc.setFont('F', 'normal');
			const codeMap = (doc.getFont().metadata as { cmap: { unicode: { codeMap: Record<number, number> } } }).cmap.unicode.codeMap;
			const mapped = Object.keys(codeMap)
				.map(Number)
				.filter((c) => c >= 0x20 && codeMap[c] !== 0)
				.sort((a, b) => a - b);
			const listed = COVERAGE[id].flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
			expect(listed, id).toEqual(mapped);
		}
		// what each fallback font is for
		const has = (id: FontId, s: string) => Array.from(s).every((c) => COVERAGE[id].some(([a, b]) => c.codePointAt(0)! >= a && c.codePointAt(0)! <= b));
		expect(has('rtl', 'שלוםمرحبا\ufefb\ufe91')).toBe(true);
		expect(has('cjk', '北京服务台ヘルプデスク東京ひらがな。、ＡＢＣ')).toBe(true);
		expect(has('hangul', '서울헬프데스크김민준ㄱㅏ')).toBe(true);
		expect(has('main', 'Łódź Αθήνα Москва')).toBe(true);
	});

	it('Latin, Greek and Cyrillic need no extra font; Hebrew/Arabic, CJK and Hangul each need theirs', () => {
		expect([...fallbackFontsFor('Łódź Śródmieście · Αθήνα · Москва — “quotes” €')]).toEqual([]);
		expect([...fallbackFontsFor('שירות')]).toEqual(['rtl']);
		expect([...fallbackFontsFor('مكتب')]).toEqual(['rtl']);
		expect([...fallbackFontsFor('北京 ヘルプ')]).toEqual(['cjk']);
		expect([...fallbackFontsFor('서울')]).toEqual(['hangul']);
		// decomposed Hangul (jamo) is composed first (NFC), like the PDF does
		expect([...fallbackFontsFor('\u1109\u1165\u110b\u116e\u11af')]).toEqual(['hangul']);
	});

	it('names what no font can draw, by script, and where it is; control characters are not counted', () => {
		const gaps = unrenderable(['สำนักงาน กรุงเทพ', 'Locked 🔒', 'नमस्ते', 'ok\u202e\u0007', '北京 서울 שלום مرحبا']);
		expect(gaps.map((g) => g.script)).toEqual(['Thai', 'emoji', 'Devanagari']);
		expect(gaps[0]!.in).toBe('สำนักงาน กรุงเทพ');
		expect(gaps[1]!.sample).toBe('🔒');
		// the offline build has no CJK or Hangul font
		expect(unrenderable(['北京 서울 שלום'], ['main', 'rtl']).map((g) => g.script)).toEqual(['Chinese/Japanese characters (Han)', 'Hangul']);
		expect(unrenderable(['Łódź Αθήνα Москва'])).toEqual([]);
	});

	it('the fallback fonts are committed subsets of the expected size, with their licences', () => {
		const sizes = Object.fromEntries(Object.entries(FILES).map(([id, f]) => [id, readFileSync(join(fontDir, f)).length]));
		expect(sizes['rtl']).toBeLessThan(60_000);
		expect(sizes['cjk']).toBeLessThan(3_200_000);
		expect(sizes['hangul']).toBeLessThan(1_500_000);
		expect(gzipSync(readFileSync(join(fontDir, FILES.cjk))).length).toBeLessThan(1_700_000);
		const licence = readFileSync(join(fontDir, 'LICENSE.txt'), 'utf8');
		expect(licence).toContain('Apache License');
		expect(licence).toMatch(/SIL OPEN FONT LICENSE\s+Version 1.1/);
		expect(licence).toContain('WizardHangul');
	});
});

describe.skipIf(!poppler)('the PDF in every script', () => {
	const NAMES = {
		chinese: '北京服务台',
		japanese: 'ヘルプデスク東京',
		korean: '서울 헬프데스크',
		arabic: 'مكتب المساعدة',
		hebrew: 'שירות לקוחות',
		greek: 'Γραφείο Αθήνας'
	};
	function render(name: string, fonts: PdfFonts, edit: (p: ReturnType<typeof fullPlan>) => void = () => {}) {
		const plan = fullPlan({ name });
		edit(plan);
		const report = buildReport(plan, new Date('2026-03-14T10:30:00Z'));
		const bytes = new Uint8Array(renderChecklistPdf(jsPDF as never, fonts, report, 'a4'));
		const file = join(dir, `${Object.entries(NAMES).find(([, v]) => v === name)?.[0] ?? 'other'}.pdf`);
		writeFileSync(file, bytes);
		return { file, bytes };
	}
	const read = (file: string, layout = false) =>
		execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
			.normalize('NFKC')
			.replace(/[\u202a-\u202e]/g, '')
			.replace(/\s+/g, ' ');

	it.each(Object.entries(NAMES))('a %s helpdesk name, preparer and note come out as typed', (script, name) => {
		const { file } = render(name, all, (p) => {
			(p.answers as Record<string, Record<string, unknown>>)['signoff']!['preparedBy'] = name;
			const first = Object.keys(p.checklist)[0]!;
			p.checklist[first]!.note = `${name} 2026`;
		});
		const t = read(file);
		expect(t).toContain(`Security hardening checklist ${name}`);
		// "name, role": a right-to-left name makes it a right-to-left line (role on the left)
		// (right-aligned in its column: read with -layout, which keeps the label and its value on one line)
		if (script === 'arabic' || script === 'hebrew') expect(read(file, true)).toMatch(new RegExp(`Prepared by (${name} ?,|Helpdesk administrator ?,? ?${name})`));
		else expect(t).toContain(`Prepared by ${name}, Helpdesk administrator`);
		expect(t).not.toContain('\ufffd');
		// the number keeps its digits in order beside the right-to-left text
		expect(t).toMatch(new RegExp(`${name} 2026|2026 ${name}`));
		if (process.env.PDF_OUT) execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, file.replace(/\.pdf$/, '')]);
	});

	it('a right-to-left paragraph wraps into lines that each read right to left, nothing lost', () => {
		const words = Array.from({ length: 40 }, (_, i) => `${i % 2 ? NAMES.hebrew : NAMES.arabic} ${i}`).join(' ');
		const { file } = render('Acme Support', all, (p) => {
			const first = Object.keys(p.checklist)[0]!;
			p.checklist[first]!.note = words;
		});
		// the words as drawn (pdftotext -bbox: left to right, glyphs in drawing order), line by line
		const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
		const drawn = [...bbox.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</g)];
		const lines = new Map<string, { x: number; text: string }[]>();
		let page = 0;
		for (const m of drawn) {
			if (m[0].startsWith('<page')) page++;
			else {
				const key = `${page}:${Math.round(Number(m[2]))}`;
				lines.set(key, [...(lines.get(key) ?? []), { x: Number(m[1]), text: m[4]! }]);
			}
		}
		const rtl = /[\u0590-\u05ff\u0600-\u06ff\ufb1d-\ufdff\ufe70-\ufeff]/;
		const noteLines = [...lines.values()].filter((ws) => ws.some((w) => rtl.test(w.text)));
		expect(noteLines.length).toBeGreaterThan(2);
		// read each line from the right: a right-to-left word's glyphs are drawn reversed, numbers not
		const read = noteLines
			.map((ws) =>
				ws
					// the label (a left-to-right run inside the right-to-left paragraph: checked in the next test)
					.filter((w) => w.text !== 'Note:')
					.sort((a, b) => b.x - a.x)
					.map((w) => (rtl.test(w.text) ? Array.from(w.text).reverse().join('') : w.text))
					.join(' ')
			)
			.join(' ');
		expect(read.normalize('NFKC')).toBe(words);
		// and nothing is drawn past the right margin
		const xs = [...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(Math.max(...xs)).toBeLessThanOrEqual(595.3 - 50);
	});

	it('a right-to-left paragraph (name, note) is right-aligned in its box; a left-to-right one stays at the left', () => {
		const hebrewNote = Array.from({ length: 14 }, () => NAMES.hebrew).join(' ');
		const { file } = render(NAMES.arabic, all, (p) => {
			const ids = Object.keys(p.checklist);
			p.checklist[ids[0]!]!.note = hebrewNote;
			p.checklist[ids[1]!]!.note = 'Checked by Ann on Monday';
			p.checklist[ids[2]!]!.note = 'בדיקה';
			p.checklist[ids.find((id) => p.checklist[id]!.state === 'skipped')!]!.reason = 'ללא שירות';
		});
		const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
		type W = { x0: number; x1: number; y: number; page: number; text: string };
		const words: W[] = [];
		let page = 0;
		for (const m of bbox.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</g)) {
			if (m[0].startsWith('<page')) page++;
			else words.push({ x0: Number(m[1]), y: Math.round(Number(m[2])), x1: Number(m[3]), page, text: m[4]! });
		}
		const line = (w: W) => words.filter((o) => o.page === w.page && o.y === w.y);
		const RIGHT = 595.28 - 56;
		const LEFT = 56;
		const heb = /[\u0590-\u05ff]/;
		const arab = /[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]/;
		// the helpdesk name on the cover (page 1, the first Arabic line): ends at the right margin
		const name = line(words.find((w) => w.page === 1 && arab.test(w.text))!);
		expect(Math.max(...name.map((w) => w.x1))).toBeCloseTo(RIGHT, 0);
		expect(Math.min(...name.map((w) => w.x0))).toBeGreaterThan(LEFT + 200);
		// the Hebrew note: every line ends at the right margin, the label "Note:" rightmost on its first line
		const long = words.filter((w) => heb.test(w.text) && !/בדיקה|הקידב/.test(w.text));
		const noteLines = [...new Set(long.map((w) => `${w.page}:${w.y}`))].map((k) => words.filter((w) => `${w.page}:${w.y}` === k));
		expect(noteLines.length).toBeGreaterThan(1);
		for (const l of noteLines) expect(Math.max(...l.map((w) => w.x1))).toBeCloseTo(RIGHT, 0);
		const first = noteLines[0]!;
		// read from the right, the label comes first, and reads "Note:" (an English label, its colon
		// after it, although it starts a right-to-left paragraph)
		expect(first.reduce((a, b) => (b.x1 > a.x1 ? b : a)).text).toBe('Note:');
		expect(words.some((w) => w.text === ':Note')).toBe(false);
		// a short Hebrew note starts well inside the box: it is not drawn from the left
		const short = line(words.find((w) => w.text === 'בדיקה' || Array.from(w.text).reverse().join('') === 'בדיקה')!);
		expect(short.reduce((a, b) => (b.x1 > a.x1 ? b : a)).text).toBe('Note:');
		// a Hebrew skip reason: "Reason:" rightmost, read as written
		const reason = line(words.find((w) => w.text === 'ללא' || w.text === 'אלל')!);
		expect(reason.reduce((a, b) => (b.x1 > a.x1 ? b : a)).text).toBe('Reason:');
		const itemText = 56 + 84;
		expect(Math.max(...short.map((w) => w.x1))).toBeCloseTo(RIGHT, 0);
		expect(Math.min(...short.map((w) => w.x0))).toBeGreaterThan(RIGHT - 120);
		// the Latin note next to it starts at the item's text column
		const latin = line(words.find((w) => w.text === 'Ann')!);
		expect(Math.min(...latin.map((w) => w.x0))).toBeCloseTo(itemText, 0);
		if (process.env.PDF_OUT) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '4', file, file.replace(/\.pdf$/, '-rtl')]);
	});

	it('a long CJK note wraps between characters (no spaces needed) inside the margins', () => {
		const long = '北京服务台の担当者が毎週ログを確認します'.repeat(12);
		const { file } = render(NAMES.chinese, all, (p) => {
			const first = Object.keys(p.checklist)[0]!;
			p.checklist[first]!.note = long;
		});
		expect(read(file).replace(/ /g, '')).toContain(`Note:${long}`);
		const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
		const xs = [...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(Math.max(...xs)).toBeLessThanOrEqual(595.3 - 50);
	});

	it('without the fallback fonts (a Latin report) the output is the same as with them loaded but unused', () => {
		const a = render('Łódź', base).bytes;
		const b = render('Łódź', all).bytes;
		// the unused fonts are not embedded (putOnlyUsedFonts): same size within a few bytes of ids
		expect(Math.abs(a.length - b.length)).toBeLessThan(64);
		const fontsOut = execFileSync('pdffonts', ['-'], { input: Buffer.from(b) }).toString('utf8');
		expect(fontsOut).not.toMatch(/RTL|CJK|Hangul/);
	});

	it('control and bidi characters still show as U+FFFD next to Arabic and CJK text', () => {
		const { file } = render(NAMES.arabic, all, (p) => {
			const first = Object.keys(p.checklist)[0]!;
			p.checklist[first]!.note = `北京\u202eEVIL\u0007${NAMES.hebrew}`;
		});
		expect(read(file)).toMatch(/北京\ufffdEVIL\ufffd/);
	});
});
