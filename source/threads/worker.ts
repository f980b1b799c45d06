// The analysis thread: loads the corpus and finds reuse off the main thread, so the explorer draws and
// answers keys while a large corpus is read and compared. The corpus and the pairs travel as chunks of
// JSON (see core/chunks), which the main thread decodes between frames.

import {lowerThreadPriority} from './priority.js';
import {parentPort, workerData} from 'node:worker_threads';
import {type CacheOptions, type CorpusJson, streamAnalysed} from '../io/cache.js';
import {sourceJson} from '../core/pack.js';
import {buffers, chunksOfBytes, jsonChunks} from '../core/chunks.js';
import {familiesWithoutTexts, pairsWithoutTexts} from '../core/reuse-json.js';
import type {Reuse} from '../core/reuse.js';
import type {Corpus, Progress} from '../core/source.js';
import type {LoadOptions} from '../io/read-corpus.js';
import {isPassimFolder, loadPassimAnalysed} from '../io/passim.js';

export type WorkerRequest = {dir: string; options: Omit<LoadOptions, 'onProgress'> & CacheOptions};
export type WorkerMessage =
	/**
	 * `json`: the cached sources list as UTF-8 JSON, as stored, transferred (`previewOf` reads it). As objects,
	 * 100,000 rows took 0.6 s to arrive on the main thread, before the first frame; parsed there, about a
	 * fifth of that.
	 */
	| {type: 'preview'; json: Uint8Array}
	/** How far reading or comparing has gone; at most four a second (PROGRESS_EVERY_MS). */
	| {type: 'progress'; stage: string; done: number; total: number}
	/**
	 * `chunks`: JSON arrays of packed sources, in corpus order. With `streamed`, the sources came ahead in parts
	 * (`sent` of them), and `chunks` holds only those that differ from them, at the places `at` gives.
	 */
	| {type: 'corpus'; warnings: string[]; chunks: Uint8Array[]; streamed?: {sent: number; at: number[]}}
	/** A second launch's sources ahead of the corpus, a batch of files at a time: `index` is the batch's place. */
	| {type: 'corpus-part'; index: number; chunks: Uint8Array[]}
	/** `chunks`: JSON arrays of families, then of pairs; repeats and stock are small and come whole. */
	| {type: 'reuse'; families: Uint8Array[]; pairs: Uint8Array[]; repeats: Reuse['repeats']; stock: Reuse['stock']}
	| {type: 'error'; message: string};

const port = parentPort!;
lowerThreadPriority();
const {dir, options} = workerData as WorkerRequest;
/**
 * Progress is told at most this often: the explorer redraws the whole frame for each, which costs its thread
 * about 100 ms with a cached list of 100,000 sources, taken from the threads reading them. Four a second
 * still reads as moving.
 */
const PROGRESS_EVERY_MS = 250;
let told = 0;
const onProgress: Progress = (stage, done, total) => {
	const now = performance.now();
	if (now - told < PROGRESS_EVERY_MS && done < total) return;
	told = now;
	port.postMessage({type: 'progress', stage, done, total} satisfies WorkerMessage);
};
try {
	// The corpus goes to the explorer as soon as it is read, the pairs when they are found. With a cache
	// entry, the sources list goes first, before the much larger corpus. A passim run brings its families.
	const hooks = {
		onCorpus: ({json, warnings, streamed}: CorpusJson) => {
			const chunks = chunksOfBytes(json);
			port.postMessage({type: 'corpus', warnings, chunks, ...(streamed ? {streamed} : {})} satisfies WorkerMessage, buffers(chunks));
		},
		onPart: (index: number, sources: Uint8Array[]) => {
			const chunks = chunksOfBytes(sources);
			port.postMessage({type: 'corpus-part', index, chunks} satisfies WorkerMessage, buffers(chunks));
		},
		onPreview: (json: Uint8Array) => {
			port.postMessage({type: 'preview', json} satisfies WorkerMessage, [json.buffer as ArrayBuffer]);
		},
	};
	// A passim run's corpus is made here, not read from packed files: packed for the explorer as it is.
	const passimHooks = {
		onCorpus: (corpus: Corpus) => hooks.onCorpus({json: corpus.sources.map(sourceJson), warnings: corpus.warnings}),
	};
	const loaded = isPassimFolder(dir)
		? await loadPassimAnalysed(dir, {...options, onProgress}, passimHooks)
		: await streamAnalysed(dir, {...options, onProgress}, hooks);
	const {reuse} = loaded;
	// Reuse from the cache comes with its lines, already the chunks the explorer takes; reuse just found, with
	// the lines its cache entry is about to be written from (sent as copies: a buffer transferred is gone here).
	const given = 'chunks' in loaded ? loaded.chunks : undefined;
	const keep = 'keep' in loaded ? loaded.keep : undefined;
	const copy = (chunks: Uint8Array[]) => (keep ? chunks.map(c => c.slice()) : chunks);
	// Without the passages' texts, which the explorer cuts from its sources (core/reuse-json.ts).
	const families = given ? copy(given.families) : jsonChunks(familiesWithoutTexts(reuse.families));
	const pairs = given ? copy(given.pairs) : jsonChunks(pairsWithoutTexts(reuse.pairs));
	port.postMessage({type: 'reuse', families, pairs, repeats: reuse.repeats, stock: reuse.stock} satisfies WorkerMessage, [
		...new Set([...buffers(families), ...buffers(pairs)]),
	]);
	// The explorer has what it shows: now the cache, and the entries the file threads kept back.
	keep?.();
	if ('written' in loaded) await loaded.written;
} catch (error) {
	port.postMessage({type: 'error', message: (error as Error).message} satisfies WorkerMessage);
}
