// A small pool of worker threads: tasks go to whichever worker is free, each task's answer comes back to the
// promise that sent it. Ours rather than a library's: the pool only ever runs one kind of task (a batch of
// files), in order, and needs nothing a library adds (task cancellation, timeouts, resizing).

import {availableParallelism} from 'node:os';
import {Worker} from 'node:worker_threads';

type Pending = {resolve: (value: unknown) => void; reject: (error: Error) => void};

/** How many threads to use: the machine's cores, or CHURNSCOPE_THREADS when set (1 runs everything in-process). */
export function threadCount(env: NodeJS.ProcessEnv = process.env): number {
	const asked = Number(env['CHURNSCOPE_THREADS']);
	if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 64);
	return Math.max(1, availableParallelism());
}

/**
 * Tasks a worker holds at once. With one, a worker waited for its answer to reach the main thread and the
 * next task to come back: about a sixth of each worker's time when reading 10,000 files in batches.
 */
export const DEPTH = 2;

export class Pool<In, Out> {
	private readonly workers: Worker[] = [];
	/** Each worker's free places: a worker holds up to DEPTH tasks, so that it starts the next as soon as it sends one back. */
	private readonly idle: Worker[] = [];
	private readonly queue: {task: In; pending: Pending}[] = [];
	/** Each worker's tasks in the order it was given them (a worker answers in that order). */
	private readonly running = new Map<Worker, Pending[]>();
	private failed: Error | null = null;

	constructor(file: URL, size: number, workerData?: unknown) {
		for (let i = 0; i < size; i++) {
			const w = new Worker(file, {workerData});
			w.on('message', (out: Out) => this.done(w, null, out));
			w.on('error', error => this.done(w, error, undefined));
			// An answer that cannot be read would put the worker's later answers against the wrong tasks.
			w.on('messageerror', error => this.done(w, error, undefined));
			w.on('exit', code => {
				if (this.running.get(w)?.length) this.done(w, new Error(`a worker thread stopped (exit code ${code})`), undefined);
			});
			this.workers.push(w);
			this.running.set(w, []);
		}
		for (let d = 0; d < DEPTH; d++) this.idle.push(...this.workers);
	}

	run(task: In): Promise<Out> {
		if (this.failed) return Promise.reject(this.failed);
		return new Promise<Out>((resolve, reject) => {
			this.queue.push({task, pending: {resolve: resolve as (v: unknown) => void, reject}});
			this.next();
		});
	}

	/**
	 * The same task to every worker once, when none has a task left: each one's answer, in the workers' order
	 * (a file thread is told to write the cache entries it kept back). Of its own types: it is not one of the
	 * tasks the pool runs.
	 */
	broadcast<Task, Answer>(task: Task): Promise<Answer[]> {
		if (this.failed) return Promise.reject(this.failed);
		return Promise.all(
			this.workers.map(
				w =>
					new Promise<Answer>((resolve, reject) => {
						// The answer gives the worker's place back to the idle list: taken from it here.
						const place = this.idle.indexOf(w);
						if (place >= 0) this.idle.splice(place, 1);
						this.running.get(w)!.push({resolve: resolve as (v: unknown) => void, reject});
						w.postMessage(task);
					}),
			),
		);
	}

	async close(): Promise<void> {
		await Promise.all(this.workers.map(w => w.terminate()));
	}

	private next(): void {
		while (this.idle.length && this.queue.length) {
			const w = this.idle.shift()!;
			const {task, pending} = this.queue.shift()!;
			this.running.get(w)!.push(pending);
			w.postMessage(task);
		}
	}

	private done(w: Worker, error: Error | null, out: Out | undefined): void {
		const mine = this.running.get(w) ?? [];
		if (error) {
			// A worker that failed is not reused: the rest of the work fails with the same reason.
			this.failed = error;
			for (const pending of mine.splice(0)) pending.reject(error);
			for (const q of this.queue.splice(0)) q.pending.reject(error);
			return;
		}
		mine.shift()?.resolve(out);
		this.idle.push(w);
		this.next();
	}
}
