// Reading and analysing a corpus on every core: the files are split into batches that a pool of threads reads
// and analyses (core/pipeline.ts: everything that depends on one file), and the batches are put back in corpus
// order here, where what needs the whole corpus is done. The result is the same as reading on one thread.

import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {type PackedFiles, type SourceShape, unpackFiles} from '../core/pack.js';
import {assembleCorpus, type FileAnalysis} from '../core/pipeline.js';
import type {SourceRow} from '../core/analysis.js';
import type {GivenMeta} from '../core/source.js';
import type {FileOutcome, FileTask, FlushTask} from '../threads/file-worker.js';
import {Pool, threadCount} from '../threads/pool.js';
import {DEFAULT_MAX_BYTES, type LoadOptions, prepareCorpus, type ReadResult, readCorpus, type Walk, warnUnnamed} from './read-corpus.js';

/** Files a task: small enough that the threads share the work evenly, large enough that messages are few. */
export const BATCH = 48;
/** Below this many files, starting threads costs more than it saves (CHURNSCOPE_PARALLEL_FROM overrides it, for tests). */
export const PARALLEL_FROM = 200;

function parallelFrom(env: NodeJS.ProcessEnv = process.env): number {
	const n = Number(env['CHURNSCOPE_PARALLEL_FROM']);
	return Number.isInteger(n) && n >= 0 ? n : PARALLEL_FROM;
}

/** The file worker, where the build put it (beside this code in dist/); null when running from the sources. */
function workerFile(): URL | null {
	const url = new URL('./file-worker.js', import.meta.url);
	return existsSync(fileURLToPath(url)) ? url : null;
}

export type FileCacheOptions = {
	/** Where each file's analysis is kept by a hash of its bytes (the analysis cache); absent: not kept. */
	fileCache?: {root: string; maxBytes?: number} | null;
};

export async function readCorpusParallel(
	dir: string,
	opts: LoadOptions & FileCacheOptions & {features?: boolean} = {},
): Promise<ReadResult> {
	const read = await readParallel(dir, opts);
	await read.written;
	return read.result();
}

/**
 * A corpus read on a pool of threads, before or after it is assembled. `packed` has every file read as its
 * thread packed it; `result()` unpacks what is still packed and assembles the corpus, once. A caller that
 * finds the corpus's analysis kept may send `packed` on as it is, and never unpack it here.
 */
export type ParallelRead = {
	marks: string[];
	/** The corpus's warnings: the folder's, each file skipped, each sidecar entry that names no file read. */
	warnings: string[];
	/**
	 * Each file read, in corpus order: its packed source as UTF-8 JSON (when `sourcesJson` asked for it) and its shape; null when read on this thread,
	 * or when the caller is done with it (set it to null, so that it is not kept through the matching).
	 */
	packed: {json: Uint8Array[]; shapes: SourceShape[]} | null;
	result(): ReadResult;
	/**
	 * Settles when the threads have written the cache entries they kept back and ended (never rejects): after
	 * the files are read, while the corpus is compared. Entries not written when the program ends are lost.
	 */
	written: Promise<void>;
};

/**
 * The sources list is told again once it holds this many times the rows it last had: the explorer builds the
 * list's model anew each time (about 90 ms at 10,000 rows), so a list told at every batch would take a core
 * from the threads reading; doubling, it is told about a dozen times at 100,000 files.
 */
export const ROWS_GROWTH = 2;

/**
 * What takes each batch's rows as it comes back and tells `onRows` the list as it grows: the batches from the
 * first on, up to the first not yet back, so that the list fills from the top in corpus order (a batch that
 * came back early would put rows above the cursor, and move what it points at).
 */
export function listing(batches: number, onRows?: (rows: SourceRow[]) => void): (index: number, rows: SourceRow[]) => void {
	if (!onRows) return () => {};
	const byBatch: (SourceRow[] | undefined)[] = new Array(batches);
	let ready = 0;
	let count = 0;
	let told = 0;
	return (index, rows) => {
		byBatch[index] = rows;
		while (ready < batches && byBatch[ready]) count += byBatch[ready++]!.length;
		if (count === 0 || count < told * ROWS_GROWTH) return;
		told = count;
		onRows(byBatch.slice(0, ready).flatMap(r => r ?? []));
	};
}

export async function readParallel(
	dir: string,
	/**
	 * `defer`: keep the batches packed as they come back, for a caller that may not need them unpacked here;
	 * `walk`: the folder as the caller already walked it.
	 */
	opts: LoadOptions &
		FileCacheOptions & {
			features?: boolean;
			defer?: boolean;
			walk?: Walk;
			/**
			 * Told the sources list so far, in corpus order, as the batches come back (each file's row before any reuse
			 * is found): after the first batch, then each time the list has doubled (ROWS_GROWTH).
			 */
			onRows?: (rows: SourceRow[]) => void;
			/** Each source's JSON is wanted as UTF-8, as its file's thread packed it (`packed.json`), for the explorer. */
			sourcesJson?: boolean;
			/**
			 * Given each batch's sources' JSON (with `sourcesJson`) as it comes back, by the batch's index, before the
			 * rest are read; never when the corpus is read on this thread (`packed` is then null).
			 */
			onPart?: (index: number, sources: Uint8Array[]) => void;
		} = {},
): Promise<ParallelRead> {
	const threads = threadCount();
	const file = workerFile();
	const prepared = prepareCorpus(dir, opts, opts.walk);
	const {files, sidecar, warnings} = prepared;
	if (threads <= 1 || !file || files.length < parallelFrom()) {
		const read = readCorpus(dir, opts, prepared);
		return {marks: read.marks, warnings: read.corpus.warnings, packed: null, result: () => read, written: Promise.resolve()};
	}
	const batches: (typeof files)[] = [];
	for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
	const pool = new Pool<FileTask, FileOutcome>(file, Math.min(threads, batches.length));
	const listed = listing(batches.length, opts.onRows);
	let done = 0;
	opts.onProgress?.('reading files', 0, files.length);
	let outcomes: {packed: PackedFiles; files: FileAnalysis[] | null; skipped: string[]; hits: number; marks: string[]}[];
	try {
		outcomes = await Promise.all(
			batches.map(async (batch, index) => {
				// No prototype: a file may be called `__proto__`.
				const meta: Record<string, GivenMeta> = Object.create(null);
				for (const f of batch) if (sidecar[f.id]) meta[f.id] = sidecar[f.id]!;
				const out = await pool.run({
					files: batch,
					meta,
					maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
					features: opts.features !== false,
					rows: opts.onRows !== undefined,
					sources: opts.sourcesJson === true,
					cache: opts.fileCache ?? null,
				});
				listed(index, out.packed.rows ?? []);
				if (out.packed.sources?.length) opts.onPart?.(index, out.packed.sources);
				// Unpacked here, as each batch comes back, while the threads read on: not all at the end.
				const unpacked = opts.defer ? null : unpackFiles(out.packed, false);
				// Unpacked, the heads' JSON is not needed again: only the sources' bytes are kept, for the explorer.
				if (unpacked) out.packed.json = '';
				done += batch.length;
				opts.onProgress?.('reading files', done, files.length);
				return {packed: out.packed, files: unpacked, skipped: out.skipped, hits: out.hits, marks: out.marks};
			}),
		);
	} catch (error) {
		await pool.close();
		throw error;
	}
	// The entries the threads kept back are written while the caller compares the corpus; then they end.
	const written = pool
		.broadcast<FlushTask, {written: true}>({flush: true})
		.then(
			() => pool.close(),
			() => pool.close(),
		)
		.catch(() => {});
	// Warnings and analyses in corpus order, as one thread would give them.
	const marks: string[] = [];
	const json: Uint8Array[] = [];
	const shapes: SourceShape[] = [];
	let fromCache = 0;
	for (const o of outcomes) {
		warnings.push(...o.skipped);
		fromCache += o.hits;
		marks.push(...o.marks);
		if (o.packed.sources) json.push(...o.packed.sources);
		shapes.push(...o.packed.shapes!);
	}
	warnUnnamed(
		shapes.map(x => x.id),
		sidecar,
		warnings,
	);
	let result: ReadResult | null = null;
	return {
		marks,
		warnings,
		written,
		packed: {json, shapes},
		result: () => {
			if (result) return result;
			const analysed = outcomes.flatMap(o => o.files ?? unpackFiles(o.packed, false));
			// The batches' JSON is not needed again: not kept through the matching that may follow.
			outcomes = [];
			const {corpus, features, changed, assembly} = assembleCorpus(dir, analysed, warnings);
			result = {corpus, features, analysed: analysed.length - fromCache, fromCache, marks, changed, assembly};
			return result;
		},
	};
}
