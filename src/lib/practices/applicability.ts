import type { AboutValues, Applicability, Deployment, OperatingSystem, WebServer } from './types';

export const deploymentLabels: Record<Deployment, string> = {
	cloud: 'Deskpro Cloud',
	download: 'Deskpro Download (legacy self-hosted)',
	'onprem-docker': 'Deskpro On-Premise (Docker)'
};
export const osLabels: Record<OperatingSystem, string> = { linux: 'Linux', windows: 'Windows' };
export const webServerLabels: Record<WebServer, string> = { nginx: 'nginx', apache: 'Apache 2.4', iis: 'IIS' };

export type ApplicabilityResult = { applies: true } | { applies: false; reason: string };

const join = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/**
 * The one place where "does this apply to this helpdesk?" is decided, from data.
 * OS and web server only matter for self-hosted deployments.
 */
export function evaluateApplicability(a: Applicability | undefined, about: AboutValues): ApplicabilityResult {
	if (!a) return { applies: true };
	const dep = about.deployment as Deployment;
	if (a.deployments && !a.deployments.includes(dep)) {
		const because = a.notCoveredBecause?.[dep];
		if (because) return { applies: false, reason: `Not covered for ${deploymentLabels[dep]}, because ${because}` };
		return {
			applies: false,
			reason: `Applies only to ${join(a.deployments.map((d) => deploymentLabels[d]))}; this helpdesk is ${deploymentLabels[dep] ?? dep}.`
		};
	}
	if (a.os && !a.os.includes(about.os as OperatingSystem)) {
		return {
			applies: false,
			reason: `Applies only to servers running ${join(a.os.map((o) => osLabels[o]))}; this server runs ${osLabels[about.os as OperatingSystem] ?? about.os}.`
		};
	}
	if (a.webServers && !a.webServers.includes(about.webServer as WebServer)) {
		return {
			applies: false,
			reason: `Applies only to ${join(a.webServers.map((w) => webServerLabels[w]))}; this server uses ${webServerLabels[about.webServer as WebServer] ?? about.webServer}.`
		};
	}
	return { applies: true };
}
