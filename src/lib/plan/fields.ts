/**
 * Field declarations: the inputs of a wizard step are data. Each field says what it stores
 * (its loose, storable shape), how it is checked (a zod schema with a clear message), its
 * default and how it is labelled. The UI renders fields generically from these declarations,
 * storage uses the loose shape (so a half-typed, invalid value survives a reload) and the
 * generators only ever see values that passed the checks.
 */
import * as z from 'zod/mini';
import type { Applicability } from '$lib/practices/types';
import { freeTextProblem } from '$lib/validate/text';

export interface FieldBase<T> {
	label: string;
	help?: string;
	default: T;
	/** Checks a value; messages are shown next to the field. */
	check: z.ZodMiniType<T, unknown>;
	/** Never persisted to localStorage or exported unless the admin opts in. */
	secret?: boolean;
	/**
	 * Asked only where this applies (e.g. Windows-only paths). A field that does not apply is
	 * hidden, not checked, and its default is used.
	 */
	appliesTo?: Applicability;
	/** Deskpro's own out-of-the-box value, when known (shown next to the field). */
	deskproDefault?: T;
}

export interface TextField extends FieldBase<string> {
	kind: 'text';
	placeholder?: string;
	autocomplete?: string;
	/** Render as a multi-line text area. */
	multiline?: boolean;
	width?: 'short' | 'medium' | 'long';
	/** Offers a "Generate" button that fills the field with this function's result. */
	generate?: () => string;
	/** The most characters the check accepts: the input's maxlength and counter use the same number. */
	maxLength?: number;
}
export interface IntField extends FieldBase<number> {
	kind: 'int';
	min: number;
	max: number;
	unit?: string;
}
export interface BoolField extends FieldBase<boolean> {
	kind: 'bool';
}
export interface ChoiceOption {
	value: string;
	label: string;
	hint?: string;
}
export interface ChoiceField extends FieldBase<string> {
	kind: 'choice';
	options: ChoiceOption[];
}
/** A list of short values, one per line (IP ranges, domain suffixes, host names...). */
export interface ListField extends FieldBase<string[]> {
	kind: 'list';
	placeholder?: string;
	/** Checks one entry; the message names the entry. */
	item: (entry: string) => string | null;
	maxItems: number;
}
export type CellField = TextField | BoolField | ChoiceField;
export type Row = { id: string } & Record<string, string | boolean>;
/** A table of rows (e.g. the admin-account inventory). Each row has a stable random id. */
export interface TableField extends FieldBase<Row[]> {
	kind: 'table';
	columns: Record<string, CellField>;
	addLabel: string;
	maxRows: number;
}

export type Field = TextField | IntField | BoolField | ChoiceField | ListField | TableField;
export type Fields = Record<string, Field>;

/** The typed values of a set of fields, once checked. */
export type Values<F extends Fields> = { [K in keyof F]: F[K]['default'] };

/* ------------------------------------------------------------------ builders */

/** A label for use mid-sentence: "Grace period to set up 2FA" → "grace period to set up 2FA". */
function midSentence(label: string): string {
	return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

type Opt<F> = Omit<F, 'kind' | 'check'> & { check?: F extends FieldBase<infer T> ? z.ZodMiniType<T, unknown> : never };

export function text(o: Opt<TextField> & { validate?: (v: string) => string | null; maxLength?: number; required?: boolean }): TextField {
	const { validate, maxLength = 500, required = false, ...rest } = o;
	const check =
		o.check ??
		z.string().check(
			z.refine((v: string) => !required || v.trim() !== '', { message: `${o.label} is required.` }),
			z.refine((v: string) => v.length <= maxLength, { message: `${o.label} must be at most ${maxLength} characters.` }),
			// every text field is free text first: no control or bidirectional characters
			z.superRefine((v: string, ctx) => {
				const msg = freeTextProblem(v, rest.multiline === true);
				if (msg) ctx.issues.push({ code: 'custom', message: msg, input: v });
			}),
			z.superRefine((v: string, ctx) => {
				if (!validate || (!required && v.trim() === '')) return;
				const msg = validate(v);
				if (msg) ctx.issues.push({ code: 'custom', message: msg, input: v });
			})
		);
	return { kind: 'text', ...rest, maxLength, check };
}

export function int(o: Omit<IntField, 'kind' | 'check'>): IntField {
	const unit = o.unit ? ` ${o.unit}` : '';
	const check = z.number({ error: `Enter a whole number for ${midSentence(o.label)}.` }).check(
		z.refine((v: number) => Number.isInteger(v), { message: `${o.label} must be a whole number.` }),
		z.refine((v: number) => v >= o.min && v <= o.max, {
			message: `${o.label} must be between ${o.min} and ${o.max}${unit}.`
		})
	);
	return { kind: 'int', ...o, check };
}

export function bool(o: Omit<BoolField, 'kind' | 'check'>): BoolField {
	return { kind: 'bool', ...o, check: z.boolean() };
}

export function choice(o: Omit<ChoiceField, 'kind' | 'check'>): ChoiceField {
	const values = o.options.map((x) => x.value);
	const check = z.string().check(
		z.refine((v: string) => values.includes(v), { message: `Choose one of the options for ${midSentence(o.label)}.` })
	);
	return { kind: 'choice', ...o, check };
}

export function list(o: Omit<ListField, 'kind' | 'check' | 'maxItems'> & { maxItems?: number }): ListField {
	const maxItems = o.maxItems ?? 100;
	const item = o.item;
	const check = z.array(z.string()).check(
		z.superRefine((lines: string[], ctx) => {
			const entries = listEntries(lines);
			if (entries.length > maxItems) {
				ctx.issues.push({ code: 'custom', message: `At most ${maxItems} entries.`, input: lines });
			}
			for (const e of entries) {
				const msg = item(e);
				if (msg) ctx.issues.push({ code: 'custom', message: msg, input: e });
			}
		})
	);
	return { kind: 'list', ...o, maxItems, check };
}

export function table(o: Omit<TableField, 'kind' | 'check' | 'maxRows'> & { maxRows?: number }): TableField {
	const maxRows = o.maxRows ?? 200;
	const rowShape: Record<string, z.ZodMiniType> = { id: z.string() };
	for (const [k, c] of Object.entries(o.columns)) rowShape[k] = c.check;
	const check = z.array(z.object(rowShape)).check(
		z.refine((rows: unknown[]) => rows.length <= maxRows, { message: `At most ${maxRows} rows.` })
	) as unknown as z.ZodMiniType<Row[], unknown>;
	return { kind: 'table', ...o, maxRows, check };
}

/** The non-blank, trimmed entries of a list field. */
export function listEntries(lines: readonly string[]): string[] {
	return lines.map((l) => l.trim()).filter((l) => l !== '');
}

/** Deskpro's own default of a field in words ("5 characters", "Off"), or null when unknown. */
export function deskproDefaultText(f: Field): string | null {
	if (f.deskproDefault === undefined) return null;
	switch (f.kind) {
		case 'int':
			return `${f.deskproDefault}${f.unit ? ` ${f.unit}` : ''}`;
		case 'bool':
			return f.deskproDefault ? 'On' : 'Off';
		case 'choice':
			return f.options.find((o) => o.value === f.deskproDefault)?.label ?? f.deskproDefault;
		case 'text':
			return f.deskproDefault === '' ? '(empty)' : f.deskproDefault;
		case 'list':
			return f.deskproDefault.length ? f.deskproDefault.join(', ') : '(none)';
		case 'table':
			return null;
	}
}

/* ------------------------------------------------------------------ storage shapes */

const cell = z.union([z.string(), z.boolean()]);

/** The loose shape a field is stored in: right JSON type, any content. */
export function storedShape(f: Field): z.ZodMiniType {
	switch (f.kind) {
		case 'text':
		case 'choice':
			return z.string();
		case 'int':
			// a half-typed number is kept as the text the admin typed
			return z.union([z.number(), z.string()]);
		case 'bool':
			return z.boolean();
		case 'list':
			return z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(1000));
		case 'table':
			return z.array(z.record(z.string(), cell)).check(z.maxLength(1000));
	}
}

/** A zod object for a step's stored answers, every field defaulted. */
export function storedObject(fields: Fields) {
	const shape: Record<string, z.ZodMiniType> = {};
	for (const [k, f] of Object.entries(fields)) {
		shape[k] = z.catch(z._default(storedShape(f), () => structuredCloneJson(f.default)), () => structuredCloneJson(f.default));
	}
	return z.object(shape);
}

export function defaults<F extends Fields>(fields: F): Values<F> {
	const out: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(fields)) out[k] = structuredCloneJson(f.default);
	return out as Values<F>;
}

function structuredCloneJson<T>(v: T): T {
	return JSON.parse(JSON.stringify(v)) as T;
}

/* ------------------------------------------------------------------ validation */

export type FieldErrors = Record<string, string>;

export interface Checked<F extends Fields> {
	ok: boolean;
	/** Typed values: present only when every field is valid. */
	values: Values<F> | null;
	/** Message per field key; for tables `key.rowId.column`, for lists `key` (first bad entry). */
	errors: FieldErrors;
	/** Valid values, with the default in place of each invalid one (for listing checklist items). */
	lenient: Values<F>;
}

/** Checks stored answers against the field declarations. Pure. */
export function checkFields<F extends Fields>(fields: F, raw: Record<string, unknown> | undefined): Checked<F> {
	const errors: FieldErrors = {};
	const values: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(fields)) {
		const v = raw && k in raw ? raw[k] : f.default;
		if (f.kind === 'table') {
			const rows = Array.isArray(v) ? (v as Row[]) : [];
			const cleaned: Row[] = [];
			if (rows.length > f.maxRows) errors[k] = `At most ${f.maxRows} rows.`;
			for (const row of rows) {
				const out: Row = { id: String(row?.id ?? '') };
				for (const [ck, cf] of Object.entries(f.columns)) {
					const r = cf.check.safeParse(row?.[ck] ?? cf.default);
					if (r.success) out[ck] = r.data as string | boolean;
					else {
						errors[`${k}.${out.id}.${ck}`] = firstMessage(r.error);
						out[ck] = cf.default;
					}
				}
				cleaned.push(out);
			}
			values[k] = cleaned;
			continue;
		}
		const r = f.check.safeParse(v);
		if (r.success) values[k] = f.kind === 'list' ? listEntries(r.data as string[]) : r.data;
		else {
			errors[k] = firstMessage(r.error);
			values[k] = structuredCloneJson(f.default);
		}
	}
	const ok = Object.keys(errors).length === 0;
	return { ok, values: ok ? (values as Values<F>) : null, errors, lenient: values as Values<F> };
}

function firstMessage(e: { issues: { message: string }[] }): string {
	return e.issues[0]?.message ?? 'This value is not valid.';
}
