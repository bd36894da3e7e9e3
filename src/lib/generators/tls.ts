/**
 * TLS settings shared by every generated web-server file (nginx and Apache sites, the Docker
 * front proxy): Mozilla's "intermediate" configuration, guidelines version 5.7
 * (https://ssl-config.mozilla.org/ and https://wiki.mozilla.org/Security/Server_Side_TLS):
 * TLS 1.2 and 1.3, the cipher list below for TLS 1.2 (TLS 1.3 suites are fixed by OpenSSL),
 * the client's cipher preference, a one-day session timeout with a shared cache, no session
 * tickets, OCSP stapling.
 *
 * The DHE suites at the end of the list are used only when the server has DH parameters
 * (Mozilla suggests its ffdhe2048 file); without them the ECDHE suites are used.
 */
export const MOZILLA_INTERMEDIATE = {
	version: '5.7',
	source: 'https://ssl-config.mozilla.org/ (Mozilla SSL Configuration Generator, intermediate, guidelines 5.7)',
	protocols: ['TLSv1.2', 'TLSv1.3'] as const,
	ciphers:
		'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305',
	sessionTimeout: '1d',
	sessionTickets: false
} as const;

/** HSTS: one year; includeSubDomains and preload as the admin chose (preload needs includeSubDomains). */
export function hstsValue(o: { includeSubDomains: boolean; preload: boolean }): string {
	return ['max-age=31536000', ...(o.includeSubDomains ? ['includeSubDomains'] : []), ...(o.includeSubDomains && o.preload ? ['preload'] : [])].join('; ');
}
