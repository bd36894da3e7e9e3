import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium when present (Playwright cannot download browsers here); elsewhere
// Playwright's own browser.
const systemChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(systemChromium) ? systemChromium : undefined);
const port = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	// Two workers on CI's two cores: the whole suite took 9.6 min with one worker (Playwright's
	// default there, half the cores) and 7.8 min with two, with no test slower than its timeout.
	workers: 2,
	retries: 0,
	reporter: [['list']],
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'off',
		launchOptions: {
			executablePath,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
		}
	},
	// build-test/, the build the vitest files use: reused when it was built from the current
	// source tree (in `npm test` vitest has just built it), rebuilt first otherwise (see
	// scripts/fresh-build.js). This saves one production build per CI run.
	webServer: {
		command: `PORT=${port} node scripts/serve-test-build.js`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore'
	}
});
