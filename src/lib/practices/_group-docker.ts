/**
 * The Deskpro On-Premise (Docker) steps and the Docker environment they share: loaded only for a
 * plan that needs them (see `loadGroup` in `./index`), never for a Cloud plan.
 */
import type { PracticeCore } from './types';
import { dockerFiles } from './_docker-files';
import { dockerEnvFields, refineDockerEnv, toDockerEnv } from './_docker-env';

const modules = import.meta.glob<{ practice: PracticeCore }>(['./docker-*.ts', '!./*.detail.ts'], { eager: true });

export const practices: PracticeCore[] = Object.values(modules).map((m) => m.practice);
export const env = { fields: dockerEnvFields, refine: refineDockerEnv, to: toDockerEnv };
/** The files its steps generate (see `outputs-files.ts`). */
export const files = dockerFiles;
