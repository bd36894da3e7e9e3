/** Deskpro On-Premise (Docker): inputs, applicability and the output map (no Docker needed). */
import { describe, expect, it } from 'vitest';
import { derivePlan } from '$lib/plan/derive';
import { outputsFor } from '$lib/outputs';
import { tryDockerEnv, dockerPlan, dockerEnv } from '../servers/docker-env';
import { composeFile, configEnv } from '$lib/generators/docker-compose';
import { NEVER_PUBLISHED, STAFF_PATHS } from '$lib/deskpro/docker';

const errorsOf = (a: Record<string, unknown>) => {
	const r = tryDockerEnv(a);
	return 'errors' in r ? r.errors : {};
};

describe('Docker environment inputs', () => {
	it('the defaults make a valid plan with a pinned image', () => {
		const env = dockerEnv({});
		expect(env.image).toBe('deskpro/deskpro-product:2025.3.6-onprem-4.0.0');
		expect(env.published).toEqual([{ container: 80, hostIp: '127.0.0.1', hostPort: 8080 }]);
	});
	it('refuses latest, a tag in the repository and malformed versions, field by field', () => {
		expect(errorsOf({ deskproVersion: 'latest' }).deskproVersion).toMatch(/Never latest/);
		expect(errorsOf({ containerVersion: 'LATEST' }).containerVersion).toMatch(/Never latest/);
		expect(errorsOf({ imageRepository: 'deskpro/deskpro-product:latest' }).imageRepository).toMatch(/without a tag/);
		expect(errorsOf({ deskproVersion: '2025.3' }).deskproVersion).toMatch(/not a Deskpro version/);
		expect(errorsOf({ publishAddress: '0.0.0.0/0' }).publishAddress).toMatch(/not an IPv4 address/);
		// Spaces around the address were accepted and then published as "127.0.0.1 :80" (the audit
		// generator threw on that binding; the property test found it with seed 925760061).
		for (const v of ['127.0.0.1 ', ' 0.0.0.0', '\t203.0.113.10'])
			expect(errorsOf({ arrival: 'direct', publishAddress: v }).publishAddress, JSON.stringify(v)).toBe(`Write the address as ${v.trim()}.`);
		expect(dockerEnv({ arrival: 'direct', publishAddress: '203.0.113.10' }).published.map((p) => p.hostIp)).toEqual(['203.0.113.10', '203.0.113.10']);
		expect(errorsOf({ esUrl: 'https://u:p@search.example.com' }).esUrl).toMatch(/credentials/);
	});
	it('needs the load balancer’s or Cloudflare’s addresses for those arrival paths, and never 0.0.0.0/0', () => {
		expect(errorsOf({ arrival: 'proxy-protocol' }).proxyAddresses).toMatch(/load balancer/);
		expect(errorsOf({ arrival: 'cloudflare', proxyAddresses: ['0.0.0.0/0'] }).proxyAddresses).toMatch(/every address/);
		expect(errorsOf({ runMode: 'run' }).dbLocation).toMatch(/external/);
	});
});

describe('Docker plan: applicability and outputs', () => {
	it('the Download server steps say why they are not covered for Docker, never a bare “not applicable”', () => {
		const d = derivePlan(dockerPlan({}));
		for (const id of ['server-environment', 'server-permissions', 'server-web-config', 'server-data-dir', 'server-config-php', 'server-database', 'server-post-checks']) {
			const p = d.practices.find((x) => x.practice.id === id)!;
			expect(p.applicability.applies).toBe(false);
			if (!p.applicability.applies) expect(p.applicability.reason).toMatch(/^Not covered for Deskpro On-Premise \(Docker\), because /);
		}
		for (const id of ['docker-environment', 'docker-compose', 'docker-database']) expect(d.practices.find((x) => x.practice.id === id)!.applicability.applies).toBe(true);
	});
	it('gives the compose project, config.env, the secrets and database scripts, and none holds a secret', () => {
		const out = outputsFor(dockerPlan({}));
		const ids = out.map((o) => o.id);
		expect(ids).toEqual(expect.arrayContaining(['docker-secrets', 'docker-config-env', 'docker-compose', 'docker-database']));
		expect(ids).not.toContain('docker-run');
		expect(out.some((o) => o.containsSecret)).toBe(false);
		expect(outputsFor(dockerPlan({ runMode: 'run', dbLocation: 'external', esLocation: 'external' })).map((o) => o.id)).toContain('docker-run');
	});
	it('publishes nothing for the never-published ports and writes every switch off', () => {
		for (const arrival of ['proxy', 'direct']) {
			const env = dockerEnv({ arrival });
			const yml = composeFile(env);
			for (const p of NEVER_PUBLISHED) expect(yml).not.toMatch(new RegExp(`:${p.value}"`));
			expect(configEnv(env)).toMatch(/^DESKPRO_DEBUG_MODE=false$/m);
			expect(configEnv(env)).toMatch(/^HTTP_USE_TESTING_CERTIFICATE=false$/m);
			expect(configEnv(env)).not.toMatch(/^DESKPRO_DB_PASS=/m);
		}
		expect(configEnv(dockerEnv({ arrival: 'direct' }))).not.toMatch(/HTTP_USER_REAL_IP_HEADER/);
		expect(configEnv(dockerEnv({ arrival: 'cloudflare', proxyAddresses: ['173.245.48.0/20'] }))).toMatch(/^HTTP_USER_REAL_IP_HEADER=CF-Connecting-IP$/m);
	});
	it('every staff path has a source', () => {
		for (const p of STAFF_PATHS) expect(p.source.path).toMatch(/\./);
	});
});

describe('Docker plan: every step that does not apply says why', () => {
	it('no bare "not applicable": each says "Not covered for Deskpro On-Premise (Docker), because …", or applies only to Cloud', () => {
		const d = derivePlan(dockerPlan({}));
		const bare = d.practices
			.filter((p) => !p.applicability.applies)
			.map((p) => ({ id: p.practice.id, reason: (p.applicability as { reason: string }).reason }))
			.filter((x) => !/^Not covered for Deskpro On-Premise \(Docker\), because \S/.test(x.reason) && !/^Applies only to Deskpro Cloud;/.test(x.reason));
		expect(bare).toEqual([]);
	});
	it('the OPC: its login-token recovery is named with its source; elsewhere the OPC is Unknown', () => {
		const d = derivePlan(dockerPlan({}));
		const notes = d.practices.flatMap((p) => p.notes.map((n) => ({ id: p.practice.id, ...n })));
		const opc = notes.filter((n) => /On-Premise Controller|\bOPC\b/.test(n.text));
		expect(opc.length).toBeGreaterThan(0);
		for (const n of opc) expect(n.text, n.id).toMatch(/Unknown|docker-product-base: /);
	});
});
