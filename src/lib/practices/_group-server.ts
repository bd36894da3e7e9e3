/**
 * The Deskpro Download (legacy self-hosted) steps and the server environment they share: loaded
 * only for a plan that needs them (see `loadGroup` in `./index`), never for a Cloud plan.
 */
import type { PracticeCore } from './types';
import { serverFiles } from './_server-files';
import { refineServerEnv, serverEnvFields, toServerEnv } from './_server-env';

const modules = import.meta.glob<{ practice: PracticeCore }>(['./server-*.ts', '!./*.detail.ts'], { eager: true });

export const practices: PracticeCore[] = Object.values(modules).map((m) => m.practice);
export const env = { fields: serverEnvFields, refine: refineServerEnv, to: toServerEnv };
/** The files its steps generate (see `outputs-files.ts`). */
export const files = serverFiles;
