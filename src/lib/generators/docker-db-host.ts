/**
 * The Docker database accounts' host, on its own: the report (summary, exports) names the
 * accounts without loading the Docker database generator (`docker-db.ts`).
 */
import type { DockerEnv } from '$lib/practices/_docker-env';

/** The account host: the external server sees this host's address; the compose MySQL is reachable only on the project network. */
export function dbAccountHost(env: DockerEnv): string {
	return env.dbLocation === 'compose' ? '%' : env.dbClientHost;
}
