/**
 * The Docker names the steps' checks and the generators share (containers, the nftables table,
 * the secret files each container reads): light, so a practice can name them without loading the
 * Compose or firewall generators (they load only with the files a step shows).
 */
import { ENV } from '$lib/deskpro/docker';
import type { DockerEnv } from '$lib/practices/_docker-env';

/** Container names (also used by the audit). */
export const CONTAINERS = { web: 'deskpro_web', tasks: 'deskpro_tasks', mysql: 'deskpro_mysql', elastic: 'deskpro_elastic' } as const;

/** The nftables table (also read by the audit). */
export const NFT_TABLE = 'deskpro_docker';

/** The `*_FILE` variables of each Deskpro container: variable → secret name. */
export function secretFiles(_env: DockerEnv, service: 'web' | 'tasks'): Record<string, string> {
	return {
		[`${ENV.appKey.value}_FILE`]: 'DESKPRO_APP_KEY',
		[`${ENV.dbPass.value}_FILE`]: service === 'web' ? 'DESKPRO_DB_PASS' : 'DESKPRO_DB_UPGRADE_PASS',
		[`${ENV.esUrl.value}_FILE`]: 'DESKPRO_ES_URL'
	};
}
