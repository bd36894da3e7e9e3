/**
 * Deskpro Download (legacy self-hosted): the sourced description of what Deskpro exposes and
 * needs, read by the generators (nginx, Apache, IIS, post-checks, audit) and by the fake install
 * the server tests run. One index, one file per area:
 * - `surface/http.ts`: the HTTP surface (entry points, shipped rewrite rules, private paths,
 *   staff interfaces and their spellings, upload sizes).
 */
export * from './surface/http';
