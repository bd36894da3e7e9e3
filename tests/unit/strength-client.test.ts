import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '$lib/strength/protocol';
import type { StrengthResult } from '$lib/strength/engine';

/** A stand-in for the strength worker that the test drives by hand. */
class FakeWorker {
	static instances: FakeWorker[] = [];
	static throwOnCreate = false;
	static inlineThrowOnCreate = false;
	kind = 'file';
	listeners: Record<string, ((e: unknown) => void)[]> = {};
	received: ToWorker[] = [];
	terminated = false;
	constructor() {
		if (FakeWorker.throwOnCreate) throw new DOMException('blocked', 'SecurityError');
		FakeWorker.instances.push(this);
	}
	addEventListener(type: string, fn: (e: unknown) => void) {
		(this.listeners[type] ??= []).push(fn);
	}
	removeEventListener(type: string, fn: (e: unknown) => void) {
		this.listeners[type] = (this.listeners[type] ?? []).filter((f) => f !== fn);
	}
	postMessage(m: ToWorker) {
		this.received.push(m);
	}
	terminate() {
		this.terminated = true;
	}
	emit(m: FromWorker) {
		for (const fn of [...(this.listeners.message ?? [])]) fn({ data: m });
	}
	fail() {
		for (const fn of [...(this.listeners.error ?? [])]) fn({ preventDefault() {} });
	}
	answer(score = 2) {
		const m = this.received.at(-1)!;
		this.emit({ type: 'result', id: m.id, result: { score, guesses: 1, password: m.password } as unknown as StrengthResult });
	}
}

/** The inline (blob:) variant: same fake, told apart by `kind`. */
class FakeInlineWorker extends FakeWorker {
	constructor() {
		if (FakeWorker.inlineThrowOnCreate) throw new DOMException('blocked', 'SecurityError');
		const saved = FakeWorker.throwOnCreate;
		FakeWorker.throwOnCreate = false;
		super();
		FakeWorker.throwOnCreate = saved;
		this.kind = 'inline';
	}
}

vi.mock('$lib/strength/strength.worker?worker', () => ({ default: FakeWorker }));
vi.mock('$lib/strength/strength-worker-inline', () => ({ default: FakeInlineWorker }));
const { createStrengthClient, CHECK_TIMEOUT_MS, SUPERSEDE_AFTER_MS, StrengthUnavailableError } = await import('$lib/strength/client');

const flush = async () => {
	for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const last = () => FakeWorker.instances.at(-1)!;

beforeEach(() => {
	FakeWorker.instances = [];
	FakeWorker.throwOnCreate = false;
	FakeWorker.inlineThrowOnCreate = false;
});
afterEach(() => vi.useRealTimers());

describe('strength client', () => {
	it('waits for the worker, then sends checks one at a time', async () => {
		const c = createStrengthClient();
		const p = c.check('a', ['acme']);
		await flush();
		expect(last().kind).toBe('file');
		expect(last().received).toEqual([]);
		last().emit({ type: 'ready', initMs: 12 });
		await expect(c.ready).resolves.toBe(12);
		await flush();
		expect(last().received).toMatchObject([{ type: 'check', password: 'a', userInputs: ['acme'] }]);
		last().answer(1);
		await expect(p).resolves.toMatchObject({ score: 1 });
	});

	it('latest wins within a channel; other channels keep their turn', async () => {
		const c = createStrengthClient();
		await flush();
		last().emit({ type: 'ready', initMs: 1 });
		await c.ready;
		const a = c.check('a', [], 'tester');
		await flush();
		const b = c.check('b', [], 'tester');
		const e = c.check('example', [], 'examples');
		const d = c.check('d', [], 'tester');
		await expect(b).resolves.toBeNull(); // replaced by d before it was sent
		last().answer();
		await expect(a).resolves.toMatchObject({ password: 'a' });
		await flush();
		expect(last().received.at(-1)!.password).toBe('example'); // examples asked before d was re-queued
		last().answer();
		await expect(e).resolves.toMatchObject({ password: 'example' });
		await flush();
		last().answer();
		await expect(d).resolves.toMatchObject({ password: 'd' });
	});

	it('replaces a worker stuck on a long check when a newer check of the same channel arrives', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
		const c = createStrengthClient();
		await vi.advanceTimersByTimeAsync(1);
		FakeWorker.instances[0]!.emit({ type: 'ready', initMs: 1 });
		await c.ready;
		const slow = c.check('x'.repeat(256), [], 'tester');
		await vi.advanceTimersByTimeAsync(SUPERSEDE_AFTER_MS + 10);
		const next = c.check('short', [], 'tester');
		await expect(slow).resolves.toBeNull();
		await vi.advanceTimersByTimeAsync(1);
		expect(FakeWorker.instances).toHaveLength(2);
		expect(FakeWorker.instances[0]!.terminated).toBe(true);
		FakeWorker.instances[1]!.emit({ type: 'ready', initMs: 1 });
		await vi.advanceTimersByTimeAsync(1);
		expect(FakeWorker.instances[1]!.received.map((m) => m.password)).toEqual(['short']);
		FakeWorker.instances[1]!.answer(0);
		await expect(next).resolves.toMatchObject({ password: 'short' });
	});

	it('does not replace the worker for a quick check: it waits', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
		const c = createStrengthClient();
		await vi.advanceTimersByTimeAsync(1);
		last().emit({ type: 'ready', initMs: 1 });
		await c.ready;
		const a = c.check('a', [], 'tester');
		await vi.advanceTimersByTimeAsync(10);
		const b = c.check('b', [], 'tester');
		expect(FakeWorker.instances).toHaveLength(1);
		last().answer();
		await expect(a).resolves.toMatchObject({ password: 'a' });
		await vi.advanceTimersByTimeAsync(1);
		last().answer();
		await expect(b).resolves.toMatchObject({ password: 'b' });
	});

	it('stops a check that runs past the timeout and starts a fresh worker', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
		const c = createStrengthClient();
		await vi.advanceTimersByTimeAsync(1);
		FakeWorker.instances[0]!.emit({ type: 'ready', initMs: 1 });
		await c.ready;
		const stuck = c.check('stuck', [], 'examples');
		const caught = stuck.catch((e: Error) => e.message);
		await vi.advanceTimersByTimeAsync(CHECK_TIMEOUT_MS + 1);
		expect(await caught).toMatch(/took too long/);
		expect(FakeWorker.instances[0]!.terminated).toBe(true);
		await vi.advanceTimersByTimeAsync(1);
		expect(FakeWorker.instances).toHaveLength(2);
	});

	it('uses the worker file when it starts; never loads the inline variant then', async () => {
		const c = createStrengthClient();
		await flush();
		expect(FakeWorker.instances.map((w) => w.kind)).toEqual(['file']);
		last().emit({ type: 'ready', initMs: 1 });
		await c.ready;
		expect(FakeWorker.instances.map((w) => w.kind)).toEqual(['file']);
	});

	it('falls back to the inline worker when the worker file is refused (file://)', async () => {
		FakeWorker.throwOnCreate = true;
		const c = createStrengthClient();
		await flush();
		expect(last().kind).toBe('inline');
		last().emit({ type: 'ready', initMs: 3 });
		await expect(c.ready).resolves.toBe(3);
		const p = c.check('a', []);
		await flush();
		last().answer(0);
		await expect(p).resolves.toMatchObject({ password: 'a' });
	});

	it('falls back to the inline worker when the worker file fails to load', async () => {
		const c = createStrengthClient();
		await flush();
		const file = last();
		file.fail();
		await flush();
		expect(file.terminated).toBe(true);
		expect(last().kind).toBe('inline');
		last().emit({ type: 'ready', initMs: 1 });
		await expect(c.ready).resolves.toBe(1);
	});

	it('a replacement worker is started the way that worked', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
		FakeWorker.throwOnCreate = true;
		const c = createStrengthClient();
		await vi.advanceTimersByTimeAsync(1);
		last().emit({ type: 'ready', initMs: 1 });
		await c.ready;
		c.check('x'.repeat(256), [], 'tester');
		await vi.advanceTimersByTimeAsync(SUPERSEDE_AFTER_MS + 10);
		c.check('y', [], 'tester');
		await vi.advanceTimersByTimeAsync(1);
		expect(FakeWorker.instances.map((w) => w.kind)).toEqual(['inline', 'inline']);
	});

	it('reports when no worker can start at all', async () => {
		FakeWorker.throwOnCreate = true;
		FakeWorker.inlineThrowOnCreate = true;
		const refused = createStrengthClient();
		await expect(refused.ready).rejects.toBeInstanceOf(StrengthUnavailableError);
		await expect(refused.check('a', [])).rejects.toBeInstanceOf(StrengthUnavailableError);

		FakeWorker.throwOnCreate = false;
		FakeWorker.inlineThrowOnCreate = false;
		const broken = createStrengthClient();
		await flush();
		last().fail(); // the worker file
		await flush();
		last().fail(); // the inline worker
		await expect(broken.ready).rejects.toThrow(/could not run here/);
	});

	it('dispose terminates the worker and settles pending checks with null', async () => {
		const c = createStrengthClient();
		await flush();
		last().emit({ type: 'ready', initMs: 1 });
		await c.ready;
		const a = c.check('a', []);
		await flush();
		c.dispose();
		await expect(a).resolves.toBeNull();
		expect(last().terminated).toBe(true);
		await expect(c.check('b', [])).resolves.toBeNull();
	});
});
