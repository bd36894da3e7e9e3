// A fully static site: the shell is prerendered, the wizard runs in the browser only.
export const prerender = true;
export const ssr = false;
