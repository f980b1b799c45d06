// Starts the analysis thread as early as possible: the CLI calls this before it loads Ink, so the corpus
// is read on the worker while the main thread is still compiling the interface. The worker's chunks of
// JSON are decoded here between frames, and the events that arrive before the explorer listens are kept
// and handed over, in order, when it does.

import {Worker} from 'node:worker_threads';
import {unpackSource, type PackedSource} from '../core/pack.js';
import {type Preview, previewOf} from '../io/cache.js';
import {parseChunks} from '../core/chunks.js';
import {restoreTexts} from '../core/reuse-json.js';
import type {Corpus, Source} from '../core/source.js';
import type {Reuse} from '../core/reuse.js';
import type {Family, Pair} from '../core/types.js';
import type {WorkerMessage, WorkerRequest} from './worker.js';

export type AnalysisEvent =
	| {type: 'preview'; preview: Preview}
	| {type: 'progress'; stage: string; done: number; total: number}
	| {type: 'corpus'; corpus: Corpus}
	| {type: 'reuse'; reuse: Reuse}
	| {type: 'error'; message: string};

export type AnalysisThread = {
	/** Receive every event, starting with those that arrived before this call. One listener. */
	listen(listener: (event: AnalysisEvent) => void): void;
	terminate(): Promise<void>;
};

export function startAnalysis(dir: string, options: WorkerRequest['options']): AnalysisThread {
	const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: {dir, options} satisfies WorkerRequest});
	const queued: AnalysisEvent[] = [];
	let listener: ((event: AnalysisEvent) => void) | null = null;
	const deliver = (event: AnalysisEvent) => {
		if (listener) listener(event);
		else queued.push(event);
	};
	// Messages are decoded one after another, so events keep the worker's order.
	let decoding = Promise.resolve();
	const decodeMessage = messageDecoder(dir);
	const receive = (message: WorkerMessage) => {
		decoding = decoding
			.then(async () => {
				const event = await decodeMessage(message);
				if (event) deliver(event);
			})
			.catch((error: Error) => deliver({type: 'error', message: `analysis failed: ${error.message}`}));
	};
	worker.on('message', receive);
	worker.on('error', error => receive({type: 'error', message: `analysis failed: ${error.message}`}));
	return {
		listen(l) {
			listener = l;
			for (const event of queued.splice(0)) l(event);
		},
		async terminate() {
			await worker.terminate();
		},
	};
}

/**
 * How the explorer takes the worker's messages, one after another: chunks parsed (between frames) into the
 * corpus or the reuse, whose passages' texts are cut from the corpus's sources (they travel without them,
 * core/reuse-json.ts); null: nothing to take.
 */
export function messageDecoder(dir: string): (message: WorkerMessage) => Promise<AnalysisEvent | null> {
	let texts = new Map<string, string>();
	/** The sources sent ahead, by batch: parsed as they come, while the files are still being read. */
	const parts: Source[][] = [];
	return async message => {
		if (message.type === 'corpus-part') {
			parts[message.index] = await parseChunks<PackedSource, Source>(message.chunks, unpackSource);
			return null;
		}
		if (message.type === 'corpus') {
			const given = await parseChunks<PackedSource, Source>(message.chunks, unpackSource);
			let sources = given;
			if (message.streamed) {
				// The parts in corpus order (a new array each time: a corpus sent again changes other sources).
				sources = parts.flat();
				if (sources.length !== message.streamed.sent) throw new Error(`${message.streamed.sent - sources.length} sources did not arrive`);
				message.streamed.at.forEach((i, k) => {
					sources[i] = given[k]!;
				});
			}
			texts = new Map(sources.map(s => [s.id, s.text]));
			return {type: 'corpus', corpus: {dir, sources, warnings: message.warnings}};
		}
		if (message.type === 'preview') {
			// A list that is not one is not drawn: the corpus, when read, is.
			const preview = previewOf(message.json);
			return preview ? {type: 'preview', preview} : null;
		}
		if (message.type === 'reuse') {
			const families = await parseChunks<Family>(message.families);
			const pairs = await parseChunks<Pair>(message.pairs);
			// The worker sends the corpus first: its texts are here.
			restoreTexts(families, pairs, id => texts.get(id));
			return {type: 'reuse', reuse: {families, pairs, repeats: message.repeats, stock: message.stock}};
		}
		return message;
	};
}
