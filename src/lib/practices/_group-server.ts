/**
 * The Deskpro Download (legacy self-hosted) steps and the server environment they share: loaded
 * only for a plan that needs them (see `loadGroup` in `./index`), never for a Cloud plan.
 */
import type { Practice } from './types';
import { refineServerEnv, serverEnvFields, toServerEnv } from './_server-env';

const modules = import.meta.glob<{ practice: Practice }>('./server-*.ts', { eager: true });

export const practices: Practice[] = Object.values(modules).map((m) => m.practice);
export const env = { fields: serverEnvFields, refine: refineServerEnv, to: toServerEnv };
