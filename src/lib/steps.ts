/** The wizard's route order: about, every practice, the server audit, summary. */
import { ABOUT_STEP_ID } from './plan/about';
import { practiceById, practices } from './practices';
import { stepBefore } from './apply-order';

export interface StepRef {
	id: string;
	title: string;
}

export const aboutStep: StepRef = { id: ABOUT_STEP_ID, title: 'About your helpdesk' };
export const auditStep: StepRef = { id: 'audit', title: 'Audit your server' };
export const summaryStep: StepRef = { id: 'summary', title: 'Summary' };

export const steps: StepRef[] = [
	aboutStep,
	...practices.map((p) => ({ id: p.id, title: p.title })),
	auditStep,
	summaryStep
];

/**
 * The steps before and after `id` that Back and Next lead to. With `applies`, steps that do not
 * apply to this helpdesk are passed over (they stay in the step list, reachable by their link);
 * About and the summary always apply.
 */
export function neighbours(id: string, applies: (id: string) => boolean = () => true): { prev: StepRef | null; next: StepRef | null } {
	const i = steps.findIndex((s) => s.id === id);
	if (i < 0) return { prev: null, next: null };
	const ok = (s: StepRef) => s.id === aboutStep.id || s.id === summaryStep.id || applies(s.id);
	const prev = steps.slice(0, i).reverse().find(ok) ?? null;
	const next = steps.slice(i + 1).find(ok) ?? null;
	return { prev, next };
}

/** "Step N of M" for a page of the wizard (About is step 1; the summary is not counted), or undefined. */
export function stepLabel(id: string): string | undefined {
	const counted = steps.filter((s) => s.id !== summaryStep.id);
	const i = counted.findIndex((s) => s.id === id);
	return i < 0 ? undefined : `Step ${i + 1} of ${counted.length}`;
}

/** A step's title, for messages that name it ("step “Move data/ out of the web root”"). */
export function stepTitle(id: string): string {
	return practiceById.get(id)?.title ?? id;
}

/** The title of the step applied before `id` in the one apply order (see `apply-order.ts`), or null. */
export function previousStepTitle(id: string): string | null {
	const b = stepBefore(id);
	return b ? stepTitle(b) : null;
}
