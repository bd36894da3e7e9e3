/**
 * What a real browser loads for each page of the wizard (issue 16, "Weight"): Chromium's network
 * log against the production build (`build-test/`, see fresh-build.ts), a cold visit of every
 * step, the audit page and the summary, for a Cloud plan and a self-hosted plan (Deskpro
 * Download, Linux, nginx, valid Server environment). Sizes are gzip -9 of each same-origin
 * response (HTML, JS, CSS, icons); web workers are counted apart (see scripts/size-pages.js).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
	BUDGETS,
	CLOUD_FULL_PAGE_CEILING,
	CLOUD_STEP_BUDGET,
	FULL_PAGE_CEILINGS,
	isFullPage,
	isStepPage,
	largest,
	measurePages,
	overEnforced,
	overLimit,
	SELF_HOSTED_FULL_PAGE_CEILING,
	SELF_HOSTED_STEP_BUDGET
} from '../../scripts/size-pages.js';
import { buildDir, ensureFreshBuild } from '../fresh-build';

type Measured = Awaited<ReturnType<typeof measurePages>>;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** The build's JS files holding any of `markers` (by content). */
function filesWith(markers: string[]): string[] {
	const dir = join(buildDir, '_app', 'immutable', 'chunks');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.js'))
		.filter((f) => {
			const text = readFileSync(join(dir, f), 'utf8');
			return markers.some((m) => text.includes(m));
		})
		.map((f) => `/_app/immutable/chunks/${f}`);
}
/**
 * The machinery of the server and Docker files (`$lib/outputs-files`: which files apply, which
 * generator module makes each; no generator), by its registry of generator modules. The lists of
 * files themselves (names, descriptions) come with their group of steps (`practices/_server-files.ts`).
 */
const fileListFiles = () => filesWith(['dockerFirewall:()=>']);
/**
 * The generator modules (`GENERATORS` in outputs-files.ts, one chunk each) of the files the
 * measured plan's server steps show, by a line of their output: nginx site, permissions script,
 * move-data script, post-checks.
 */
const nginxGenerator = () => filesWith(['fastcgi_param SCRIPT_FILENAME']);
const permissionsGenerator = () => filesWith(['say "== Check: nothing world-writable"']);
const moveDataGenerator = () => filesWith(['# read_dir_data: DIR_DATA_KIND']);
const postChecksGenerator = () => filesWith(['--outside) OUTSIDE=1 ;;']);
/** Which of those each server step fetches (the files it shows); it fetches none of the others. */
const stepGenerators: Record<string, 'nginx' | 'permissions' | 'moveData' | 'postChecks'> = {
	'/step/server-web-config': 'nginx',
	'/step/server-data-dir': 'moveData',
	'/step/server-permissions': 'permissions',
	'/step/server-post-checks': 'postChecks'
};
/** The generator modules of other targets, which a Linux + nginx Download plan never needs. */
const otherTargetGenerators = () => ({
	IIS: filesWith(['matchType="IsFile"']),
	Apache: filesWith(['AcceptPathInfo On']),
	'Docker Compose': filesWith(['http://elastic:%s@elastic:9200']),
	'Docker database': filesWith(['DESKPRO_SQL_END']),
	'Docker firewall': filesWith(['priority raw; policy accept;']),
	'Docker front proxy': filesWith(['X-Forwarded-For $remote_addr']),
	// not a generator: the Docker steps' list of files (practices/_docker-files.ts), with the Docker group
	'Docker file list': filesWith(['creates each secret file from the host’s random generator'])
});
/** The highlighter's tokenizers (`$lib/highlight`: one chunk per language), by their keyword lists and patterns. */
const tokenizerFiles = () => ({
	nginx: filesWith(['smhdwMyKkMmGg']),
	bash: filesWith(['typeset set unset']),
	powershell: filesWith(['dynamicparam']),
	php: filesWith(['enddeclare endfor'])
});
/**
 * The build's CSS files holding the styles of the components compiled into `chunks`: found by
 * Svelte's scoping class (`svelte-<hash>`), which a component's markup and its CSS share, or by
 * `markers` (a stylesheet a component imports, e.g. the highlighter's theme).
 */
function stylesOf(chunks: string[], markers: string[] = []): string[] {
	const hashes = [...new Set(chunks.flatMap((u) => readFileSync(join(buildDir, u.replace(/^\//, '')), 'utf8').match(/svelte-[a-z0-9]+/g) ?? []))];
	const scoped = hashes.map((h) => new RegExp(`\\.${h}(?![a-z0-9])`));
	const dir = join(buildDir, '_app', 'immutable', 'assets');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.css'))
		.filter((f) => {
			const css = readFileSync(join(dir, f), 'utf8');
			return scoped.some((r) => r.test(css)) || markers.some((m) => css.includes(m));
		})
		.map((f) => `/_app/immutable/assets/${f}`);
}
/**
 * What a page shows only sometimes (src/lib/components/lazy.ts, practice-extras.ts), each as its
 * script (by content) and its styles: a page that does not show it must fetch neither.
 */
function sometimesShown() {
	const of = (jsMarkers: string[], cssMarkers: string[] = []) => {
		const js = filesWith(jsMarkers);
		return { js, css: stylesOf(js, cssMarkers) };
	};
	return {
		'code block': of(['Contents of '], ['--hl-comment']),
		'database-password helper': of(['id="dbpw-h"']),
		'audit finding': of(['data-audit']),
		'password lab': of(['id="lab-h"']),
		'password lab button': of(['Test passwords against this policy']),
		'password tester results': of(['side-by-side']),
		'new-plan dialog': of(['Download the current plan']),
		'saved-progress notice': of(['Download the saved text (plan file)'])
	};
}
type Sometimes = keyof ReturnType<typeof sometimesShown>;
/**
 * Where the measured plans show each on a cold visit (no audit result is imported; the password
 * lab is not opened: the password step shows only its button, PasswordLabOpener).
 */
function shows(what: Sometimes, page: string, plan: string): boolean {
	const selfHosted = plan === 'self-hosted';
	switch (what) {
		case 'code block':
			// server steps: their generated files, or the database-password change (DbPasswords);
			// the Docker steps with files
			return (selfHosted && page.startsWith('/step/server-')) || (plan === 'docker' && dockerShowsFiles(page));
		case 'database-password helper':
			return selfHosted && ['/step/server-environment', '/step/server-database', '/step/server-config-php'].includes(page);
		case 'password lab button':
			return page === '/step/password-policy';
		case 'password lab':
		case 'audit finding':
		case 'password tester results':
		// shown when asked for (Start a new plan…), or when saved progress was upgraded, salvaged or unreadable
		case 'new-plan dialog':
		case 'saved-progress notice':
			return false;
	}
}
/**
 * Each admin-interface step's Deskpro facts (`$lib/deskpro/settings/<step>.ts`, loaded with its
 * detail), by a label, key or guide address only that module holds.
 */
const STEP_FACTS: Record<string, string> = {
	'password-policy': 'Required upper-case characters',
	'rate-limiting': 'rate_limit.login.guest.limit',
	'login-notifications': 'agent.notify_self_failed_login',
	'resolve-hostnames': 'Look up host names of ticket message addresses',
	'ip-whitelisting': 'agent.ip_security.whitelist_lifetime',
	'session-length': 'core.enable_agent_rememberme',
	'review-logs': 'admin-access-log',
	'agent-2fa': 'agent-two-factor-authentication-2fa',
	captcha: 'captcha-settings-1',
	attachments: 'core_tickets.attachment_require_auth'
};
/** The secret generator's alphabets (`$lib/random`): the password lab's, not the table inputs' row ids (`$lib/random-string`). */
const secretAlphabetFiles = () => filesWith(['Letters and digits without look-alikes']);
/** The audit library (generators/audit-lib.sh, imported as text). */
const auditLibraryFiles = () => filesWith(['Deskpro hardening audit: the check library']);
/** The Deskpro Download steps and their server environment (see `$lib/practices`, `loadGroup`), by its field labels (the steps' prose and help are in their details). */
const serverGroupFiles = () => filesWith(['Owner account of the application files', 'Two cron lines: updates by the owner account']);
/** The Deskpro Download steps themselves (server-*.ts), by a checklist item of one of them. */
const serverStepFiles = () => filesWith(['No world-writable file or directory']);
/** The Docker steps and their environment, by its field labels (the steps' prose is in their details). */
const dockerGroupFiles = () => filesWith(['How the containers are run']);
/**
 * The step pages that show generated files for the measured self-hosted plan (Deskpro Download):
 * its server steps. The Docker steps do not apply to it, and the admin-interface steps never show files.
 */
const showsFiles = (page: string) => page.startsWith('/step/server-');
/** The step pages that show generated files for the measured Docker plan (its environment step's first preset). */
const dockerShowsFiles = (page: string) => ['/step/docker-compose', '/step/docker-database', '/step/docker-proxy'].includes(page);

describe('page weight in a real browser', () => {
	let r: Measured;
	beforeAll(async () => {
		ensureFreshBuild();
		r = await measurePages(buildDir);
	}, 900_000);

	it('measured every page for the three plans (Cloud, Download, On-Premise Docker), with the kit runtime, the step page and CSS', () => {
		const pages = new Set(r.pages.map((p) => p.page));
		expect(pages.has('/step/about') && pages.has('/step/password-policy') && pages.has('/summary') && pages.has('/audit')).toBe(true);
		expect(r.pages.length).toBe(pages.size * 3);
		expect(new Set(r.pages.map((p) => p.plan))).toEqual(new Set(['cloud', 'self-hosted', 'docker']));
		for (const p of r.pages) {
			expect(p.files.some((f) => f.url.startsWith('/_app/immutable/entry/start.')), `${p.page} ${p.plan}`).toBe(true);
			expect(p.files.some((f) => f.url.endsWith('.css')), `${p.page} ${p.plan}`).toBe(true);
		}
	});

	it('a Cloud plan never fetches the server generators or the audit library; a self-hosted plan only where files are shown, each step its own', () => {
		const list = fileListFiles();
		const gens = { nginx: nginxGenerator(), permissions: permissionsGenerator(), moveData: moveDataGenerator(), postChecks: postChecksGenerator() };
		const lib = auditLibraryFiles();
		for (const [name, of] of Object.entries({ list, ...gens })) expect(of, `one chunk holds ${name}`).toHaveLength(1);
		expect(lib.length, 'the audit library is in the build').toBeGreaterThan(0);
		const files = [...list, ...Object.values(gens).flat()];
		expect(files.filter((f) => lib.includes(f)), 'the audit library is apart from the file generators').toEqual([]);
		expect(new Set(files).size, 'the list and each generator are chunks of their own').toBe(files.length);
		const fetched = (p: Measured['pages'][number], of: string[]) => p.files.map((f) => f.url).filter((u) => of.includes(u));
		for (const p of r.pages.filter((x) => x.plan === 'docker')) {
			expect(fetched(p, Object.values(gens).flat()), `${p.page} (Docker) fetches no Download generator`).toEqual([]);
		}
		for (const p of r.pages.filter((x) => x.plan === 'cloud')) {
			expect(fetched(p, [...files, ...lib]), `${p.page} (Cloud)`).toEqual([]);
		}
		for (const p of r.pages.filter((x) => x.plan === 'self-hosted')) {
			const what = `${p.page} (self-hosted)`;
			if (p.page === '/audit' || p.page === '/summary') {
				// the audit script and the exports need every file of the plan
				expect(fetched(p, lib).length, `${what} loads the audit library`).toBeGreaterThan(0);
				expect(fetched(p, files).sort(), `${what} loads the plan's generators`).toEqual([...files].sort());
			} else if (showsFiles(p.page)) {
				expect(fetched(p, list), `${what} loads the list of files`).toEqual(list);
				expect(fetched(p, lib), `${what} does not load the audit library`).toEqual([]);
				// only the generators of the files it shows
				for (const [name, of] of Object.entries(gens)) {
					expect(fetched(p, of), `${what}: the ${name} generator`).toEqual(stepGenerators[p.page] === name ? of : []);
				}
			} else {
				// the steps done in Deskpro's admin interface show no file
				expect(fetched(p, [...files, ...lib]), what).toEqual([]);
			}
		}
	});

	it('a Linux + nginx Download plan never fetches the IIS, Apache or Docker generators, on any page (the summary and audit page load by target too)', () => {
		const others = otherTargetGenerators();
		const own = [...fileListFiles(), ...nginxGenerator(), ...permissionsGenerator(), ...moveDataGenerator(), ...postChecksGenerator()];
		for (const [name, of] of Object.entries(others)) {
			expect(of, `one chunk holds the ${name} generator`).toHaveLength(1);
			expect(own.filter((f) => of.includes(f)), `the ${name} generator is apart from the plan's own`).toEqual([]);
		}
		for (const p of r.pages.filter((x) => x.plan === 'self-hosted')) {
			const urls = p.files.map((f) => f.url);
			for (const [name, of] of Object.entries(others)) expect(urls.filter((u) => of.includes(u)), `${p.page} fetches the ${name} generator`).toEqual([]);
		}
	});

	it('a page fetches only the tokenizers of the languages it shows (nginx site: nginx; bash scripts: bash; never PowerShell)', () => {
		const tok = tokenizerFiles();
		for (const [lang, of] of Object.entries(tok)) expect(of, `one chunk holds the ${lang} tokenizer`).toHaveLength(1);
		const all = Object.values(tok).flat();
		expect(new Set(all).size, 'each tokenizer is a chunk of its own').toBe(all.length);
		const fetched = (page: string, plan: string) => {
			const p = r.pages.find((x) => x.page === page && x.plan === plan)!;
			const urls = p.files.map((f) => f.url);
			return Object.entries(tok)
				.filter(([, of]) => urls.some((u) => of.includes(u)))
				.map(([lang]) => lang);
		};
		expect(fetched('/step/server-web-config', 'self-hosted')).toEqual(['nginx']);
		expect(fetched('/step/server-data-dir', 'self-hosted')).toEqual(['bash']);
		expect(fetched('/step/server-post-checks', 'self-hosted')).toEqual(['bash']);
		for (const p of r.pages) {
			const langs = fetched(p.page, p.plan);
			expect(langs, `${p.page} (${p.plan})`).not.toContain('powershell');
			// code blocks: the server steps' files, and the audit script (bash) on the audit page
			const showsCode = (p.plan === 'self-hosted' && (showsFiles(p.page) || p.page === '/audit')) || (p.plan === 'docker' && dockerShowsFiles(p.page));
			if (!showsCode) expect(langs, `${p.page} (${p.plan}) shows no code block`).toEqual([]);
		}
	});

	it('a Cloud plan never fetches the self-hosted steps; a Download plan fetches its own group only', () => {
		const server = serverGroupFiles();
		const docker = dockerGroupFiles();
		expect(server.length, 'the server steps are in the build').toBeGreaterThan(0);
		expect(docker.length, 'the Docker steps are in the build').toBeGreaterThan(0);
		expect(serverStepFiles().length, 'the Download steps are in the build').toBeGreaterThan(0);
		const fetched = (p: Measured['pages'][number], of: string[]) => p.files.map((f) => f.url).filter((u) => of.includes(u));
		for (const p of r.pages.filter((x) => x.plan === 'cloud')) {
			// the self-hosted steps' pages too: they show title, summary and reason without loading the step
			expect(fetched(p, [...server, ...docker]), `${p.page} (Cloud)`).toEqual([]);
		}
		for (const p of r.pages.filter((x) => x.plan === 'self-hosted')) {
			expect(fetched(p, server).length, `${p.page} (Download) loads the server steps`).toBeGreaterThan(0);
			expect(fetched(p, docker), `${p.page} (Download)`).toEqual([]);
		}
		for (const p of r.pages.filter((x) => x.plan === 'docker')) {
			expect(fetched(p, docker).length, `${p.page} (Docker) loads the Docker steps`).toBeGreaterThan(0);
			// never the Deskpro Download steps (it shares their environment's checks, _server-env.ts)
			expect(fetched(p, serverStepFiles()), `${p.page} (Docker)`).toEqual([]);
		}
	});

	it('a page fetches the code block, the database-password helper, an audit finding, the password lab’s button, the new-plan dialog and the saved-progress notice (script and styles) only where it shows them, and no page the lab itself', () => {
		const parts = sometimesShown();
		for (const [what, { js, css }] of Object.entries(parts)) {
			expect(js.length, `the ${what}'s script is in the build`).toBeGreaterThan(0);
			expect(css.length, `the ${what}'s styles are in the build`).toBeGreaterThan(0);
		}
		// the strength worker starts only once the lab is opened: no cold visit starts it
		expect(r.pages.filter((p) => p.workers.gzip > 0).map((p) => `${p.page} (${p.plan})`)).toEqual([]);
		// a Cloud step with none of them: the leak issue 16 found (their CSS linked into every step page)
		expect(r.pages.some((p) => p.plan === 'cloud' && p.page === '/step/about')).toBe(true);
		for (const p of r.pages) {
			const urls = new Set(p.files.map((f) => f.url));
			for (const [what, { js, css }] of Object.entries(parts) as [Sometimes, { js: string[]; css: string[] }][]) {
				const at = `${p.page} (${p.plan}), ${what}`;
				if (shows(what, p.page, p.plan)) {
					expect(js.some((u) => urls.has(u)), `${at}: its script`).toBe(true);
					expect(css.some((u) => urls.has(u)), `${at}: its styles`).toBe(true);
				} else {
					expect([...js, ...css].filter((u) => urls.has(u)), at).toEqual([]);
				}
			}
		}
	});

	it('a step page fetches its own step’s Deskpro facts and no other step’s, and the secret alphabets only with the password lab', () => {
		for (const [step, marker] of Object.entries(STEP_FACTS)) {
			const files = filesWith([marker]);
			expect(files, `${step}'s facts are one chunk`).toHaveLength(1);
			for (const p of r.pages.filter((x) => x.page.startsWith('/step/'))) {
				const got = p.files.some((f) => f.url === files[0]);
				expect(got, `${p.page} (${p.plan}) fetches ${step}'s facts: ${got}`).toBe(p.page === `/step/${step}`);
			}
		}
		const alphabets = secretAlphabetFiles();
		expect(alphabets.length).toBeGreaterThan(0);
		for (const p of r.pages) {
			const got = p.files.some((f) => alphabets.includes(f.url));
			expect(got, `${p.page} (${p.plan}) fetches the secret alphabets: ${got}`).toBe(shows('password lab', p.page, p.plan));
		}
	});

	it('every step page within the issue’s budget (Cloud ≤ 100 KB, self-hosted ≤ 130 KB), the audit page and the summary within their ceilings', () => {
		const notMet = overLimit(r.pages, BUDGETS);
		console.log(
			[
				`welcome page: first load ${kb(r.welcome.firstTotal.gzip)}, then idle ${kb(r.welcome.idleTotal.gzip)} (${r.welcome.idle.map((f) => f.url).join(', ')})`,
				`largest Cloud step page ${kb(largest(r.pages, 'cloud'))} (budget ${kb(CLOUD_STEP_BUDGET)})`,
				`largest self-hosted step page: Download ${kb(largest(r.pages, 'self-hosted'))}, Docker ${kb(largest(r.pages, 'docker'))} (budget ${kb(SELF_HOSTED_STEP_BUDGET)})`,
				`audit page and summary: Cloud ${kb(largest(r.pages, 'cloud', isFullPage))} (ceiling ${kb(CLOUD_FULL_PAGE_CEILING)}), self-hosted ${kb(largest(r.pages, 'self-hosted', isFullPage))} (ceiling ${kb(SELF_HOSTED_FULL_PAGE_CEILING)})`,
				`issue 16 step budgets not met by ${notMet.length} of ${r.pages.filter((p) => isStepPage(p.page)).length} step page loads`
			].join('\n')
		);
		expect(notMet.map((p) => `${p.page} (${p.plan}) ${kb(p.total.gzip)}`)).toEqual([]);
		expect(overEnforced(r.pages).map((p) => `${p.page} (${p.plan}) ${kb(p.total.gzip)}`)).toEqual([]);
	});
});

describe('the limit check', () => {
	const page = (plan: string, gzip: number, at = '/step/x') => ({ page: at, plan, files: [], total: { raw: gzip, gzip }, workers: { raw: 0, gzip: 0 } });
	it('fails a Cloud step page one byte over 100 KB and a self-hosted step page one byte over 130 KB', () => {
		expect(overLimit([page('cloud', 100 * 1024)], BUDGETS)).toEqual([]);
		expect(overLimit([page('cloud', 100 * 1024 + 1)], BUDGETS)).toHaveLength(1);
		expect(overLimit([page('self-hosted', 130 * 1024)], BUDGETS)).toEqual([]);
		expect(overLimit([page('self-hosted', 130 * 1024 + 1)], BUDGETS)).toHaveLength(1);
		// a self-hosted page is held to its own (larger) budget, a Cloud page to the smaller one
		expect(overLimit([page('self-hosted', 110 * 1024), page('cloud', 110 * 1024)], BUDGETS).map((p) => p.plan)).toEqual(['cloud']);
	});
	it('holds step pages to the budgets and the audit page and summary to their own ceilings', () => {
		const full = (plan: string, gzip: number) => page(plan, gzip, '/summary');
		expect(overEnforced([page('cloud', BUDGETS.cloud), page('self-hosted', BUDGETS.selfHosted)])).toEqual([]);
		expect(overEnforced([page('cloud', BUDGETS.cloud + 1)])).toHaveLength(1);
		expect(overEnforced([page('self-hosted', BUDGETS.selfHosted + 1)])).toHaveLength(1);
		expect(overEnforced([full('cloud', FULL_PAGE_CEILINGS.cloud), full('self-hosted', FULL_PAGE_CEILINGS.selfHosted)])).toEqual([]);
		expect(overEnforced([full('cloud', FULL_PAGE_CEILINGS.cloud + 1), full('self-hosted', FULL_PAGE_CEILINGS.selfHosted + 1)])).toHaveLength(2);
		// a step page is never let through by the (larger) full-page ceiling
		expect(overEnforced([page('self-hosted', FULL_PAGE_CEILINGS.selfHosted)])).toHaveLength(1);
		expect(largest([page('cloud', 5), page('cloud', 9), full('cloud', 50)], 'cloud')).toBe(9);
	});
});
