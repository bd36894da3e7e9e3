/**
 * Review reminders as an iCalendar file (RFC 5545): one all-day recurring event per review,
 * with a reminder at 09:00 on the day. Pure: reviews in, text out. CRLF line ends, lines folded
 * at 75 octets without splitting a UTF-8 character, TEXT values escaped in one place, a stable
 * UID per plan and review (importing the file again updates the events instead of duplicating
 * them) and a UTC DTSTAMP.
 */
import type { Review } from './reviews';
import { visibleControls } from '$lib/validate/text';

export interface CalendarOptions {
	planId: string;
	helpdeskName: string;
	now: Date;
}

/** Escapes an iCalendar TEXT value (RFC 5545 §3.3.11). */
export function icsText(s: string): string {
	return visibleControls(s)
		.replace(/\r\n?/g, '\n')
		.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
		.replace(/[\\;,]/g, (c) => `\\${c}`)
		.replace(/\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds one content line into chunks of at most 75 octets (RFC 5545 §3.1). */
export function foldLine(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const parts: string[] = [];
	let cur = '';
	let curBytes = 0;
	let limit = 75;
	for (const ch of line) {
		const n = encoder.encode(ch).length;
		if (curBytes + n > limit) {
			parts.push(cur);
			cur = '';
			curBytes = 0;
			limit = 74; // continuation lines start with one space
		}
		cur += ch;
		curBytes += n;
	}
	parts.push(cur);
	return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');

export function icsUtc(d: Date): string {
	return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function icsDate(d: Date): string {
	return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
}

/**
 * The first occurrence: tomorrow, or the 1st of next month when tomorrow is after the 28th
 * (a monthly rule on the 29th–31st would skip the months that lack that day).
 */
export function firstReviewDate(now: Date): Date {
	const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
	return d.getDate() > 28 ? new Date(d.getFullYear(), d.getMonth() + 1, 1) : d;
}

export function reviewCalendar(reviews: readonly Review[], o: CalendarOptions): string {
	const start = firstReviewDate(o.now);
	const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
	const name = o.helpdeskName.trim();
	const lines: string[] = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Deskpro Hardening Wizard//Review reminders//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${icsText(`Deskpro security reviews${name ? ` – ${name}` : ''}`)}`
	];
	for (const r of reviews) {
		const summary = name ? `${r.title} (${name})` : r.title;
		const rule = `FREQ=${r.cadence.freq}${r.cadence.interval > 1 ? `;INTERVAL=${r.cadence.interval}` : ''}`;
		lines.push(
			'BEGIN:VEVENT',
			`UID:${r.id}-${o.planId.replace(/[^a-z0-9-]/gi, '')}@deskpro-hardening-wizard`,
			`DTSTAMP:${icsUtc(o.now)}`,
			`DTSTART;VALUE=DATE:${icsDate(start)}`,
			`DTEND;VALUE=DATE:${icsDate(end)}`,
			`RRULE:${rule}`,
			`SUMMARY:${icsText(summary)}`,
			`DESCRIPTION:${icsText(`${r.description}\nRepeats ${r.cadence.label}, as chosen in the Deskpro Hardening Wizard.`)}`,
			'TRANSP:TRANSPARENT',
			'BEGIN:VALARM',
			'ACTION:DISPLAY',
			`DESCRIPTION:${icsText(summary)}`,
			'TRIGGER;RELATED=START:PT9H',
			'END:VALARM',
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
