/**
 * What the Docker steps' audit checks share: the checked Docker environment, the containers the
 * checks read with docker inspect, and the path the script refuses to start without. The checks
 * themselves are declared by each Docker practice module (`audit`).
 */
import type { RequiredPath } from '$lib/audit/types';
import { CONTAINERS } from '$lib/generators/docker-names';
import type { DockerEnv } from './_docker-env';
import type { PracticeContext } from './types';

export interface DockerAuditBase {
	env: DockerEnv;
	/** Deskpro's own containers (web, tasks). */
	deskpro: string[];
	/** Every container of the project (plus MySQL and Elasticsearch when they are in it). */
	all: string[];
	requires: RequiredPath[];
}

/** `null` while the Docker environment step is invalid (no script is generated then). */
export function dockerAuditBase(ctx: PracticeContext): DockerAuditBase | null {
	const env = ctx.docker;
	if (!env || ctx.about.deployment !== 'onprem-docker') return null;
	const deskpro: string[] = [CONTAINERS.web, CONTAINERS.tasks];
	const all = [...deskpro, ...(env.dbLocation === 'compose' ? [CONTAINERS.mysql] : []), ...(env.esLocation === 'compose' ? [CONTAINERS.elastic] : [])];
	return { env, deskpro, all, requires: [{ type: 'dir', path: env.projectDir, what: 'Docker project directory' }] };
}
