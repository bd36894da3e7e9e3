import { test, expect, type Page } from '@playwright/test';
import { STAFF_ALLOW_LIST_TITLE } from '../../src/lib/practices/_audit-titles';

const STORAGE_KEY = 'deskpro-hardening-wizard:plan';
const PLAN_ID = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

/** A saved plan for Deskpro Download on Linux with nginx (server answers at their defaults). */
async function seedPlan(page: Page) {
	const plan = {
		kind: 'deskpro-hardening-plan',
		version: 2,
		planId: PLAN_ID,
		createdAt: '2026-03-01T09:00:00.000Z',
		updatedAt: '2026-03-01T09:05:00.000Z',
		answers: {
			about: { helpdeskName: 'Acme Support', helpdeskUrl: 'https://support.example.com/', deployment: 'download', os: 'linux', webServer: 'nginx' }
		}
	};
	await page.addInitScript(([k, v]) => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem(k!, v!);
			sessionStorage.setItem('seeded', '1');
		}
	}, [STORAGE_KEY, JSON.stringify(plan)]);
}

test('the audit step lists the checks from the plan, offers the script and refuses results it cannot trust', async ({ page }) => {
	await seedPlan(page);
	await page.goto('/audit');
	await expect(page.getByRole('heading', { level: 1, name: 'Audit your server' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Audit your server/ })).toBeVisible();
	// the checks come from the practices, with the plan's values
	const what = page.locator('ol.checks');
	await expect(what).toContainText('Application files owned by deskpro');
	await expect(what).toContainText('/var/www/deskpro');
	await expect(what).toContainText(STAFF_ALLOW_LIST_TITLE);
	await expect(what).toContainText('/reports/, /billing/');

	// download the script: it is the generated bash file for this plan
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download deskpro-audit.sh' }).click()]);
	expect(download.suggestedFilename()).toBe('deskpro-audit.sh');
	const path = await download.path();
	const { readFileSync } = await import('node:fs');
	const script = readFileSync(path, 'utf8');
	expect(script.startsWith('#!/usr/bin/env bash')).toBe(true);
	expect(script).toContain(`PLAN_ID='${PLAN_ID}'`);

	// a result for another plan is refused and changes nothing
	const other = {
		kind: 'deskpro-hardening-audit',
		schemaVersion: 1,
		planId: 'ffffffff-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
		scriptVersion: '1.0.0',
		expectDigest: 'a'.repeat(64),
		host: 'web1',
		startedAt: '2026-03-01T10:00:00Z',
		finishedAt: '2026-03-01T10:00:05Z',
		exitCode: 0,
		checks: [],
		digest: 'sha256:' + '0'.repeat(64)
	};
	await page.getByLabel('Or paste what the script printed').fill(JSON.stringify(other));
	await page.getByRole('button', { name: 'Import pasted result' }).click();
	await expect(page.locator('[data-import-outcome="refused"]')).toContainText('Not imported');
	// garbage and truncated copies get a message too
	await page.getByLabel('Or paste what the script printed').fill('-----BEGIN DESKPRO AUDIT RESULT-----\n{"kind":"deskpro-hardening-audit",');
	await page.getByRole('button', { name: 'Import pasted result' }).click();
	await expect(page.locator('[data-import-outcome="refused"]')).toContainText('truncated');
	await expect(page.getByRole('heading', { name: 'Result', exact: true })).toHaveCount(0);
	const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').audit, STORAGE_KEY);
	expect(saved).toBeNull();
});

test('the audit step says when it does not apply', async ({ page }) => {
	await page.goto('/audit');
	await expect(page.getByText('Not applicable to this helpdesk.')).toBeVisible();
	await expect(page.getByRole('button', { name: /Download deskpro-audit\.sh/ })).toHaveCount(0);
});
