/**
 * The production build for tests that read it, in `build-test/` (BUILD_DIR, see svelte.config.js)
 * so it never replaces the `build/` a running server serves: reused when it was built from the
 * current source tree (a content hash, see scripts/fresh-build.js), otherwise rebuilt (vite build
 * with NODE_ENV=production, outside vitest's env). The Playwright server serves the same build.
 */
export { buildDir, buildEnv, ensureFreshBuild, root, sourceHash, withBuildLock } from '../scripts/fresh-build.js';
