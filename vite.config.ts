import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/servers/**/*.test.ts'],
		environment: 'node',
		// Real servers (nginx, Apache, php-fpm, MariaDB) start once per test file.
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
