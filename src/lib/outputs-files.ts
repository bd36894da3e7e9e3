/**
 * The server and Docker files of a plan (everything `outputs.ts` generates but the audit
 * script): the one list of them, what the steps done on the admin's own server show. Generators
 * are pure functions in `generators/`; this module only decides which apply, in which order, and
 * which generator module makes each file. The lists of files (name, description, when, which
 * generator) come with the group of steps that shows them (`practices/_server-files.ts`,
 * `_docker-files.ts`, installed by `loadGroup` as `groupFiles`): a Download plan never loads the
 * Docker list, and the list loads with the group, not with every page that shows a file.
 *
 * It imports no generator: each generator module is its own dynamic import (`GENERATORS`), so the
 * browser fetches only what the plan's target needs (nginx, Apache or IIS; the Linux or the
 * Windows scripts; Deskpro Download or On-Premise Docker), and a step only the modules of the
 * files it shows (`generatorsFor`, `loadGeneratorModules`; `wizard.useGenerators('files')` in
 * plan/state.svelte.ts). `fileOutputsFor` makes the files whose module is given. The audit page,
 * the summary and the exports add the audit script (`outputs-audit.ts`) and load the modules of
 * the plan's target; `outputs.ts` imports every module (tests, scripts).
 */
import type { Plan } from './plan/schema';
import { derivePlan, type DerivedPlan } from './plan/derive';
import type { PracticeContext } from './practices/types';
import type { ServerEnv } from './practices/_server-env';
import type { DockerEnv } from './practices/_docker-env';
import { groupFiles } from './practices';
import { fileRank } from './apply-order';

import type { OutputFile } from './output-types';

/** Every generator module, each fetched on its own when a file it makes is needed. */
export const GENERATORS = {
	nginx: () => import('./generators/nginx'),
	apache: () => import('./generators/apache'),
	configPhp: () => import('./generators/config-php'),
	cron: () => import('./generators/cron'),
	mysql: () => import('./generators/mysql'),
	permissions: () => import('./generators/permissions'),
	moveData: () => import('./generators/move-data'),
	iis: () => import('./generators/iis'),
	postChecks: () => import('./generators/post-checks'),
	dockerCompose: () => import('./generators/docker-compose'),
	dockerDb: () => import('./generators/docker-db'),
	dockerProxy: () => import('./generators/docker-proxy'),
	dockerFirewall: () => import('./generators/docker-firewall')
};
export type GeneratorName = keyof typeof GENERATORS;
/** The generator modules, by name. */
export type GeneratorModules = { [K in GeneratorName]: Awaited<ReturnType<(typeof GENERATORS)[K]>> };
/** Some generator modules (those loaded so far). */
export type LoadedGenerators = Partial<GeneratorModules>;

/** What a server-side generator sees: the checked server environment and the rest of the plan. */
export interface ServerOutputInput {
	env: ServerEnv;
	ctx: PracticeContext;
}

/** One generated file for Deskpro Download: when it applies, and which generator module makes it how. */
export interface ServerFileSpec<K extends GeneratorName> extends Omit<OutputFile, 'text' | 'applyOrder'> {
	/** Absent = always (for Deskpro Download with a valid server environment). */
	when?: (ctx: PracticeContext) => boolean;
	/** The generator module that makes the file. */
	uses: K;
	generate: (m: GeneratorModules[K], input: ServerOutputInput) => string;
}
/** An entry of the list: its `generate` with its module, null while the module is not loaded. */
export interface ServerOutputSpec extends Omit<ServerFileSpec<GeneratorName>, 'generate'> {
	make: (loaded: LoadedGenerators, input: ServerOutputInput) => string | null;
}

/** One generated file for Deskpro On-Premise (Docker): when it applies, and which generator module makes it how. */
export interface DockerFileSpec<K extends GeneratorName> extends Omit<OutputFile, 'text'> {
	when?: (env: DockerEnv) => boolean;
	/** The generator module that makes the file. */
	uses: K;
	generate: (m: GeneratorModules[K], env: DockerEnv, ctx: PracticeContext) => string;
}
/** An entry of the list: its `generate` with its module, null while the module is not loaded. */
export interface DockerOutputSpec extends Omit<DockerFileSpec<GeneratorName>, 'generate'> {
	make: (loaded: LoadedGenerators, env: DockerEnv, ctx: PracticeContext) => string | null;
}

/** A file that applies to the plan, not made yet: `make` makes it once its module is loaded. */
interface PlannedFile {
	practiceId: string;
	uses: GeneratorName;
	make: (loaded: LoadedGenerators) => OutputFile | null;
}

/**
 * The server and Docker files that apply to this plan (none while inputs are invalid): server
 * files need Deskpro Download and a valid Server environment step, Docker files On-Premise Docker
 * and a valid Docker environment step.
 */
function plannedFiles(derived: DerivedPlan): PlannedFile[] {
	const ctx: PracticeContext = { about: derived.aboutValues, server: derived.server, docker: derived.docker };
	const out: PlannedFile[] = [];
	if (ctx.server && ctx.about.deployment === 'download') {
		const input: ServerOutputInput = { env: ctx.server, ctx };
		for (const { when, make, uses, ...file } of groupFiles.server ?? []) {
			if (when && !when(ctx)) continue;
			const step = derived.practices.find((p) => p.practice.id === file.practiceId);
			if (step && !step.applicability.applies) continue;
			out.push({
				practiceId: file.practiceId,
				uses,
				make: (loaded) => {
					const text = make(loaded, input);
					return text === null ? null : { ...file, applyOrder: fileRank(file.id), text };
				}
			});
		}
	}
	if (ctx.docker && ctx.about.deployment === 'onprem-docker') {
		const env = ctx.docker;
		for (const { when, make, uses, ...file } of groupFiles.docker ?? []) {
			if (when && !when(env)) continue;
			out.push({
				practiceId: file.practiceId,
				uses,
				make: (loaded) => {
					const text = make(loaded, env, ctx);
					return text === null ? null : { ...file, text };
				}
			});
		}
	}
	return out;
}

/**
 * The generator modules that make this plan's files (see `fileOutputsFor`), or only those of the
 * files one step shows (`practiceId`). None for a Cloud plan or while the inputs are invalid.
 */
export function generatorsFor(plan: Plan, derived: DerivedPlan = derivePlan(plan), practiceId?: string): GeneratorName[] {
	const files = plannedFiles(derived).filter((f) => practiceId === undefined || f.practiceId === practiceId);
	return [...new Set(files.map((f) => f.uses))];
}

/** Fetches these generator modules (the module loader fetches each once per page). */
export async function loadGeneratorModules(names: readonly GeneratorName[]): Promise<LoadedGenerators> {
	const loaded = await Promise.all(names.map(async (n) => [n, await GENERATORS[n]()] as const));
	return Object.fromEntries(loaded) as LoadedGenerators;
}

/**
 * The server and Docker files that apply to this plan (empty while inputs are invalid), in apply
 * order, made by the generator modules given: a file whose module is not among them is left out
 * (`generatorsFor` names the modules a plan or a step needs; `outputs.ts` gives every module).
 */
export function fileOutputsFor(generators: LoadedGenerators, plan: Plan, derived: DerivedPlan = derivePlan(plan)): OutputFile[] {
	const out: OutputFile[] = [];
	for (const f of plannedFiles(derived)) {
		const file = f.make(generators);
		if (file) out.push(file);
	}
	return out.sort((a, b) => a.applyOrder - b.applyOrder);
}
