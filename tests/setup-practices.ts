/**
 * Unit and server tests see every practice, as the wizard does once a plan's steps have loaded:
 * the self-hosted groups (see `$lib/practices`) are loaded before each test file runs. The lazy
 * loading itself is tested with a fresh module registry (tests/unit/practice-groups.test.ts) and
 * in a real browser (page-weight, e2e).
 */
import { loadAllGroups } from '$lib/practices';

await loadAllGroups();
