/** The first step: about your helpdesk. Its answers decide which practices apply. */
import { choice, text, type Fields } from './fields';
import { checkHelpdeskUrl } from '$lib/validate/net';
import { freeTextProblem } from '$lib/validate/text';

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
		? ['helpdeskName', 'helpdeskUrl', 'deployment', 'os', 'webServer']
		: ['helpdeskName', 'helpdeskUrl', 'deployment'];
}
