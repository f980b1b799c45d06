// Stage 2 of reuse detection: which pairs of sentences are worth scoring. Two sentences are candidates when
// they share two shingles (pairs of consecutive stems), or one shingle rare enough to be evidence on its
// own. Shingles are packed with their sentence into one float64 and sorted, so sentences sharing a shingle
// meet without a map of millions of entries; the work grows with the sentences that share something
// distinctive, not with the square of the corpus.

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

export type Candidates = {u: Int32Array; v: Int32Array};

/**
 * Candidate pairs of units (u < v) from each unit's shingles. `shingles[i]` are the hashes of unit i;
 * `sameGroup(u, v)` rules a pair out (two sentences of one source: a repeat, never reuse).
 */
export function candidatePairs(
	shingles: Uint32Array[],
	sameGroup: (u: number, v: number) => boolean,
	onProgress?: (done: number, total: number) => void,
): Candidates {
	const n = shingles.length;
	if (n < 2) return {u: new Int32Array(0), v: new Int32Array(0)};
	const unitBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
	// The hash keeps as many of its 32 bits as fit beside the unit in a float64's 52-bit mantissa.
	const hashShift = Math.max(0, 32 - (52 - unitBits));
	const scale = 2 ** unitBits;
	let total = 0;
	for (const s of shingles) total += s.length;
	const keys = new Float64Array(total);
	let k = 0;
	for (let u = 0; u < n; u++) {
		const s = shingles[u]!;
		for (let i = 0; i < s.length; i++) keys[k++] = (s[i]! >>> hashShift) * scale + u;
	}
	keys.sort();
	// A shingle repeated inside one sentence is one piece of evidence, not two.
	let distinct = 0;
	for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[distinct++] = keys[i]!;
	const postings = keys.subarray(0, distinct);
	// Candidate pairs packed as (u × 2^unitBits + v) × 2 + rare, from each run of equal hashes. A large run
	// with the same sentences as two runs before it adds nothing (a pair needs two shared shingles, and it
	// has them): a release copied word for word by thousands of sites has hundreds of identical runs.
	const cand = new Grow();
	const seenRuns = new Map<number, number>();
	for (let i = 0; i < postings.length; ) {
		const h = Math.floor(postings[i]! / scale);
		let j = i + 1;
		while (j < postings.length && Math.floor(postings[j]! / scale) === h) j++;
		if (j - i > RARE_GROUP && j - i <= SCAN_CAP) {
			let f = (j - i) | 0;
			for (let x = i; x < j; x++) f = Math.imul(f ^ (postings[x]! % scale), 0x01000193);
			const times = seenRuns.get(f) ?? 0;
			seenRuns.set(f, times + 1);
			if (times >= 2) {
				i = j;
				continue;
			}
		}
		if (j - i > 1 && j - i <= SCAN_CAP) {
			const rare = j - i <= RARE_GROUP ? 1 : 0;
			for (let y = i + 1; y < j; y++) {
				const v = postings[y]! % scale;
				for (let x = i; x < Math.min(y, i + GROUP_LINKS); x++) {
					const u = postings[x]! % scale;
					if (!sameGroup(u, v)) cand.push((u < v ? u * scale + v : v * scale + u) * 2 + rare);
				}
			}
		}
		i = j;
	}
	const packed = cand.done().sort();
	const us: number[] = [];
	const vs: number[] = [];
	for (let i = 0, next = 0; i < packed.length; ) {
		if (i >= next) {
			onProgress?.(i, packed.length);
			next = i + 65536;
		}
		const pair = Math.floor(packed[i]! / 2);
		let j = i + 1;
		while (j < packed.length && Math.floor(packed[j]! / 2) === pair) j++;
		// Two shared shingles, or one rare one (the odd entries sort last).
		if (j - i >= 2 || packed[j - 1]! % 2 === 1) {
			us.push(Math.floor(pair / scale));
			vs.push(pair % scale);
		}
		i = j;
	}
	onProgress?.(packed.length, packed.length);
	return {u: Int32Array.from(us), v: Int32Array.from(vs)};
}

/** A Float64Array that grows as numbers are pushed (a JS array of millions of doubles costs twice the memory and a copy). */
class Grow {
	private buf = new Float64Array(1 << 16);
	private n = 0;
	push(x: number): void {
		if (this.n === this.buf.length) {
			const next = new Float64Array(this.buf.length * 2);
			next.set(this.buf);
			this.buf = next;
		}
		this.buf[this.n++] = x;
	}
	/** The numbers pushed, as a view of the buffer. */
	done(): Float64Array {
		return this.buf.subarray(0, this.n);
	}
}
