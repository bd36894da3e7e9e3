/**
 * The Deskpro On-Premise (Docker) steps and the Docker environment they share: loaded only for a
 * plan that needs them (see `loadGroup` in `./index`), never for a Cloud plan.
 */
import type { Practice } from './types';
import { dockerEnvFields, refineDockerEnv, toDockerEnv } from './_docker-env';

const modules = import.meta.glob<{ practice: Practice }>('./docker-*.ts', { eager: true });

export const practices: Practice[] = Object.values(modules).map((m) => m.practice);
export const env = { fields: dockerEnvFields, refine: refineDockerEnv, to: toDockerEnv };
