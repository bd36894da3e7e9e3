/**
 * The page's side of the strength worker. Loaded with a dynamic import when the password
 * step opens, so neither this module nor zxcvbn is part of any other page.
 *
 * Two ways to start the worker, tried in turn:
 * 1. the worker script file Vite emits (`?worker`): on a served page the main thread never
 *    parses zxcvbn or its dictionaries, the worker thread does (CSP: `worker-src 'self'`);
 * 2. an inline worker (`?worker&inline`, ./strength-worker-inline.ts, imported only when
 *    needed) started from a `blob:` URL: for the offline single-file build opened from
 *    `file://`, where a worker script file is refused (CSP: `worker-src blob:`).
 * If neither starts (e.g. a policy forbids workers), `ready` rejects and the page says so.
 * No eval anywhere.
 *
 * Checks run one at a time and are "latest wins" per channel (the tester, the examples, the
 * generator): while one check runs, only the newest request of each channel waits; older ones
 * resolve to null. A newer request of the same channel replaces a check that has run longer
 * than SUPERSEDE_AFTER_MS, and any check that runs longer than CHECK_TIMEOUT_MS is stopped: in
 * both cases the worker is terminated and a fresh one takes the next check.
 */
import FileWorker from './strength.worker?worker';
import type { StrengthResult } from './engine';
import type { FromWorker, ToWorker } from './protocol';

export type { StrengthResult };

export const CHECK_TIMEOUT_MS = 20_000;
/**
 * When a newer request of the same channel arrives while a check has already run this long
 * (a pasted, pathological input), the worker is replaced instead of being waited for: a fresh
 * worker is ready in a fraction of a second, a crafted check can take seconds.
 */
export const SUPERSEDE_AFTER_MS = 750;
const READY_TIMEOUT_MS = 20_000;

export interface StrengthClient {
	/** Resolves with the worker's start-up time in ms; rejects when no worker can run here. */
	readonly ready: Promise<number>;
	/** Estimates a password; resolves to null when a newer check of the same channel replaced it. */
	check(password: string, userInputs: readonly string[], channel?: string): Promise<StrengthResult | null>;
	dispose(): void;
}

interface Job {
	id: number;
	channel: string;
	/** When the worker started on it (performance.now()). */
	startedAt?: number;
	password: string;
	userInputs: string[];
	resolve: (r: StrengthResult | null) => void;
	reject: (e: Error) => void;
}

export class StrengthUnavailableError extends Error {
	override name = 'StrengthUnavailableError';
}

type WorkerConstructor = new (options?: { name?: string }) => Worker;

const fileWorker = async (): Promise<WorkerConstructor> => FileWorker;
const inlineWorker = async (): Promise<WorkerConstructor> => (await import('./strength-worker-inline')).default;

/** Starts one worker and waits for its "ready" message. */
function launch(Ctor: WorkerConstructor): Promise<{ worker: Worker; initMs: number }> {
	return new Promise((resolve, reject) => {
		let w: Worker;
		try {
			w = new Ctor({ name: 'strength' });
		} catch (e) {
			reject(new StrengthUnavailableError(`This browser refused to start the strength worker (${e instanceof Error ? e.name : 'error'}).`));
			return;
		}
		const done = () => {
			clearTimeout(t);
			w.removeEventListener('message', onMessage);
			w.removeEventListener('error', onError);
		};
		const onMessage = (e: MessageEvent<FromWorker>) => {
			if (e.data?.type !== 'ready') return;
			done();
			resolve({ worker: w, initMs: e.data.initMs });
		};
		const onError = (e: Event) => {
			e.preventDefault();
			done();
			w.terminate();
			reject(new StrengthUnavailableError('The strength worker could not run here (it may be blocked by the page’s security policy).'));
		};
		const t = setTimeout(() => {
			done();
			w.terminate();
			reject(new StrengthUnavailableError('The strength worker did not start in time.'));
		}, READY_TIMEOUT_MS);
		w.addEventListener('message', onMessage);
		w.addEventListener('error', onError);
	});
}

export function createStrengthClient(): StrengthClient {
	let worker: Worker | null = null;
	let ready!: Promise<number>;
	let running: Job | null = null;
	/** The newest request per channel, in the order channels asked. */
	const waiting = new Map<string, Job>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	let nextId = 1;
	let disposed = false;

	/** The way of starting a worker that worked, reused when a worker is replaced. */
	let way: (() => Promise<WorkerConstructor>) | null = null;

	function start() {
		ready = (async () => {
			const fromFile = typeof location !== 'undefined' && location.protocol === 'file:';
			const ways = way ? [way] : fromFile ? [inlineWorker] : [fileWorker, inlineWorker];
			let error: unknown = new StrengthUnavailableError('No way to start the strength worker.');
			for (const w of ways) {
				try {
					const started = await launch(await w());
					if (disposed) {
						started.worker.terminate();
						return started.initMs;
					}
					way = w;
					attach(started.worker);
					return started.initMs;
				} catch (e) {
					error = e;
				}
			}
			throw error instanceof StrengthUnavailableError ? error : new StrengthUnavailableError('The strength estimator could not be loaded.');
		})();
		// a rejection is reported through check() and the caller's own await of `ready`
		ready.catch(() => {});
	}

	function attach(w: Worker) {
		worker = w;
		w.addEventListener('message', (e: MessageEvent<FromWorker>) => {
			const m = e.data;
			if (m.type !== 'ready' && running && m.id === running.id) {
				clearTimeout(timer);
				const job = running;
				running = null;
				if (m.type === 'result') job.resolve(m.result);
				else job.reject(new Error(`The estimate failed (${m.message}).`));
				pump();
			}
		});
		w.addEventListener('error', (e) => {
			e.preventDefault();
			if (worker === w) fail(new StrengthUnavailableError('The strength worker stopped.'));
		});
	}

	function fail(err: Error) {
		clearTimeout(timer);
		running?.reject(err);
		for (const j of waiting.values()) j.reject(err);
		running = null;
		waiting.clear();
	}

	function pump() {
		if (running || !worker || disposed) return;
		const next = waiting.entries().next();
		if (next.done) return;
		const [channel, job] = next.value;
		waiting.delete(channel);
		running = job;
		job.startedAt = performance.now();
		const msg: ToWorker = { type: 'check', id: job.id, password: job.password, userInputs: job.userInputs };
		worker.postMessage(msg);
		timer = setTimeout(() => {
			// a pathological input: stop this worker; a fresh one takes the next check
			const j = running;
			restart();
			j?.reject(new Error('The estimate took too long and was stopped.'));
		}, CHECK_TIMEOUT_MS);
	}

	function restart() {
		clearTimeout(timer);
		worker?.terminate();
		worker = null;
		running = null;
		start();
		ready.then(pump, rejectWaiting);
	}

	function rejectWaiting(e: Error) {
		for (const j of waiting.values()) j.reject(e);
		waiting.clear();
	}

	start();

	return {
		get ready() {
			return ready;
		},
		check(password, userInputs, channel = 'default') {
			if (disposed) return Promise.resolve(null);
			return new Promise<StrengthResult | null>((resolve, reject) => {
				waiting.get(channel)?.resolve(null);
				waiting.delete(channel); // re-insert at the end: channels take turns
				waiting.set(channel, { id: nextId++, channel, password, userInputs: [...userInputs], resolve, reject });
				const r = running;
				if (r && r.channel === channel && r.startedAt !== undefined && performance.now() - r.startedAt > SUPERSEDE_AFTER_MS) {
					restart();
					r.resolve(null);
				} else ready.then(pump, rejectWaiting);
			});
		},
		dispose() {
			disposed = true;
			running?.resolve(null);
			for (const j of waiting.values()) j.resolve(null);
			running = null;
			waiting.clear();
			clearTimeout(timer);
			worker?.terminate();
			worker = null;
		}
	};
}
