// The analysis of each file, kept in the cache under a hash of what it depends on: the program's version, the
// file's name, its bytes and its sidecar entry. When one file of a corpus changes, the others are not read
// into sources and features again: their entries are used as they are (matching runs again over the corpus).

import {createHash} from 'node:crypto';
import {entryOfPart, type PackedPart, packFile, partOf, partOfEntry, unpackFile} from '../core/pack.js';
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

/** What a file's analysis is wanted as: the objects, or a packed part for a batch (a file thread's answer). */
export type CachedForm<T> = {
	/** The value from a cache entry; throws if the entry is not one packFile made. */
	fromEntry: (entry: Uint8Array) => T;
	/** The value of an analysis just made, and the entry to store for it. */
	made: (analysis: FileAnalysis) => {value: T; entry: Uint8Array};
};

/** The analysis as objects. */
export const AS_ANALYSIS: CachedForm<FileAnalysis> = {
	fromEntry: unpackFile,
	made: analysis => ({value: analysis, entry: packFile(analysis)}),
};

/** The analysis as a packed part: an entry of the cache is taken as it is, checked but not unpacked. */
export const AS_PART: CachedForm<PackedPart> = {
	fromEntry: partOfEntry,
	made: analysis => {
		const part = partOf(analysis);
		return {value: part, entry: entryOfPart(part)};
	},
};

/**
 * A file's analysis: from the store when it has it, else made and stored. An entry of another shape that
 * passed its checksum (written by another version under the same format number, or by hand) is made again
 * and stored in its place.
 */
export function analyseCached<T>(
	id: string,
	bytes: Uint8Array,
	meta: GivenMeta | undefined,
	opts: {features: boolean; store: Store | null},
	as: CachedForm<T>,
): {value: T; hit: boolean; key: string | null} {
	const key = opts.store ? fileKey(id, bytes, meta, opts.features) : null;
	if (opts.store && key) {
		const entry = opts.store.get(key);
		if (entry) {
			try {
				return {value: as.fromEntry(entry), hit: true, key};
			} catch {
				// Made again below.
			}
		}
	}
	const {value, entry} = as.made(analyseFile(id, bytes, meta, {features: opts.features}));
	if (opts.store && key) opts.store.put(key, entry);
	return {value, hit: false, key};
}
