/**
 * Code loaded on demand that a dropped connection can fail and a "Try again" loads again (the
 * self-hosted groups of steps, a step's text, the file list, the audit library, a generator
 * module): one fetch while it is in flight, none once it is in, another after a failure.
 */
import { untrack } from 'svelte';

const ignore = () => {};

export class Retryable<T> {
	/** The last attempt failed and no other has started (reactive: the page shows its alert, effects wait for `retry`). */
	failed = $state(false);
	/** What the load gave, once an attempt succeeded (reactive). */
	value = $state.raw<T | undefined>(undefined);
	/** An attempt is in flight (not reactive). */
	loading = false;
	#attempt: Promise<T> | null = null;
	readonly #start: () => Promise<T>;

	constructor(start: () => Promise<T>) {
		this.#start = start;
	}

	/**
	 * The attempt in flight or the one that succeeded; otherwise starts one. A failed attempt is
	 * forgotten (the next call starts another) and sets `failed`.
	 */
	load(): Promise<T> {
		if (this.#attempt) return this.#attempt;
		this.failed = false;
		this.loading = true;
		this.#attempt = this.#start().then(
			(v) => {
				this.loading = false;
				this.value = v;
				return v;
			},
			(e: unknown) => {
				this.loading = false;
				this.#attempt = null;
				this.failed = true;
				throw e;
			}
		);
		return this.#attempt;
	}

	/** Tries again (a Try again button): resolves, never rejects, once the attempt has settled: loaded, or `failed` again. */
	retry(): Promise<void> {
		return this.load().then(ignore, ignore);
	}
}

/** One `Retryable` per key (a group of steps, a step, a generator module), made on first use. */
export class Retryables<K, T> {
	#items = new Map<K, Retryable<T>>();
	/** Bumped when a key's load is made (what reads the keys follows it; a plain map and a counter weigh less than SvelteMap). */
	#made = $state(0);
	readonly #start: (key: K) => Promise<T>;

	constructor(start: (key: K) => Promise<T>) {
		this.#start = start;
	}

	/** The key's load (made now if new; an effect calling this does not depend on the other keys). */
	get(key: K): Retryable<T> {
		return untrack(() => {
			let r = this.#items.get(key);
			if (!r) {
				this.#items.set(key, (r = new Retryable(() => this.#start(key))));
				this.#made++;
			}
			return r;
		});
	}

	/** Whether the key's last attempt failed (reactive; never makes a load). */
	failed(key: K): boolean {
		void this.#made;
		return this.#items.get(key)?.failed ?? false;
	}

	/** Every load made so far (reactive). */
	all(): Retryable<T>[] {
		void this.#made;
		return [...this.#items.values()];
	}
}
