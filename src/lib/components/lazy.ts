/**
 * Components a page shows only sometimes, imported when they are shown (issue 16, "Weight"): the
 * generated files and the database-password helper (server steps), an audit’s finding on a
 * checklist item (once an audit result is imported), the password tester's results (once a
 * password is typed), the "Start a new plan" dialog (once asked for), the notice about saved
 * progress (when there is one) and, in `practice-extras.ts`, the password lab. Vite links a component's
 * CSS when its chunk is imported, so a page that does not show it loads neither its script nor
 * its styles.
 *
 * Why the imports exist in the browser build only (`!import.meta.env.SSR ? … : …`, which Vite
 * folds away in the server build; `browser` from $app/environment is not folded there): SvelteKit
 * links, in each page's HTML, the stylesheets of the modules that the page's components import
 * dynamically (one level deep) whenever the server build imports them too, to spare
 * server-rendered HTML a flash of unstyled content (`eager_css` in @sveltejs/kit's
 * build_server.js). This app renders in the browser only (`ssr = false`, src/routes/+layout.ts):
 * its server build needs none of these imports, and without them there no page links their
 * stylesheets up front. Never import these components statically from a step page's components
 * (tests/unit/page-weight.test.ts checks which pages fetch them).
 */

/** The server build never renders a page (ssr = false): there, a loader never settles. */
const never = () => new Promise<never>(() => {});

export const lazy = !import.meta.env.SSR
	? {
			codeBlock: () => import('./CodeBlock.svelte'),
			dbPasswords: () => import('./DbPasswords.svelte'),
			auditFinding: () => import('./AuditFinding.svelte'),
			/** The password lab's results (PasswordTester), once a password is typed. */
			passwordResults: () => import('./PasswordResults.svelte'),
			/** The dialog of "Start a new plan", once the admin asks (NewPlan). */
			newPlanDialog: () => import('./NewPlanDialog.svelte'),
			/** What the wizard says about saved progress (upgraded, salvaged, unreadable, another tab's, not saved), when there is something to say (WizardShell). */
			loadNotice: () => import('./LoadNoticeBanner.svelte')
		}
	: { codeBlock: never, dbPasswords: never, auditFinding: never, passwordResults: never, newPlanDialog: never, loadNotice: never };
