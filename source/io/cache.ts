// A cache of the analysis, outside the corpus folder, keyed by the corpus's contents: a second launch on
// the same files skips parsing and reuse detection. A stale entry cannot match (the key is a hash of every
// file as the loader sees it, the options and the cache format). Entries live in a Store (store.ts):
// checksummed, written atomically, capped in size; an entry that fails its checksum or is not of the shape
// this version writes is dropped and rebuilt, and any failure of the cache only loses the cache.

import {createHash} from 'node:crypto';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {type SourceRow, sourceRows} from '../core/analysis.js';
import {type PackedSource, packSource, unpackSource} from '../core/pack.js';
import {findReuse, type Reuse} from '../core/reuse.js';
import type {Corpus} from '../core/source.js';
import {DEFAULT_MAX_BYTES, type LoadOptions, readOne, readSidecarBytes, SIDECAR, walkCorpus} from './read-corpus.js';
import {readCorpusParallel} from './read-parallel.js';
import {Store} from './store.js';
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

export function openCache(options: CacheOptions = {}): Store {
	return new Store(options.cacheRoot ?? cacheDir(), {maxBytes: options.cacheSize});
}

/**
 * The cache key of a corpus folder: a hash over the options, the format and every file the loader would
 * read, each as the loader would see it: the bytes of a file it reads, or the reason it skips one (its
 * size, when that is over the cap: a file that is skipped is never read for its key).
 */
export function corpusKey(dir: string, options: LoadOptions): string {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const h = createHash('sha256');
	h.update(`churnscope-cache-${CACHE_VERSION}\0${maxBytes}\0${options.maxFiles ?? ''}\0${options.follow ? 'follow' : ''}\0`);
	const walk = walkCorpus(dir, options);
	for (const w of walk.warnings) h.update(`${w}\0`);
	for (const file of walk.files) {
		h.update(`${file.id}\0`);
		const read = readOne(file.path, file.id, maxBytes);
		h.update('bytes' in read ? read.bytes : `\0skipped\0${read.warning}`);
		h.update('\0');
	}
	const sidecar = readSidecarBytes(walk.sidecar);
	h.update(`${SIDECAR}\0`);
	if (sidecar) h.update('bytes' in sidecar ? sidecar.bytes : `\0skipped\0${sidecar.skipped}`);
	return h.digest('hex').slice(0, 32);
}

type Packed = {version: number; key: string; corpus: {warnings: string[]; sources: PackedSource[]}; reuse: Reuse};

/** The small part of an entry: the sources list as the explorer first shows it, read before the rest. */
export type Preview = {version: number; key: string; rows: SourceRow[]; warnings: string[]};

const corpusEntry = (key: string) => `corpus-${key}`;
const previewEntry = (key: string) => `rows-${key}`;

/** Read a cache entry; null when there is none, or it is unreadable, corrupt, of another shape or key. */
export function readCache(dir: string, key: string, store = openCache()): {corpus: Corpus; reuse: Reuse} | null {
	const p = store.getJson(corpusEntry(key), (v): v is Packed => isPacked(v, key));
	if (!p) return null;
	try {
		return {corpus: {dir, sources: p.corpus.sources.map(unpackSource), warnings: p.corpus.warnings}, reuse: p.reuse};
	} catch {
		store.delete(corpusEntry(key));
		return null;
	}
}

export function readPreview(key: string, store = openCache()): Preview | null {
	return store.getJson(previewEntry(key), (v): v is Preview => isPreview(v, key));
}

/** Write a cache entry; a failure only loses the cache. */
export function writeCache(corpus: Corpus, reuse: Reuse, key: string, store = openCache()): void {
	const packed: Packed = {version: CACHE_VERSION, key, corpus: {warnings: corpus.warnings, sources: corpus.sources.map(packSource)}, reuse};
	if (store.putJson(corpusEntry(key), packed)) {
		const preview: Preview = {version: CACHE_VERSION, key, rows: sourceRows(corpus.sources, reuse.pairs), warnings: corpus.warnings};
		store.putJson(previewEntry(key), preview);
	}
}

/**
 * The corpus and the reuse found in it (families, pairs, repeats), from the cache when the files are
 * unchanged; `cache: false` bypasses it. `onPreview` and `onCorpus` hear of the cached sources list and of
 * the corpus as soon as each is to hand.
 */
export async function loadAnalysed(
	dir: string,
	options: LoadOptions & CacheOptions,
	hooks: {onCorpus?: (corpus: Corpus) => void; onPreview?: (preview: Preview) => void} = {},
): Promise<{corpus: Corpus; reuse: Reuse; cached: boolean}> {
	const store = options.cache === false ? null : openCache(options);
	const key = store ? corpusKey(dir, options) : '';
	const preview = store && hooks.onPreview ? readPreview(key, store) : null;
	if (preview) hooks.onPreview!(preview);
	const hit = store ? readCache(dir, key, store) : null;
	if (hit) {
		hooks.onCorpus?.(hit.corpus);
		return {...hit, cached: true};
	}
	const {corpus, features} = await readCorpusParallel(dir, {
		...options,
		fileCache: store ? {root: store.root, maxBytes: store.maxBytes} : null,
	});
	hooks.onCorpus?.(corpus);
	const reuse = findReuse(corpus.sources, {onProgress: options.onProgress, features});
	if (store && corpus.sources.length > 0) writeCache(corpus, reuse, key, store);
	return {corpus, reuse, cached: false};
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

function isPackedSource(v: unknown): v is PackedSource {
	if (!isObj(v) || !isStr(v['id']) || !isStr(v['text']) || !isStr(v['title']) || !isStr(v['encoding'])) return false;
	if (!isStrOrNull(v['publisher']) || !isStrOrNull(v['date']) || !isStrOrNull(v['url']) || !isStrOrNull(v['sameAs'])) return false;
	if (!isNum(v['bytes']) || !isNum(v['words']) || !everyOf(v['warnings'], isStr)) return false;
	const length = v['text'].length;
	const blocks = v['blocks'];
	const sentences = v['sentences'];
	if (!Array.isArray(blocks) || !Array.isArray(sentences) || !Array.isArray(v['figures'])) return false;
	const inText = (a: unknown, b: unknown) => isNum(a) && isNum(b) && a >= 0 && a <= b && b <= length;
	for (const b of blocks) {
		if (!Array.isArray(b) || b.length !== 4 || !inText(b[0], b[1]) || !isStr(b[2]) || typeof b[3] !== 'boolean') return false;
	}
	for (const s of sentences) {
		if (!Array.isArray(s) || s.length !== 4 || !inText(s[0], s[1]) || !isIndex(s[2], blocks.length) || typeof s[3] !== 'boolean')
			return false;
	}
	return v['figures'].every((f: unknown) => isFigure(f) && isIndex((f as Record<string, unknown>)['sentence'], sentences.length));
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

function isPacked(v: unknown, key: string): v is Packed {
	if (!isObj(v) || v['version'] !== CACHE_VERSION || v['key'] !== key || !isObj(v['corpus']) || !isObj(v['reuse'])) return false;
	const {sources, warnings} = v['corpus'];
	if (!everyOf(sources, isPackedSource) || !everyOf(warnings, isStr)) return false;
	const shape: Shape = new Map(sources.map(s => [s.id, {sentences: s.sentences.length, length: s.text.length}]));
	if (shape.size !== sources.length) return false;
	const {families, pairs, repeats, stock} = v['reuse'];
	return (
		Array.isArray(pairs) &&
		pairs.every(p => isPair(p, shape)) &&
		Array.isArray(families) &&
		families.every(f => isFamily(f, shape)) &&
		Array.isArray(repeats) &&
		repeats.every(r => isSentenceRef(r, shape, true)) &&
		Array.isArray(stock) &&
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
	return isObj(v) && v['version'] === CACHE_VERSION && v['key'] === key && everyOf(v['rows'], isRow) && everyOf(v['warnings'], isStr);
}
