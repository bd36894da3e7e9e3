import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';

const offline = process.env.OFFLINE === '1';

/**
 * The offline single-file build (OFFLINE=1, see svelte.config.js) uses SvelteKit's hash router,
 * which refuses page options (`prerender`, `ssr`, `entries`...). They only matter to the normal
 * static build, so here they are turned into plain, unexported constants. (SvelteKit reads
 * bare-literal options straight from the source file, bypassing this; write them as
 * expressions, e.g. `export const ssr = false as boolean`, as src/routes/+layout.ts does.)
 */
function stripPageOptions(): Plugin {
	const optionExport = /^export\s+(const|let|function)\s+(prerender|ssr|csr|trailingSlash|entries|config)\b/gm;
	return {
		name: 'offline-strip-page-options',
		enforce: 'pre',
		transform(code, id) {
			if (!/[/\\]src[/\\]routes[/\\].*\+(page|layout)\.(ts|js)$/.test(id)) return null;
			return { code: code.replace(optionExport, '$1 $2'), map: null };
		}
	};
}

/**
 * Chunks by what a page needs (issue 16's weight budgets). Left to itself the bundler cuts the
 * code every wizard step needs into a dozen small files, one per set of dynamic imports that
 * reaches each module, and each file is compressed on its own (the same code gzips ~8 % smaller
 * as one file). Here modules are grouped by the module graph, never by a list of modules, so a
 * module made lazy later leaves its group by itself:
 * - `wizard`: what the step pages import statically (src/routes/step/), minus what the welcome
 *   page's first load already has (its budget is 40 KB, scripts/size.js);
 * - one chunk per set of dynamic imports that always load together (TOGETHER): the modules they
 *   import statically that no other entry or dynamic import reaches, other than the set's
 *   followers (dynamic imports that only ever load after it), so a Cloud plan never loads the
 *   server group. Modules two sets share form their own chunk (the server and Docker groups'
 *   shared checks).
 * Everything else (each step's detail, the generators, the PDF, the audit library...) is split
 * as the bundler decides. Client build only; SvelteKit's strict entry signatures are relaxed to
 * 'allow-extension' (an entry chunk may export more than its module), which grouping needs.
 */
const sep = String.raw`[/\\]`;
const lib = (path: string) => new RegExp(`${sep}src${sep}lib${sep}${path.replaceAll('/', sep)}$`);
const stepRoot = new RegExp(`${sep}src${sep}routes${sep}step${sep}`);
const firstRoot = new RegExp(`${sep}src${sep}routes${sep}\\+(layout\\.svelte|layout\\.ts|page\\.svelte)$`);
const ours = new RegExp(`${sep}src${sep}|${sep}node_modules${sep}zod${sep}`);
/**
 * `roots`: dynamic imports whose modules form the chunk. `followers`: dynamic imports that only
 * ever load once the roots are in (they need what the roots provide), so what they share with the
 * roots may go in the chunk too; a module any other entry or dynamic import reaches never does.
 */
const TOGETHER: Record<string, { roots: RegExp[]; followers: RegExp[] }> = {
	// The self-hosted groups of steps (src/lib/practices/index.ts, loadGroup). Their steps'
	// details and generators run only with the group's environment (derivePlan's `server` and
	// `docker` are null until the group is loaded).
	server: {
		roots: [lib('practices/_group-server\\.ts')],
		followers: [
			lib('practices/server-[a-z-]+\\.detail\\.ts'),
			lib('generators/(nginx|apache|config-php|cron|mysql|permissions|move-data|iis|post-checks)\\.ts'),
			// the database-password helper of the server steps (src/lib/components/lazy.ts)
			lib('components/DbPasswords\\.svelte')
		]
	},
	docker: {
		roots: [lib('practices/_group-docker\\.ts')],
		followers: [lib('practices/docker-[a-z-]+\\.detail\\.ts'), lib('generators/docker-[a-z-]+\\.ts')]
	}
	// Not the code block with the highlighter's core (CodeBlock.svelte, highlight/index.ts):
	// rolldown 1.2.19 emitted that chunk exporting a namespace it never declared
	// (`highlight_exports`), so the highlighter never loaded (e2e highlight.spec.ts).
};

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[]; isEntry: boolean } | null };

function pageChunks(): Plugin {
	const ids: string[] = [];
	let client = false;
	let named: Map<string, string> | null = null;
	const closure = (graph: ModuleGraph, roots: string[]): Set<string> => {
		const seen = new Set<string>();
		const queue = [...roots];
		while (queue.length) {
			const id = queue.pop()!;
			if (seen.has(id)) continue;
			seen.add(id);
			queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
		}
		return seen;
	};
	const chunkNames = (graph: ModuleGraph): Map<string, string> => {
		const roots = new Set(ids.filter((m) => graph.getModuleInfo(m)?.isEntry));
		for (const m of ids) for (const d of graph.getModuleInfo(m)?.dynamicallyImportedIds ?? []) roots.add(d);
		const together = Object.entries(TOGETHER);
		const inSet = (m: string) => together.some(([, { roots, followers }]) => [...roots, ...followers].some((t) => t.test(m)));
		const others = closure(graph, [...roots].filter((m) => !inSet(m)));
		const first = closure(graph, ids.filter((m) => firstRoot.test(m)));
		const names = new Map<string, string>();
		for (const m of closure(graph, ids.filter((m) => stepRoot.test(m)))) if (!first.has(m)) names.set(m, 'wizard');
		const owners = new Map<string, string[]>();
		for (const [name, { roots: tests }] of together) {
			for (const m of closure(graph, [...roots].filter((r) => tests.some((t) => t.test(r))))) {
				if (!others.has(m) && !first.has(m) && !names.has(m)) owners.set(m, [...(owners.get(m) ?? []), name]);
			}
		}
		for (const [m, by] of owners) names.set(m, by.join('-'));
		return names;
	};
	const name = (id: string, graph: ModuleGraph): string | null => {
		named ??= chunkNames(graph);
		return ours.test(id) && !stepRoot.test(id) ? (named.get(id) ?? null) : null;
	};
	return {
		name: 'page-chunks',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
		},
		moduleParsed(info) {
			ids.push(info.id);
		},
		options(opts) {
			return client ? { ...opts, preserveEntrySignatures: 'allow-extension' } : null;
		},
		outputOptions(out) {
			return client ? { ...out, codeSplitting: { groups: [{ name, includeDependenciesRecursively: false }] } } : null;
		}
	};
}

export default defineConfig({
	plugins: [...(offline ? [stripPageOptions()] : []), sveltekit(), ...(offline ? [] : [pageChunks()])],
	// The offline single file cannot fetch anything: the PDF fonts (normally separate files,
	// fetched only when a PDF is made) are inlined there as data: URLs.
	build: offline ? { assetsInlineLimit: (file: string) => (file.endsWith('.ttf') ? true : undefined) } : {},
	// ...except the CJK and Hangul fonts (several MB each), which the offline build leaves out
	// (src/lib/pdf/offline.ts): the export panel says so before a download.
	define: { 'import.meta.env.VITE_OFFLINE_BUILD': JSON.stringify(offline ? 'true' : 'false') },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/servers/**/*.test.ts'],
		setupFiles: ['tests/setup-practices.ts'],
		environment: 'node',
		// Real servers (nginx, Apache, php-fpm, MariaDB) start once per test file.
		// Two files at a time: vitest's default in a run is one worker per core minus one, which is
		// ONE worker on CI's two cores, although the server files spend much of their time waiting on
		// servers, scripts and dockerd (each file has its own temp dirs, ports, accounts, netns and
		// dockerd, so files never share a server).
		maxWorkers: 2,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
