/**
 * Unit and server tests see every practice whole, as the wizard does once a plan's steps and
 * their details have loaded: the self-hosted groups and every step's detail (see
 * `$lib/practices`) are loaded before each test file runs. The lazy loading itself is tested with
 * a fresh module registry (tests/unit/practice-groups.test.ts, practice-details.test.ts) and in a
 * real browser (page-weight, e2e).
 */
import { loadAllDetails } from '$lib/practices';

await loadAllDetails();
