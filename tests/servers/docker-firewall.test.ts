/**
 * The generated host firewall (nftables, and the ufw DOCKER-USER equivalent through
 * iptables-restore) in network namespaces made by the test: a "host" namespace running a private
 * dockerd with the container published on every address, a "proxy" namespace (the load
 * balancer) and an "outside" namespace, linked by veth pairs with TEST-NET-1 addresses
 * (192.0.2.0/24) that exist only inside these namespaces. Only the proxy reaches the container's
 * port once the rules are loaded; before, the outside client does (so the test is not vacuous).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, freePort, removeDir, run, serverDescribe, tempDir } from './harness';
import { buildStandIn, echoed, makeNetns, nsCurl, startDocker, startPlanned, type Netns, type PrivateDocker } from './docker-harness';
import { dockerEnv } from './docker-env';
import { nftRules, ufwRules, NFT_TABLE } from '$lib/generators/docker-firewall';
import type { DockerEnv } from '$lib/practices/_docker-env';

const H_TO_X = '192.0.2.1';
const X = '192.0.2.2';
const H_TO_P = '192.0.2.5';
const P = '192.0.2.6';

async function link(h: Netns, other: Netns, hAddr: string, oAddr: string, tag: string) {
	const ip = bin('ip');
	const a = `vh${tag}`;
	const b = `vo${tag}`;
	const steps = [
		['link', 'add', a, 'netns', h.name, 'type', 'veth', 'peer', 'name', b, 'netns', other.name],
		['-n', h.name, 'addr', 'add', `${hAddr}/30`, 'dev', a],
		['-n', other.name, 'addr', 'add', `${oAddr}/30`, 'dev', b],
		['-n', h.name, 'link', 'set', a, 'up'],
		['-n', other.name, 'link', 'set', b, 'up']
	];
	for (const s of steps) {
		const r = await run(ip, s);
		if (r.code !== 0) throw new Error(`ip ${s.join(' ')}: ${r.stderr}`);
	}
}

serverDescribe(['dockerd', 'docker', 'busybox', 'nsenter', 'ip', 'nft', 'iptables', 'openssl', 'curl', 'bash'], 'Docker: the generated host firewall in test namespaces', () => {
	let d: PrivateDocker;
	let x: Netns;
	let p: Netns;
	let dir = '';
	let env: DockerEnv;
	const t0 = Date.now();

	const reach = async (from: Netns, addr: string) => (await nsCurl(from, `http://${addr}:${env.proxyPort}/probe/`, { maxTime: 3 })).status;

	beforeAll(async () => {
		dir = tempDir('docker-fw');
		env = dockerEnv({
			runMode: 'run',
			dbLocation: 'external',
			esLocation: 'external',
			arrival: 'proxy-protocol',
			publishAddress: '0.0.0.0',
			proxyPort: await freePort(),
			proxyAddresses: [P],
			serverNames: ['support.example.test'],
			projectDir: join(dir, 'project'),
			logsDir: join(dir, 'logs')
		});
		d = await startDocker('fw');
		x = await makeNetns('fwx');
		p = await makeNetns('fwp');
		await link(d.ns, x, H_TO_X, X, x.name.slice(-6));
		await link(d.ns, p, H_TO_P, P, p.name.slice(-6));
		await buildStandIn(d, [env.image]);
		await startPlanned(d, env, dir);
	}, 180_000);

	afterAll(async () => {
		await d?.stop();
		await x?.remove();
		await p?.remove();
		if (dir) removeDir(dir);
		console.log(`Docker firewall suite: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}, 60_000);

	it('without the rules, anyone reaches the published port (the control)', async () => {
		expect(await reach(p, H_TO_P)).toBe(200);
		expect(await reach(x, H_TO_X)).toBe(200);
	});

	it('nftables: only the proxy reaches the container’s port, from either host address', async () => {
		writeFileSync(join(dir, 'fw.nft'), nftRules(env));
		const load = await d.ns.exec(bin('nft'), ['-f', join(dir, 'fw.nft')]);
		expect(load.code, load.stderr).toBe(0);
		// loading twice is fine (the file replaces its own table)
		expect((await d.ns.exec(bin('nft'), ['-f', join(dir, 'fw.nft')])).code).toBe(0);
		expect(await reach(x, H_TO_X)).toBe(0);
		expect(await reach(x, H_TO_P)).toBe(0);
		const ok = await nsCurl(p, `http://${H_TO_P}:${env.proxyPort}/probe/`, { maxTime: 3 });
		expect(ok.status).toBe(200);
		expect(echoed(ok.body).path).toBe('/probe/');
		expect((await d.ns.exec(bin('nft'), ['delete', 'table', 'inet', NFT_TABLE])).code).toBe(0);
		expect(await reach(x, H_TO_X)).toBe(200);
	});

	it('ufw equivalent: the DOCKER-USER block lets only the proxy through as well', async () => {
		const text = ufwRules(env);
		expect(text).toMatch(/ufw alone does NOT protect Docker’s published ports/);
		const block = text.slice(text.indexOf('*filter'), text.indexOf('COMMIT') + 'COMMIT'.length) + '\n';
		const r = await d.ns.exec(bin('iptables').replace(/iptables$/, 'iptables-restore'), ['-n'], { input: block });
		expect(r.code, r.stderr).toBe(0);
		expect(await reach(x, H_TO_X)).toBe(0);
		expect(await reach(p, H_TO_P)).toBe(200);
	});
});
