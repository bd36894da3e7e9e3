/**
 * The generated files' names: light, so the one list of outputs (`outputs-files.ts`) names every
 * file without loading its generator (each generator module is fetched only for the plans and
 * steps that show its files). The generators re-export the names they use.
 */
export const CRON_FILENAME = 'deskpro.cron';
export const COMPOSE_FILENAME = 'docker-compose.yml';
export const CONFIG_ENV_FILENAME = 'config.env';
export const SECRETS_SCRIPT_FILENAME = 'deskpro-docker-secrets.sh';
export const RUN_SCRIPT_FILENAME = 'deskpro-docker-run.sh';
export const DB_SCRIPT_FILENAME = 'deskpro-docker-database.sh';
export const NFT_FILENAME = 'deskpro-docker.nft';
export const UFW_FILENAME = 'deskpro-docker-ufw.txt';
export { NGINX_PROXY_FILENAME, APACHE_PROXY_FILENAME } from './docker-proxy-names';
