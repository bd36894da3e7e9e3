/**
 * Server environment (Deskpro Download): the inputs every server-side step shares. The values
 * are declared in `_server-env.ts`; other steps read them, checked, through `ctx.server`.
 */
import { selfHostedStep } from './_self-hosted-steps';
import { definePractice } from './types';
import { refineServerEnv, serverEnvFields, toServerEnv } from './_server-env';

export const practice = definePractice({
	...selfHostedStep('server-environment'),
	fields: serverEnvFields,
	refine: (v, ctx) => refineServerEnv(v, ctx.about),
	checklist: (v, ctx) => {
		const env = toServerEnv(v, ctx.about);
		return [
			{
				id: 'server-environment.confirm',
				text: ctx.about.os === 'windows' ? 'Confirm the paths, the IIS site and the accounts above match the server.' : 'Confirm the paths, accounts and PHP-FPM address above match the server.',
				detail: ctx.about.os === 'windows' ? `Site ${v.iisSiteName}, install ${v.winInstallPath}.` : `Install ${v.installPath}, owner ${v.ownerUser}, web server ${v.webUser}:${v.webGroup}.`
			},
			{
				id: 'server-environment.networks',
				text: 'Confirm the office/VPN ranges allowed to reach the staff interfaces (/agent/, /admin/, /reports/, /billing/, /api/, /install/) with your network team.',
				detail: env.allowed.join(', ')
			}
		];
	}
});
