/**
 * Docker environment (Deskpro On-Premise): the inputs every Docker step shares. Declared in
 * `_docker-env.ts`; the other Docker steps read them, checked, through `ctx.docker`.
 */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { dockerEnvFields, refineDockerEnv, toDockerEnv } from './_docker-env';

export const practice = definePractice({
	...selfHostedStep('docker-environment'),
	fields: dockerEnvFields,
	refine: (v, ctx) => refineDockerEnv(v, ctx.about),
	checklist: (v, ctx) => {
		const env = toDockerEnv(v, ctx.about);
		return [
			{ id: 'docker-environment.confirm', text: 'Confirm the image tag, arrival path and project directory above match the host.', detail: `${env.image}, ${v.arrival}, ${v.projectDir}` },
			{ id: 'docker-environment.networks', text: 'Confirm the trusted networks for the staff interfaces with your network team.', detail: env.allowed.join(', ') }
		];
	}
});
