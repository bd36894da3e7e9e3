/**
 * The sourced HTTP surface of the Deskpro download (src/lib/deskpro/surface): complete for the
 * v4 web root, every fact with a source, names the generators can put into a regex or a path.
 */
import { describe, expect, it } from 'vitest';
import {
	ENTRY_POINTS,
	EXACT_REWRITES,
	PRIVATE_DIRS,
	PRIVATE_FILES,
	PRIVATE_PATHS,
	REWRITE_RULES,
	STAFF_INTERFACES,
	STAFF_PREFIXES,
	SURFACE_GAPS,
	UPLOADS,
	DEFAULT_UPLOAD_LIMIT_MB,
	staffSpellings,
	surfaceSourceText,
	type SurfaceSource
} from '$lib/deskpro/surface';

const hasSource = (xs: readonly SurfaceSource[]) => xs.length > 0 && xs.every((s) => surfaceSourceText(s).length > 5);

describe('Deskpro HTTP surface', () => {
	it('lists every PHP file a browser requests in the v4 web root, each with a source', () => {
		expect(ENTRY_POINTS.map((e) => e.file)).toEqual(['index.php', 'dp.php', 'file.php', 'get_messages.php']);
		for (const e of ENTRY_POINTS) {
			expect(e.file).toMatch(/^[a-z_]+\.php$/);
			expect(hasSource(e.sources), e.file).toBe(true);
		}
	});

	it('lists the rewrite rules Deskpro ships, each with a source and the file that ships it', () => {
		expect(EXACT_REWRITES.map((r) => [r.path, r.script, r.query])).toEqual([
			['/__checkurlrewrite', 'index.php', '_sys=checkurl'],
			['/__checkurlrewrite/path', 'index.php', '_sys=checkurlpath'],
			['/sitemap.xml', 'file.php', null]
		]);
		for (const r of REWRITE_RULES) {
			expect(hasSource(r.sources), r.id).toBe(true);
			expect(r.shippedIn.length, r.id).toBeGreaterThan(0);
			if (r.script) expect(ENTRY_POINTS.map((e) => e.file)).toContain(r.script);
		}
	});

	it('private paths: Deskpro’s own hidden segments, plus what only the wizard refuses (marked)', () => {
		expect(PRIVATE_DIRS).toEqual(['data', 'app', 'plugins']);
		for (const f of ['config.php', 'cron.php', 'import.php', 'upgrade.php', 'schedule.bat', 'cmd.php']) expect(PRIVATE_FILES).toContain(f);
		for (const p of PRIVATE_PATHS) {
			expect(p.name).toMatch(/^[a-z][a-z0-9_.]*$/);
			// a private name is never an entry point
			expect(ENTRY_POINTS.map((e) => e.file)).not.toContain(p.name);
			// a fact without a source says so
			if (p.sources.length === 0) expect(p.note).toMatch(/Unknown/);
			else expect(hasSource(p.sources), p.name).toBe(true);
		}
		expect(PRIVATE_PATHS.filter((p) => p.deskproRefuses).map((p) => p.name)).toEqual(['data', 'app', 'plugins', 'config.php', 'cron.php', 'import.php', 'upgrade.php', 'schedule.bat']);
	});

	it('staff interfaces as Deskpro routes them, in every spelling', () => {
		expect(STAFF_PREFIXES).toEqual(['agent', 'admin', 'reports', 'billing', 'api', 'install']);
		for (const s of STAFF_INTERFACES) expect(hasSource(s.sources), s.prefix).toBe(true);
		expect(staffSpellings('reports')).toEqual(expect.arrayContaining(['/reports', '/reports/', '/index.php/reports/', '/get_messages.php/reports/']));
	});

	it('upload facts: the default limit covers the admin page’s maximum', () => {
		expect(UPLOADS.attachDefault.bytes).toBe(5 * 1024 * 1024);
		expect(DEFAULT_UPLOAD_LIMIT_MB * 1024 * 1024).toBeGreaterThan(UPLOADS.adminSliderMax.bytes);
		for (const u of Object.values(UPLOADS)) expect(hasSource(u.sources)).toBe(true);
	});

	it('says where the sources disagree or are silent', () => {
		expect(SURFACE_GAPS.length).toBeGreaterThanOrEqual(5);
		for (const g of SURFACE_GAPS) expect(g.note.length).toBeGreaterThan(40);
	});
});
