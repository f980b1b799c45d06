// The analysis of each file, kept in the cache under a hash of what it depends on: the program's version, the
// file's name, its bytes and its sidecar entry. When one file of a corpus changes, the others are not read
// into sources and features again: their entries are used as they are (matching runs again over the corpus).

import {createHash} from 'node:crypto';
import {packFile, unpackFile} from '../core/pack.js';
import {analyseFile, type FileAnalysis} from '../core/pipeline.js';
import type {GivenMeta} from '../core/source.js';
import {CACHE_VERSION} from './cache-version.js';
import type {Store} from './store.js';

/** A skipped file in a corpus key: why it was skipped (for a file over the cap, its size), never its bytes. */
export const skippedMark = (warning: string) => `skipped\0${warning}`;

/** The entry of one file: a hash of the version, the name, the sidecar entry, whether features are wanted, and the bytes. */
export function fileKey(id: string, bytes: Uint8Array, meta: GivenMeta | undefined, features: boolean): string {
	const h = createHash('sha256');
	h.update(`churnscope-file-${CACHE_VERSION}\0${id}\0${JSON.stringify(meta ?? {})}\0${features ? 1 : 0}\0`);
	h.update(bytes);
	return `file-${h.digest('hex').slice(0, 40)}`;
}

/**
 * A file's analysis: from the store when it has it, else made and stored. An entry of another shape that
 * passed its checksum (written by another version under the same format number, or by hand) is made again
 * and stored in its place.
 */
export function analyseCached(
	id: string,
	bytes: Uint8Array,
	meta: GivenMeta | undefined,
	opts: {features: boolean; store: Store | null},
): {analysis: FileAnalysis; hit: boolean; key: string | null} {
	const key = opts.store ? fileKey(id, bytes, meta, opts.features) : null;
	if (opts.store && key) {
		const entry = opts.store.get(key);
		if (entry) {
			try {
				return {analysis: unpackFile(entry), hit: true, key};
			} catch {
				// Made again below.
			}
		}
	}
	const analysis = analyseFile(id, bytes, meta, {features: opts.features});
	if (opts.store && key) opts.store.put(key, packFile(analysis));
	return {analysis, hit: false, key};
}
