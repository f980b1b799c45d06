// A cache of the analysis, outside the corpus folder, keyed by the corpus's contents: a second launch on
// the same files skips parsing and reuse detection. A stale entry cannot match (the key is a hash of every
// file's name and bytes, the options and the program version); a corrupt one is ignored and rewritten.

import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {sourceRows, type SourceRow} from '../core/analysis.js';
import {packSource, unpackSource, type PackedSource} from '../core/pack.js';
import {findReuse, type Reuse} from '../core/reuse.js';
import type {Corpus} from '../core/source.js';
import {DEFAULT_MAX_BYTES, listCorpusFiles, type LoadOptions} from './read-corpus.js';
import {readCorpusParallel} from './read-parallel.js';

export const CACHE_VERSION = 4;

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
	return env['CHURNSCOPE_CACHE_DIR'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'churnscope');
}

/** The cache key of a corpus folder: a hash over every file it would load, the options and the format. */
export function corpusKey(dir: string, options: LoadOptions): string {
	const h = createHash('sha256');
	h.update(`churnscope-cache-${CACHE_VERSION}\0${options.maxBytes ?? DEFAULT_MAX_BYTES}\0${options.maxFiles ?? ''}\0`);
	for (const {id, path} of listCorpusFiles(dir)) {
		h.update(id + '\0');
		try {
			h.update(readFileSync(path));
		} catch {
			h.update('\0unreadable\0');
		}
		h.update('\0');
	}
	return h.digest('hex').slice(0, 32);
}

type Packed = {version: number; key: string; corpus: {warnings: string[]; sources: PackedSource[]}; reuse: Reuse};
function pack(corpus: Corpus, reuse: Reuse, key: string): Packed {
	return {version: CACHE_VERSION, key, corpus: {warnings: corpus.warnings, sources: corpus.sources.map(packSource)}, reuse};
}

function unpack(dir: string, p: Packed): {corpus: Corpus; reuse: Reuse} {
	return {corpus: {dir, sources: p.corpus.sources.map(unpackSource), warnings: p.corpus.warnings}, reuse: p.reuse};
}

/** Read a cache entry; null when there is none, or it is unreadable, corrupt or for another key. */
export function readCache(dir: string, key: string, root = cacheDir()): {corpus: Corpus; reuse: Reuse} | null {
	let raw: string;
	try {
		raw = readFileSync(join(root, `${key}.json`), 'utf8');
	} catch {
		return null;
	}
	try {
		const p = JSON.parse(raw) as Packed;
		if (
			p.version !== CACHE_VERSION ||
			p.key !== key ||
			!Array.isArray(p.corpus?.sources) ||
			!Array.isArray(p.reuse?.pairs) ||
			!Array.isArray(p.reuse?.families)
		)
			return null;
		return unpack(dir, p);
	} catch {
		return null;
	}
}

/** The small part of an entry: the sources list as the explorer first shows it, read before the rest. */
export type Preview = {version: number; key: string; rows: SourceRow[]; warnings: string[]};

export function readPreview(key: string, root = cacheDir()): Preview | null {
	try {
		const p = JSON.parse(readFileSync(join(root, `${key}.rows.json`), 'utf8')) as Preview;
		return p.version === CACHE_VERSION && p.key === key && Array.isArray(p.rows) ? p : null;
	} catch {
		return null;
	}
}

/** Write a cache entry atomically (temporary files renamed into place); failures only lose the cache. */
export function writeCache(corpus: Corpus, reuse: Reuse, key: string, root = cacheDir()): void {
	const preview: Preview = {version: CACHE_VERSION, key, rows: sourceRows(corpus.sources, reuse.pairs), warnings: corpus.warnings};
	for (const [name, data] of [
		[`${key}.json`, pack(corpus, reuse, key)],
		[`${key}.rows.json`, preview],
	] as const) {
		const tmp = join(root, `${name}.${process.pid}.tmp`);
		try {
			mkdirSync(root, {recursive: true});
			writeFileSync(tmp, JSON.stringify(data));
			renameSync(tmp, join(root, name));
		} catch {
			rmSync(tmp, {force: true});
		}
	}
}

/**
 * The corpus and the reuse found in it (families, pairs, repeats), from the cache when the files are unchanged; `cache: false` bypasses
 * it. `onPreview` and `onCorpus` hear of the cached sources list and of the corpus as soon as each is to
 * hand.
 */
export async function loadAnalysed(
	dir: string,
	options: LoadOptions & {cache?: boolean},
	hooks: {onCorpus?: (corpus: Corpus) => void; onPreview?: (preview: Preview) => void} = {},
): Promise<{corpus: Corpus; reuse: Reuse; cached: boolean}> {
	const useCache = options.cache !== false;
	const key = useCache ? corpusKey(dir, options) : '';
	const preview = useCache && hooks.onPreview ? readPreview(key) : null;
	if (preview) hooks.onPreview!(preview);
	const hit = useCache ? readCache(dir, key) : null;
	if (hit) {
		hooks.onCorpus?.(hit.corpus);
		return {...hit, cached: true};
	}
	const {corpus, features} = await readCorpusParallel(dir, options);
	hooks.onCorpus?.(corpus);
	const reuse = findReuse(corpus.sources, {onProgress: options.onProgress, features});
	if (useCache && corpus.sources.length > 0) writeCache(corpus, reuse, key);
	return {corpus, reuse, cached: false};
}
