// A thread of the pool that reads and analyses files: each task is a batch of files, each answer the batch's
// analyses (or why a file was skipped), in the batch's order. Everything here depends on one file alone.

import {parentPort} from 'node:worker_threads';
import type {GivenMeta} from '../core/source.js';
import {analysePacked} from '../io/file-cache.js';
import {type CorpusFile, readOne} from '../io/read-corpus.js';
import {Store} from '../io/store.js';

export type FileTask = {
	files: CorpusFile[];
	meta: Record<string, GivenMeta>;
	maxBytes: number;
	features: boolean;
	/** The analysis cache, where each file's analysis is kept by a hash of its bytes; null: not used. */
	cache: {root: string; maxBytes?: number} | null;
};
/** Each file of the batch analysed and packed (null where it was skipped, with why); how many came from the cache. */
export type FileOutcome = {packed: (Uint8Array | null)[]; skipped: {at: number; warning: string}[]; hits: number};

const port = parentPort!;
let store: Store | null = null;
port.on('message', (task: FileTask) => {
	if (task.cache && store?.root !== task.cache.root) store = new Store(task.cache.root, {maxBytes: task.cache.maxBytes});
	const packed: FileOutcome['packed'] = [];
	const skipped: FileOutcome['skipped'] = [];
	let hits = 0;
	task.files.forEach((file, at) => {
		const read = readOne(file.path, file.id, task.maxBytes);
		if ('warning' in read) {
			skipped.push({at, warning: read.warning});
			packed.push(null);
			return;
		}
		const out = analysePacked(file.id, read.bytes, task.meta[file.id], {features: task.features, store: task.cache ? store : null});
		if (out.hit) hits++;
		// Its own buffer, to be transferred: a small Buffer read from disk may share Node's pool with others.
		const own = out.packed.byteOffset === 0 && out.packed.byteLength === out.packed.buffer.byteLength ? out.packed : out.packed.slice();
		packed.push(own);
	});
	const buffers = packed.filter((p): p is Uint8Array => p !== null).map(p => p.buffer as ArrayBuffer);
	port.postMessage({packed, skipped, hits} satisfies FileOutcome, [...new Set(buffers)]);
});
