/** The Docker front-proxy files' names: light, so a practice can name them without loading the generators. */
export const NGINX_PROXY_FILENAME = 'deskpro-proxy.nginx.conf';
export const APACHE_PROXY_FILENAME = 'deskpro-proxy.apache.conf';
