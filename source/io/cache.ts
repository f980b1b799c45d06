// A cache of the analysis, outside the corpus folder, keyed by the corpus's contents: a second launch on
// the same files skips parsing and reuse detection. Two kinds of entry, in one Store (store.ts: checksummed,
// written atomically, capped in size):
// - each file's analysis (sources, features), by a hash of its bytes (file-cache.ts), read on every core;
// - the reuse found in the whole corpus (families, pairs, repeats), by a hash of what was read of every file
//   (its entry's key, or why it was skipped), the options and the cache format;
// - beside it, the sources list to draw first, by the folder's listing (provisional: see previewKey).
// A stale entry cannot match its key; an entry that fails its checksum, or does not fit the corpus it is
// read for, is dropped and rebuilt; any failure of the cache only loses the cache. The reuse is stored as
// lines of JSON, never one string, so that a corpus of 100,000 articles, whose analysis is over the longest
// string the engine makes, is kept like a small one.

import {createHash} from 'node:crypto';
import {statSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {type SourceRow, sourceRows} from '../core/analysis.js';
import {jsonChunks} from '../core/chunks.js';
import {findReuse, type Reuse} from '../core/reuse.js';
import {familiesWithoutTexts, pairsWithoutTexts, restoreTexts} from '../core/reuse-json.js';
import type {Corpus, Source} from '../core/source.js';
import {type PackedSource, type SourceShape, shapeOf, sourceJson, unpackSource} from '../core/pack.js';
import {applyAssembly, type Assembly} from '../core/pipeline.js';
import {fileKey, skippedMark} from './file-cache.js';
import {DEFAULT_MAX_BYTES, type LoadOptions, prepareCorpus, readOne, type Walk, walkCorpus} from './read-corpus.js';
import {readParallel} from './read-parallel.js';
import {DEFAULT_STORE_BYTES, Store} from './store.js';
import {CACHE_VERSION} from './cache-version.js';

export {CACHE_VERSION};

export type CacheOptions = {
	/** false: neither read nor write the cache. */
	cache?: boolean;
	/** Size cap of the cache folder in bytes (--cache-size). */
	cacheSize?: number;
	/** The cache folder (default: cacheDir()). */
	cacheRoot?: string;
};

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
	return env['CHURNSCOPE_CACHE_DIR'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'churnscope');
}

/**
 * Cache bytes a corpus byte needs by default: its files' analyses are about four times the text (the text,
 * its figures, the features of its sentences), the reuse about one more; the rest is room for other
 * corpora. With a fixed cap, a corpus of 100,000 articles (380 MB) had its entries evicted as they were
 * written and was analysed again at every launch.
 */
export const CACHE_PER_CORPUS_BYTE = 8;

/** The cache's size cap: `--cache-size` when given, else 512 MB or room for this corpus, whichever is larger. */
export const cacheCap = (options: CacheOptions, corpusBytes = 0) =>
	options.cacheSize ?? Math.max(DEFAULT_STORE_BYTES, corpusBytes * CACHE_PER_CORPUS_BYTE);

export function openCache(options: CacheOptions = {}, corpusBytes = 0): Store {
	return new Store(options.cacheRoot ?? cacheDir(), {maxBytes: cacheCap(options, corpusBytes)});
}

/** The cache key of a corpus as it was read: the format, the options and what was read of each file (`ReadResult.marks`). */
export function keyOfRead(options: LoadOptions, marks: string[]): string {
	const h = createHash('sha256');
	h.update(
		`churnscope-cache-${CACHE_VERSION}\0${options.maxBytes ?? DEFAULT_MAX_BYTES}\0${options.maxFiles ?? ''}\0${options.follow ? 'follow' : ''}\0`,
	);
	for (const mark of marks) h.update(`${mark}\0`);
	return h.digest('hex').slice(0, 32);
}

/**
 * The cache key of a corpus folder as it is now, as a load would make it: every file the loader would read,
 * as it would see it (its bytes, name and sidecar entry), or the reason it skips one (its size, when that is
 * over the cap: a file that is skipped is never read for its key).
 */
export function corpusKey(dir: string, options: LoadOptions): string {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const {files, sidecar} = prepareCorpus(dir, options);
	const marks = files.map(f => {
		const read = readOne(f.path, f.id, maxBytes);
		return 'bytes' in read ? fileKey(f.id, read.bytes, sidecar[f.id], true) : skippedMark(read.warning);
	});
	return keyOfRead(options, marks);
}

/**
 * A key for the sources list shown first, from the folder's listing alone: the path of every file it would
 * read (and the sidecar's size and time), the options and the cache format. No file is read or even looked
 * at: hashing every file took 2 s at 100,000 articles before the first frame, and looking at each one's
 * size and time 0.65 s. The list is provisional: a file changed in place shows its old row until the corpus
 * is read, and then the list is the corpus's; a file added, removed or renamed changes the key.
 */
export function previewKey(dir: string, options: LoadOptions, walk = walkCorpus(dir, options)): string {
	const h = createHash('sha256');
	h.update(
		`churnscope-preview-${CACHE_VERSION}\0${options.maxBytes ?? DEFAULT_MAX_BYTES}\0${options.maxFiles ?? ''}\0${options.follow ? 'follow' : ''}\0`,
	);
	for (const w of walk.warnings) h.update(`${w}\0`);
	for (const f of walk.files) h.update(`${f.path}\0`);
	if (walk.sidecar !== null) {
		try {
			const st = statSync(walk.sidecar);
			h.update(`${walk.sidecar}\0${st.size}\0${st.mtimeMs}\0${st.ino}\0`);
		} catch {
			h.update(`${walk.sidecar}\0gone\0`);
		}
	}
	return h.digest('hex').slice(0, 32);
}

/**
 * The bytes of the files a load would read (a file over the cap is skipped and takes no room: a sparse
 * 100 GB file must not size the cache), from each one's size.
 */
export function corpusBytes(walk: Walk, options: LoadOptions): number {
	const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
	let bytes = 0;
	for (const f of walk.files) {
		try {
			const size = statSync(f.path).size;
			if (size <= max) bytes += size;
		} catch {
			// Gone: the load will say so.
		}
	}
	return bytes;
}

/**
 * The first line of a reuse entry; then come `families` lines, each a JSON array of families, then `pairs`
 * lines of pairs (core/chunks.ts: about 256 KB each).
 */
type ReuseHead = {
	version: number;
	key: string;
	families: number;
	pairs: number;
	repeats: Reuse['repeats'];
	stock: Reuse['stock'];
	/** What assembling the corpus changed in its sources: a relaunch applies it to those alone. */
	assembly: Assembly;
};

/**
 * The small part of an entry: the sources list as the explorer first shows it, read before the rest, and
 * the bytes its files had (what the cache is sized by on a relaunch, without looking at every file).
 * `reading`: instead, the rows of the files read so far on a first launch, before any reuse is found
 * (`readingPreview`).
 */
export type Preview = {version: number; key: string; rows: SourceRow[]; warnings: string[]; bytes: number; reading?: boolean};

const corpusEntry = (key: string) => `corpus-${key}`;
const previewEntry = (key: string) => `rows-${key}`;
const NEWLINE = Uint8Array.of(0x0a);

/**
 * Reuse as kept, with its lines of families and of pairs as they are stored (JSON arrays, as core/chunks makes
 * them), and what assembling the corpus changed.
 */
export type KeptReuse = {reuse: Reuse; chunks: {families: Uint8Array[]; pairs: Uint8Array[]}; assembly: Assembly};

/** A corpus entry read and its head checked; its lines of families and of pairs not yet parsed. */
type Entry = {head: ReuseHead; lines: Uint8Array[]};

/**
 * The corpus entry of a key with its head checked, or null when there is none or it is unreadable, corrupt or
 * of another shape (and then it is dropped).
 */
function readEntry(key: string, store: Store): Entry | null {
	const stored = store.get(corpusEntry(key));
	if (!stored) return null;
	try {
		// Copied out of the store's buffer (which may be a slice of Node's shared pool), so it can be transferred.
		const bytes = Uint8Array.from(stored);
		const lines: Uint8Array[] = [];
		for (let at = 0; at <= bytes.length; ) {
			const end = bytes.indexOf(0x0a, at);
			const to = end < 0 ? bytes.length : end;
			lines.push(bytes.subarray(at, to));
			at = to + 1;
		}
		const head: unknown = JSON.parse(new TextDecoder().decode(lines[0]));
		if (!isReuseHead(head, key) || lines.length !== 1 + head.families + head.pairs) throw new Error('not a reuse entry');
		return {head, lines};
	} catch {
		store.delete(corpusEntry(key));
		return null;
	}
}

/** The reuse an entry holds, not yet checked against the corpus (see `fitsCorpus`); null (and dropped) when it is corrupt. */
function reuseOf({head, lines}: Entry, key: string, store: Store): KeptReuse | null {
	try {
		const utf8 = new TextDecoder();
		const items = (chunks: Uint8Array[]): unknown[] =>
			chunks.flatMap(line => {
				const chunk: unknown = JSON.parse(utf8.decode(line));
				if (!Array.isArray(chunk)) throw new Error('not a reuse entry');
				return chunk;
			});
		const chunks = {families: lines.slice(1, 1 + head.families), pairs: lines.slice(1 + head.families)};
		const families = items(chunks.families) as Reuse['families'];
		const pairs = items(chunks.pairs) as Reuse['pairs'];
		return {reuse: {families, pairs, repeats: head.repeats, stock: head.stock}, chunks, assembly: head.assembly};
	} catch {
		store.delete(corpusEntry(key));
		return null;
	}
}

/**
 * The reuse kept for a corpus key, not yet checked against the corpus (see `fitsCorpus`), its members' and
 * sides' texts left out (see core/reuse-json.ts); null when there is
 * none, or it is unreadable, corrupt or of another shape (and then it is dropped). Its lines come too, in a
 * buffer of their own, so that the analysis thread hands them to the explorer as they are rather than
 * encoding the same JSON again (at 100,000 articles, 316 MB).
 */
export function readReuse(key: string, store = openCache()): KeptReuse | null {
	const entry = readEntry(key, store);
	return entry && reuseOf(entry, key, store);
}

export function readPreview(key: string, store = openCache()): Preview | null {
	return store.getJson(previewEntry(key), (v): v is Preview => isPreview(v, key));
}

/** A stored sources list parsed and checked; null (and the entry dropped) when it is not one. */
function checkedPreview(stored: Buffer, key: string, store: Store): Preview | null {
	try {
		const v: unknown = JSON.parse(stored.toString('utf8'));
		if (isPreview(v, key)) return v;
	} catch {
		// Dropped below.
	}
	store.delete(previewEntry(key));
	return null;
}

/**
 * A sources list as sent to the explorer (its stored JSON), checked there: its shape, not its key, which the
 * thread that read it checks; null when it is not one.
 */
export function previewOf(json: Uint8Array): Preview | null {
	try {
		const v: unknown = JSON.parse(new TextDecoder().decode(json));
		return isObj(v) && typeof v['key'] === 'string' && isPreview(v, v['key']) ? v : null;
	} catch {
		return null;
	}
}

/**
 * The sources list of the files read so far, as a kept list is sent (`previewOf` reads it): each row as its
 * file alone gives it, before the corpus is compared.
 */
export function readingPreview(rows: SourceRow[], key: string): Uint8Array {
	const preview: Preview = {version: CACHE_VERSION, key, rows, warnings: [], bytes: 0, reading: true};
	return new TextEncoder().encode(JSON.stringify(preview));
}

/**
 * Write the reuse found in a corpus and what its assembly changed, and its sources list (under `rowsKey`); a
 * failure only loses the cache.
 */
export function writeCache(
	corpus: Corpus,
	reuse: Reuse,
	assembly: Assembly,
	key: string,
	rowsKey: string,
	store = openCache(),
	{families, pairs} = reuseChunks(reuse),
): void {
	const head: ReuseHead = {
		version: CACHE_VERSION,
		key,
		families: families.length,
		pairs: pairs.length,
		repeats: reuse.repeats,
		stock: reuse.stock,
		assembly,
	};
	const parts: Uint8Array[] = [Buffer.from(JSON.stringify(head), 'utf8')];
	for (const chunk of [...families, ...pairs]) parts.push(NEWLINE, chunk);
	if (store.put(corpusEntry(key), parts)) writePreview(corpus, reuse, rowsKey, store);
}

/** The reuse as its entry's lines and the explorer's chunks: families and pairs without their passages' texts. */
export function reuseChunks(reuse: Reuse): KeptReuse['chunks'] {
	return {families: jsonChunks(familiesWithoutTexts(reuse.families)), pairs: jsonChunks(pairsWithoutTexts(reuse.pairs))};
}

function writePreview(corpus: Corpus, reuse: Reuse, rowsKey: string, store: Store): void {
	const preview: Preview = {
		version: CACHE_VERSION,
		key: rowsKey,
		rows: sourceRows(corpus.sources, reuse.pairs),
		warnings: corpus.warnings,
		bytes: corpus.sources.reduce((t, s) => t + s.bytes, 0),
	};
	store.putJson(previewEntry(rowsKey), preview);
}

/**
 * The corpus and the reuse found in it (families, pairs, repeats), from the cache when the files are
 * unchanged; `cache: false` bypasses it. The files' analyses come from their own entries, read on every
 * core (a file that changed, or whose entry was dropped, is analysed again), the reuse from the corpus's
 * entry. `onPreview` hears of the cached sources list as soon as it is read.
 */
export async function loadAnalysed(
	dir: string,
	options: LoadOptions & CacheOptions,
	hooks: {onPreview?: (preview: Preview) => void} = {},
): Promise<{corpus: Corpus; reuse: Reuse; cached: boolean}> {
	const read = await loadWith(dir, options, {...hooks, passOn: false});
	read.keep?.();
	await read.written;
	return {corpus: read.corpus!, reuse: read.reuse, cached: read.cached};
}

/**
 * A corpus as the explorer's thread is sent it: each source packed as UTF-8 JSON, in order, and the corpus's
 * warnings. With `streamed`, the sources went ahead batch by batch (`onPart`), `sent` of them in all, and
 * `json` holds only those that differ from what was sent, at the places `at` gives.
 */
export type CorpusJson = {json: Uint8Array[]; warnings: string[]; streamed?: {sent: number; at: number[]}};

const UTF8_IN = new TextDecoder();

/**
 * The corpus and its reuse as the explorer takes them: `onCorpus` is given the corpus as JSON as soon as it
 * is read, and the reuse comes with its lines as they are stored. On a second launch (the sources list was
 * kept), the files' batches are kept packed as the threads made them; when the corpus's reuse is kept too,
 * they go on as they are, only the sources the kept assembly names made again, and nothing is unpacked here:
 * at 100,000 articles this thread spent most of a relaunch unpacking sources only to pack them again.
 * With `chunks` (the reuse kept), the explorer takes the families and pairs from them: the objects in `reuse`
 * may then be without their passages' texts (core/reuse-json.ts); only its repeats and stock are for use.
 */
export async function streamAnalysed(
	dir: string,
	options: LoadOptions & CacheOptions,
	/** `onPreview`: the kept sources list's JSON as stored (`previewOf` reads it), sent before it is parsed here. */
	hooks: {
		onCorpus: (corpus: CorpusJson) => void;
		onPreview?: (json: Uint8Array) => void;
		/**
		 * On a second launch (the sources list kept), each batch's sources' JSON as its thread made it, by the batch's
		 * index, while the rest are read: the explorer parses them meanwhile, where it used to wait for all of them
		 * and parse them at the end (1.5 s of its time at 10,000 articles, after the threads were done). `onCorpus`
		 * then says what changed since (`CorpusJson.streamed`).
		 */
		onPart?: (index: number, sources: Uint8Array[]) => void;
	},
): Promise<Omit<Loaded, 'corpus' | 'cached'>> {
	return loadWith(dir, options, {onCorpus: hooks.onCorpus, onPreviewJson: hooks.onPreview, onPart: hooks.onPart, passOn: true});
}

/**
 * What a load gives. `chunks`: the reuse as the explorer takes it (from the cache's lines, or encoded once for
 * the cache and the explorer alike). `keep`: write the reuse found to the cache; a caller that shows it calls
 * this after (at 10,000 articles writing it took a second before the explorer was told). `written`: settles
 * when the file threads have written the entries they kept back.
 */
type Loaded = {
	corpus: Corpus | null;
	reuse: Reuse;
	cached: boolean;
	chunks?: KeptReuse['chunks'];
	keep?: () => void;
	written: Promise<void>;
};

/** What `loadAnalysed` and `streamAnalysed` share: `passOn`, the corpus goes to `onCorpus` as JSON, and may never be unpacked here. */
async function loadWith(
	dir: string,
	options: LoadOptions & CacheOptions,
	hooks: {
		onCorpus?: (corpus: CorpusJson) => void;
		onPreview?: (preview: Preview) => void;
		onPreviewJson?: (json: Uint8Array) => void;
		onPart?: (index: number, sources: Uint8Array[]) => void;
		passOn: boolean;
	},
): Promise<Loaded> {
	const walk = walkCorpus(dir, options);
	const quick = options.cache === false ? null : previewKey(dir, options, walk);
	const wanted = Boolean(hooks.onPreview ?? hooks.onPreviewJson);
	const lists = openCache(options);
	const stored = quick && wanted ? lists.get(previewEntry(quick)) : null;
	// The list goes to the explorer as stored, before it is parsed here: at 100,000 articles, parsing and
	// encoding it again delayed the first frame by over a second. It is checked on both sides.
	if (stored) hooks.onPreviewJson?.(Uint8Array.from(stored));
	const preview = quick && stored ? checkedPreview(stored, quick, lists) : null;
	if (preview) hooks.onPreview?.(preview);
	// Sized for this corpus: by the bytes its files had when the list was kept, else by looking at each.
	const store = quick ? openCache(options, preview?.bytes ?? corpusBytes(walk, options)) : null;
	// Sent ahead as read only when the list was kept: on a first launch the explorer parses the corpus while the
	// reuse is found (a core is free then), not while every core reads.
	const streamed = hooks.passOn && preview !== null && hooks.onPart !== undefined;
	const read = await readParallel(dir, {
		...options,
		walk,
		fileCache: store ? {root: store.root, maxBytes: store.maxBytes} : null,
		// The list was kept, so the reuse likely is: the batches may never need unpacking.
		defer: hooks.passOn && preview !== null,
		// What goes to the explorer as it is: each source's JSON as its file's thread made it.
		sourcesJson: hooks.passOn,
		// No list was kept: the explorer lists the files as they are read, rather than a count for a minute.
		onRows: hooks.onPreviewJson && !stored ? rows => hooks.onPreviewJson!(readingPreview(rows, quick ?? '')) : undefined,
		onPart: streamed ? hooks.onPart : undefined,
	});
	// The parts went ahead only from a pool of threads (`packed`): the corpus says what changed since.
	const sentAhead = streamed && read.packed !== null;
	const {written} = read;
	// The key of what was read, not of the folder before or after: a file changed meanwhile cannot bring reuse
	// found in other text.
	const key = store ? keyOfRead(options, read.marks) : '';
	if (hooks.passOn && read.packed && store && preview) {
		// The corpus goes first, with the kept assembly (in the entry's head) applied; then the reuse is parsed
		// and checked, while the explorer parses the corpus. Should the reuse not fit, the corpus is assembled
		// here and sent again, and the reuse found again.
		const entry = readEntry(key, store);
		const changed = entry && assembledChanges(read.packed.json, entry.head.assembly);
		if (entry && changed) {
			hooks.onCorpus?.(corpusJson(read.packed.json, changed, read.warnings, sentAhead));
			const kept = reuseOf(entry, key, store);
			if (kept && fitsShapes(kept.reuse, read.packed.shapes))
				return {corpus: null, reuse: kept.reuse, cached: true, chunks: kept.chunks, written};
		}
		store.delete(corpusEntry(key));
	}
	const {corpus, features, assembly, changed} = read.result();
	// Each source as its file's thread packed it, unless the corpus's assembly changed it since.
	const packed = read.packed?.json;
	read.packed = null;
	const remade = new Map<number, Uint8Array>();
	for (const [i, s] of corpus.sources.entries()) if (changed.has(i) || !packed?.[i]) remade.set(i, sourceJson(s));
	hooks.onCorpus?.(corpusJson(packed ?? [], remade, corpus.warnings, sentAhead));
	// Not kept through the matching that follows.
	packed?.splice(0);
	const kept = store ? readReuse(key, store) : null;
	if (kept && fitsCorpus(kept.reuse, corpus.sources)) {
		const texts = new Map(corpus.sources.map(s => [s.id, s.text]));
		restoreTexts(kept.reuse.families, kept.reuse.pairs, id => texts.get(id));
		// The list shown first was asked for and missing (evicted, or the files touched): kept for next time.
		if (wanted && !preview && quick) writePreview(corpus, kept.reuse, quick, store!);
		return {corpus, reuse: kept.reuse, cached: true, chunks: kept.chunks, written};
	}
	if (kept) store!.delete(corpusEntry(key));
	const reuse = findReuse(corpus.sources, {onProgress: options.onProgress, features});
	if (!store || !quick || corpus.sources.length === 0) return {corpus, reuse, cached: false, written};
	const chunks = reuseChunks(reuse);
	return {corpus, reuse, cached: false, chunks, keep: () => writeCache(corpus, reuse, assembly, key, quick, store, chunks), written};
}

/**
 * The corpus to send: each source's JSON as its file's thread packed it, but those `changed` gives (by index);
 * when the sources went ahead (`sentAhead`), only those. With no packed sources, `changed` holds them all.
 */
function corpusJson(packed: Uint8Array[], changed: Map<number, Uint8Array>, warnings: string[], sentAhead: boolean): CorpusJson {
	if (sentAhead) return {json: [...changed.values()], warnings, streamed: {sent: packed.length, at: [...changed.keys()]}};
	const count = Math.max(packed.length, changed.size);
	return {json: Array.from({length: count}, (_, i) => changed.get(i) ?? packed[i]!), warnings};
}

/**
 * A kept assembly applied to the sources it names (unpacked, changed and packed again): their JSON by index;
 * null when the assembly does not fit the sources.
 */
function assembledChanges(json: Uint8Array[], assembly: Assembly): Map<number, Uint8Array> | null {
	const changed = new Map<number, Source>();
	try {
		applyAssembly(assembly, i => {
			if (!Number.isInteger(i) || i < 0 || i >= json.length) throw new Error('no such source');
			const s = changed.get(i) ?? unpackSource(JSON.parse(UTF8_IN.decode(json[i]!)) as PackedSource);
			changed.set(i, s);
			return s;
		});
	} catch {
		return null;
	}
	return new Map([...changed].map(([i, s]) => [i, sourceJson(s)]));
}

// ---------- the shape of an entry ----------
// An entry of the right checksum can still be of the wrong shape: written by another version with the same
// format number, or by hand. Everything the program later indexes by is checked here, so that such an
// entry is a miss and not a crash in every later run.

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isIndex = (v: unknown, length: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < length;
const isStrOrNull = (v: unknown) => v === null || isStr(v);
const everyOf = <T>(v: unknown, test: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(x => test(x));
const isSpan = (v: Record<string, unknown>, textLength: number) =>
	isNum(v['start']) && isNum(v['end']) && v['start'] >= 0 && v['start'] <= v['end'] && v['end'] <= textLength;

function isFigure(v: unknown): boolean {
	return (
		isObj(v) &&
		isNum(v['start']) &&
		isNum(v['end']) &&
		isStr(v['text']) &&
		isStr(v['kind']) &&
		(isNum(v['value']) || isStr(v['value'])) &&
		isStrOrNull(v['unit']) &&
		isStrOrNull(v['qualifier'])
	);
}

function isPair(v: unknown, sentencesOf: Shape): boolean {
	if (!isObj(v) || !isNum(v['similarity']) || !isStr(v['kind']) || !isStr(v['direction'])) return false;
	if (!(v['family'] === null || v['family'] === undefined || isNum(v['family']))) return false;
	const sides = [v['a'], v['b']];
	for (const side of sides) {
		if (!isObj(side) || !isStr(side['source']) || !isStr(side['text'])) return false;
		const of = sentencesOf.get(side['source']);
		if (!of || !isSpan(side, of.length)) return false;
		const s = side['sentences'];
		if (!Array.isArray(s) || s.length !== 2 || !isIndex(s[0], of.sentences) || !isIndex(s[1], of.sentences)) return false;
	}
	const [a, b] = sides.map(s => sentencesOf.get((s as {source: string}).source)!.sentences) as [number, number];
	if (!Array.isArray(v['parts']) || !Array.isArray(v['figures'])) return false;
	for (const p of v['parts']) {
		if (!isObj(p) || !isIndex(p['a'], a) || !isIndex(p['b'], b) || !isNum(p['similarity']) || !isStr(p['kind'])) return false;
	}
	return v['figures'].every(
		(f: unknown) => isObj(f) && isStr(f['status']) && (f['a'] === null || isFigure(f['a'])) && (f['b'] === null || isFigure(f['b'])),
	);
}

type Shape = Map<string, {sentences: number; length: number}>;

function isMember(v: unknown, shape: Shape): v is Record<string, unknown> {
	if (!isObj(v) || !isStr(v['source']) || !isStr(v['text']) || !isStr(v['kind']) || !isNum(v['similarity'])) return false;
	if (!isStrOrNull(v['date']) || !isStrOrNull(v['publisher'])) return false;
	const of = shape.get(v['source']);
	if (!of || !isSpan(v, of.length)) return false;
	const s = v['sentences'];
	if (!Array.isArray(s) || s.length !== 2 || !isIndex(s[0], of.sentences) || !isIndex(s[1], of.sentences)) return false;
	return Array.isArray(v['slots']) && v['slots'].every(x => x === -1 || isIndex(x, of.sentences)) && Array.isArray(v['parts']);
}

function isFamily(v: unknown, shape: Shape): boolean {
	if (!isObj(v) || !isNum(v['id']) || !isNum(v['slots']) || !isStrOrNull(v['first']) || !isStrOrNull(v['last'])) return false;
	const members = v['members'];
	if (!Array.isArray(members) || !members.every(m => isMember(m, shape)) || !isIndex(v['origin'], members.length)) return false;
	const origin = shape.get(members[v['origin'] as number]!['source'] as string)!;
	for (const m of members as Record<string, unknown>[]) {
		const own = shape.get(m['source'] as string)!;
		for (const p of m['parts'] as unknown[]) {
			if (!isObj(p) || !isIndex(p['a'], origin.sentences) || !isIndex(p['b'], own.sentences) || !isNum(p['similarity'])) return false;
		}
	}
	const reach = v['reach'];
	if (!isObj(reach) || !isNum(reach['sources']) || !isNum(reach['publishers'])) return false;
	const figures = v['figures'];
	if (!isObj(figures) || !Array.isArray(figures['rows']) || !Array.isArray(figures['added'])) return false;
	const cell = (c: unknown) => isObj(c) && isStr(c['status']) && (c['figure'] === null || isFigure(c['figure']));
	return (
		figures['rows'].every(
			(r: unknown) =>
				isObj(r) && isFigure(r['figure']) && Array.isArray(r['cells']) && r['cells'].length === members.length && r['cells'].every(cell),
		) && figures['added'].every((a: unknown) => isObj(a) && isIndex(a['member'], members.length) && isFigure(a['figure']))
	);
}

/** `{source, sentence}` naming a sentence there is (`of` too, for a repeat). */
const isSentenceRef = (v: unknown, shape: Shape, withOf: boolean) => {
	if (!isObj(v) || !isStr(v['source'])) return false;
	const of = shape.get(v['source']);
	return !!of && isIndex(v['sentence'], of.sentences) && (!withOf || isIndex(v['of'], of.sentences));
};

function isReuseHead(v: unknown, key: string): v is ReuseHead {
	return (
		isObj(v) &&
		v['version'] === CACHE_VERSION &&
		v['key'] === key &&
		Number.isInteger(v['families']) &&
		(v['families'] as number) >= 0 &&
		Number.isInteger(v['pairs']) &&
		(v['pairs'] as number) >= 0 &&
		Array.isArray(v['repeats']) &&
		Array.isArray(v['stock']) &&
		isAssembly(v['assembly'])
	);
}

/** An assembly's shape (whether its indexes fit the corpus is known when it is applied). */
function isAssembly(v: unknown): v is Assembly {
	if (!isObj(v) || !Array.isArray(v['sameAs']) || !Array.isArray(v['furniture'])) return false;
	const isPairOf = (x: unknown, second: (y: unknown) => boolean) =>
		Array.isArray(x) && x.length === 2 && Number.isInteger(x[0]) && second(x[1]);
	return (
		v['sameAs'].every(x => isPairOf(x, isStr)) &&
		v['furniture'].every(x => isPairOf(x, y => Array.isArray(y) && y.every(b => Number.isInteger(b))))
	);
}

/** Whether kept reuse names only sources, sentences and offsets this corpus has. */
export function fitsCorpus(reuse: Reuse, sources: Source[]): boolean {
	return fitsShapes(reuse, sources.map(shapeOf));
}

/** `fitsCorpus` against each source's shape alone. */
export function fitsShapes(reuse: Reuse, shapes: SourceShape[]): boolean {
	const shape: Shape = new Map(shapes.map(s => [s.id, {sentences: s.sentences, length: s.length}]));
	const {families, pairs, repeats, stock} = reuse as {[K in keyof Reuse]: unknown[]};
	return (
		pairs.every(p => isPair(p, shape)) &&
		families.every(f => isFamily(f, shape)) &&
		repeats.every(r => isSentenceRef(r, shape, true)) &&
		stock.every(x => isSentenceRef(x, shape, false))
	);
}

function isRelation(v: unknown): boolean {
	return isObj(v) && isStr(v['source']) && isNum(v['share']);
}

function isRow(v: unknown): v is SourceRow {
	return (
		isObj(v) &&
		isStr(v['source']) &&
		isStr(v['title']) &&
		isStrOrNull(v['publisher']) &&
		isStrOrNull(v['date']) &&
		isNum(v['words']) &&
		isNum(v['passages']) &&
		isNum(v['reused']) &&
		isNum(v['figures']) &&
		isNum(v['reach']) &&
		Array.isArray(v['copiedFrom']) &&
		v['copiedFrom'].every(isRelation) &&
		Array.isArray(v['copiedBy']) &&
		v['copiedBy'].every(isRelation)
	);
}

function isPreview(v: unknown, key: string): v is Preview {
	return (
		isObj(v) &&
		v['version'] === CACHE_VERSION &&
		v['key'] === key &&
		everyOf(v['rows'], isRow) &&
		everyOf(v['warnings'], isStr) &&
		isNum(v['bytes']) &&
		v['bytes'] >= 0
	);
}
