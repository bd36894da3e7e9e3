/// <reference lib="webworker" />
/**
 * The strength worker: builds the zxcvbn-ts estimator (dictionaries and all) off the main
 * thread and answers one check at a time. Passwords are never logged or stored.
 */
import { createEstimator } from './engine';
import type { FromWorker, ToWorker } from './protocol';

const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

const t0 = performance.now();
const estimate = createEstimator();
post({ type: 'ready', initMs: performance.now() - t0 });

self.onmessage = (e: MessageEvent<ToWorker>) => {
	const m = e.data;
	if (m?.type !== 'check') return;
	try {
		post({ type: 'result', id: m.id, result: estimate(String(m.password), m.userInputs ?? []) });
	} catch (err) {
		// the message never contains the password
		post({ type: 'failed', id: m.id, message: err instanceof Error ? err.name : 'error' });
	}
};
