/**
 * Deskpro Download (legacy self-hosted): the sourced description of what Deskpro exposes and
 * needs, read by the generators (nginx, Apache, IIS, post-checks, audit) and by the fake install
 * the server tests run. One index, one file per area:
 * - `surface/http.ts`: the HTTP surface (entry points, shipped rewrite rules, private paths,
 *   staff interfaces and their spellings, upload sizes).
 * - `surface/runtime.ts`: beyond HTTP: SQL statements needing more than data rights, the cron
 *   commands with the auto-updater split, directories the application writes.
 */
export * from './surface/http';
export * from './surface/runtime';
