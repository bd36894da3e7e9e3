import type { Page } from '@playwright/test';

/**
 * Routes the app's chunks through `decide`, which sees each body: 'abort' fails the request,
 * a promise delays it (and fails it when it resolves to 'abort'). A request the page gave up
 * meanwhile (a navigation) is let go quietly. Used to test lazily loaded code arriving late or
 * never (the practice groups, step details).
 */
export async function routeChunks(page: Page, decide: (body: string) => 'abort' | Promise<void | 'abort'> | void) {
	await page.route('**/_app/immutable/chunks/*.js', async (route) => {
		try {
			const response = await route.fetch();
			const body = await response.text();
			const d = decide(body);
			if (d === 'abort') return await route.abort();
			if (d && (await d) === 'abort') return await route.abort();
			await route.fulfill({ response, body });
		} catch {
			await route.continue().catch(() => {});
		}
	});
}
