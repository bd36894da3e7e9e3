/**
 * The wizard's live state: the plan (single source of truth, persisted on every change) and
 * everything derived from it. Components read `wizard.plan` / `wizard.derived` and change the
 * plan only through the functions below.
 */
import { tick } from 'svelte';
import { newPlan, type ItemState, type ItemStateName, type Plan } from './schema';
import { derivePlan, itemTextProblem, type DerivedItem } from './derive';
import { alignAbout, ABOUT_STEP_ID } from './about';
import { deleteKeptOriginal, loadPlan, NO_SAVE_KEY, savePlan, savingOff, setSavingOff, STORAGE_KEY, type LoadNotice } from './storage';
import type * as OutputsAudit from '$lib/outputs-audit';
import type * as OutputFiles from '$lib/outputs-files';
import type { GeneratorName, LoadedGenerators } from '$lib/outputs-files';
import { generatesFiles, type OutputFile } from '$lib/output-types';
import type { AuditRecord } from '$lib/audit/result';
import { checkImportFile, groupsReadyFor, keepLocalSecrets, loadGroupsFor, readImportedPlanText, readPlanText, type ReadResult } from './io';
import { SERVER_ENV_STEP_ID } from '$lib/practices/_self-hosted-steps';
import { groupForDeployment, groupLoaded, groupOf, loadDetails, loadGroup, practices, registryVersion, type PracticeGroup } from '$lib/practices';
import { storedObject } from './fields';
import { Retryable, Retryables } from './retryable.svelte';

const ignore = () => {};

/** The checklist item that says the database SQL has run. */
export const SQL_RAN_ITEM = 'server-database.runtime';

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
	/** `registryVersion` of `$lib/practices`, read by `derived` so it follows a group of steps loading. */
	#registry = $state(registryVersion());
	derived = $derived.by(() => {
		void this.#registry;
		return derivePlan(this.plan);
	});
	/** The audit script and the complete list (`$lib/outputs-audit`): the audit page, the summary, the exports. */
	#audit = new Retryable<typeof OutputsAudit>(() => import('$lib/outputs-audit'));
	/** The list of server and Docker files (`$lib/outputs-files`: no generator, no audit library). */
	#fileList = new Retryable<typeof OutputFiles>(() => import('$lib/outputs-files'));
	/** The generator modules the steps shown so far needed (each its own chunk), by name. */
	#modules = new Retryables<GeneratorName, LoadedGenerators>((n) => this.#fileList.load().then((list) => list.loadGeneratorModules([n])));
	/** The generator modules loaded so far. */
	#loadedModules = $derived(Object.assign({}, ...this.#modules.all().map((r) => r.value)) as LoadedGenerators);
	/** True when the plan can have generated files (self-hosted); a Cloud plan has none. */
	generatesFiles = $derived(generatesFiles(this.derived));
	/**
	 * True while a self-hosted plan's complete file list (with the audit script) is not known yet:
	 * `$lib/outputs-audit` or a generator module of the plan's target is still loading.
	 */
	allOutputsPending = $derived(this.generatesFiles && (!this.#audit.value || this.#modulesMissing()));
	/**
	 * Every generated file for the plan (previews, copy/download, bundle, exports) once
	 * `allOutputsPending` is false (the audit page, the summary); empty for a Cloud plan. On a step
	 * (`useGenerators('files')`) only the files whose generator modules are loaded: that step's
	 * (see `filesPending`), without the audit script.
	 */
	outputs = $derived<OutputFile[]>(
		!this.generatesFiles || !this.#fileList.value
			? []
			: this.#audit.value
				? this.#audit.value.outputsWith(this.#loadedModules, this.plan, this.derived)
				: this.#fileList.value.fileOutputsFor(this.#loadedModules, this.plan, this.derived)
	);

	/** True while the list of files, or a generator module of the plan's files (of one step's: `practiceId`), is not loaded. */
	#modulesMissing(practiceId?: string): boolean {
		const list = this.#fileList.value;
		if (!list) return true;
		const loaded = this.#loadedModules;
		return list.generatorsFor(this.plan, this.derived, practiceId).some((n) => !loaded[n]);
	}

	/**
	 * True while the files a step shows are not known yet: the plan is self-hosted and the list of
	 * files or a generator module of this step's files is still loading (see `useGenerators`).
	 */
	filesPending(practiceId: string): boolean {
		return this.generatesFiles && this.#modulesMissing(practiceId);
	}

	/**
	 * For a page that shows generated files: loads the generators while the plan is self-hosted.
	 * `files` for a server or Docker step: the list of files, then only the generator modules of
	 * the files the step shows for this plan (`step`, the step's id), so a Linux + nginx plan never
	 * fetches the Apache, IIS or Docker generators. `all` for the audit page and the summary: the
	 * audit script and the modules of every file of the plan's target. `when` narrows it (e.g. to
	 * the steps that show files). Call it from a component's script (it sets up an effect, which
	 * follows the plan: a change of web server loads the new one's module); pages that show no
	 * file never load them.
	 */
	useGenerators(what: 'files' | 'all', when: () => boolean = () => true, step?: () => string) {
		$effect(() => {
			// after a failure, wait for `retryGenerators` (the Try again button)
			if (!this.generatesFiles || !when() || this.#generatorsFailed) return;
			if (what === 'all') this.#audit.load().catch(ignore);
			const list = this.#fileList.value;
			if (!list) {
				this.#fileList.load().catch(ignore); // sets its value: this effect runs again
				return;
			}
			for (const n of list.generatorsFor(this.plan, this.derived, what === 'all' ? undefined : step?.())) this.#modules.get(n).load().catch(ignore);
		});
	}

	/** The loads of the generators made so far (the file list, the audit script, the modules). */
	#generatorLoads = (): Retryable<unknown>[] => [this.#fileList, this.#audit, ...this.#modules.all()];
	/** Set when a generator (or the file list, or the audit script) could not be fetched. */
	#generatorsFailed = $derived(this.#generatorLoads().some((r) => r.failed));
	/** Said while the generated files cannot be shown because their code could not be fetched; `retryGenerators` tries again. */
	generatorError = $derived(this.#generatorsFailed ? 'The file generators could not be loaded (the connection may have dropped).' : null);

	/**
	 * Tries again to load the generators that failed, then those the pages shown need (see
	 * `useGenerators`: the file list's arrival starts its modules'); settles once those loads have
	 * (the Try again button is busy until then): loaded, or `generatorError` again.
	 */
	async retryGenerators(): Promise<void> {
		let loads = this.#generatorLoads().filter((r) => r.failed);
		while (loads.length) {
			await Promise.all(loads.map((r) => r.retry()));
			await tick(); // the pages' effects start what they need now
			loads = this.#generatorLoads().filter((r) => r.loading);
		}
	}

	/**
	 * The generated files of the plan (default: the current one), loading the generators first
	 * when it needs them (exports).
	 */
	async generatedFiles(plan?: Plan): Promise<OutputFile[]> {
		const derived = plan ? derivePlan(plan) : this.derived;
		if (!generatesFiles(derived)) return [];
		const p = plan ?? this.plan;
		const [audit, list] = await Promise.all([this.#audit.load(), this.#fileList.load()]);
		const modules = await Promise.all(list.generatorsFor(p, derived).map((n) => this.#modules.get(n).load()));
		return audit.outputsWith(Object.assign({}, ...modules) as LoadedGenerators, p, derived);
	}

	/** Reads saved progress; call once in the browser before rendering steps. */
	/** "Do not save progress" is on (see `storage.ts`). */
	noSave = $state(false);

	/** Set when the steps a saved plan needs could not be loaded (nothing is read or saved then). */
	loadError = $state<string | null>(null);
	#loading = false;

	/**
	 * Reads saved progress (call once in the browser before rendering steps). A saved plan that
	 * needs a group of steps not loaded yet (`groupsForPlan`) is read once that group is in, from
	 * storage again (another tab may have saved meanwhile): `loaded` may turn true a moment later,
	 * and nothing is saved before it does.
	 */
	load() {
		if (this.loaded || this.#loading) return;
		this.noSave = savingOff(storage());
		const attempt = (tries: number) => {
			const r = loadPlan(storage());
			if (!r.missingGroups) {
				this.plan = r.plan;
				this.notice = r.notice;
				this.#loading = false;
				this.loaded = true;
				return;
			}
			if (tries >= 3) {
				this.#loading = false;
				this.loadError = 'The self-hosted steps of your saved plan could not be loaded (the connection may have dropped). Your saved progress is untouched: reload the page to try again.';
				return;
			}
			this.#loading = true;
			void this.#withGroups(Promise.all(r.missingGroups.map(loadGroup))).then(() => attempt(tries + 1));
		};
		attempt(0);
	}

	/**
	 * Runs a load of groups of steps, then lets `derived` see them and gives the answers of every
	 * step that was a placeholder (see `$lib/practices`) their fields' shape and defaults.
	 */
	async #withGroups(load: Promise<unknown>): Promise<void> {
		const before = new Set(practices.filter((p) => p.pending).map((p) => p.id));
		await load.catch(() => {});
		const answers = this.plan.answers as Record<string, unknown>;
		for (const p of practices) if (before.has(p.id) && !p.pending) answers[p.id] = storedObject(p.fields).parse(answers[p.id] ?? {});
		// only when a group came in (a failed load changes nothing, and must not re-run what reads `derived`)
		if (this.#registry !== registryVersion()) this.#registry = registryVersion();
	}

	/** The groups of steps, each loaded once (then `derived` sees it); a failure is tried again by `retryGroups`. */
	#groups = new Retryables<PracticeGroup, void>(async (g) => {
		const load = loadGroup(g);
		await this.#withGroups(load);
		return load;
	});
	/** Set when the steps the plan's hosting needs could not be loaded; `retryGroups` tries again. */
	groupError = $derived.by(() => {
		const g = groupForDeployment(this.derived.aboutValues.deployment);
		return g && this.#groups.failed(g)
			? 'The self-hosted steps could not be loaded (the connection may have dropped). Until they are, the plan is not complete and cannot be exported.'
			: null;
	});

	/**
	 * Loads the steps the plan needs (its hosting's group): call from a component's script (it
	 * sets up an effect). After a failure it waits for `retryGroups` (the Try again button).
	 */
	useGroups() {
		$effect(() => {
			const g = groupForDeployment(this.derived.aboutValues.deployment);
			if (g && !groupLoaded(g) && !this.#groups.failed(g)) void this.retryGroups();
		});
	}

	/** Loads the hosting's group of steps (again, after a failure); settles once it has loaded or failed. */
	async retryGroups(): Promise<void> {
		const g = groupForDeployment(this.derived.aboutValues.deployment);
		if (g) await this.#groups.get(g).retry();
	}

	/** Loads a self-hosted step the admin opens although it does not apply (its group and detail); false when it failed. */
	async openStep(id: string): Promise<boolean> {
		if (!groupOf(id)) return true;
		return this.loadDetails([id]);
	}

	/**
	 * Loads what these steps say (their detail: why, where, standards, notes, settings; see
	 * `loadDetail` in `$lib/practices`), with the group of a self-hosted step, then lets `derived`
	 * see it; false when it failed (nothing changes then).
	 */
	async loadDetails(ids: readonly string[]): Promise<boolean> {
		let ok = true;
		await this.#withGroups(loadDetails(ids).catch(() => (ok = false)));
		return ok;
	}

	/** Each step's detail as the pages load it (`useDetails`); a failure is tried again by `retryDetails`. */
	#details = new Retryables<string, void>((id) => loadDetails([id]));
	/** Set when the text of a step the page shows could not be loaded (the connection may have dropped). */
	detailError = $derived(
		this.derived.detailsPending.some((id) => this.#details.failed(id)) || this.derived.practices.some((d) => d.practice.detailPending && this.#details.failed(d.practice.id))
			? 'The text of this step could not be loaded (the connection may have dropped).'
			: null
	);

	/**
	 * Loads the detail of the steps `ids` gives (a step page: its own; the summary and the
	 * exports: every step that applies, `derived.detailsPending`): call from a component's script
	 * (it sets up an effect). A placeholder (its group not loaded) is left to its own page. After a
	 * failure it waits for `retryDetails` (the Try again button).
	 */
	useDetails(ids: () => readonly string[]) {
		$effect(() => {
			const want = ids().filter((id) => {
				const p = this.derived.practices.find((d) => d.practice.id === id)?.practice;
				return p?.detailPending && !p.pending && !this.#details.failed(id);
			});
			if (want.length) void this.retryDetails(want);
		});
	}

	/** Loads these steps' details (again, after a failure); settles once they have loaded or failed. */
	async retryDetails(ids: readonly string[]): Promise<void> {
		await this.#withGroups(Promise.all(ids.map((id) => this.#details.get(id).retry())));
	}

	save() {
		// never over saved progress not read yet, nor over another tab's change this tab could not load
		if (!this.loaded || this.syncError) return;
		this.saveError = savePlan(storage(), this.plan);
	}

	/** Switches "do not save progress" on (the saved plan is deleted) or off (the plan is saved now). */
	setNoSave(on: boolean) {
		this.saveError = setSavingOff(storage(), on);
		this.noSave = savingOff(storage());
		if (!this.noSave) this.save();
	}

	/** Set when another tab changed the saved plan and this one took it over. */
	syncNotice = $state<string | null>(null);
	/**
	 * Set when another tab saved a plan this tab could not load (its steps could not be fetched):
	 * this tab then saves nothing, so it cannot overwrite that plan, until it is reloaded.
	 */
	syncError = $state<string | null>(null);

	/**
	 * Keeps this tab in step with the others: when another tab saves the plan (the `storage`
	 * event), this tab takes the saved plan over, keeping its own never-saved secrets. Saved
	 * text that cannot be read is ignored here (this tab's plan is saved over it on the next
	 * change, and the other tab still has its copy). Returns the function that stops listening.
	 */
	listen(): () => void {
		if (typeof window === 'undefined') return () => {};
		// each change of the saved plan gets a number: one that waits for its steps to load is
		// dropped when a newer one has arrived meanwhile (the newest saved plan wins)
		let latest = 0;
		const onStorage = (e: StorageEvent) => {
			if (e.key === NO_SAVE_KEY || e.key === null) this.noSave = savingOff(storage());
			if (e.key !== STORAGE_KEY && e.key !== null) return;
			if (!this.loaded) return; // load() reads the newest saved plan itself
			const mine = ++latest;
			// "do not save progress" switched on in another tab deleted the saved plan: keep ours
			if (e.newValue === null && this.noSave) return;
			if (e.newValue === null) {
				// cleared in another tab ("Start a new plan" or site data cleared): follow it
				this.plan = newPlan();
				this.previous = null;
				this.syncNotice = 'Another tab started a new plan; this tab shows it too.';
				return;
			}
			const text = e.newValue;
			const take = () => {
				if (mine !== latest) return;
				const r = readPlanText(text);
				if (!r.ok) {
					if (r.missingGroups)
						this.syncError = 'Another tab saved changes that this tab could not load (the connection may have dropped). Reload this tab before you change anything: until then it saves nothing, so the other tab’s changes are kept.';
					return;
				}
				this.syncError = null;
				this.plan = keepLocalSecrets(r.plan, $state.snapshot(this.plan) as Plan);
				this.syncNotice = 'Changes made in another tab were loaded here.';
			};
			if (groupsReadyFor(text)) take();
			else void this.#withGroups(loadGroupsFor(text)).then(take);
		};
		window.addEventListener('storage', onStorage);
		return () => window.removeEventListener('storage', onStorage);
	}

	/** Deletes the kept original text of saved progress that could not be fully read. */
	deleteKeptOriginal() {
		deleteKeptOriginal(storage());
		this.notice = null;
	}

	/** Starts a new, empty plan (the caller has offered to download the current one first). */
	startNew() {
		this.newSecretsAfterSql = {};
		this.plan = newPlan();
		this.previous = null;
		this.notice = null;
		this.save();
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
		const a = this.answers(stepId);
		a[key] = value;
		if (stepId === ABOUT_STEP_ID && (key === 'deployment' || key === 'deskproVersion')) Object.assign(a, alignAbout(a, key));
		// a typed password is the one in use: no password change to warn about
		if (stepId === SERVER_ENV_STEP_ID && key in this.newSecretsAfterSql) delete this.newSecretsAfterSql[key];
		this.touch();
	}

	/**
	 * Secret answers (database passwords) generated in this tab while the SQL step was marked
	 * done: the database still has the old password, so config.php and the database must both
	 * change. Kept in memory only, like the secrets themselves.
	 */
	newSecretsAfterSql = $state<Record<string, true>>({});

	/** Sets an answer from a field's "Generate" button. */
	generateAnswer(stepId: string, key: string, value: unknown) {
		this.setAnswer(stepId, key, value);
		if (stepId === SERVER_ENV_STEP_ID && this.plan.checklist[SQL_RAN_ITEM]?.state === 'done') this.newSecretsAfterSql[key] = true;
	}

	setAnswers(stepId: string, values: Record<string, unknown>) {
		Object.assign(this.answers(stepId), JSON.parse(JSON.stringify(values)));
		this.touch();
	}

	/** The derived checklist item with this id, or undefined. */
	item(itemId: string): DerivedItem | undefined {
		for (const p of this.derived.practices) for (const i of p.items) if (i.id === itemId) return i;
		return undefined;
	}

	/**
	 * Changes a checklist item. Setting a state attests the item's current content: done and
	 * skipped store its digest (see `attest.ts`). Done is refused (returns the reason) while the
	 * step's answers are invalid, Done, Skipped and N/A while the note or reason (as patched) holds a
	 * control or bidirectional character; a note or reason alone never re-attests.
	 */
	setItem(itemId: string, patch: Partial<Omit<ItemState, 'digest' | 'at'>>): string | null {
		const cur: ItemState = this.plan.checklist[itemId] ?? { state: 'open', reason: '', note: '' };
		const next: ItemState = { ...cur, ...patch, at: new Date().toISOString() };
		if (patch.state !== undefined) {
			const d = this.item(itemId);
			if (d?.locked) return 'This item does not apply to your helpdesk.';
			if (patch.state !== 'open') {
				const text = itemTextProblem(next);
				if (text) return text;
			}
			// (a text problem of the stored note/reason is checked above against the patched text)
			if (patch.state === 'done' && d?.blocked && d.blocked !== d.textProblem) return d.blocked;
			if (patch.state === 'done' || patch.state === 'skipped') next.digest = d?.digest;
			else delete next.digest;
		}
		if (next.digest === undefined) delete next.digest;
		this.plan.checklist[itemId] = next;
		this.touch();
		return null;
	}

	/**
	 * Marks several items at once (e.g. "Mark all N items done"), each attesting its current
	 * content; items that do not apply, or cannot be Done now, are left as they are.
	 * Returns the ids that were changed.
	 */
	markItems(ids: readonly string[], state: ItemStateName): string[] {
		const changed: string[] = [];
		for (const id of ids) if (this.setItem(id, { state }) === null) changed.push(id);
		return changed;
	}

	/** Confirms a "changed since you ticked it" item again in its ticked state (done or skipped). */
	confirmItem(itemId: string): string | null {
		const s = this.plan.checklist[itemId];
		if (!s || (s.state !== 'done' && s.state !== 'skipped')) return null;
		return this.setItem(itemId, { state: s.state });
	}

	/** Keeps an imported audit result (already checked against this plan), or removes it. */
	setAudit(record: AuditRecord | null) {
		this.plan.audit = record;
		this.touch();
	}

	/** Replaces the whole plan (import, start fresh). */
	replace(plan: Plan) {
		this.newSecretsAfterSql = {};
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
		await this.#withGroups(loadGroupsFor(text));
		const r = readImportedPlanText(text);
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
		this.newSecretsAfterSql = {};
		this.plan = newPlan();
		this.notice = null;
	}

	dismissNotice() {
		this.notice = null;
	}
}

export const wizard = new Wizard();
