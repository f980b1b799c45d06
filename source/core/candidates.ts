// Stage 2 of reuse detection: which pairs of sentences are worth scoring. Two sentences are candidates when
// they share two shingles (pairs of consecutive stems), or one shingle rare enough to be evidence on its
// own. Every (shingle, sentence) posting is sorted by shingle with a stable radix sort, so sentences sharing
// a shingle meet without a map of millions of entries; the pairs each run of equal shingles gives are then
// bucketed by their first sentence and counted with a stamp per second sentence. Every step is linear in the
// postings and the pairs they give: the work grows with the sentences that share something distinctive, not
// with the square of the corpus, and no comparison sort runs over millions of keys (two such sorts were a
// third of the analysis at 10,000 articles).

import {GrowUint32} from './grow.js';

/** A shingle in more sentences than this is a set phrase ("the Communist Party of China"), not evidence. */
export const SCAN_CAP = 5000;
/**
 * In a group of sentences sharing a shingle, each is paired with at most this many of the first ones: a
 * sentence carried by thousands of sites links every copy to the earliest few (the families stage reaches
 * the rest through them) without the square of the group. Eight is as good as 24 on the real and the
 * synthetic corpora, and scores a third as many pairs.
 */
export const GROUP_LINKS = 8;
/**
 * A shingle in at most this many sentences is rare enough to make its sentences candidates on its own;
 * sentences that meet only through commoner shingles must share two of them. Most sentences that share
 * one common shingle share nothing else, and scoring them all grew faster than the corpus.
 */
export const RARE_GROUP = 8;

/** Candidate pairs of units, u < v, sorted by u then v. */
export type Candidates = {u: Int32Array; v: Int32Array};

/** Every unit's shingle hashes end to end: unit i's are `hashes[start[i] .. start[i + 1])`. */
export type Shingles = {start: Int32Array; hashes: Uint32Array};

/**
 * Candidate pairs of units (u < v) from each unit's shingles. `group[i]` is unit i's source: two sentences
 * of one source are never a pair (a repeat, never reuse).
 */
export function candidatePairs(shingles: Shingles, group: Int32Array, onProgress?: (done: number, total: number) => void): Candidates {
	const n = shingles.start.length - 1;
	if (n < 2) return {u: new Int32Array(0), v: new Int32Array(0)};
	const {hashes, owners, length} = postingsByShingle(shingles);
	// Each run of equal shingles gives pairs of its units. A large run with the same sentences as two runs
	// before it adds nothing (a pair needs two shared shingles, and it has them): a release copied word for
	// word by thousands of sites has hundreds of identical runs. A first pass decides which runs give pairs
	// and counts the pairs by their smaller unit; the second writes each pair into its unit's bucket, as the
	// larger unit × 2, + 1 when the shingle is rare.
	const gives = new Uint8Array(length);
	const start = new Int32Array(n + 1);
	const seenRuns = new Map<number, number>();
	for (let i = 0; i < length; ) {
		const j = runEnd(hashes, i, length);
		const size = j - i;
		let skip = size < 2 || size > SCAN_CAP;
		if (!skip && size > RARE_GROUP) {
			let f = size | 0;
			for (let x = i; x < j; x++) f = Math.imul(f ^ owners[x]!, 0x01000193);
			const times = seenRuns.get(f) ?? 0;
			seenRuns.set(f, times + 1);
			skip = times >= 2;
		}
		if (!skip) {
			gives[i] = 1;
			forEachPair(owners, i, j, (u, v) => {
				if (group[u] !== group[v]) start[Math.min(u, v) + 1]!++;
			});
		}
		i = j;
	}
	for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
	const bucket = new Int32Array(start[n]!);
	const fill = start.slice(0, n);
	for (let i = 0; i < length; ) {
		const j = runEnd(hashes, i, length);
		if (gives[i] === 1) {
			const rare = j - i <= RARE_GROUP ? 1 : 0;
			forEachPair(owners, i, j, (u, v) => {
				if (group[u] !== group[v]) bucket[fill[Math.min(u, v)]!++] = Math.max(u, v) * 2 + rare;
			});
		}
		i = j;
	}
	return countPairs(start, bucket, onProgress);
}

/** The end of the run of equal hashes that starts at `i`. */
function runEnd(hashes: Uint32Array, i: number, length: number): number {
	const h = hashes[i];
	let j = i + 1;
	while (j < length && hashes[j] === h) j++;
	return j;
}

/** The pairs a run of units gives: each unit with each of the first GROUP_LINKS before it. */
function forEachPair(owners: Int32Array, i: number, j: number, pair: (u: number, v: number) => void): void {
	for (let y = i + 1; y < j; y++) {
		const v = owners[y]!;
		for (let x = i; x < Math.min(y, i + GROUP_LINKS); x++) pair(owners[x]!, v);
	}
}

/**
 * Every distinct (shingle, unit) posting, sorted by shingle and, for one shingle, by unit. The postings are
 * laid out in unit order and radix-sorted by shingle in three stable passes of 11 bits, so units stay in
 * order within a shingle; a shingle repeated inside one sentence is one piece of evidence, not two.
 */
function postingsByShingle({start, hashes: given}: Shingles): {hashes: Uint32Array; owners: Int32Array; length: number} {
	const total = given.length;
	let hashes = given.slice();
	let owners = new Int32Array(total);
	for (let u = 0; u + 1 < start.length; u++) owners.fill(u, start[u]!, start[u + 1]!);
	let hashesTo = new Uint32Array(total);
	let ownersTo = new Int32Array(total);
	const counts = new Int32Array(RADIX);
	for (let shift = 0; shift < 32; shift += RADIX_BITS) {
		counts.fill(0);
		for (let i = 0; i < total; i++) counts[(hashes[i]! >>> shift) & RADIX_MASK]!++;
		for (let d = 0, at = 0; d < RADIX; d++) {
			const c = counts[d]!;
			counts[d] = at;
			at += c;
		}
		for (let i = 0; i < total; i++) {
			const to = counts[(hashes[i]! >>> shift) & RADIX_MASK]!++;
			hashesTo[to] = hashes[i]!;
			ownersTo[to] = owners[i]!;
		}
		[hashes, hashesTo] = [hashesTo, hashes];
		[owners, ownersTo] = [ownersTo, owners];
	}
	let length = 0;
	for (let i = 0; i < total; i++) {
		if (i > 0 && hashes[i] === hashes[i - 1] && owners[i] === owners[i - 1]) continue;
		hashes[length] = hashes[i]!;
		owners[length] = owners[i]!;
		length++;
	}
	return {hashes, owners, length};
}

/** Digits of 11 bits: 2,048 counters stay in the first-level cache, and three passes cover a 32-bit hash. */
const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;

/**
 * The candidates among the pairs bucketed by their smaller unit (`bucket[start[u] .. start[u + 1])` holds the
 * larger units of u's pairs, × 2, + 1 for a rare shingle): a pair given twice or more shares two shingles, a
 * pair given once must have come from a rare one. Counted per bucket with a stamp per unit.
 */
function countPairs(start: Int32Array, bucket: Int32Array, onProgress?: (done: number, total: number) => void): Candidates {
	const n = start.length - 1;
	const stamp = new Int32Array(n).fill(-1);
	const count = new Int32Array(n);
	const rare = new Uint8Array(n);
	const mine = new Int32Array(n);
	const us = new GrowUint32(1 << 16);
	const vs = new GrowUint32(1 << 16);
	for (let u = 0; u < n; u++) {
		if ((u & 16383) === 0) onProgress?.(u, n);
		let k = 0;
		for (let i = start[u]!; i < start[u + 1]!; i++) {
			const v = bucket[i]! >> 1;
			if (stamp[v] !== u) {
				stamp[v] = u;
				count[v] = 0;
				rare[v] = 0;
				mine[k++] = v;
			}
			count[v]!++;
			rare[v]! |= bucket[i]! & 1;
		}
		const partners = mine.subarray(0, k).sort();
		for (const v of partners) {
			if (count[v]! >= 2 || rare[v] === 1) {
				us.push(u);
				vs.push(v);
			}
		}
	}
	onProgress?.(n, n);
	// Unit indices are below 2^31: the same numbers as Int32.
	return {u: new Int32Array(us.done()), v: new Int32Array(vs.done())};
}
