// Starts the analysis thread as early as possible: the CLI calls this before it loads Ink, so the corpus
// is read on the worker while the main thread is still compiling the interface. Messages that arrive
// before the explorer listens are kept and handed over, in order, when it does.

import {Worker} from 'node:worker_threads';
import type {LoadOptions} from './core/corpus.js';
import type {WorkerMessage, WorkerRequest} from './worker.js';

export type AnalysisThread = {
	/** Receive every message, starting with those that arrived before this call. One listener. */
	listen(listener: (message: WorkerMessage) => void): void;
	terminate(): Promise<void>;
};

export function startAnalysis(dir: string, options: LoadOptions & {cache?: boolean}): AnalysisThread {
	const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: {dir, options} satisfies WorkerRequest});
	const queued: WorkerMessage[] = [];
	let listener: ((message: WorkerMessage) => void) | null = null;
	const deliver = (message: WorkerMessage) => (listener ? listener(message) : queued.push(message));
	worker.on('message', deliver);
	worker.on('error', error => deliver({type: 'error', message: `analysis failed: ${error.message}`}));
	return {
		listen(l) {
			listener = l;
			for (const message of queued.splice(0)) l(message);
		},
		async terminate() {
			await worker.terminate();
		},
	};
}
