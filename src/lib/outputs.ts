/**
 * The one derived map of generated files for a plan, with every generator module imported
 * statically: `outputsFor(plan)` gives any plan's files synchronously (tests, scripts/bench.js).
 * The list of files is `outputs-files.ts`, the audit script is added by `outputs-audit.ts`. The
 * browser never loads this module: the steps fetch only the generator modules of the files they
 * show, the audit page, the summary and the exports those of the plan's target with the audit
 * script (`wizard.useGenerators()`, `wizard.generatedFiles()` in plan/state.svelte.ts); a Cloud
 * plan has no generated files (`generatesFiles` in output-types.ts) and fetches none.
 */
import type { Plan } from './plan/schema';
import { derivePlan, type DerivedPlan } from './plan/derive';
import type { GeneratorModules } from './outputs-files';
import { outputsWith } from './outputs-audit';
import * as nginx from './generators/nginx';
import * as apache from './generators/apache';
import * as configPhp from './generators/config-php';
import * as cron from './generators/cron';
import * as mysql from './generators/mysql';
import * as permissions from './generators/permissions';
import * as moveData from './generators/move-data';
import * as iis from './generators/iis';
import * as postChecks from './generators/post-checks';
import * as dockerCompose from './generators/docker-compose';
import * as dockerDb from './generators/docker-db';
import * as dockerProxy from './generators/docker-proxy';
import * as dockerFirewall from './generators/docker-firewall';
import type { OutputFile } from './output-types';

export type { OutputFile, OutputLanguage } from './output-types';
export type { ServerOutputInput } from './outputs-files';

/** Every generator module (the type makes a module missing here a compile error). */
export const ALL_GENERATORS: GeneratorModules = { nginx, apache, configPhp, cron, mysql, permissions, moveData, iis, postChecks, dockerCompose, dockerDb, dockerProxy, dockerFirewall };

/**
 * Every generated file that applies to this plan (empty while inputs are invalid), in apply
 * order: the server and Docker files and the audit script.
 */
export function outputsFor(plan: Plan, derived: DerivedPlan = derivePlan(plan)): OutputFile[] {
	return outputsWith(ALL_GENERATORS, plan, derived);
}
