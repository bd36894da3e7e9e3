/**
 * When a field's error is shown (issue 16): not on arrival, but once the field was touched (typed
 * in, changed, or left after focusing it), once Next was pressed on its step, or when its answer
 * had been changed from its default when the step opened (an earlier visit). The plan and its checks are
 * unchanged: a step with invalid answers is still invalid, this only decides what is shown red.
 */
class FieldErrors {
	#touched = $state<Record<string, true>>({});
	#revealed = $state<Record<string, true>>({});
	/** Per step, the fields whose answer was stored when the step was last opened (not reactive: set once per visit). */
	#stored = new Map<string, Set<string>>();

	#key = (stepId: string, field: string) => `${stepId}\u0000${field}`;

	touch(stepId: string, field: string) {
		const k = this.#key(stepId, field);
		if (!this.#touched[k]) this.#touched[k] = true;
	}
	touched(stepId: string, field: string): boolean {
		return this.#touched[this.#key(stepId, field)] === true;
	}
	/** Next pressed on the step: every error of it is shown. */
	reveal(stepId: string) {
		this.#revealed[stepId] = true;
	}
	revealed(stepId: string): boolean {
		return this.#revealed[stepId] === true;
	}
	/** The step opens: remember which of its answers were already stored (from an earlier visit). */
	arrive(stepId: string, storedKeys: Iterable<string>) {
		this.#stored.set(stepId, new Set(storedKeys));
	}
	/** Whether the error of this field is shown now. */
	shown(stepId: string, field: string): boolean {
		return this.revealed(stepId) || this.touched(stepId, field) || this.#stored.get(stepId)?.has(field) === true;
	}
	/** Only the errors shown now (keys `field` or `field.row.column` for table cells). */
	visible(stepId: string, errors: Record<string, string>): Record<string, string> {
		const out: Record<string, string> = {};
		for (const [k, v] of Object.entries(errors)) if (this.shown(stepId, k.split('.')[0] ?? k)) out[k] = v;
		return out;
	}
	/** Forgets everything (a new plan). */
	reset() {
		this.#touched = {};
		this.#revealed = {};
		this.#stored.clear();
	}
}

export const fieldErrors = new FieldErrors();
