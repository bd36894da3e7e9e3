#!/usr/bin/env node
// The Playwright web server (playwright.config.ts): serves build-test/ like scripts/serve.js,
// after making sure it was built from the current source tree (scripts/fresh-build.js). In
// `npm test` the vitest files have just built it, so it is reused instead of built a second time;
// `npx playwright test` alone after an edit rebuilds it first. PORT=4173 by default.
import { buildDir, ensureFreshBuildReport } from './fresh-build.js';
import { serveStatic } from './serve.js';

const t0 = Date.now();
const { rebuilt } = ensureFreshBuildReport();
console.log(rebuilt ? `Built build-test/ from the current sources in ${((Date.now() - t0) / 1000).toFixed(1)} s` : 'build-test/ is built from the current sources: reused');
const port = Number(process.env.PORT ?? 4173);
const { url } = await serveStatic(buildDir, { port });
console.log(`Serving build-test/ at ${url}/`);
