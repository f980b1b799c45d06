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
/**
 * The batch's analyses packed together (the files skipped left out, with why), and how many came from the
 * cache. One packed batch, not a buffer a file: the main thread parses one JSON and makes one buffer a
 * batch, where a buffer and a decoder a file were half its time in a relaunch at 100,000 articles.
 */
export type FileOutcome = {packed: PackedFiles; skipped: string[]; hits: number; marks: string[]};

const port = parentPort!;
lowerThreadPriority();
let store: Store | null = null;
port.on('message', (task: FileTask) => {
	if (task.cache && store?.root !== task.cache.root) store = new Store(task.cache.root, {maxBytes: task.cache.maxBytes});
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
