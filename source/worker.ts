// The analysis thread: loads the corpus and finds reuse off the main thread, so the explorer draws and
// answers keys while a large corpus is read and compared.

import {parentPort, workerData} from 'node:worker_threads';
import {CorpusError, loadCorpus, type LoadOptions} from './core/corpus.js';
import {findReuse} from './core/reuse.js';

export type WorkerRequest = {dir: string; options: LoadOptions; loaded: boolean};
export type WorkerMessage =
	| {type: 'corpus'; corpus: ReturnType<typeof loadCorpus>}
	| {type: 'pairs'; pairs: ReturnType<typeof findReuse>}
	| {type: 'error'; message: string; usage: boolean};

const port = parentPort!;
const {dir, options, loaded} = workerData as WorkerRequest;
try {
	const corpus = loadCorpus(dir, options);
	// The main thread read a small corpus itself; only a large one is sent over.
	if (!loaded) port.postMessage({type: 'corpus', corpus} satisfies WorkerMessage);
	port.postMessage({type: 'pairs', pairs: findReuse(corpus.sources)} satisfies WorkerMessage);
} catch (error) {
	port.postMessage({type: 'error', message: (error as Error).message, usage: error instanceof CorpusError} satisfies WorkerMessage);
}
