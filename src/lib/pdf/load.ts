/**
 * Browser entry of the PDF checklist: loaded with a dynamic import when the admin asks for the
 * PDF, it fetches jsPDF and the embedded fonts (same-origin assets) and renders. Nothing here is
 * part of the first page. The Hebrew/Arabic, CJK and Hangul fonts are separate files, fetched
 * only when the report holds such characters (a Latin-only PDF fetches the two DejaVu files).
 */
import regularUrl from './fonts/DejaVuSans-subset.ttf?url';
import boldUrl from './fonts/DejaVuSans-Bold-subset.ttf?url';
import rtlRegularUrl from './fonts/DejaVuSans-RTL-subset.ttf?url';
import rtlBoldUrl from './fonts/DejaVuSans-Bold-RTL-subset.ttf?url';
import { renderChecklistPdf, type PageFormat, type PdfFonts } from './checklist';
import { fallbackFontsFor, type FallbackFont } from './scripts';
import { OFFLINE_BUILD } from './offline';
import type { Report } from '$lib/generators/report';

/** Bytes as a binary string (what jsPDF's font loader expects), in chunks to spare the stack. */
export function binaryString(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return s;
}

async function fetchFont(url: string): Promise<string> {
	// The offline single-file build inlines the fonts as base64 data: URLs.
	const inline = /^data:[^,]*;base64,/.exec(url);
	if (inline) return atob(url.slice(inline[0].length));
	const res = await fetch(url);
	if (!res.ok) throw new Error(`The PDF font could not be loaded (${res.status}).`);
	return binaryString(new Uint8Array(await res.arrayBuffer()));
}

/**
 * The URLs of the CJK and Hangul fonts, through dynamic imports of `?url` modules so that the
 * offline single-file build (which would inline each as a multi-megabyte data: URL) leaves them
 * out: there, `OFFLINE_BUILD` is the literal `true` and this code is dropped.
 */
async function bigFontUrl(font: 'cjk' | 'hangul'): Promise<string | null> {
	if (OFFLINE_BUILD) return null;
	return font === 'cjk' ? (await import('./fonts/DroidSansFallback-CJK-subset.ttf?url')).default : (await import('./fonts/WizardHangul-subset.ttf?url')).default;
}

const cache = new Map<string, Promise<string>>();
function font(url: string): Promise<string> {
	let p = cache.get(url);
	if (!p) {
		p = fetchFont(url);
		cache.set(url, p);
		p.catch(() => cache.delete(url));
	}
	return p;
}

async function fallback(f: FallbackFont): Promise<Partial<PdfFonts>> {
	if (f === 'rtl') {
		const [regular, bold] = await Promise.all([font(rtlRegularUrl), font(rtlBoldUrl)]);
		return { rtl: { regular, bold } };
	}
	const url = await bigFontUrl(f);
	return url ? { [f]: await font(url) } : {};
}

/** The fonts this report needs: DejaVu always, the others only for the characters it holds. */
export async function loadFonts(report: Report): Promise<PdfFonts> {
	const need = fallbackFontsFor(JSON.stringify(report));
	const [regular, bold, ...more] = await Promise.all([font(regularUrl), font(boldUrl), ...[...need].map(fallback)]);
	return Object.assign({ regular: regular!, bold: bold! }, ...(more as Partial<PdfFonts>[])) as PdfFonts;
}

export async function checklistPdf(report: Report, format: PageFormat): Promise<Blob> {
	const [{ jsPDF }, f] = await Promise.all([import('jspdf'), loadFonts(report)]);
	performance.mark('pdf:render-start');
	const bytes = renderChecklistPdf(jsPDF, f, report, format);
	performance.measure('pdf:render', 'pdf:render-start');
	return new Blob([bytes], { type: 'application/pdf' });
}
