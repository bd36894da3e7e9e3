// A fully static site: the shell is prerendered, the wizard runs in the browser only.
// The values are expressions (`as boolean`), not bare literals, on purpose: SvelteKit then loads
// this module instead of reading the literals from the source, so the offline single-file build
// (OFFLINE=1, hash router, which refuses page options) can drop them; see vite.config.ts.
export const prerender = true as boolean;
export const ssr = false as boolean;
