/** The first step: about your helpdesk. Its answers decide which practices apply. */
import { choice, text, type Fields } from './fields';
import { checkHelpdeskUrl } from '$lib/validate/net';
import { freeTextProblem } from '$lib/validate/text';
import { versionLabels } from '$lib/deskpro/settings-core';

export { ABOUT_STEP_ID } from './about-id';

export const aboutFields = {
	helpdeskName: text({
		label: 'Helpdesk name',
		help: 'Shown on the checklist and exports, e.g. "Acme Support".',
		default: '',
		required: true,
		maxLength: 120,
		placeholder: 'Acme Support',
		autocomplete: 'organization',
		validate: (v) => freeTextProblem(v)
	}),
	helpdeskUrl: text({
		label: 'Helpdesk URL',
		help: 'The address agents use, e.g. https://support.example.com/',
		default: '',
		required: true,
		maxLength: 2000,
		placeholder: 'https://support.example.com/',
		autocomplete: 'url',
		validate: checkHelpdeskUrl
	}),
	deskproVersion: choice({
		label: 'Which Deskpro do you run?',
		help: 'Every menu path, label and setting key in the steps is given for this version. Deskpro Cloud and the current On-Premise share one admin interface; the older download has another.',
		default: 'cloud',
		options: [
			{ value: 'cloud', label: versionLabels.cloud, hint: 'Hosted by Deskpro, e.g. yourcompany.deskpro.com.' },
			{ value: 'current', label: versionLabels.current, hint: 'Self-hosted, installed and upgraded with the Docker image (deskpro/deskpro-product).' },
			{ value: 'legacy', label: versionLabels.legacy, hint: 'Self-hosted PHP files you unpacked yourself, with config.php next to index.php.' },
			{ value: 'unsure', label: versionLabels.unsure, hint: 'The steps then show both admin interfaces: the current one and the older download’s.' }
		]
	}),
	deployment: choice({
		label: 'How is Deskpro deployed?',
		default: 'cloud',
		options: [
			{ value: 'cloud', label: 'Deskpro Cloud', hint: 'Hosted by Deskpro: only admin-interface steps apply.' },
			{
				value: 'download',
				label: 'Deskpro Download (legacy self-hosted)',
				hint: 'PHP + MySQL on your own nginx, Apache or IIS server, with config.php in the web root.'
			},
			{
				value: 'onprem-docker',
				label: 'Deskpro On-Premise (Docker)',
				hint: 'The current self-hosted product: containers from the deskpro/deskpro-product image.'
			}
		]
	}),
	os: choice({
		label: 'Server operating system',
		help: 'Only asked for Deskpro Download.',
		default: 'linux',
		options: [
			{ value: 'linux', label: 'Linux' },
			{ value: 'windows', label: 'Windows' }
		]
	}),
	webServer: choice({
		label: 'Web server',
		help: 'Only asked for Deskpro Download.',
		default: 'nginx',
		options: [
			{ value: 'nginx', label: 'nginx' },
			{ value: 'apache', label: 'Apache 2.4' },
			{ value: 'iis', label: 'IIS' }
		]
	})
} satisfies Fields;

/** Which about-fields are asked for the chosen deployment. */
export function visibleAboutFields(deployment: string): (keyof typeof aboutFields)[] {
	return deployment === 'download'
		? ['helpdeskName', 'helpdeskUrl', 'deskproVersion', 'deployment', 'os', 'webServer']
		: ['helpdeskName', 'helpdeskUrl', 'deskproVersion', 'deployment'];
}

/**
 * The version must fit the hosting: Cloud is only Deskpro Cloud; the Docker product is the
 * current On-Premise; the download is the older one (or, if unsure, either). Message per field.
 */
export function refineAbout(v: { deployment: string; deskproVersion: string }): Record<string, string> {
	const d = v.deployment;
	const ver = v.deskproVersion;
	if (ver === 'unsure') return {};
	if (d === 'cloud' && ver !== 'cloud') return { deskproVersion: 'You chose Deskpro Cloud as the hosting: choose “Cloud” (or “Not sure”) here too.' };
	if (d !== 'cloud' && ver === 'cloud') return { deskproVersion: 'Deskpro Cloud is hosted by Deskpro, but the hosting below is self-hosted: choose the On-Premise version you run, or “Not sure”.' };
	if (d === 'onprem-docker' && ver === 'legacy') return { deskproVersion: 'The Docker product is the current On-Premise version: choose “On-Premise, current version” (or “Not sure”).' };
	return {};
}

/**
 * When the admin changes the hosting or the version on the About step, the other answer follows
 * where the two would contradict each other (the values to write; empty when they agree).
 */
export function alignAbout(a: Record<string, unknown>, changed: 'deployment' | 'deskproVersion'): Record<string, string> {
	const deployment = String(a.deployment ?? 'cloud');
	const version = String(a.deskproVersion ?? 'cloud');
	if (Object.keys(refineAbout({ deployment, deskproVersion: version })).length === 0) return {};
	if (changed === 'deployment') return { deskproVersion: effectiveVersion({ deployment }) };
	return { deployment: version === 'cloud' ? 'cloud' : version === 'legacy' ? 'download' : 'onprem-docker' };
}

/** The version whose menus the steps show: the answer, or the one the hosting implies for plans without it. */
export function effectiveVersion(about: { deployment: string; deskproVersion?: string }): string {
	if (about.deskproVersion) return about.deskproVersion;
	return about.deployment === 'download' ? 'legacy' : about.deployment === 'onprem-docker' ? 'current' : 'cloud';
}
