/** Small formatting helpers shared by practice modules (not a practice: the `_` keeps it out of the list). */
import type { Deployment } from './types';

/** 1814400 → "1 814 400" (thin groups, as in Deskpro's docs and our references). */
export function groupDigits(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** A number of minutes in words: 90 → "1 hour 30 minutes", 1440 → "24 hours". */
export function minutesInWords(m: number): string {
	if (m < 60) return plural(m, 'minute');
	const h = Math.floor(m / 60);
	const rest = m % 60;
	return rest ? `${plural(h, 'hour')} ${plural(rest, 'minute')}` : plural(h, 'hour');
}

export const onOff = (b: boolean): string => (b ? 'On' : 'Off');

/** "a, b and c" */
export function joinAnd(xs: readonly string[]): string {
	return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

export const isSelfHosted = (deployment: string): boolean => deployment === ('download' satisfies Deployment) || deployment === ('onprem-docker' satisfies Deployment);

/** Reason for items about the server or proxy in front of Deskpro, which Deskpro Cloud customers do not run. */
export const CLOUD_RUNS_SERVERS =
	'Deskpro Cloud: Deskpro runs the servers and proxies in front of your helpdesk, so there is nothing of this kind for you to configure.';
