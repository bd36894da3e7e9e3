/** Messages between the page and the strength worker. */
import type { StrengthResult } from './engine';

export type ToWorker = { type: 'check'; id: number; password: string; userInputs: string[] };

export type FromWorker =
	| { type: 'ready'; initMs: number }
	| { type: 'result'; id: number; result: StrengthResult }
	| { type: 'failed'; id: number; message: string };
