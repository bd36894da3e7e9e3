/**
 * The fingerprints printed on the signed record: the SHA-256 of the plan file (as "Save
 * progress" writes it without secrets) and of every generated file's exact text (UTF-8), so the
 * paper is tied to the files that were applied. Web Crypto (`crypto.subtle.digest`): the same
 * value as `sha256sum` over the downloaded file. Pure apart from being asynchronous.
 */
import type { Plan } from '$lib/plan/schema';
import { exportPlanText } from '$lib/plan/io';
import type { OutputFile } from '$lib/output-types';

export interface ReportDigests {
	/** SHA-256 (hex) of the plan file without secrets. */
	fingerprint: string;
	/** SHA-256 (hex) of each generated file's text, by file name. */
	files: Record<string, string>;
}

/** SHA-256 (hex) of a text's UTF-8 bytes. */
export async function sha256Text(text: string): Promise<string> {
	const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The digests for a plan and its generated files (`outputsFor(plan)`, or `wizard.generatedFiles()`
 * in the browser, where the generators load only for a self-hosted plan), made from the plan with
 * the secrets it holds in memory, so files with a password are covered too.
 */
export async function reportDigests(plan: Plan, outputs: readonly OutputFile[]): Promise<ReportDigests> {
	const files: Record<string, string> = {};
	for (const f of outputs) files[f.filename] = await sha256Text(f.text);
	return { fingerprint: await sha256Text(exportPlanText(plan, { includeSecrets: false })), files };
}
