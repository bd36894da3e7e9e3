/**
 * Browser entry of the PDF checklist: loaded with a dynamic import when the admin asks for the
 * PDF, it fetches jsPDF and the two embedded fonts (same-origin assets) and renders. Nothing
 * here is part of the first page.
 */
import regularUrl from './fonts/DejaVuSans-subset.ttf?url';
import boldUrl from './fonts/DejaVuSans-Bold-subset.ttf?url';
import { renderChecklistPdf, type PageFormat, type PdfFonts } from './checklist';
import type { Report } from '$lib/generators/report';

let fonts: Promise<PdfFonts> | null = null;

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

function loadFonts(): Promise<PdfFonts> {
	fonts ??= Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)]).then(([regular, bold]) => ({ regular, bold }));
	fonts.catch(() => (fonts = null));
	return fonts;
}

export async function checklistPdf(report: Report, format: PageFormat): Promise<Blob> {
	const [{ jsPDF }, f] = await Promise.all([import('jspdf'), loadFonts()]);
	performance.mark('pdf:render-start');
	const bytes = renderChecklistPdf(jsPDF, f, report, format);
	performance.measure('pdf:render', 'pdf:render-start');
	return new Blob([bytes], { type: 'application/pdf' });
}
