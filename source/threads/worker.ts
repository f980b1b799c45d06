// The analysis thread: loads the corpus and finds reuse off the main thread, so the explorer draws and
// answers keys while a large corpus is read and compared. The corpus and the pairs travel as chunks of
// JSON (see core/chunks), which the main thread decodes between frames.

import {parentPort, workerData} from 'node:worker_threads';
import {packSource} from '../core/pack.js';
import {type CacheOptions, loadAnalysed, type Preview} from '../io/cache.js';
import {buffers, jsonChunks} from '../core/chunks.js';
import type {Progress} from '../core/source.js';
import type {LoadOptions} from '../io/read-corpus.js';

export type WorkerRequest = {dir: string; options: Omit<LoadOptions, 'onProgress'> & CacheOptions};
export type WorkerMessage =
	| {type: 'preview'; preview: Preview}
	/** How far reading or comparing has gone; at most ten a second. */
	| {type: 'progress'; stage: string; done: number; total: number}
	/** `chunks`: JSON arrays of packed sources, in corpus order. */
	| {type: 'corpus'; warnings: string[]; chunks: Uint8Array[]}
	/** `chunks`: JSON arrays of pairs. */
	| {type: 'pairs'; chunks: Uint8Array[]}
	| {type: 'error'; message: string};

const port = parentPort!;
const {dir, options} = workerData as WorkerRequest;
let told = 0;
const onProgress: Progress = (stage, done, total) => {
	const now = performance.now();
	if (now - told < 100 && done < total) return;
	told = now;
	port.postMessage({type: 'progress', stage, done, total} satisfies WorkerMessage);
};
try {
	// The corpus goes to the explorer as soon as it is read, the pairs when they are found. With a cache
	// entry, the sources list goes first, before the much larger corpus.
	const {pairs} = loadAnalysed(
		dir,
		{...options, onProgress},
		{
			onCorpus: corpus => {
				const chunks = jsonChunks(corpus.sources, packSource);
				port.postMessage({type: 'corpus', warnings: corpus.warnings, chunks} satisfies WorkerMessage, buffers(chunks));
			},
			onPreview: preview => port.postMessage({type: 'preview', preview} satisfies WorkerMessage),
		},
	);
	const chunks = jsonChunks(pairs);
	port.postMessage({type: 'pairs', chunks} satisfies WorkerMessage, buffers(chunks));
} catch (error) {
	port.postMessage({type: 'error', message: (error as Error).message} satisfies WorkerMessage);
}
