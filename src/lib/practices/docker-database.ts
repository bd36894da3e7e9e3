/** Deskpro On-Premise (Docker): least-privileged database accounts and MySQL over TLS. */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';

export const practice = definePractice({
	...selfHostedStep('docker-database'),
	fields: {},
	checklist: (_v, ctx) => [
		{ id: 'docker-database.accounts', text: 'Run the database script to create the two accounts.' },
		{ id: 'docker-database.no-root', text: 'Confirm no Deskpro container uses the MySQL root account.' },
		...(ctx.docker?.dbTls ? [{ id: 'docker-database.tls', text: 'Put the MySQL client certificate, key (root-owned 0600) and CA in the project’s ssl/mysql/ directory.' }] : [])
	]
});
