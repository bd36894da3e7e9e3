/**
 * The audit's verdict on SHOW GRANTS (MariaDB and MySQL 8 spellings), driven on crafted output:
 * only the runtime account's rights on Deskpro's own database PASS; ALL PRIVILEGES (Deskpro's
 * stock grant), *.* or another database FAIL; the upgrade account's schema rights WARN; a
 * routine grant in Deskpro's database is not "another database". The real-server side (the
 * account the wizard's SQL creates, on MariaDB) is in tests/servers/audit-suite.ts.
 */
import { expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_PRIVILEGES, UPGRADE_PRIVILEGES } from '$lib/generators/mysql';
import { serverDescribe } from './harness';
import { caseDir, runLibCheck, scratchDir } from './audit-lib-driver';

const EXTRA = UPGRADE_PRIVILEGES.filter((p) => !(RUNTIME_PRIVILEGES as readonly string[]).includes(p));
const USAGE = "GRANT USAGE ON *.* TO `deskpro`@`127.0.0.1` IDENTIFIED BY PASSWORD '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'";
const RUNTIME = `GRANT ${RUNTIME_PRIVILEGES.join(', ')} ON \`deskpro\`.* TO \`deskpro\`@\`127.0.0.1\``;

serverDescribe(['bash'], 'audit: the verdict on SHOW GRANTS', () => {
	const root = scratchDir('grants');

	async function judge(...lines: string[]) {
		const sub = caseDir(root());
		writeFileSync(join(sub, 'grants'), lines.join('\n') + '\n');
		return runLibCheck(sub, 'judge_grants', [join(sub, 'grants'), 'deskpro', ...RUNTIME_PRIVILEGES, '--', ...EXTRA]);
	}

	it('PASS: the runtime rights on Deskpro’s database only, in MariaDB or MySQL 8 spelling; no password hash shown', async () => {
		const maria = await judge(USAGE, RUNTIME);
		expect(maria.state, maria.evidence).toBe('PASS');
		expect(maria.evidence).not.toContain('2470C0C0');
		const mysql8 = await judge('GRANT USAGE ON *.* TO `deskpro`@`%`', `GRANT ${RUNTIME_PRIVILEGES.join(',')} ON \`deskpro\`.* TO \`deskpro\`@\`%\``);
		expect(mysql8.state, mysql8.evidence).toBe('PASS');
		// column-level rights within the set
		const cols = await judge(USAGE, 'GRANT SELECT (`id`, `name`), UPDATE (`name`) ON `deskpro`.`people` TO `deskpro`@`127.0.0.1`');
		expect(cols.state, cols.evidence).toBe('PASS');
	});

	it('PASS: DROP on Deskpro’s database only (Deskpro’s TRUNCATE TABLE needs it: src/lib/deskpro/surface/runtime.ts)', async () => {
		const drop = await judge(USAGE, 'GRANT SELECT, INSERT, UPDATE, DELETE, DROP ON `deskpro`.* TO `deskpro`@`127.0.0.1`');
		expect(drop.state, drop.evidence).toBe('PASS');
		// still FAIL on *.* or another database
		expect((await judge('GRANT DROP ON *.* TO `deskpro`@`127.0.0.1`', RUNTIME)).state).toBe('FAIL');
		expect((await judge(USAGE, RUNTIME, 'GRANT DROP ON `other`.* TO `deskpro`@`127.0.0.1`')).state).toBe('FAIL');
	});

	it('FAIL: ALL PRIVILEGES on Deskpro’s database (the stock install), *.* or another database', async () => {
		const all = await judge(USAGE, 'GRANT ALL PRIVILEGES ON `deskpro`.* TO `deskpro`@`127.0.0.1`');
		expect(all.state, all.evidence).toBe('FAIL');
		expect(all.evidence).toContain('ALL PRIVILEGES on `deskpro`.*');
		expect((await judge('GRANT SELECT ON *.* TO `deskpro`@`127.0.0.1`', RUNTIME)).state).toBe('FAIL');
		const other = await judge(USAGE, RUNTIME, 'GRANT SELECT ON `mysql`.* TO `deskpro`@`127.0.0.1`');
		expect(other.state).toBe('FAIL');
		expect(other.evidence).toContain('a grant on another database: `mysql`.*');
		expect((await judge(USAGE, 'GRANT SELECT, FILE ON `deskpro`.* TO `deskpro`@`127.0.0.1`')).state).toBe('FAIL');
	});

	it('WARN: the upgrade account’s schema rights, or a right the runtime account does not need; never PASS', async () => {
		const upgrade = await judge(USAGE, `GRANT ${UPGRADE_PRIVILEGES.join(', ')} ON \`deskpro\`.* TO \`deskpro\`@\`127.0.0.1\``);
		expect(upgrade.state, upgrade.evidence).toBe('WARN');
		expect(upgrade.evidence).toContain(`the account can change the schema (${EXTRA.join(', ')})`);
		const routine = await judge(USAGE, RUNTIME, 'GRANT EXECUTE ON PROCEDURE `deskpro`.`cleanup` TO `deskpro`@`127.0.0.1`');
		expect(routine.state, routine.evidence).toBe('WARN');
		expect(routine.evidence).not.toContain('another database');
		expect(routine.evidence).toContain('EXECUTE on PROCEDURE `deskpro`.`cleanup` is more than the runtime account needs');
	});
});
