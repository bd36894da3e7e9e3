/**
 * True in the offline single-file build (`npm run build:offline`, OFFLINE=1; vite.config.ts
 * defines the constant), which leaves out the CJK and Hangul PDF fonts: see README.
 */
export const OFFLINE_BUILD: boolean = import.meta.env.VITE_OFFLINE_BUILD === 'true';
