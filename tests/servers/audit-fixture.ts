/**
 * A Deskpro Download install hardened exactly as the wizard says, for the audit tests: real
 * users, the fake Deskpro tree, the wizard's own SQL run on a real MariaDB, its config.php
 * block, its move-data and permissions scripts run as root, a crontab line for the cron user
 * (under a private system root), and the generated audit script. Helpers to run the script,
 * snapshot the filesystem and watch the process list for the database password.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { outputsFor } from '$lib/outputs';
import { derivePlan } from '$lib/plan/derive';
import type { Plan } from '$lib/plan/schema';
import type { AuditResult } from '$lib/audit/result';
import type { AuditState } from '$lib/audit/types';
import { bin, run, type MariaDb } from './harness';
import { planWith } from './env';
import { appendBlock, stockConfigPhp } from './stock-config';

export const WEB = 'www-data';

/** Unique account names for this test file (created and removed by it). */
export function accountNames(tag: string): { owner: string; cron: string } {
	const suffix = `${process.pid.toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`.slice(-6);
	return { owner: `dpa${tag}o${suffix}`, cron: `dpa${tag}c${suffix}` };
}

export async function createUsers(names: string[]): Promise<void> {
	for (const u of names) {
		const r = await run(bin('useradd'), ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', u]);
		expect(r.code, r.stderr).toBe(0);
	}
}

export async function removeUsers(names: string[]): Promise<void> {
	for (const u of names) {
		await run(bin('userdel'), [u]).catch(() => undefined);
		await run('/usr/sbin/groupdel', [u]).catch(() => undefined);
	}
}

export interface SiteAnswers {
	install: string;
	data: string;
	owner: string;
	cron: string;
	fpm: string;
	tls: { cert: string; key: string };
	db: MariaDb;
	webServer: 'nginx' | 'apache';
	httpsPort: number;
	httpPort: number;
}

/** The plan the admin would have: every server answer given in the wizard's own fields. */
/** The plan of one site; its helpdesk URL is https://127.0.0.1:HTTPS-PORT/ unless `helpdeskUrl` is given. */
export function sitePlan(a: SiteAnswers, helpdeskUrl = `https://127.0.0.1:${a.httpsPort}/`): Plan {
	return planWith(
		{
			installPath: a.install,
			dataPath: a.data,
			ownerUser: a.owner,
			webUser: WEB,
			webGroup: WEB,
			cronUser: a.cron,
			phpFpm: a.fpm,
			tlsCertificate: a.tls.cert,
			tlsKey: a.tls.key,
			httpsPort: a.httpsPort,
			httpPort: a.httpPort,
			serverNames: [],
			adminCidrs: ['127.0.0.1/32'],
			dbHost: '127.0.0.1',
			dbPort: a.db.port,
			dbName: 'deskpro',
			dbUser: 'deskpro',
			dbClientHost: '127.0.0.1'
		},
		{ helpdeskUrl, webServer: a.webServer }
	);
}

/** One generated file of the plan, by id (fails the test when the wizard does not produce it). */
export function output(plan: Plan, id: string): string {
	const f = outputsFor(plan).find((o) => o.id === id);
	if (!f) throw new Error(`the wizard produced no ${id} file for this plan (errors: ${JSON.stringify(derivePlan(plan).practices.map((p) => p.checked.errors))})`);
	return f.text;
}

/** The full config.php: a stock-like one (stock-config.ts) with the wizard's lines appended at its end, as they say. */
export function configPhpFile(plan: Plan): string {
	return appendBlock(stockConfigPhp(), output(plan, 'config-php'));
}

/**
 * Applies the plan to the fake install as the admin would: SQL as the database administrator,
 * config.php, the move-data script, the permissions script (both as root), the cron line.
 */
export async function applyPlan(plan: Plan, a: SiteAnswers, dir: string, sysroot: string): Promise<void> {
	const sql = await a.db.rootSql(output(plan, 'mysql'));
	expect(sql.code, sql.stderr).toBe(0);
	writeFileSync(join(a.install, 'config.php'), configPhpFile(plan));
	for (const id of ['move-data', 'permissions']) {
		const f = join(dir, `${id}.sh`);
		writeFileSync(f, output(plan, id));
		const r = await run(bin('bash'), [f]);
		expect(r.code, `${id}: ${r.stdout}\n${r.stderr}`).toBe(0);
	}
	const crontabs = join(sysroot, 'var', 'spool', 'cron', 'crontabs');
	mkdirSync(crontabs, { recursive: true });
	writeFileSync(join(crontabs, a.cron), `MAILTO=""\n* * * * * php '${a.install}/cron.php'\n`);
}

export interface AuditRun {
	code: number;
	stdout: string;
	stderr: string;
	result: AuditResult;
	states: Record<string, AuditState>;
	/** Ids of the checks that failed. */
	failed: string[];
	/** Every process command line and environment seen while the script ran. */
	procSeen: string[];
}

function snapshotProc(into: Set<string>): void {
	for (const pid of readdirSync('/proc')) {
		if (!/^\d+$/.test(pid)) continue;
		for (const f of ['cmdline', 'environ']) {
			try {
				into.add(readFileSync(`/proc/${pid}/${f}`, 'latin1').replace(/\0/g, ' '));
			} catch {
				/* gone */
			}
		}
	}
}

/** Runs the audit script (as root), watching every process while it runs. */
export async function runAudit(scriptPath: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; watchProcesses?: boolean }): Promise<AuditRun> {
	const seen = new Set<string>();
	const child = spawn(bin('bash'), [scriptPath, '--json', ...args], { cwd: opts.cwd, env: opts.env ?? process.env });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	let done = false;
	const exit = new Promise<number>((resolve) =>
		child.on('exit', (code) => {
			done = true;
			resolve(code ?? -1);
		})
	);
	while (!done) {
		if (opts.watchProcesses) snapshotProc(seen);
		await new Promise((r) => setTimeout(r, opts.watchProcesses ? 2 : 50));
	}
	const code = await exit;
	let result: AuditResult;
	try {
		result = JSON.parse(stdout) as AuditResult;
	} catch {
		throw new Error(`no JSON from the audit (exit ${code}):\n${stdout}\n${stderr}`);
	}
	const states = Object.fromEntries(result.checks.map((c) => [c.id, c.state]));
	return { code, stdout, stderr, result, states, failed: result.checks.filter((c) => c.state === 'FAIL').map((c) => c.id), procSeen: [...seen] };
}

/** Path, owner, group, mode, mtime and ctime of everything under the given roots. */
export function fsSnapshot(roots: string[]): string {
	const out: string[] = [];
	const walk = (p: string) => {
		const s = lstatSync(p);
		out.push(`${p} ${s.uid}:${s.gid} ${s.mode.toString(8)} ${s.mtimeMs} ${s.ctimeMs} ${s.size}`);
		if (s.isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
	};
	for (const r of roots) if (existsSync(r)) walk(r);
	return out.join('\n');
}

/** A readable account of a run for failure messages. */
export function describeRun(r: AuditRun): string {
	return r.result.checks.map((c) => `${c.state} ${c.id}: ${c.evidence}`).join('\n') + `\n(stderr: ${r.stderr.slice(0, 2000)})`;
}
