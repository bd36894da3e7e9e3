/**
 * IIS outputs of a Windows plan (issue #11, Windows/IIS): web.config read from the Deskpro surface
 * module, the server-level setup (ipSecurity unlock, anonymous requests as the pool identity),
 * IIS-10-only elements marked, the PowerShell post-check that knows IIS's 404 for hidden
 * segments, and every element and attribute of web.config in IIS's documented configuration
 * reference (tests/fixtures/iis-schema.ts). No IIS here: structure is read with a small XML tag
 * reader after xmllint (tests/servers/properties.test.ts) proved the files well-formed.
 * Written against outputsFor and the derived plan only, so it runs on main unchanged.
 */
import { describe, expect, it } from 'vitest';
import { outputsFor } from '$lib/outputs';
import { derivePlan } from '$lib/plan/derive';
import { ENTRY_POINTS, STAFF_PREFIXES, staffSpellings } from '$lib/deskpro/surface';
import { ANONYMOUS_SECTION, IP_SECURITY_SECTION, UNLOCK_IP_SECURITY_CMD } from '$lib/generators/iis-names';
import { IIS_SCHEMA } from '../fixtures/iis-schema';
import { planWith } from '../servers/env';

const windows = { os: 'windows', webServer: 'iis' } as const;
const files = () => outputsFor(planWith({}, windows));
const file = (id: string) => files().find((f) => f.id === id);
const webConfig = () => file('iis-web-config')!.text;

interface Tag {
	path: string;
	name: string;
	attrs: Record<string, string>;
}

const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every element with its path from <configuration> (a <location>'s content as at the top) and attributes. */
export function readTags(xml: string): Tag[] {
	const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
	const stack: string[] = [];
	const out: Tag[] = [];
	for (const m of body.matchAll(/<(\/?)([A-Za-z][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*"[^"]*")*)\s*(\/?)>/g)) {
		const [, close, name, attrText, selfClose] = m;
		if (close) {
			if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
			continue;
		}
		const parents = stack.filter((s) => s !== 'configuration' && s !== 'location');
		const path = name === 'configuration' || name === 'location' ? name! : [...parents, name].join('/');
		const attrs: Record<string, string> = {};
		for (const a of attrText!.matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = unescapeXml(a[2]!);
		out.push({ path, name: name!, attrs });
		if (!selfClose) stack.push(name!);
	}
	if (stack.length) throw new Error(`unclosed <${stack.join('><')}>`);
	return out;
}

/** Elements and attributes not in IIS's documented reference (the fixture). */
export function unknownToIis(xml: string): string[] {
	const bad: string[] = [];
	for (const t of readTags(xml)) {
		const entry = IIS_SCHEMA[t.path];
		if (!entry) {
			bad.push(`element ${t.path}`);
			continue;
		}
		for (const a of Object.keys(t.attrs)) if (!entry.attributes.includes(a)) bad.push(`attribute ${a} on ${t.path}`);
	}
	return bad;
}

/**
 * The first URL Rewrite rule that applies to a request path, as the module evaluates it (ECMAScript
 * patterns on the path without its leading slash; {URL} conditions; no file exists), or null.
 */
function firstAction(xml: string, urlPath: string): Record<string, string> | null {
	const tags = readTags(xml);
	const rules: { match: Tag; conds: Tag[]; action: Tag }[] = [];
	for (const t of tags) {
		if (t.path.endsWith('rules/rule')) rules.push({ match: undefined!, conds: [], action: undefined! });
		else if (t.path.endsWith('rule/match')) rules[rules.length - 1]!.match = t;
		else if (t.path.endsWith('rule/conditions/add')) rules[rules.length - 1]!.conds.push(t);
		else if (t.path.endsWith('rule/action')) rules[rules.length - 1]!.action = t;
	}
	for (const r of rules) {
		if (!new RegExp(r.match.attrs.url!, r.match.attrs.ignoreCase === 'false' ? '' : 'i').test(urlPath.slice(1))) continue;
		const ok = r.conds.every((c) => {
			const neg = c.attrs.negate === 'true';
			if (c.attrs.matchType === 'IsFile') return neg; // nothing exists on disk here
			if (c.attrs.input !== '{URL}') throw new Error(`condition input ${c.attrs.input} not simulated`);
			return new RegExp(c.attrs.pattern!, 'i').test(urlPath) !== neg;
		});
		if (ok) return r.action.attrs;
	}
	return null;
}

describe('IIS web.config against IIS’s documented configuration reference', () => {
	it('every element and attribute of the generated web.config is in the reference list', () => {
		const tags = readTags(webConfig());
		expect(tags.length).toBeGreaterThan(30);
		expect(unknownToIis(webConfig())).toEqual([]);
	});

	it('a misspelt attribute or element does not pass (negative cases)', () => {
		const good = webConfig();
		expect(unknownToIis(good.replace('removeServerHeader=', 'removeServerHeadr='))).toEqual(['attribute removeServerHeadr on system.webServer/security/requestFiltering']);
		expect(unknownToIis(good.replace('<hiddenSegments ', '<hidenSegments ').replace('</hiddenSegments>', '</hidenSegments>'))).toContain('element system.webServer/security/requestFiltering/hidenSegments');
		expect(unknownToIis(good.replace('subnetMask=', 'subnetmask='))[0]).toBe('attribute subnetmask on system.webServer/security/ipSecurity/add');
	});

	it('every reference entry names a learn.microsoft.com IIS page', () => {
		for (const [path, e] of Object.entries(IIS_SCHEMA)) expect(e.source, path).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\/iis\//);
	});
});

describe('IIS web.config reads the Deskpro surface', () => {
	it('ships Deskpro’s own rewrites: __checkurlrewrite, __checkurlrewrite/path, sitemap.xml → file.php', () => {
		const rules = readTags(webConfig());
		const actions = rules.filter((t) => t.path.endsWith('rule/action')).map((t) => t.attrs.url);
		expect(actions).toContain('index.php?_sys=checkurl');
		expect(actions).toContain('index.php?_sys=checkurlpath');
		expect(actions).toContain('file.php');
		const matches = rules.filter((t) => t.path.endsWith('rule/match')).map((t) => t.attrs.url ?? '');
		expect(matches.some((u) => new RegExp(u, 'i').test('sitemap.xml'))).toBe(true);
	});

	it('every entry point keeps its PATH_INFO and no other PHP file runs', () => {
		for (const e of ENTRY_POINTS) {
			expect(firstAction(webConfig(), `/${e.file}`), e.file).toEqual({ type: 'None' });
			expect(firstAction(webConfig(), `/${e.file}/agent/x`), e.file).toEqual({ type: 'None' });
		}
		for (const p of ['/cmd.php', '/web/x.php', '/data2/evil.php', '/plugins/x', '/.git/config', '/config.php.orginal'])
			expect(firstAction(webConfig(), p)?.statusCode, p).toBe('403');
		expect(firstAction(webConfig(), '/sitemap.xml')).toMatchObject({ type: 'Rewrite', url: 'file.php' });
		expect(firstAction(webConfig(), '/__checkurlrewrite')).toMatchObject({ type: 'Rewrite', url: 'index.php?_sys=checkurl' });
		expect(firstAction(webConfig(), '/agent/tickets')).toMatchObject({ type: 'Rewrite', url: 'index.php' });
	});

	it('limits every staff interface in every spelling with ipSecurity (clean and behind each entry point)', () => {
		const locations = readTags(webConfig())
			.filter((t) => t.name === 'location')
			.map((t) => t.attrs.path!.toLowerCase());
		for (const p of STAFF_PREFIXES)
			for (const s of staffSpellings(p)) {
				const path = s.replace(/^\//, '').toLowerCase();
				const covered = locations.some((l) => path === l || path.startsWith(`${l}/`));
				expect(covered, s).toBe(true);
			}
	});

	it('hides only segments no Deskpro route uses (a hidden segment is refused in any position: /admin/plugins is a route)', () => {
		const hidden = readTags(webConfig())
			.filter((t) => t.path.endsWith('hiddenSegments/add'))
			.map((t) => t.attrs.segment!.toLowerCase());
		expect(hidden).not.toContain('plugins');
		for (const s of ['data', 'app', 'config.php', 'cron.php', 'import.php', 'upgrade.php']) expect(hidden).toContain(s);
	});

	it('marks removeServerHeader as IIS 10.0 and later, in the file and in the step', () => {
		const xml = webConfig();
		expect(xml).toMatch(/<!--[^]*removeServerHeader[^]*IIS 10\.0[^]*-->\s*<requestFiltering[^>]*removeServerHeader/);
		const step = derivePlan(planWith({}, windows)).practices.find((p) => p.practice.id === 'server-web-config')!;
		const text = [...step.items.map((i) => i.text), ...step.notes.map((n) => n.text)].join('\n');
		expect(text).toMatch(/removeServerHeader[^\n]*IIS 10\.0/);
	});
});

describe('IIS server-level setup', () => {
	it('generates the ipSecurity unlock (locked at server level: 500.19) and explains it in the step', () => {
		const all = files().map((f) => f.text).join('\n');
		expect(all).toMatch(/appcmd\.exe[^\n]*unlock config[^\n]*-section:/);
		// the generator's section name is the one the IIS schema reference (fixture, with sources) knows
		expect(IIS_SCHEMA[IP_SECURITY_SECTION]).toBeDefined();
		expect(all).toContain(IP_SECURITY_SECTION);
		const step = derivePlan(planWith({}, windows)).practices.find((p) => p.practice.id === 'server-web-config')!;
		const text = [...step.items.map((i) => i.text), ...step.notes.map((n) => n.text)].join('\n');
		expect(text).toContain(UNLOCK_IP_SECURITY_CMD);
		expect(text).toContain('500.19');
	});

	it('anonymous requests run as the application-pool identity (IUSR cannot read once Users/Everyone are removed: 401.3)', () => {
		const setup = file('iis-setup');
		expect(setup?.language).toBe('powershell');
		expect(setup!.text).toContain(`$AnonymousSection = '${ANONYMOUS_SECTION}'`);
		expect(setup!.text).toContain("-Filter $AnonymousSection -Name 'userName' -Value ''");
		// the identity it runs as is the one the permissions script lets read the install directory
		expect(file('windows-permissions')!.text).toMatch(/\$WebAccount = 'IIS AppPool\\Deskpro'/);
		expect(file('windows-permissions')!.text).toMatch(/InstallDir[^\n]*\$\(\$WebAccount\):\(OI\)\(CI\)RX/);
		const perms = derivePlan(planWith({}, windows)).practices.find((p) => p.practice.id === 'server-permissions')!;
		expect(perms.items.map((i) => i.text).join('\n')).toMatch(/IUSR[^\n]*401\.3/);
	});
});

describe('IIS post-check (PowerShell)', () => {
	it('is a PowerShell script for IIS plans, never the bash one', () => {
		const ids = files().map((f) => f.id);
		expect(ids).not.toContain('post-checks');
		const ps = file('iis-post-checks');
		expect(ps?.language).toBe('powershell');
		expect(ps!.filename).toMatch(/\.ps1$/);
	});

	it('uses Invoke-WebRequest -UseBasicParsing without following redirects, 404 for hidden segments, 403 for the rest and ipSecurity', () => {
		const t = file('iis-post-checks')!.text;
		expect(t).toMatch(/Invoke-WebRequest[^\n]*-UseBasicParsing[^\n]*-MaximumRedirection 0/);
		const want = (path: string) => new RegExp(`Test-Status '${path.replace(/[.]/g, '\\.')}' (\\d+)`).exec(t)?.[1];
		expect(want('/data/')).toBe('404');
		expect(want('/config.php')).toBe('404');
		expect(want('/schedule.bat')).toBe('404');
		expect(want('/plugins/')).toBe('403');
		expect(want('/.git/config')).toBe('403');
		for (const p of STAFF_PREFIXES) expect(t).toMatch(new RegExp(`if \\(\\$Outside\\)[^]*Test-Status '/${p}/' 403`));
	});
});
