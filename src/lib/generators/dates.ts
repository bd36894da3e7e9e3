/**
 * Dates as the exports write them, in local time. Pure, and import-free so that pages which only
 * name a file (e.g. "Save progress" in the step list) do not load the report builder.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` in local time. */
export function isoDate(d: Date): string {
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM-DD HH:MM (UTC±hh:mm)` in local time. */
export function localDateTime(d: Date): string {
	const off = -d.getTimezoneOffset();
	const sign = off >= 0 ? '+' : '−';
	const abs = Math.abs(off);
	return `${isoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
}
