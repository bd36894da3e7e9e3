/**
 * The wizard's live state: the plan (single source of truth, persisted on every change) and
 * everything derived from it. Components read `wizard.plan` / `wizard.derived` and change the
 * plan only through the functions below.
 */
import { newPlan, type ItemState, type Plan } from './schema';
import { derivePlan } from './derive';
import { loadPlan, savePlan, type LoadNotice } from './storage';
import { outputsFor } from '$lib/outputs';
import type { AuditRecord } from '$lib/audit/result';
import { checkImportFile, readPlanText, type ReadResult } from './io';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

class Wizard {
	plan = $state<Plan>(newPlan());
	notice = $state<LoadNotice | null>(null);
	saveError = $state<string | null>(null);
	loaded = $state(false);
	/** The plan an import replaced, so the admin can undo the import. */
	previous = $state<Plan | null>(null);
	derived = $derived(derivePlan(this.plan));
	/** Every generated file for the plan (previews, copy/download, bundle, exports). */
	outputs = $derived(outputsFor(this.plan, this.derived));

	/** Reads saved progress; call once in the browser before rendering steps. */
	load() {
		if (this.loaded) return;
		const r = loadPlan(storage());
		this.plan = r.plan;
		this.notice = r.notice;
		this.loaded = true;
	}

	save() {
		this.saveError = savePlan(storage(), this.plan);
	}

	private touch() {
		this.plan.updatedAt = new Date().toISOString();
	}

	answers(stepId: string): Record<string, unknown> {
		const a = this.plan.answers as Record<string, Record<string, unknown>>;
		if (!a[stepId]) a[stepId] = {};
		return a[stepId];
	}

	setAnswer(stepId: string, key: string, value: unknown) {
		this.answers(stepId)[key] = value;
		this.touch();
	}

	setAnswers(stepId: string, values: Record<string, unknown>) {
		Object.assign(this.answers(stepId), JSON.parse(JSON.stringify(values)));
		this.touch();
	}

	setItem(itemId: string, patch: Partial<ItemState>) {
		const cur = this.plan.checklist[itemId] ?? { state: 'open', reason: '', note: '' };
		this.plan.checklist[itemId] = { ...cur, ...patch, at: new Date().toISOString() };
		this.touch();
	}

	/** Keeps an imported audit result (already checked against this plan), or removes it. */
	setAudit(record: AuditRecord | null) {
		this.plan.audit = record;
		this.touch();
	}

	/** Replaces the whole plan (import, start fresh). */
	replace(plan: Plan) {
		this.plan = plan;
		this.touch();
	}

	/**
	 * Loads progress from an exported plan file. The current plan is replaced only when the
	 * whole file is valid; otherwise nothing changes and the result names the problem.
	 */
	async importFile(file: File): Promise<ReadResult> {
		const problem = checkImportFile(file);
		if (problem) return { ok: false, message: problem };
		let text: string;
		try {
			text = await file.text();
		} catch (e) {
			return { ok: false, message: `"${file.name}" could not be read (${(e as Error).message}).` };
		}
		const r = readPlanText(text);
		if (r.ok) {
			this.previous = $state.snapshot(this.plan) as Plan;
			this.plan = r.plan;
		}
		return r;
	}

	undoImport() {
		if (this.previous) this.plan = this.previous;
		this.previous = null;
	}

	reset() {
		this.plan = newPlan();
		this.notice = null;
	}

	dismissNotice() {
		this.notice = null;
	}
}

export const wizard = new Wizard();
