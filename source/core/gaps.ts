// Stage 3c of reuse detection: sentences between two aligned ones. A back-translated or spun copy keeps the
// release's order but rewords some sentences past what the features match ("The following is the full text of
// the address:" → "The full text of the statement follows:"). Between two aligned sentence pairs of two
// related sources, the unaligned sentences of each side are lined up by length and by what words they share,
// as Gale and Church align the sentences of a translation between paragraph anchors: one for one, or one
// for two where a copy split or merged a sentence. Gaps closed at both ends, and the few sentences after the
// last pair (an excerpt cut off mid-sentence); in one language, and short. And a copy sentence that strings
// two of the origin's together in other words is paired with the neighbour it holds enough of.

import {datesConflict, type Edge, sharedWeight, similarity, type Unit} from './align.js';

/** A gap of more sentences than this on either side is text of the copy's own, not a reworded stretch. */
export const GAP_MAX = 6;
/**
 * Two sentences whose word counts differ by more than this factor are not one reworded as the other: in the
 * tuning gold 76 of 83 same-language copy sentences are within 2.2 of their origin sentence (the largest
 * 2.11), and the other 7 merge several origin sentences into one (2.7 to 5.4), which 1:2 beads and merges take.
 */
export const GAP_LENGTH_RATIO = 2.2;
/**
 * In a gap of more than one sentence a side, each pair of a bead must share this much of the shorter one's
 * features, weighted by rarity: length alone pairs neighbours ("Comrades, friends, ladies and gentlemen,"
 * with the greeting after it). A lone sentence closed in on both sides needs only LONE_MIN_CONTAIN: it has
 * nowhere else to go.
 */
export const GAP_MIN_CONTAIN = 0.3;
/**
 * Even a lone pair must share this much: two daily reports from one template share their opening and closing
 * sentences, and the sentences between ("BYD rose …", "Property developers slumped …") share nothing.
 */
export const LONE_MIN_CONTAIN = 0.1;
/** How far past the last aligned pair a passage may grow, in sentences of each side. */
export const EDGE_SPAN = 4;
/**
 * At the open end of a passage nothing after a sentence vouches for it: each pair must share this much of
 * the lighter sentence's weight (a cut-off last sentence, "All of this embodies the noble spirit and dreams
 * of t", shares most of its words; the site's own closing lines share a name or two).
 */
export const EDGE_MIN_CONTAIN = 0.4;
/**
 * The neighbour of an aligned sentence is merged into its partner too when the partner holds this share of
 * the neighbour's feature weight: "We actively deal with the impacts caused by changes in the internal and
 * external environment, adopting …" strings two sentences of the origin into one.
 */
export const MERGE_MIN_CONTAIN = 0.3;
/** … and the two together are at most this factor of the merged sentence's length … */
export const MERGE_LENGTH_RATIO = 1.5;
/** … which is at least this much longer than the sentence it was aligned with (else it holds one, not two). */
export const MERGE_LONGER = 1.25;
/** The cost of leaving a sentence of the gap unpaired, against a pair's length cost |ln(ratio)|. */
const SKIP_COST = 0.8;
/** What a sentence split in two costs beyond its lengths: a little more than a one-for-one pair. */
const MERGE_COST = 0.25;
/** A shared feature lowers a pair's cost by this much times the pair's similarity. */
const SIMILARITY_BONUS = 2;

type Bead = {a: number[]; b: number[]};

/**
 * Sentence pairs (u < v, as units) in the gaps between `edges` of each pair of related sources. `edges` are
 * same-language alignments; each source pair's edges are taken in order (the longest run increasing on both
 * sides), and a gap is the sentences with units strictly between two consecutive ones that align with
 * nothing in the other source.
 */
export function gapEdges(
	units: Unit[],
	edges: Edge[],
	unitAt: (src: number, sent: number) => number,
	/** Whether two sentences of a source are in one paragraph: only those are merged (never a headline into a lead). */
	sameBlock: (src: number, a: number, b: number) => boolean = () => true,
): Edge[] {
	let sources = 0;
	for (const u of units) if (u.src >= sources) sources = u.src + 1;
	const n = units.length;
	// Numeric keys: a unit and another source; a source pair; an edge (u < v).
	const unitSource = (u: number, src: number) => u * sources + src;
	const bySources = new Map<number, [number, number][]>();
	const aligned = new Set<number>();
	for (const e of edges) {
		let [x, y] = [e.u, e.v];
		if (units[x]!.src > units[y]!.src) [x, y] = [y, x];
		const key = units[x]!.src * sources + units[y]!.src;
		(bySources.get(key) ?? bySources.set(key, []).get(key)!).push([x, y]);
		aligned.add(unitSource(x, units[y]!.src));
		aligned.add(unitSource(y, units[x]!.src));
	}
	const out: Edge[] = [];
	const emitted = new Set<number>();
	for (const list of bySources.values()) {
		const chain = increasingRun(list.map(([x, y]) => [units[x]!.sent, units[y]!.sent]));
		const srcA = units[list[0]![0]]!.src;
		const srcB = units[list[0]![1]]!.src;
		/** The free units of `src` strictly between two sentences, or null past GAP_MAX (a stretch of its own). */
		const free = (src: number, other: number, from: number, to: number) => {
			const got: number[] = [];
			for (let s = from + 1; s < to; s++) {
				const u = unitAt(src, s);
				if (u >= 0 && !aligned.has(unitSource(u, other))) {
					if (got.length === GAP_MAX) return null;
					got.push(u);
				}
			}
			return got;
		};
		for (let k = 0; k + 1 < chain.length; k++) {
			const [a1, b1] = chain[k]!;
			const [a2, b2] = chain[k + 1]!;
			const ga = free(srcA, srcB, a1, a2);
			const gb = ga?.length ? free(srcB, srcA, b1, b2) : null;
			if (ga && gb) add(alignGap(units, ga, gb));
		}
		// A sentence that strings two of the other's together: the neighbour it holds enough of.
		for (const [x, y] of list) {
			add(merged(x, y, srcA, srcB));
			add(merged(y, x, srcB, srcA));
		}
		// After the last pair, open at its end: every pair must share words. (Before the first pair the same
		// rule pairs the copies' own mastheads with each other, "Site 3 business news" with "Site 4 …".)
		if (chain.length) {
			const [an, bn] = chain[chain.length - 1]!;
			const ga = free(srcA, srcB, an, an + EDGE_SPAN + 1);
			const gb = free(srcB, srcA, bn, bn + EDGE_SPAN + 1);
			if (ga && gb) add(alignGap(units, ga, gb, EDGE_MIN_CONTAIN));
		}
	}
	return out;

	/** `long` (a unit) with each free neighbour of `short` in its source that `long` holds enough of. */
	function merged(short: number, long: number, srcS: number, srcL: number): Bead[] {
		const beads: Bead[] = [];
		const S = units[short]!;
		const L = units[long]!;
		// A sentence that holds two is longer than either of them.
		if (L.words < S.words * MERGE_LONGER) return beads;
		for (const step of [1, -1]) {
			const u = unitAt(srcS, S.sent + step);
			if (u < 0 || aligned.has(unitSource(u, srcL)) || !sameBlock(srcS, S.sent, units[u]!.sent)) continue;
			const U = units[u]!;
			// Together the two are not much longer than `long` (which may hold a third as well), and `long`
			// holds enough of the neighbour.
			if (U.words + S.words > L.words * MERGE_LENGTH_RATIO) continue;
			if (sharedWeight(U, L) / (U.weight || 1) >= MERGE_MIN_CONTAIN) beads.push({a: [u], b: [long]});
		}
		return beads;
	}

	/** The pairs of `beads` as edges, once each, unless the two sentences name different days. */
	function add(beads: Bead[]) {
		for (const bead of beads)
			for (const x of bead.a)
				for (const y of bead.b) {
					const [u, v] = x < y ? [x, y] : [y, x];
					if (emitted.has(u * n + v) || datesConflict(units[u]!.dates, units[v]!.dates)) continue;
					emitted.add(u * n + v);
					out.push({u, v, sim: round(similarity(units[u]!, units[v]!))});
				}
	}
}

/** The longest run of sentence pairs increasing on both sides (patience sorting over the second side). */
export function increasingRun(pairs: [number, number][]): [number, number][] {
	const sorted = [...pairs].sort((p, q) => p[0] - q[0] || q[1] - p[1]);
	const tails: number[] = [];
	const prev = new Int32Array(sorted.length).fill(-1);
	for (let i = 0; i < sorted.length; i++) {
		const b = sorted[i]![1];
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sorted[tails[mid]!]![1] < b) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) prev[i] = tails[lo - 1]!;
		tails[lo] = i;
	}
	const run: [number, number][] = [];
	for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) run.push(sorted[i]!);
	return run.reverse();
}

/**
 * The cheapest monotone alignment of two short runs of sentences (units): beads one for one, one for two,
 * two for one, or a sentence left alone; only beads with sentences on both sides are returned.
 */
export function alignGap(units: Unit[], ga: number[], gb: number[], open?: number): Bead[] {
	const n = ga.length;
	const m = gb.length;
	if (!n || !m) return [];
	// Closed on both ends, a lone sentence a side pairs by its place and a little shared; open, every pair
	// shares `open` of its words.
	const lone = open === undefined && n === 1 && m === 1;
	const minContain = open ?? GAP_MIN_CONTAIN;
	const words = (list: number[]) => list.reduce((t, u) => t + Math.max(1, units[u]!.words), 0);
	const beadCost = (a: number[], b: number[]) => {
		const ratio = words(a) / words(b);
		// At an open end the words decide alone: an excerpt cut off mid-sentence is a fraction of its sentence.
		if (open === undefined && (ratio > GAP_LENGTH_RATIO || ratio < 1 / GAP_LENGTH_RATIO)) return Infinity;
		let sim = 0;
		for (const u of a)
			for (const v of b) {
				if (containment(units[u]!, units[v]!) < (lone ? LONE_MIN_CONTAIN : minContain)) return Infinity;
				sim = Math.max(sim, similarity(units[u]!, units[v]!));
			}
		return Math.abs(Math.log(ratio)) + (a.length + b.length > 2 ? MERGE_COST : 0) - SIMILARITY_BONUS * sim;
	};
	const cost = Array.from({length: n + 1}, () => new Float64Array(m + 1).fill(Infinity));
	const from = Array.from({length: n + 1}, () => new Int8Array(m + 1).fill(-1));
	cost[0]![0] = 0;
	const steps: [number, number][] = [
		[1, 1],
		[1, 2],
		[2, 1],
		[1, 0],
		[0, 1],
	];
	for (let i = 0; i <= n; i++) {
		for (let j = 0; j <= m; j++) {
			const here = cost[i]![j]!;
			if (here === Infinity) continue;
			steps.forEach(([di, dj], s) => {
				if (i + di > n || j + dj > m) return;
				const c = di && dj ? beadCost(ga.slice(i, i + di), gb.slice(j, j + dj)) : SKIP_COST;
				if (here + c < cost[i + di]![j + dj]!) {
					cost[i + di]![j + dj] = here + c;
					from[i + di]![j + dj] = s;
				}
			});
		}
	}
	const beads: Bead[] = [];
	for (let i = n, j = m; i > 0 || j > 0; ) {
		const [di, dj] = steps[from[i]![j]!]!;
		if (di && dj) beads.push({a: ga.slice(i - di, i), b: gb.slice(j - dj, j)});
		i -= di;
		j -= dj;
	}
	return beads.reverse();
}

/** The share of the lighter unit's feature weight that the two share (no floor on how many, unlike `similarity`). */
export function containment(a: Unit, b: Unit): number {
	return sharedWeight(a, b) / (Math.min(a.weight, b.weight) || 1);
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}
