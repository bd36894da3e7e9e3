/**
 * The review-reminder calendar, checked with a small strict RFC 5545 reader written here:
 * CRLF only, every physical line ≤ 75 octets, folding by CRLF + one space, no split UTF-8
 * character, balanced BEGIN/END, required properties, valid DTSTAMP/DTSTART/RRULE values and
 * TEXT escapes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reviewCalendar, foldLine, icsText, firstReviewDate } from '$lib/generators/ics';
import { parseCadence, reviewsFor, REVIEW_DEFS, REVIEW_PRACTICE_ID, type Review } from '$lib/generators/reviews';
import { practices } from '$lib/practices';
import { derivePlan } from '$lib/plan/derive';
import { newPlan } from '$lib/plan/schema';

interface Prop {
	name: string;
	params: Record<string, string>;
	value: string;
}
interface Component {
	name: string;
	props: Prop[];
	children: Component[];
}

const enc = new TextEncoder();

function parseIcs(text: string): Component {
	expect(text.endsWith('\r\n')).toBe(true);
	expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF
	const physical = text.slice(0, -2).split('\r\n');
	const logical: string[] = [];
	for (const l of physical) {
		expect(enc.encode(l).length).toBeLessThanOrEqual(75);
		expect(l).not.toContain('\ufffd');
		if (l.startsWith(' ') || l.startsWith('\t')) {
			expect(logical.length).toBeGreaterThan(0);
			logical[logical.length - 1] += l.slice(1);
		} else logical.push(l);
	}
	// a fold never splits a UTF-8 character: every physical line decodes on its own
	for (const l of physical) expect(new TextDecoder('utf-8', { fatal: true }).decode(enc.encode(l))).toBe(l);
	const root: Component = { name: '', props: [], children: [] };
	const stack = [root];
	for (const line of logical) {
		const m = /^([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=(?:"[^"]*"|[^;:,"]*))*):(.*)$/.exec(line);
		if (!m) throw new Error(`bad content line: ${line}`);
		const [, name, paramText, value] = m as unknown as [string, string, string, string];
		const params: Record<string, string> = {};
		for (const p of paramText.split(';').slice(1)) {
			const [k, v] = p.split('=') as [string, string];
			params[k] = v;
		}
		if (name === 'BEGIN') {
			const c: Component = { name: value, props: [], children: [] };
			stack[stack.length - 1]!.children.push(c);
			stack.push(c);
		} else if (name === 'END') {
			expect(stack.pop()!.name).toBe(value);
		} else stack[stack.length - 1]!.props.push({ name, params, value });
	}
	expect(stack.length).toBe(1);
	expect(root.children.length).toBe(1);
	return root.children[0]!;
}

function unescapeText(v: string): string {
	let out = '';
	for (let i = 0; i < v.length; i++) {
		const c = v[i]!;
		if (c === '\\') {
			const n = v[++i];
			if (n === 'n' || n === 'N') out += '\n';
			else if (n === '\\' || n === ';' || n === ',') out += n;
			else throw new Error(`invalid escape \\${n} in ${v}`);
		} else if (c === ';' || c === ',') throw new Error(`unescaped ${c} in ${v}`);
		else out += c;
	}
	return out;
}

const one = (c: Component, name: string) => {
	const ps = c.props.filter((p) => p.name === name);
	expect(ps, name).toHaveLength(1);
	return ps[0]!;
};

function parseRrule(v: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of v.split(';')) {
		const [k, val] = part.split('=') as [string, string];
		expect(k).toMatch(/^(FREQ|INTERVAL|COUNT|UNTIL|BYDAY|BYMONTHDAY|BYMONTH|WKST)$/);
		expect(out[k]).toBeUndefined();
		out[k] = val;
	}
	expect(out.FREQ).toMatch(/^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/);
	if (out.INTERVAL) expect(out.INTERVAL).toMatch(/^[1-9]\d*$/);
	return out;
}

const reviews: Review[] = [
	{ id: 'audit-log', title: 'Review the Deskpro audit log', description: 'Agents > Audit Log; look, then act, \\ done.', cadence: parseCadence('monthly')! },
	{ id: 'admin-list', title: 'Review who has admin rights', description: 'Admin > Agents', cadence: parseCadence('quarterly')! },
	{ id: 'error-logs', title: 'Review error logs', description: 'Server > Error Logs', cadence: parseCadence('weekly')! }
];
const NOW = new Date('2026-03-14T10:30:05Z');

describe('review reminders (.ics)', () => {
	it('parses strictly and has one recurring event per review with the right RRULE', () => {
		const text = reviewCalendar(reviews, { planId: '0f1e2d3c-aaaa-4bbb-8ccc-123456789abc', helpdeskName: 'Łódź Śródmieście, Biuro; Główne', now: NOW });
		const cal = parseIcs(text);
		expect(cal.name).toBe('VCALENDAR');
		expect(one(cal, 'VERSION').value).toBe('2.0');
		expect(one(cal, 'PRODID').value).toMatch(/^-\/\/Deskpro Hardening Wizard\/\//);
		const events = cal.children.filter((c) => c.name === 'VEVENT');
		expect(events).toHaveLength(3);
		const rules = events.map((e) => parseRrule(one(e, 'RRULE').value));
		expect(rules).toEqual([{ FREQ: 'MONTHLY' }, { FREQ: 'MONTHLY', INTERVAL: '3' }, { FREQ: 'WEEKLY' }]);
		const uids = events.map((e) => one(e, 'UID').value);
		expect(new Set(uids).size).toBe(3);
		expect(uids[0]).toBe('audit-log-0f1e2d3c-aaaa-4bbb-8ccc-123456789abc@deskpro-hardening-wizard');
		for (const e of events) {
			expect(one(e, 'DTSTAMP').value).toBe('20260314T103005Z');
			const start = one(e, 'DTSTART');
			expect(start.params.VALUE).toBe('DATE');
			expect(start.value).toBe('20260315');
			expect(one(e, 'DTEND').value).toBe('20260316');
			expect(unescapeText(one(e, 'SUMMARY').value)).toMatch(/\(Łódź Śródmieście, Biuro; Główne\)$/);
			unescapeText(one(e, 'DESCRIPTION').value);
			const alarm = e.children.find((c) => c.name === 'VALARM')!;
			expect(one(alarm, 'ACTION').value).toBe('DISPLAY');
			expect(one(alarm, 'TRIGGER').value).toBe('PT9H');
		}
		expect(unescapeText(one(events[0]!, 'DESCRIPTION').value)).toBe(
			'Agents > Audit Log; look, then act, \\ done.\nRepeats every month, as chosen in the Deskpro Hardening Wizard.'
		);
	});

	it('folds any text at 75 octets without splitting characters, and unfolds back to it (property)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
				const line = `DESCRIPTION:${icsText(s)}`;
				const folded = foldLine(line);
				for (const l of folded.split('\r\n')) expect(enc.encode(l).length).toBeLessThanOrEqual(75);
				expect(folded.replace(/\r\n /g, '')).toBe(line);
			}),
			{ numRuns: 300 }
		);
	});

	it('the first review avoids the 29th–31st so monthly rules never skip a month', () => {
		expect(firstReviewDate(new Date(2026, 0, 30, 12))).toEqual(new Date(2026, 1, 1));
		expect(firstReviewDate(new Date(2026, 1, 27, 12))).toEqual(new Date(2026, 1, 28));
		expect(firstReviewDate(new Date(2026, 11, 31, 12))).toEqual(new Date(2027, 0, 1));
	});

	it('reads cadences by name or in days, and "off" means no reminder', () => {
		expect(parseCadence('weekly')).toMatchObject({ freq: 'WEEKLY', interval: 1, label: 'every week' });
		expect(parseCadence('fortnightly')).toMatchObject({ freq: 'WEEKLY', interval: 2 });
		expect(parseCadence('quarterly')).toMatchObject({ freq: 'MONTHLY', interval: 3, label: 'every 3 months' });
		expect(parseCadence('yearly')).toMatchObject({ freq: 'YEARLY', interval: 1 });
		expect(parseCadence(30)).toMatchObject({ freq: 'DAILY', interval: 30 });
		expect(parseCadence('14d')).toMatchObject({ freq: 'WEEKLY', interval: 2 });
		for (const off of ['off', 'never', '', 0, -3, 'sometimes', null]) expect(parseCadence(off)).toBeNull();
	});

	it('reviewsFor reads the cadences chosen in the review-logs step; no error-log review on Deskpro Cloud', () => {
		const plan = newPlan();
		const a = plan.answers as Record<string, Record<string, unknown>>;
		a.about = { ...a.about, deployment: 'download' };
		a['review-logs'] = { ...a['review-logs'], auditLogCadence: 'monthly', adminReviewCadence: 'quarterly', errorLogCadence: 'weekly', reviewer: 'Zoë, IT security' };
		const got = reviewsFor(derivePlan(plan));
		expect(got.map((r) => [r.id, r.cadence.freq, r.cadence.interval])).toEqual([
			['audit-log', 'MONTHLY', 1],
			['admin-list', 'MONTHLY', 3],
			['error-logs', 'WEEKLY', 1]
		]);
		expect(got[0]!.description).toMatch(/Reviewer: Zoë, IT security\.$/);
		a.about.deployment = 'cloud';
		expect(reviewsFor(derivePlan(plan)).map((r) => r.id)).toEqual(['audit-log', 'admin-list']);
		// every cadence the step offers becomes a rule
		const step = practices.find((p) => p.id === REVIEW_PRACTICE_ID)!;
		for (const f of REVIEW_DEFS) {
			const field = step.fields[f.field];
			expect(field?.kind).toBe('choice');
			if (field?.kind === 'choice') for (const o of field.options) expect(parseCadence(o.value), o.value).not.toBeNull();
		}
		// the whole file for this plan parses
		const cal = parseIcs(reviewCalendar(reviewsFor(derivePlan(plan)), { planId: plan.planId, helpdeskName: 'Ñuñoa', now: NOW }));
		expect(cal.children.filter((c) => c.name === 'VEVENT')).toHaveLength(2);
	});
});
