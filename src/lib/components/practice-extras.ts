/**
 * Optional extra content for a practice step, shown by PracticeStep after the inputs: one
 * component per practice id. Each component receives the derived step as `step`.
 */
import type { Component } from 'svelte';
import type { DerivedPractice } from '$lib/plan/derive';
import PasswordLab from './PasswordLab.svelte';

export type PracticeExtra = Component<{ step: DerivedPractice }>;

export const practiceExtras: Record<string, PracticeExtra> = {
	'password-policy': PasswordLab
};
