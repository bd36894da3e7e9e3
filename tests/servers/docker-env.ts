/**
 * The Docker generators' input as the wizard builds it: answers → plan → derivePlan → DockerEnv
 * (every field validated, cross-field checks). Tests never hand-craft a DockerEnv.
 */
import { newPlan, type Plan } from '$lib/plan/schema';
import { derivePlan } from '$lib/plan/derive';
import { DOCKER_ENV_STEP_ID, type DockerEnv } from '$lib/practices/_docker-env';

export function dockerPlan(answers: Record<string, unknown>, url = 'https://support.example.test/'): Plan {
	const p = newPlan();
	Object.assign(p.answers.about as Record<string, unknown>, { helpdeskName: 'Test helpdesk', helpdeskUrl: url, deployment: 'onprem-docker', deskproVersion: 'current' });
	p.answers[DOCKER_ENV_STEP_ID] = { ...(p.answers[DOCKER_ENV_STEP_ID] as Record<string, unknown>), ...answers };
	return p;
}

export function tryDockerEnv(answers: Record<string, unknown>): { env: DockerEnv } | { errors: Record<string, string> } {
	const d = derivePlan(dockerPlan(answers));
	if (d.docker) return { env: d.docker };
	const step = d.practices.find((p) => p.practice.id === DOCKER_ENV_STEP_ID)!;
	return { errors: { ...d.about.errors, ...step.checked.errors } };
}

export function dockerEnv(answers: Record<string, unknown>): DockerEnv {
	const r = tryDockerEnv(answers);
	if ('errors' in r) throw new Error(`invalid Docker test environment: ${JSON.stringify(r.errors)}`);
	return r.env;
}
