/** Builds build-offline/ (npm run build:offline) unless it was built from the current source tree (scripts/fresh-build.js). */
export { ensureOfflineBuild, OFFLINE_HTML } from '../../../scripts/fresh-build.js';
