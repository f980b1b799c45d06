// The analysis thread: loads the corpus and finds reuse off the main thread, so the explorer draws and
// answers keys while a large corpus is read and compared.

import {parentPort, workerData} from 'node:worker_threads';
import {loadAnalysed, type Preview} from './core/cache.js';
import type {Corpus, LoadOptions} from './core/corpus.js';
import type {Pair} from './core/reuse.js';

export type WorkerRequest = {dir: string; options: LoadOptions & {cache?: boolean}};
export type WorkerMessage =
	| {type: 'preview'; preview: Preview}
	| {type: 'corpus'; corpus: Corpus}
	| {type: 'pairs'; pairs: Pair[]}
	| {type: 'error'; message: string};

const port = parentPort!;
const {dir, options} = workerData as WorkerRequest;
try {
	// The corpus goes to the explorer as soon as it is read, the pairs when they are found. With a cache
	// entry, the sources list goes first, before the much larger corpus.
	const {pairs} = loadAnalysed(dir, options, {
		onCorpus: corpus => port.postMessage({type: 'corpus', corpus} satisfies WorkerMessage),
		onPreview: preview => port.postMessage({type: 'preview', preview} satisfies WorkerMessage),
	});
	port.postMessage({type: 'pairs', pairs} satisfies WorkerMessage);
} catch (error) {
	port.postMessage({type: 'error', message: (error as Error).message} satisfies WorkerMessage);
}
