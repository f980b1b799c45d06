// A thread of the pool that reads and analyses files: each task is a batch of files, each answer the batch's
// analyses (or why a file was skipped), in the batch's order. Everything here depends on one file alone.

import {lowerThreadPriority} from './priority.js';
import {parentPort} from 'node:worker_threads';
import type {GivenMeta} from '../core/source.js';
import {batchBuffers, joinParts, type PackedFiles, type PackedPart} from '../core/pack.js';
import {AS_PART} from '../io/file-cache.js';
import {type CorpusFile, readAnalysed} from '../io/read-corpus.js';
import {Store} from '../io/store.js';

export type FileTask = {
	files: CorpusFile[];
	meta: Record<string, GivenMeta>;
	maxBytes: number;
	features: boolean;
	/** Whether the batch's rows of the sources list are wanted (a first launch lists the files as they are read). */
	rows: boolean;
	/** Whether each source's JSON is wanted as UTF-8 (`PackedFiles.sources`: the explorer is sent the corpus). */
	sources: boolean;
	/** The analysis cache, where each file's analysis is kept by a hash of its bytes; null: not used. */
	cache: {root: string; maxBytes?: number} | null;
};
/** Told once the files are all read: the entries kept back are written now, and `{written: true}` answers. */
export type FlushTask = {flush: true};
/**
 * The batch's analyses packed together (the files skipped left out, with why), and how many came from the
 * cache. One packed batch, not a buffer a file: the main thread parses one JSON and makes one buffer a
 * batch, where a buffer and a decoder a file were half its time in a relaunch at 100,000 articles.
 */
export type FileOutcome = {packed: PackedFiles; skipped: string[]; hits: number; marks: string[]};

/**
 * Bytes of cache entries a thread keeps back while it reads, to write when it has read all its files: writing
 * 10,000 entries between the files took 1.6-5.7 s from a first launch's reading (creating files on a disk busy
 * writing back), where the threads are otherwise idle while the corpus is compared. Past this, the oldest are
 * written at once: a thread never holds more than this in entries (at 10,000 articles they are about 160 MB,
 * split over the threads).
 */
export const KEEP_BACK_BYTES = 96 * 1024 * 1024;

const port = parentPort!;
lowerThreadPriority();
let store: Store | null = null;
port.on('message', (task: FileTask | FlushTask) => {
	if ('flush' in task) {
		store?.flush();
		port.postMessage({written: true});
		return;
	}
	if (task.cache && store?.root !== task.cache.root) {
		store?.flush();
		store = new Store(task.cache.root, {maxBytes: task.cache.maxBytes});
		store.deferWrites(KEEP_BACK_BYTES);
	}
	const parts: PackedPart[] = [];
	const skipped: FileOutcome['skipped'] = [];
	const marks: string[] = [];
	let hits = 0;
	for (const file of task.files) {
		const out = readAnalysed(
			file,
			task.meta[file.id],
			{
				maxBytes: task.maxBytes,
				features: task.features,
				store: task.cache ? store : null,
			},
			AS_PART,
		);
		marks.push(out.mark);
		if ('warning' in out) {
			skipped.push(out.warning);
			continue;
		}
		parts.push(out.value);
		if (out.hit) hits++;
	}
	const packed = joinParts(parts, task);
	port.postMessage({packed, skipped, hits, marks} satisfies FileOutcome, batchBuffers(packed));
});
