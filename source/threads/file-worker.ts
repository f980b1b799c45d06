// A thread of the pool that reads and analyses files: each task is a batch of files, each answer the batch's
// analyses (or why a file was skipped), in the batch's order. Everything here depends on one file alone.

import {parentPort} from 'node:worker_threads';
import {packFiles, type PackedFiles} from '../core/pack.js';
import {analyseFile, type FileAnalysis} from '../core/pipeline.js';
import type {Meta} from '../core/source.js';
import {type CorpusFile, readOne} from '../io/read-corpus.js';

export type FileTask = {files: CorpusFile[]; meta: Record<string, Partial<Meta>>; maxBytes: number; features: boolean};
/** The batch's analyses, packed, and the warnings of the files skipped, each with its place in the batch. */
export type FileOutcome = {packed: PackedFiles; skipped: {at: number; warning: string}[]};

const port = parentPort!;
port.on('message', (task: FileTask) => {
	const analysed: FileAnalysis[] = [];
	const skipped: FileOutcome['skipped'] = [];
	task.files.forEach((file, at) => {
		const read = readOne(file.path, file.id, task.maxBytes);
		if ('warning' in read) skipped.push({at, warning: read.warning});
		else analysed.push(analyseFile(file.id, read.bytes, task.meta[file.id], {features: task.features}));
	});
	const packed = packFiles(analysed);
	port.postMessage({packed, skipped} satisfies FileOutcome, [packed.u32.buffer as ArrayBuffer, packed.u8.buffer as ArrayBuffer]);
});
