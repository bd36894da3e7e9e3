/**
 * The Docker audit script, as the wizard generates it for a Deskpro On-Premise (Docker) plan,
 * run as root inside the test's network namespace against a private dockerd: the hardened stack
 * (the generated Compose project with the stand-in image, the generated nginx front proxy, the
 * generated firewall) PASSes every check with exit code 0, and each single break FAILs exactly
 * its own check with exit code 1. Every result goes through the wizard's importer
 * (readAuditText), as a pasted output would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, nginxMainConf, removeDir, run, selfSignedCert, serverDescribe, tempDir } from './harness';
import { buildStandIn, startDocker, startNginxIn, type NsDaemon, type PrivateDocker } from './docker-harness';
import { dockerPlan } from './docker-env';
import { derivePlan } from '$lib/plan/derive';
import { outputsFor } from '$lib/outputs';
import { type AuditResult } from '$lib/audit/result';
import { readAuditText } from '$lib/audit/read';
import { composeFile, configEnv, ELASTIC_IMAGE, MYSQL_IMAGE, runScript, secretsScript } from '$lib/generators/docker-compose';
import { nginxProxyConfig } from '$lib/generators/docker-proxy';
import { nftRules, NFT_TABLE } from '$lib/generators/docker-firewall';
import type { Plan } from '$lib/plan/schema';
import type { DockerEnv } from '$lib/practices/_docker-env';

const OUTSIDE = '127.0.0.2';
/** YAML double-quoted: a newline, a forged end and begin of a result, quotes, a tab and an escape. */
const HOSTILE = '1\\n-----END DESKPRO AUDIT RESULT-----\\n-----BEGIN DESKPRO AUDIT RESULT-----{\\"kind\\":\\"x\\"}\\t\\e';

interface Stack {
	plan: Plan;
	env: DockerEnv;
	script: string;
	checkIds: string[];
	expectDigest: string;
}

function stack(dir: string, answers: Record<string, unknown>, url: string): Stack {
	const plan = dockerPlan({ projectDir: join(dir, 'project'), logsDir: join(dir, 'logs'), serverNames: ['support.example.test'], ...answers }, url);
	const derived = derivePlan(plan);
	if (!derived.docker) throw new Error('the test plan is invalid');
	const file = outputsFor(plan, derived).find((o) => o.id === 'audit-script');
	if (!file) throw new Error('no audit script for the Docker plan');
	const script = join(dir, 'deskpro-audit.sh');
	writeFileSync(script, file.text);
	return { plan, env: derived.docker, script, checkIds: derived.audit.checks.map((c) => c.id), expectDigest: derived.audit.expectDigest };
}

serverDescribe(
	['dockerd', 'docker', 'docker-compose', 'busybox', 'nsenter', 'ip', 'openssl', 'curl', 'bash', 'nginx', 'nft'],
	'Docker: the audit script against a real dockerd',
	() => {
		let d: PrivateDocker;
		let dir = '';
		const daemons: NsDaemon[] = [];
		const t0 = Date.now();

		/** Runs the audit in the namespace and imports its output through the wizard's importer. */
		async function audit(s: Stack, extra: string[] = []): Promise<{ code: number; result: AuditResult; byId: Map<string, AuditResult['checks'][number]>; stdout: string }> {
			const t = Date.now();
			const r = await d.ns.exec(bin('bash'), [s.script, '--insecure', ...extra], { env: d.env, timeout: 90_000 });
			console.log(`audit run: ${((Date.now() - t) / 1000).toFixed(1)} s`);
			const imported = readAuditText(r.stdout, { planId: s.plan.planId, expectDigest: s.expectDigest, checkIds: s.checkIds });
			if (!imported.ok) throw new Error(`import refused: ${imported.message}\n${r.stdout}\n${r.stderr}`);
			expect(imported.warnings).toEqual([]);
			expect(imported.result.exitCode).toBe(r.code);
			return { code: r.code, result: imported.result, byId: new Map(imported.result.checks.map((c) => [c.id, c])), stdout: r.stdout };
		}

		function failing(res: AuditResult): string[] {
			return res.checks.filter((c) => c.state !== 'PASS').map((c) => `${c.id} ${c.state}: ${c.evidence}`);
		}

		describe('behind the generated nginx front proxy (Compose, MySQL and Elasticsearch in the project)', () => {
			let s: Stack;
			let compose = '';
			let original = '';
			let proxyDir = '';
			const up = async (text: string, all = false) => {
				writeFileSync(compose, text);
				// a break changes only the web service; -t 0: the stand-in's httpd ignores SIGTERM as pid 1
				const r = await d.compose(compose, 'dphw', ['up', '-d', '--no-build', '-t', '0', ...(all ? [] : ['--no-deps', 'web'])]);
				expect(r.code, r.stderr).toBe(0);
			};

			beforeAll(async () => {
				dir = tempDir('docker-audit');
				const tls = await selfSignedCert(dir, 'support.example.test');
				s = stack(dir, { arrival: 'proxy', frontProxy: 'nginx', loopbackPort: 8080, httpsPort: 443, httpPort: 80, adminCidrs: ['127.0.0.1/32'], tlsCertificate: tls.cert, tlsKey: tls.key }, 'https://127.0.0.1/');
				d = await startDocker('audit');
				const repo = s.env.image.slice(0, s.env.image.lastIndexOf(':'));
				await buildStandIn(d, [s.env.image, MYSQL_IMAGE, ELASTIC_IMAGE, `${repo}:latest`]);
				mkdirSync(s.env.projectDir, { recursive: true });
				compose = join(s.env.projectDir, 'docker-compose.yml');
				original = composeFile(s.env);
				writeFileSync(join(s.env.projectDir, 'config.env'), configEnv(s.env));
				writeFileSync(join(dir, 'secrets.sh'), secretsScript(s.env));
				const sec = await run(bin('bash'), [join(dir, 'secrets.sh')]);
				expect(sec.code, sec.stderr).toBe(0);
				await up(original, true);
				proxyDir = join(dir, 'nginx');
				mkdirSync(proxyDir, { recursive: true });
				writeFileSync(join(proxyDir, 'proxy.conf'), nginxProxyConfig(s.env, { bind: '127.0.0.1' }));
				writeFileSync(join(proxyDir, 'nginx.conf'), nginxMainConf(proxyDir, [join(proxyDir, 'proxy.conf')]));
				daemons.push(await startNginxIn(d.ns, proxyDir, join(proxyDir, 'nginx.conf')));
			}, 180_000);

			afterAll(async () => {
				await d?.compose(compose, 'dphw', ['down', '-t', '0']);
			}, 60_000);

			it('the hardened stack passes every check: exit code 0, imported as such', async () => {
				const a = await audit(s, ['--outside-source', OUTSIDE]);
				expect(failing(a.result)).toEqual([]);
				expect(a.code).toBe(0);
				expect(a.result.checks.map((c) => c.id).sort()).toEqual([...s.checkIds].sort());
				expect(s.checkIds).toEqual(
					expect.arrayContaining([
						'docker-compose.audit.image',
						'docker-compose.audit.ports',
						'docker-compose.audit.switches-off',
						'docker-compose.audit.testing-certificate',
						'docker-compose.audit.secrets',
						'docker-compose.audit.secret-files',
						'docker-compose.audit.privileges',
						'docker-compose.audit.runtime',
						'docker-proxy.audit.real-ip',
						'docker-proxy.audit.staff-paths',
						'docker-proxy.audit.forged-xff'
					])
				);
				expect(a.byId.get('docker-proxy.audit.forged-xff')!.evidence).toMatch(/logged by Deskpro as coming from 127\.0\.0\.1\.$/);
				expect(a.byId.get('docker-compose.audit.secret-files')!.evidence).toMatch(/^\d+ secret and key files/);
			}, 120_000);

			it('a staff path open in the front proxy: exactly the staff-path check fails, exit code 1', async () => {
				const open = nginxProxyConfig({ ...s.env, allowed: ['0.0.0.0/0'] }, { bind: '127.0.0.1' });
				writeFileSync(join(proxyDir, 'proxy.conf'), open);
				const reload = await d.ns.exec(bin('nginx'), ['-c', join(proxyDir, 'nginx.conf'), '-p', proxyDir, '-e', join(proxyDir, 'error.log'), '-s', 'reload']);
				expect(reload.code, reload.stderr).toBe(0);
				await new Promise((r) => setTimeout(r, 500));
				try {
					const a = await audit(s, ['--outside-source', OUTSIDE]);
					expect(failing(a.result)).toEqual([expect.stringMatching(/^docker-proxy\.audit\.staff-paths FAIL: From 127\.0\.0\.2 .*\/admin\/ -> 200/)]);
					expect(a.code).toBe(1);
				} finally {
					writeFileSync(join(proxyDir, 'proxy.conf'), nginxProxyConfig(s.env, { bind: '127.0.0.1' }));
					await d.ns.exec(bin('nginx'), ['-c', join(proxyDir, 'nginx.conf'), '-p', proxyDir, '-e', join(proxyDir, 'error.log'), '-s', 'reload']);
				}
			}, 120_000);

			const edit = (from: string, to: string) => {
				if (!original.includes(from)) throw new Error(`the compose file has no ${from}`);
				return original.replace(from, to);
			};
			const webEnv = (k: string, v: string) => edit('      CONTAINER_NAME: "web"\n', `      CONTAINER_NAME: "web"\n      ${k}: "${v}"\n`);
			const breaks: { name: string; check: string; text: () => string; evidence: RegExp; never?: string }[] = [
				{ name: 'port 10001 published', check: 'docker-compose.audit.ports', text: () => edit('      - "127.0.0.1:8080:80"\n', '      - "127.0.0.1:8080:80"\n      - "127.0.0.1:10001:10001"\n'), evidence: /publishes port 10001 \(127\.0\.0\.1:10001->10001\/tcp\), which must never be published/ },
				{ name: 'a secret in a plain variable', check: 'docker-compose.audit.secrets', text: () => webEnv('DESKPRO_DB_PASS', 'hunter2-plain-secret'), evidence: /deskpro_web has DESKPRO_DB_PASS as a plain variable/, never: 'hunter2' },
				{ name: 'the testing certificate on', check: 'docker-compose.audit.testing-certificate', text: () => webEnv('HTTP_USE_TESTING_CERTIFICATE', 'true'), evidence: /deskpro_web has HTTP_USE_TESTING_CERTIFICATE=true/ },
				// a hostile value as well: docker inspect's answer carries a forged result block and control characters
				{ name: 'debug mode on (with a hostile value)', check: 'docker-compose.audit.switches-off', text: () => webEnv('DESKPRO_DEBUG_MODE', HOSTILE), evidence: /^deskpro_web has DESKPRO_DEBUG_MODE=1\?n-\[marker removed\]-\?n-\[marker removed\]-/ },
				{ name: 'the latest tag', check: 'docker-compose.audit.image', text: () => edit(`    image: "${s.env.image}"\n    container_name: "deskpro_web"`, `    image: "${s.env.image.replace(/:[^:]+$/, ':latest')}"\n    container_name: "deskpro_web"`), evidence: /deskpro_web runs .*:latest \(no pinned tag: latest\)/ }
			];
			for (const b of breaks) {
				it(`${b.name}: exactly ${b.check} fails, exit code 1`, async () => {
					await up(b.text());
					const a = await audit(s, ['--outside-source', OUTSIDE]);
					expect(failing(a.result)).toEqual([expect.stringMatching(new RegExp(`^${b.check.replace(/\./g, '\\.')} FAIL: `))]);
					expect(a.code).toBe(1);
					expect(a.byId.get(b.check)!.evidence).toMatch(b.evidence);
					if (b.never) expect(a.stdout).not.toContain(b.never);
					// whatever docker inspect returned, the output holds one result block and the evidence no marker or control character
					expect(a.stdout.split('\n').filter((l) => l.includes('BEGIN DESKPRO AUDIT RESULT'))).toHaveLength(1);
					expect(a.byId.get(b.check)!.evidence).not.toMatch(/--|[\u0000-\u001f\u007f"{}]/);
				}, 120_000);
			}

		});

		describe('behind a load balancer with PROXY protocol (docker run, firewall)', () => {
			let s: Stack;
			beforeAll(async () => {
				const sub = join(dir, 'lb');
				mkdirSync(sub, { recursive: true });
				s = stack(sub, { runMode: 'run', arrival: 'proxy-protocol', publishAddress: '0.0.0.0', proxyPort: 9080, proxyAddresses: ['192.0.2.10'], dbLocation: 'external', esLocation: 'external' }, 'https://support.example.test/');
				await d.docker(['tag', `${s.env.image.slice(0, s.env.image.lastIndexOf(':'))}:latest`, s.env.image]);
				mkdirSync(s.env.projectDir, { recursive: true });
				writeFileSync(join(s.env.projectDir, 'config.env'), configEnv(s.env));
				writeFileSync(join(sub, 'secrets.sh'), secretsScript(s.env));
				expect((await run(bin('bash'), [join(sub, 'secrets.sh')])).code).toBe(0);
				writeFileSync(join(sub, 'run.sh'), runScript(s.env));
				const r = await run(bin('bash'), [join(sub, 'run.sh')], { env: d.env, timeout: 120_000 });
				expect(r.code, r.stderr).toBe(0);
				writeFileSync(join(sub, 'fw.nft'), nftRules(s.env));
				const fw = await d.ns.exec(bin('nft'), ['-f', join(sub, 'fw.nft')]);
				expect(fw.code, fw.stderr).toBe(0);
			}, 180_000);

			it('with the firewall loaded every check passes: exit code 0', async () => {
				const a = await audit(s);
				expect(failing(a.result)).toEqual([]);
				expect(a.code).toBe(0);
				expect(s.checkIds).not.toContain('docker-proxy.audit.staff-paths');
				expect(a.byId.get('docker-proxy.audit.real-ip')!.evidence).toMatch(/host port 9080 is reachable only by the proxies/);
			}, 120_000);

			it('the real-IP header without the firewall: exactly the real-IP check fails, exit code 1', async () => {
				expect((await d.ns.exec(bin('nft'), ['delete', 'table', 'inet', NFT_TABLE])).code).toBe(0);
				const a = await audit(s);
				expect(failing(a.result)).toEqual([expect.stringMatching(/^docker-proxy\.audit\.real-ip FAIL: deskpro_web trusts X-Forwarded-For from anyone, and host port 9080 is published beyond loopback/)]);
				expect(a.code).toBe(1);
			}, 120_000);
		});

		afterAll(async () => {
			for (const x of daemons) await x.stop();
			await d?.stop();
			if (dir) removeDir(dir);
			console.log(`Docker audit suite: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		}, 60_000);
	}
);

