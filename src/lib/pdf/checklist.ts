/**
 * The completed checklist as a PDF, drawn with jsPDF from the report (which is built from a
 * secret-free copy of the plan). Pure apart from jsPDF itself: the caller passes the jsPDF
 * constructor and the font files, so the same code runs in the browser (lazy chunk) and in
 * node tests.
 *
 * Layout: cover (helpdesk, URL, deployment, date, prepared-by, progress), a summary table by
 * practice, one section per practice (checklist with drawn boxes, reasons, notes, settings
 * table, standards), the generated files, a sign-off block; footer with generation date and
 * "Page n of N" on every page. Text is wrapped; blocks and table rows continue on the next page.
 */
import type { jsPDF } from 'jspdf';
import { CHANGED_NOTE, FILES_WHERE, person, SECRET_FILE_WHERE, STATE_LABELS, type Report, type ReportItem } from '$lib/generators/report';
import type { ShownState } from '$lib/plan/derive';
import { speedUpSubsetting } from './fast-subset';
import { visibleControls } from '$lib/validate/text';
import { shapeArabic } from './shape';
import { hasRtl, paragraphDirection, visualOrder, type Direction } from './bidi';

export type PageFormat = 'a4' | 'letter';

/**
 * TrueType files as binary strings (one character per byte). The fallback fonts are given only
 * when the report holds characters the main font lacks (`fallbackFontsFor` in scripts.ts).
 */
export interface PdfFonts {
	regular: string;
	bold: string;
	/** Hebrew and Arabic (DejaVu Sans). */
	rtl?: { regular: string; bold: string };
	/** CJK ideographs and kana (Droid Sans Fallback; no bold: bold is drawn with an outline). */
	cjk?: string;
	/** Hangul (no bold either). */
	hangul?: string;
}

export type JsPdfConstructor = new (options: { unit: 'pt'; format: PageFormat; compress: boolean; putOnlyUsedFonts: boolean }) => jsPDF;

const FONT = 'DejaVuSans';
/** jsPDF font names of the fallback fonts, by `FontId`. */
const FALLBACK = { rtl: 'DejaVuSansRTL', cjk: 'DroidSansFallbackCJK', hangul: 'WizardHangul' } as const;
type Face = 'main' | keyof typeof FALLBACK;
/**
 * jsPDF's own Arabic shaping and bidi reordering are turned off for our text (we pass glyphs
 * already shaped, in visual order): with these options its bidi step changes nothing.
 */
const AS_GIVEN = { isInputVisual: true, isOutputVisual: true, isInputRtl: false, isOutputRtl: false };
/** Marks a wrapped line of a right-to-left paragraph (never in cleaned text: bidi controls become U+FFFD). */
const RTL_LINE = '\u200f';
/** Marks a wrapped line of a left-to-right paragraph that holds right-to-left text (so a line that starts with it keeps the paragraph's direction). */
const LTR_LINE = '\u200e';
const LINE_MARK = /^[\u200e\u200f]/;
/** Ends a left-to-right label inside a right-to-left paragraph ("Note:" keeps its colon after it). */
const LTR_RUN_END = '\u200e';
/** The marks, wherever they are in a line: never drawn. */
const MARKS = /[\u200e\u200f]/g;
/** A line break is allowed before and after each of these (no spaces between words). */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const MARK = /\p{M}/u;
type RGB = [number, number, number];
const C = {
	text: [21, 32, 43] as RGB,
	muted: [75, 85, 99] as RGB,
	border: [190, 197, 207] as RGB,
	light: [241, 243, 246] as RGB,
	accent: [29, 78, 216] as RGB,
	done: [22, 101, 52] as RGB,
	skipped: [146, 64, 14] as RGB,
	na: [100, 110, 122] as RGB,
	open: [185, 28, 28] as RGB,
	changed: [126, 34, 206] as RGB
};
const STATE_COLOR: Record<ShownState, RGB> = { done: C.done, skipped: C.skipped, na: C.na, open: C.open, changed: C.changed };
const STATE_FILL: Record<ShownState, RGB> = { done: [22, 101, 52], skipped: [217, 119, 6], na: [156, 163, 175], open: [220, 38, 38], changed: [147, 51, 234] };

const M = { left: 56, right: 56, top: 56, bottom: 70 };
const LINE = 1.32;

interface Column {
	title: string;
	/** Share of the table width. */
	width: number;
	align?: 'left' | 'right';
	bold?: boolean;
	muted?: boolean;
	/** Identifiers (setting keys, file paths): wrap after `.`, `_`, `/` or `-` rather than anywhere. */
	ident?: boolean;
}

/** A table row, or a group heading spanning the whole table. */
type TableRow = string[] | { group: string };

class Writer {
	readonly doc: jsPDF;
	readonly w: number;
	readonly h: number;
	y = M.top;
	private replacement: string;

	/** Code points each loaded font has. */
	private faces = new Map<Face, Set<number>>();
	private main: Set<number>;
	private size = 10;
	private bold = false;
	private color: RGB = C.text;

	constructor(JsPDF: JsPdfConstructor, fonts: PdfFonts, format: PageFormat) {
		this.doc = new JsPDF({ unit: 'pt', format, compress: true, putOnlyUsedFonts: true });
		const add = (file: string, data: string, name: string, style: 'normal' | 'bold') => {
			this.doc.addFileToVFS(file, data);
			this.doc.addFont(file, name, style);
			this.doc.setFont(name, style);
			speedUpSubsetting(this.doc.getFont().metadata);
			return this.codePoints();
		};
		add(`${FONT}-Bold.ttf`, fonts.bold, FONT, 'bold');
		this.main = add(`${FONT}.ttf`, fonts.regular, FONT, 'normal');
		this.faces.set('main', this.main);
		if (fonts.rtl) {
			add(`${FALLBACK.rtl}-Bold.ttf`, fonts.rtl.bold, FALLBACK.rtl, 'bold');
			this.faces.set('rtl', add(`${FALLBACK.rtl}.ttf`, fonts.rtl.regular, FALLBACK.rtl, 'normal'));
		}
		if (fonts.cjk) this.faces.set('cjk', add(`${FALLBACK.cjk}.ttf`, fonts.cjk, FALLBACK.cjk, 'normal'));
		if (fonts.hangul) this.faces.set('hangul', add(`${FALLBACK.hangul}.ttf`, fonts.hangul, FALLBACK.hangul, 'normal'));
		this.doc.setFont(FONT, 'normal');
		// jsPDF's Arabic shaping would run again over our already shaped text: not for this document
		const api = (JsPDF as unknown as { API?: { processArabic?: unknown } }).API;
		const topics = (this.doc.internal as unknown as { events?: { getTopics?: () => Record<string, Record<string, [unknown, boolean]>> } }).events?.getTopics?.();
		const pre = topics?.['preProcessText'];
		if (pre && api?.processArabic) for (const [token, sub] of Object.entries(pre)) if (sub[0] === api.processArabic) delete pre[token];
		this.w = this.doc.internal.pageSize.getWidth();
		this.h = this.doc.internal.pageSize.getHeight();
		this.replacement = this.main.has(0xfffd) ? '\ufffd' : '?';
	}

	/** The code points the current font maps. */
	private codePoints(): Set<number> {
		const codeMap = (this.doc.getFont().metadata as { cmap?: { unicode?: { codeMap?: Record<number, number> } } }).cmap?.unicode?.codeMap ?? {};
		return new Set(Object.keys(codeMap).map(Number));
	}

	/** The loaded font that draws `cp` (the main font when none does: it draws U+FFFD). */
	private faceOf(cp: number): Face {
		if (this.main.has(cp)) return 'main';
		for (const [f, set] of this.faces) if (set.has(cp)) return f;
		return 'main';
	}

	private supported(cp: number): boolean {
		for (const set of this.faces.values()) if (set.has(cp)) return true;
		return false;
	}

	/** Text the main font draws alone, left to right (the fast path: jsPDF wraps and draws it); never a line with a directional mark. */
	private simple(s: string): boolean {
		for (const ch of s) if ((ch !== '\n' && !this.main.has(ch.codePointAt(0)!)) || ch === RTL_LINE || ch === LTR_LINE) return false;
		return true;
	}

	get contentWidth() {
		return this.w - M.left - M.right;
	}
	get bottom() {
		return this.h - M.bottom;
	}

	/**
	 * Text the font can draw: NFC, tabs as spaces, control and bidirectional characters as U+FFFD
	 * like every other export (`visibleControls`), unknown glyphs as U+FFFD.
	 */
	clean(s: string): string {
		let out = '';
		for (const ch of visibleControls(s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, '    '))) {
			const cp = ch.codePointAt(0)!;
			if (ch === '\n') out += ch;
			else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
			else out += this.supported(cp) ? ch : this.replacement;
		}
		return out;
	}

	font(size: number, bold = false, color: RGB = C.text) {
		this.size = size;
		this.bold = bold;
		this.color = color;
		this.doc.setFont(FONT, bold ? 'bold' : 'normal');
		this.doc.setFontSize(size);
		this.doc.setTextColor(...color);
	}

	/**
	 * Wraps text to `width`. `dir` sets the base direction of the first paragraph (e.g. that of a
	 * note, not of the "Note:" label before it); the others take their first strong character's.
	 * `label` starts the first paragraph: in a right-to-left one it stays a left-to-right run (a
	 * left-to-right mark after it), so "Note:" does not print as ":Note".
	 */
	lines(text: string, width: number, dir?: Direction, label = ''): string[] {
		const head = label.trimEnd();
		const c = dir === 'rtl' && head ? this.clean(head) + LTR_RUN_END + this.clean(label.slice(head.length) + text) : this.clean(label + text);
		return this.simple(c) && dir !== 'rtl' ? (this.doc.splitTextToSize(c, width) as string[]) : this.wrap(c, width, dir);
	}

	/** Splits a line into runs of one font each (in the order given). */
	private runs(s: string): { face: Face; text: string }[] {
		const out: { face: Face; text: string }[] = [];
		for (const ch of s) {
			const cp = ch.codePointAt(0)!;
			// a combining mark stays with its base character's font when that font has it
			const prev = out[out.length - 1];
			const face = prev && MARK.test(ch) && this.faces.get(prev.face)?.has(cp) ? prev.face : this.faceOf(cp);
			if (prev && prev.face === face) prev.text += ch;
			else out.push({ face, text: ch });
		}
		return out;
	}

	/** Selects the font of a run in the current size and weight; true when bold has to be drawn (no bold face). */
	private useFace(face: Face): boolean {
		if (face === 'main') this.doc.setFont(FONT, this.bold ? 'bold' : 'normal');
		else if (face === 'rtl') this.doc.setFont(FALLBACK.rtl, this.bold ? 'bold' : 'normal');
		else {
			this.doc.setFont(FALLBACK[face], 'normal');
			return this.bold;
		}
		return false;
	}

	/** The width of one line of cleaned text in the current font settings (any script). */
	width(s: string): number {
		if (this.simple(s)) return this.doc.getTextWidth(s);
		let w = 0;
		for (const r of this.runs(shapeArabic(s.replace(MARKS, '')))) {
			this.useFace(r.face);
			w += this.doc.getTextWidth(r.text);
		}
		this.doc.setFont(FONT, this.bold ? 'bold' : 'normal');
		return w;
	}

	/**
	 * Wraps cleaned text in any script: breaks after spaces and around CJK characters, splits a
	 * word longer than the line by characters, and marks the lines of a right-to-left paragraph.
	 * The lines stay in logical order; `drawLine` shapes and reorders each.
	 */
	private wrap(text: string, width: number, firstDir?: Direction): string[] {
		const out: string[] = [];
		for (const [n, para] of text.split('\n').entries()) {
			const mark = ((n === 0 && firstDir) || paragraphDirection(para)) === 'rtl' ? RTL_LINE : hasRtl(para) ? LTR_LINE : '';
			const first = out.length;
			const tokens: string[] = [];
			for (const ch of para) {
				const last = tokens[tokens.length - 1];
				const lastCh = last === undefined ? undefined : Array.from(last).pop()!;
				const joins = last !== undefined && (MARK.test(ch) || (/\s/.test(ch) ? true : !/\s/.test(lastCh!) && !CJK_CHAR.test(ch) && !CJK_CHAR.test(lastCh!)));
				if (joins) tokens[tokens.length - 1] += ch;
				else tokens.push(ch);
			}
			let cur = '';
			const push = () => {
				out.push(mark + cur.trimEnd());
				cur = '';
			};
			for (const tok of tokens) {
				if (cur && this.width(cur + tok.trimEnd()) > width) push();
				if (!cur && this.width(tok.trimEnd()) > width) {
					// a word longer than the line: as many characters as fit on each line
					for (const ch of tok) {
						if (cur && !MARK.test(ch) && this.width(cur + ch) > width) push();
						cur += ch;
					}
				} else cur += cur ? tok : tok.trimStart();
			}
			if (cur || out.length === first) push();
		}
		return out;
	}

	/**
	 * Draws one line at baseline `y`: Arabic shaped, in visual order for right-to-left text, each
	 * run in the font that has its glyphs (bold of a font without a bold face: filled and outlined).
	 * A line of a right-to-left paragraph ends at the right edge of its box (`x + width`) when the
	 * box's width is given.
	 */
	private drawLine(line: string, x: number, y: number, align: 'left' | 'right', width?: number) {
		const rtl = line.startsWith(RTL_LINE);
		const marked = LINE_MARK.test(line);
		let s = shapeArabic(marked ? line.slice(1) : line);
		// the paragraph's direction when the line was wrapped from one; else the line's own
		if (hasRtl(s)) s = visualOrder(s, marked ? (rtl ? 'rtl' : 'ltr') : paragraphDirection(s)).text;
		s = s.replace(MARKS, '');
		const runs = this.runs(s);
		const widths = runs.map((r) => (this.useFace(r.face), this.doc.getTextWidth(r.text)));
		const total = widths.reduce((a, b) => a + b, 0);
		let at = align === 'right' ? x - total : rtl && width !== undefined ? x + width - total : x;
		runs.forEach((r, i) => {
			const fakeBold = this.useFace(r.face);
			if (fakeBold) {
				const lw = this.doc.getLineWidth();
				this.doc.setLineWidth(this.size * 0.035);
				this.doc.setDrawColor(...this.color);
				this.doc.text(r.text, at, y, { baseline: 'alphabetic', renderingMode: 'fillThenStroke', ...AS_GIVEN });
				this.doc.setLineWidth(lw);
			} else this.doc.text(r.text, at, y, { baseline: 'alphabetic', ...AS_GIVEN });
			at += widths[i]!;
		});
		this.doc.setFont(FONT, this.bold ? 'bold' : 'normal');
	}

	/** Wraps an identifier at `.`, `_`, `/`, `-` boundaries (hard split only when a part is too long). */
	identLines(text: string, width: number): string[] {
		if (!this.simple(this.clean(text))) return this.lines(text, width);
		const out: string[] = [];
		for (const para of this.clean(text).split('\n')) {
			let cur = '';
			for (const part of para.split(/(?<=[._/\-])/)) {
				if (cur && this.doc.getTextWidth(cur + part) > width) {
					out.push(cur);
					cur = '';
				}
				if (this.doc.getTextWidth(part) > width) {
					const pieces = this.doc.splitTextToSize(part, width) as string[];
					out.push(...pieces.slice(0, -1));
					cur = pieces[pieces.length - 1] ?? '';
				} else cur += part;
			}
			out.push(cur);
		}
		return out;
	}

	newPage() {
		this.doc.addPage();
		this.y = M.top;
	}

	/** Starts a new page unless `height` more points fit on this one. */
	ensure(height: number) {
		if (this.y + height > this.bottom) this.newPage();
	}

	/** Draws one line of text with its top at `top`. */
	textAt(s: string, x: number, top: number, size: number, align: 'left' | 'right' = 'left') {
		if (this.simple(s)) this.doc.text(s, x, top + size * 0.93, { align, baseline: 'alphabetic' });
		else this.drawLine(s, x, top + size * 0.93, align);
	}

	/**
	 * Several lines with the first one's top at `top`, in one text call (one per line for other
	 * scripts). `width`: the box the lines were wrapped to, where right-to-left lines end.
	 */
	linesAt(ls: string[], x: number, top: number, size: number, align: 'left' | 'right' = 'left', width?: number) {
		if (!ls.length) return;
		if (ls.every((l) => this.simple(l))) this.doc.text(ls, x, top + size * 0.93, { align, baseline: 'alphabetic', lineHeightFactor: LINE });
		else ls.forEach((l, i) => this.drawLine(l, x, top + size * 0.93 + i * size * LINE, align, width));
	}

	/** Draws wrapped lines (wrapped to `width`) from the current position, continuing on new pages (one text call per page). */
	flow(ls: string[], x: number, size: number, width: number) {
		const lh = size * LINE;
		let i = 0;
		while (i < ls.length) {
			this.ensure(lh);
			const chunk = ls.slice(i, i + Math.max(1, Math.floor((this.bottom - this.y) / lh)));
			this.linesAt(chunk, x, this.y, size, 'left', width);
			this.y += chunk.length * lh;
			i += chunk.length;
		}
	}

	/** A wrapped paragraph; continues on the next page when needed. */
	para(text: string, o: { size?: number; bold?: boolean; color?: RGB; indent?: number; after?: number; width?: number } = {}) {
		const size = o.size ?? 10;
		const x = M.left + (o.indent ?? 0);
		this.font(size, o.bold, o.color);
		const width = o.width ?? this.contentWidth - (o.indent ?? 0);
		this.flow(this.lines(text, width), x, size, width);
		this.y += o.after ?? 4;
	}

	heading(text: string, size: number, keepWith = 60) {
		this.font(size, true);
		const ls = this.lines(text, this.contentWidth);
		this.ensure(ls.length * size * LINE + keepWith);
		this.flow(ls, M.left, size, this.contentWidth);
		this.y += size * 0.35;
	}

	rule(color: RGB = C.border, gap = 8) {
		this.doc.setDrawColor(...color);
		this.doc.setLineWidth(0.6);
		this.doc.line(M.left, this.y, this.w - M.right, this.y);
		this.y += gap;
	}

	/** A table with a header row, wrapped cells and rows that continue on the next page. */
	table(cols: Column[], rows: TableRow[], o: { size?: number; zebra?: boolean; boldLast?: boolean } = {}) {
		const size = o.size ?? 9;
		const lh = size * LINE;
		const pad = 4;
		const total = this.contentWidth;
		const widths = cols.map((c) => c.width * total);
		const xs = widths.map((_, i) => M.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
		const header = () => {
			this.font(size, true);
			const hl = cols.map((c, i) => this.lines(c.title, widths[i]! - 2 * pad));
			const hh = Math.max(...hl.map((l) => l.length)) * lh + 2 * pad;
			this.doc.setFillColor(...C.light);
			this.doc.rect(M.left, this.y, total, hh, 'F');
			hl.forEach((ls, i) => this.cell(ls, xs[i]!, widths[i]!, this.y + pad, size, pad, cols[i]!.align));
			this.y += hh;
			this.doc.setDrawColor(...C.border);
			this.doc.setLineWidth(0.6);
			this.doc.line(M.left, this.y, M.left + total, this.y);
			return hh;
		};
		const style = (i: number, bold: boolean) => this.font(size, bold || cols[i]!.bold, cols[i]!.muted ? C.muted : C.text);
		this.ensure(lh * 5);
		const headerHeight = header();
		const pageLines = Math.floor((this.bottom - M.top - headerHeight - 2 * pad) / lh);
		let stripe = 0;
		rows.forEach((row, r) => {
			if (!Array.isArray(row)) {
				// a group heading stays with at least two lines of its first row
				this.font(size, true);
				const gl = this.lines(row.group, total - 2 * pad);
				const gh = gl.length * lh + 2 * pad;
				if (this.y + gh + 2 * lh + 2 * pad > this.bottom) {
					this.newPage();
					header();
				}
				this.doc.setFillColor(232, 238, 252);
				this.doc.rect(M.left, this.y, total, gh, 'F');
				this.cell(gl, M.left, total, this.y + pad, size, pad);
				this.y += gh;
				stripe = 0;
				return;
			}
			const bold = !!o.boldLast && r === rows.length - 1;
			const cellLines = row.map((t, i) => {
				style(i, bold);
				return cols[i]!.ident ? this.identLines(t, widths[i]! - 2 * pad) : this.lines(t, widths[i]! - 2 * pad);
			});
			const n = Math.max(1, ...cellLines.map((l) => l.length));
			let from = 0;
			while (from < n) {
				// a row moves to the next page whole, unless it is taller than a page
				let fit = Math.floor((this.bottom - this.y - 2 * pad) / lh);
				if (fit < Math.min(n - from, 2) || (fit < n - from && n - from <= pageLines)) {
					this.newPage();
					header();
					fit = Math.floor((this.bottom - this.y - 2 * pad) / lh);
				}
				const count = Math.min(fit, n - from);
				const hgt = count * lh + 2 * pad;
				if (o.zebra && stripe % 2 === 1) {
					this.doc.setFillColor(248, 249, 251);
					this.doc.rect(M.left, this.y, total, hgt, 'F');
				}
				cellLines.forEach((ls, i) => {
					style(i, bold);
					this.cell(ls.slice(from, from + count), xs[i]!, widths[i]!, this.y + pad, size, pad, cols[i]!.align);
				});
				this.y += hgt;
				this.doc.setDrawColor(...C.border);
				this.doc.setLineWidth(0.4);
				this.doc.line(M.left, this.y, M.left + total, this.y);
				from += count;
			}
			stripe++;
		});
		this.y += 10;
	}

	private cell(ls: string[], x: number, w: number, top: number, size: number, pad: number, align: 'left' | 'right' = 'left') {
		this.linesAt(ls, align === 'right' ? x + w - pad : x + pad, top, size, align, w - 2 * pad);
	}

	/** A 9 pt box, ticked when `ticked`. */
	box(x: number, top: number, ticked: boolean, state: ShownState) {
		const s = 9;
		this.doc.setLineWidth(0.9);
		this.doc.setDrawColor(...(ticked ? C.done : C.muted));
		if (ticked) {
			this.doc.setFillColor(220, 252, 231);
			this.doc.rect(x, top, s, s, 'FD');
			this.doc.setLineWidth(1.4);
			this.doc.setDrawColor(...STATE_COLOR[state]);
			this.doc.line(x + 1.8, top + 4.7, x + 3.8, top + 6.9);
			this.doc.line(x + 3.8, top + 6.9, x + 7.6, top + 2);
		} else {
			this.doc.rect(x, top, s, s, 'S');
		}
	}
}

function footer(wr: Writer, r: Report) {
	const doc = wr.doc;
	const pages = doc.getNumberOfPages();
	const name = r.helpdeskName || 'Unnamed helpdesk';
	// the same left text on every page: cut to the room next to the widest "Page n of N" once
	wr.font(8, false, C.muted);
	const room = wr.contentWidth - doc.getTextWidth(`Page ${pages} of ${pages}`) - 16;
	let left = wr.clean(`Deskpro security hardening checklist · ${name}`);
	while (wr.width(left) > room && left.length > 10) left = Array.from(left).slice(0, -2).join('') + '…';
	for (let i = 1; i <= pages; i++) {
		doc.setPage(i);
		const top = wr.h - M.bottom + 26;
		doc.setDrawColor(...C.border);
		doc.setLineWidth(0.5);
		doc.line(M.left, top - 8, wr.w - M.right, top - 8);
		wr.font(8, false, C.muted);
		wr.textAt(left, M.left, top, 8);
		wr.textAt(`Page ${i} of ${pages}`, wr.w - M.right, top, 8, 'right');
		wr.textAt(`Generated ${r.generatedAt} · contains no passwords or other secrets`, M.left, top + 11, 8);
	}
}

function cover(wr: Writer, r: Report) {
	const doc = wr.doc;
	doc.setFillColor(...C.accent);
	doc.rect(0, 0, wr.w, 10, 'F');
	wr.y = 90;
	wr.para('DESKPRO SECURITY HARDENING', { size: 10, bold: true, color: C.accent, after: 10 });
	wr.para('Security hardening checklist', { size: 26, bold: true, after: 14 });
	wr.para(r.helpdeskName || 'Unnamed helpdesk', { size: 18, bold: false, after: 24 });
	const rows: [string, string][] = [
		['Helpdesk URL', r.helpdeskUrl || '—'],
		['Deployment', r.deployment],
		['Date', r.date],
		['Prepared by', person(r.signoff.preparedBy, r.signoff.preparedRole) || '—'],
		['Plan', `${r.planId} (last changed ${r.planUpdatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')})`],
		...(r.fingerprint ? [['Fingerprint', `${r.fingerprint}\nSHA-256 of the plan file as “Save progress” writes it (without secrets)`] as [string, string]] : []),
		...(r.audit ? [['Server audit', r.audit] as [string, string]] : [])
	];
	const labelW = 110;
	for (const [k, v] of rows) {
		wr.font(11);
		const ls = wr.lines(v, wr.contentWidth - labelW);
		wr.ensure(ls.length * 11 * LINE + 8);
		wr.font(10, true, C.muted);
		wr.textAt(k, M.left, wr.y + 1, 10);
		wr.font(11);
		wr.linesAt(ls, M.left + labelW, wr.y, 11, 'left', wr.contentWidth - labelW);
		wr.y += ls.length * 11 * LINE + 8;
	}
	wr.y += 18;
	const p = r.progress;
	wr.para(`${p.total - p.open} of ${p.total} checklist items resolved`, { size: 13, bold: true, after: 8 });
	// progress bar: done / skipped / n/a / open
	const x0 = 56;
	const bw = wr.contentWidth;
	let x = x0;
	for (const s of ['done', 'skipped', 'na', 'open'] as const) {
		const part = p.total ? (p[s] / p.total) * bw : 0;
		if (part > 0) {
			doc.setFillColor(...STATE_FILL[s]);
			doc.rect(x, wr.y, part, 12, 'F');
		}
		x += part;
	}
	doc.setDrawColor(...C.border);
	doc.setLineWidth(0.5);
	doc.rect(x0, wr.y, bw, 12, 'S');
	wr.y += 22;
	let lx = x0;
	for (const s of ['done', 'skipped', 'na', 'open', 'changed'] as const) {
		if (s === 'changed' && p.changed === 0) continue;
		doc.setFillColor(...STATE_FILL[s]);
		doc.rect(lx, wr.y + 1, 8, 8, 'F');
		wr.font(10);
		const t = `${STATE_LABELS[s]}: ${p[s]}`;
		wr.textAt(t, lx + 12, wr.y, 10);
		lx += 12 + doc.getTextWidth(t) + 22;
	}
	wr.y += 34;
	wr.para(
		'This checklist records which of the security practices for Deskpro were applied to this helpdesk, which were skipped and why, and the settings chosen. It was generated in the browser by the Deskpro Hardening Wizard and contains no passwords or other secrets.',
		{ size: 9.5, color: C.muted }
	);
}

function summary(wr: Writer, r: Report) {
	wr.heading('Summary', 16);
	const p = r.progress;
	const changed = p.changed ? `, ${p.changed} changed since ticked (not confirmed again)` : '';
	wr.para(`${p.done} done, ${p.skipped} skipped, ${p.na} not applicable and ${p.open} open${changed}, of ${p.total} checklist items.`, { after: 10 });
	const rows = r.practices.map((x) => [`${x.number}. ${x.title}${x.applies ? '' : ' (not applicable)'}`, ...counts(x.progress)]);
	rows.push(['Total', ...counts(p)]);
	const num = (title: string): Column => ({ title, width: 0.11, align: 'right' });
	wr.table([{ title: 'Practice', width: 0.45 }, num('Done'), num('Skipped'), num('N/A'), num('Open'), num('Total')], rows, { size: 9.5, zebra: true, boldLast: true });
}

function counts(p: { done: number; skipped: number; na: number; open: number; total: number }): string[] {
	return [p.done, p.skipped, p.na, p.open, p.total].map(String);
}

function item(wr: Writer, it: ReportItem) {
	const doc = wr.doc;
	const size = 10;
	const lh = size * LINE;
	const labelX = M.left + 16;
	const textX = M.left + 84;
	const textW = wr.w - M.right - textX;
	wr.font(size);
	const main = wr.lines(it.detail ? `${it.text} — ${it.detail}` : it.text, textW);
	wr.font(9);
	const extra: { label: string; lines: string[] }[] = [];
	if (it.state === 'changed') extra.push({ label: '', lines: wr.lines(CHANGED_NOTE, textW) });
	// a right-to-left note or reason is a right-to-left paragraph, its label included
	if (it.reason) extra.push({ label: 'Reason: ', lines: wr.lines(it.reason, textW, paragraphDirection(it.reason), 'Reason: ') });
	if (it.note) extra.push({ label: 'Note: ', lines: wr.lines(it.note, textW, paragraphDirection(it.note), 'Note: ') });
	// the audit text names itself ("Verified by audit on…", "Audit found a problem on…")
	if (it.audit) extra.push({ label: '', lines: wr.lines(it.audit, textW) });
	const height = main.length * lh + extra.reduce((a, e) => a + e.lines.length * 9 * LINE, 0) + 7;
	// keep an item on one page when it fits on one
	if (height <= wr.bottom - M.top) wr.ensure(height);
	else wr.ensure(lh * 2);
	wr.box(M.left, wr.y + 1.2, it.state === 'done', it.state);
	wr.font(8.5, true, STATE_COLOR[it.state]);
	wr.textAt((it.state === 'changed' ? 'CHANGED' : STATE_LABELS[it.state].toUpperCase().replace('NOT APPLICABLE', 'N/A')), labelX, wr.y + 1.2, 8.5);
	wr.font(size);
	wr.flow(main, textX, size, textW);
	for (const e of extra) {
		wr.font(9, false, C.muted);
		wr.flow(e.lines, textX, 9, textW);
	}
	wr.y += 4;
	doc.setDrawColor(232, 235, 239);
	doc.setLineWidth(0.4);
	doc.line(textX, wr.y, wr.w - M.right, wr.y);
	wr.y += 3;
}

function practiceSection(wr: Writer, x: Report['practices'][number]) {
	wr.y += 10;
	wr.heading(`${x.number}. ${x.title}`, 14, 90);
	wr.para(x.summary, { size: 9.5, color: C.muted, after: 3 });
	wr.para(`Where: ${x.where}`, { size: 9.5, color: C.muted, after: 8 });
	if (!x.applies) wr.para(`Not applicable to this helpdesk: ${x.naReason}`, { size: 10, bold: true, color: C.na, after: 8 });
	if (x.invalid) wr.para('Some answers of this step are invalid, so no settings are listed.', { size: 10, bold: true, color: C.open, after: 8 });
	const q = x.progress;
	wr.heading(`Checklist (${q.done} done, ${q.skipped} skipped, ${q.na} N/A, ${q.open} open)`, 11, 30);
	for (const it of x.items) item(wr, it);
	if (!x.items.length) wr.para('No checklist items.', { color: C.muted });
	if (x.settings.length) {
		wr.y += 6;
		wr.heading('Settings applied', 11, 50);
		const rows: TableRow[] = [];
		let menu: string | null = null;
		for (const st of x.settings) {
			if (st.menu !== menu) rows.push({ group: (menu = st.menu) });
			rows.push([st.note ? `${st.setting}\n(${st.note})` : st.setting, st.value, st.key ?? '']);
		}
		wr.table(
			[
				{ title: 'Setting', width: 0.36 },
				{ title: 'Value', width: 0.3, bold: true },
				{ title: 'Stored key', width: 0.34, ident: true, muted: true }
			],
			rows,
			{ size: 8.5, zebra: true }
		);
	}
	if (x.standards.length) {
		wr.y += 2;
		wr.heading('Standards', 11, 30);
		for (const s of x.standards) wr.para(`${s.standard} ${s.id}: ${s.text}`, { size: 9, indent: 10, after: 3 });
	}
}

function decisions(wr: Writer, r: Report) {
	if (!r.decisions.length) return;
	wr.y += 10;
	wr.heading('Server decisions', 14, 80);
	wr.para('What the server files were generated from.', { size: 9.5, color: C.muted, after: 8 });
	wr.table(
		[
			{ title: 'Decision', width: 0.3 },
			{ title: 'Value', width: 0.7 }
		],
		r.decisions.map((d) => [d.label, d.value]),
		{ size: 8.5, zebra: true }
	);
}

function fileDigests(wr: Writer, r: Report) {
	const rows = r.files.filter((f) => f.sha256);
	if (!rows.length) return;
	wr.y += 10;
	wr.heading('File fingerprints (SHA-256)', 12, 60);
	wr.para('The SHA-256 of each file as generated (sha256sum of the downloaded file gives the same value).', { size: 9.5, color: C.muted, after: 8 });
	wr.table(
		[
			{ title: 'File', width: 0.3, ident: true },
			{ title: 'SHA-256', width: 0.7, ident: true }
		],
		rows.map((f) => [f.filename, f.sha256]),
		{ size: 7.5, zebra: true }
	);
}

function notApplicable(wr: Writer, r: Report) {
	const na = r.practices.filter((x) => !x.applies);
	if (!na.length) return;
	wr.y += 10;
	wr.heading('Not applicable to this helpdesk', 14, 60);
	wr.para(`${na.length} ${na.length === 1 ? 'step does' : 'steps do'} not apply, for the reason given; their checklist items are not counted.`, { size: 9.5, color: C.muted, after: 6 });
	for (const x of na) wr.para(`${x.number}. ${x.title}: ${x.naReason}`, { size: 9.5, indent: 10, after: 3 });
}

function files(wr: Writer, r: Report) {
	if (!r.files.length) return;
	wr.y += 10;
	wr.heading('Generated configuration files', 14, 80);
	wr.para(FILES_WHERE, { size: 9.5, color: C.muted, after: 8 });
	wr.table(
		[
			{ title: '#', width: 0.06, align: 'right' },
			{ title: 'File', width: 0.44, ident: true },
			{ title: 'Purpose', width: 0.5 }
		],
		r.files.map((f, i) => [String(i + 1), f.installAs ? `${f.filename}\n→ ${f.installAs}` : f.filename, f.containsSecret ? `${f.description}\n${SECRET_FILE_WHERE}` : f.description]),
		{ size: 8.5, zebra: true }
	);
}

function signoff(wr: Writer, r: Report) {
	const doc = wr.doc;
	wr.y += 14;
	wr.ensure(250);
	wr.heading('Sign-off', 14, 200);
	wr.para(
		'I confirm that the items marked Done were applied to this helpdesk, and that the items marked Skipped or Not applicable were reviewed and accepted for the reasons given.',
		{ size: 10, after: 18 }
	);
	const s = r.signoff;
	const fields: [string, string][] = [
		['Name', s.signoffName],
		['Role', s.signoffRole],
		['Date', s.signoffDate],
		['Signature', '']
	];
	const labelW = 80;
	for (const [label, value] of fields) {
		const rowH = label === 'Signature' ? 44 : 30;
		wr.ensure(rowH);
		const base = wr.y + rowH - 8;
		wr.font(10, true, C.muted);
		wr.textAt(label, M.left, base - 11, 10);
		if (value) {
			wr.font(11);
			let v = wr.clean(value);
			while (wr.width(v) > wr.contentWidth - labelW - 4 && v.length > 4) v = Array.from(v).slice(0, -2).join('') + '…';
			wr.textAt(v, M.left + labelW + 2, base - 13, 11);
		}
		doc.setDrawColor(...C.text);
		doc.setLineWidth(0.6);
		doc.line(M.left + labelW, base, wr.w - M.right, base);
		wr.y += rowH;
	}
}

/** Draws the checklist and returns the PDF's bytes. */
export function renderChecklistPdf(JsPDF: JsPdfConstructor, fonts: PdfFonts, r: Report, format: PageFormat = 'a4'): ArrayBuffer {
	const wr = new Writer(JsPDF, fonts, format);
	const name = wr.clean(r.helpdeskName || 'Unnamed helpdesk');
	wr.doc.setProperties({
		title: wr.clean(`${r.title}: ${name}`),
		subject: 'Security best practices applied to a Deskpro helpdesk',
		author: wr.clean(person(r.signoff.preparedBy, r.signoff.preparedRole)),
		creator: 'Deskpro Hardening Wizard'
	});
	cover(wr, r);
	wr.newPage();
	summary(wr, r);
	// Steps that apply in full; those that do not, as one short list (title and reason; no
	// default values, paths or items printed for them: issue 16).
	for (const x of r.practices) if (x.applies) practiceSection(wr, x);
	notApplicable(wr, r);
	decisions(wr, r);
	files(wr, r);
	fileDigests(wr, r);
	signoff(wr, r);
	footer(wr, r);
	return wr.doc.output('arraybuffer');
}
