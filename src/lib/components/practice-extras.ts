/**
 * Optional extra content for a practice step, shown by PracticeStep after the inputs: one
 * component per practice id. Each component receives the derived step as `step`. They are
 * imported when their step is shown, so the other steps never load their scripts or styles
 * (issue 16, "Weight"); in the browser build only, like `lazy.ts` (which says why).
 *
 * The password step's is only the button that opens the password lab (PasswordLabOpener): the
 * lab and its strength worker are fetched when the admin presses it, never on arrival.
 */
import type { Component } from 'svelte';
import type { DerivedPractice } from '$lib/plan/derive';

export type PracticeExtra = Component<{ step: DerivedPractice }>;

export const practiceExtras: Record<string, () => Promise<{ default: PracticeExtra }>> = !import.meta.env.SSR
	? { 'password-policy': () => import('./PasswordLabOpener.svelte') }
	: {};
