/**
 * The ordered list of practices. Every module in this folder whose file name does not start
 * with an underscore and that is not a helper (types, applicability, index) exports `practice`;
 * adding a practice means adding one file.
 *
 * The steps done in Deskpro's admin interface load with the wizard. The self-hosted steps
 * (server-*.ts, docker-*.ts) load by group, only when a plan needs them (`loadGroup`): until
 * then each is a placeholder with its identity from `_self-hosted-steps.ts` (title, summary,
 * where it applies) and `pending` set, so the step list, the progress and the not-applicable
 * list are right for a Cloud plan without them (issue 16, "Weight").
 */
import type { Practice, PracticeCore, PracticeDetail } from './types';
import type { Fields } from '$lib/plan/fields';
import { stepRank } from '$lib/apply-order';
import { SELF_HOSTED_STEPS, type PracticeGroup, type SelfHostedStep } from './_self-hosted-steps';
import type * as ServerGroup from './_group-server';
import type * as DockerGroup from './_group-docker';

import { groupOf } from './_self-hosted-steps';
export { groupForDeployment, groupOf, type PracticeGroup } from './_self-hosted-steps';

const modules = import.meta.glob<{ practice: PracticeCore }>(
	['./*.ts', '!./index.ts', '!./types.ts', '!./applicability.ts', '!./_*.ts', '!./server-*.ts', '!./docker-*.ts', '!./*.detail.ts'],
	{ eager: true }
);

/** Each step's detail (`<id>.detail.ts`): one chunk per step, loaded with its page (`loadDetail`). */
const detailLoaders = import.meta.glob<{ detail: PracticeDetail }>('./*.detail.ts');
/** The details loaded so far, by step id. */
const details = new Map<string, PracticeDetail>();

/** What a practice shows while its detail has not loaded: nothing (see `detailPending`). */
const NO_DETAIL = { why: [], where: '', standards: [], settings: () => [] } satisfies PracticeDetail;

/** A practice: its module's export with its detail once loaded, or marked `detailPending` until then. */
function compose(p: PracticeCore): Practice {
	const d = details.get(p.id);
	if (!d) return { ...NO_DETAIL, ...p, detailPending: true };
	const { help, ...said } = d;
	return { ...NO_DETAIL, ...p, ...said, fields: help ? withHelp(p.fields, help) : p.fields };
}

/** The fields with their help from the detail (new field objects; the module's are left as they are). */
function withHelp(fields: Fields, help: Partial<Record<string, string>>): Fields {
	const out: Fields = {};
	for (const [k, f] of Object.entries(fields)) out[k] = help[k] === undefined ? f : { ...f, help: help[k] };
	return out;
}

/**
 * Practices by `order`, except that the server steps keep the one apply order of
 * `$lib/apply-order` among the places they hold (so the step list, the PDF and the Markdown
 * follow it whatever their `order` says).
 */
function ordered(all: Practice[]): Practice[] {
	const byOrder = [...all].sort((a, b) => a.order - b.order);
	const server = byOrder.filter((p) => stepRank(p.id) !== undefined).sort((a, b) => stepRank(a.id)! - stepRank(b.id)!);
	let i = 0;
	return byOrder.map((p) => (stepRank(p.id) !== undefined ? server[i++]! : p));
}

/** A self-hosted step not loaded yet: its identity, no fields, no items. */
function placeholder({ group, ...step }: SelfHostedStep): Practice {
	return { ...NO_DETAIL, ...step, pending: group, detailPending: true, fields: {}, checklist: () => [] };
}

/**
 * Every practice in wizard order. The same array for the whole session: a group's placeholders
 * are replaced in place when it loads (read `registryVersion` to notice).
 */
export const practices: Practice[] = ordered([
	...Object.values(modules).map((m) => compose(m.practice)),
	...Object.values(SELF_HOSTED_STEPS as Record<string, SelfHostedStep>).map(placeholder)
]);

const byId = new Map(practices.map((p) => [p.id, p]));
export const practiceById: ReadonlyMap<string, Practice> = byId;

/** The shared environment step of each loaded group (fields, cross-field checks, checked form). */
export const envKits: { server?: typeof ServerGroup.env; docker?: typeof DockerGroup.env } = {};

/** The files the steps of each loaded group generate (read by `$lib/outputs-files`). */
export const groupFiles: { server?: typeof ServerGroup.files; docker?: typeof DockerGroup.files } = {};

interface GroupModule {
	practices: PracticeCore[];
	env: unknown;
	files: unknown;
}

const loaders: Record<PracticeGroup, () => Promise<GroupModule>> = {
	server: () => import('./_group-server'),
	docker: () => import('./_group-docker')
};
const loading = new Map<PracticeGroup, Promise<void>>();
let version = 0;

/** Bumped each time a group is installed. */
export const registryVersion = () => version;

/** Whether a group is installed (`installGroup` records its environment step last). */
export const groupLoaded = (g: PracticeGroup): boolean => g in envKits;

/** Puts a loaded group's practices in place of its placeholders. */
export function installGroup(g: PracticeGroup, m: GroupModule): void {
	if (groupLoaded(g)) return;
	for (const p of m.practices) {
		const i = practices.findIndex((x) => x.id === p.id);
		if (i < 0 || practices[i]!.pending !== g) throw new Error(`practice ${p.id} is not a placeholder of group ${g}`);
		const full = compose(p);
		practices[i] = full;
		byId.set(p.id, full);
	}
	const left = practices.filter((p) => p.pending === g);
	if (left.length) throw new Error(`group ${g} did not provide ${left.map((p) => p.id).join(', ')}`);
	(groupFiles as Record<string, unknown>)[g] = m.files;
	(envKits as Record<string, unknown>)[g] = m.env;
	version++;
}

/** Loads a group of self-hosted steps (once; a failed load is tried again next time). */
export function loadGroup(g: PracticeGroup): Promise<void> {
	if (groupLoaded(g)) return Promise.resolve();
	let p = loading.get(g);
	if (!p) {
		p = loaders[g]().then(
			(m) => installGroup(g, m),
			(e) => {
				loading.delete(g);
				throw e;
			}
		);
		loading.set(g, p);
	}
	return p;
}

/** Loads every group (tests; importing a plan file, whose secrets must be recognised). */
export const loadAllGroups = (): Promise<void> => Promise.all((Object.keys(loaders) as PracticeGroup[]).map(loadGroup)).then(() => {});

/** Whether a step's detail (why, where, standards, notes, settings) is in place. */
export const detailLoaded = (id: string): boolean => details.has(id);

const loadingDetails = new Map<string, Promise<void>>();

/**
 * Loads a step's detail (once; a failed load is tried again next time) and puts it in place: the
 * practice is replaced by one with its detail (read `registryVersion` to notice). A self-hosted
 * step's detail comes with its group, so a placeholder is never given one.
 */
export function loadDetail(id: string): Promise<void> {
	if (details.has(id)) return Promise.resolve();
	const loader = detailLoaders[`./${id}.detail.ts`];
	if (!loader) return Promise.reject(new Error(`no detail for step ${id}`));
	let p = loadingDetails.get(id);
	if (!p) {
		const g = groupOf(id);
		p = Promise.all([loader(), g ? loadGroup(g) : null]).then(
			([m]) => {
				details.set(id, m.detail);
				const i = practices.findIndex((x) => x.id === id);
				const { detailPending: _, ...loaded } = practices[i]!;
				const full = compose(loaded);
				practices[i] = full;
				byId.set(id, full);
				version++;
			},
			(e) => {
				loadingDetails.delete(id);
				throw e;
			}
		);
		loadingDetails.set(id, p);
	}
	return p;
}

/** Loads the details of these steps (the summary and the exports: every step that applies). */
export async function loadDetails(ids: readonly string[]): Promise<void> {
	// waits for every one (those that arrive are in place when it settles), then fails if any did
	const failed = (await Promise.allSettled(ids.map(loadDetail))).find((r) => r.status === 'rejected');
	if (failed) throw failed.reason;
}

/** Loads every group and every step's detail (tests; the bench scripts). */
export const loadAllDetails = (): Promise<void> => loadAllGroups().then(() => loadDetails(practices.map((p) => p.id)));
