// Stage 3 of reuse detection: which candidate sentence pairs are copies. Each pair is scored by the
// rarity-weighted overlap of its features; strong pairs stand on their own, weak ones only beside a strong
// pair between the same two sources, in order (a sentence reworded inside a copied passage), which keeps
// articles that merely share a topic apart.

import type {Candidates} from './candidates.js';
import {VERBATIM_RATIO as VERBATIM} from './classify.js';
import {type FeatureTable, rowCount, type SentenceFeatures, tableOf} from './features.js';
import {ValueTable} from './count-table.js';

/** A sentence pair this similar is a copy or a close rewording on its own. */
export const STRONG = 0.45;
/** A pair this similar is a rewording when it sits beside a strong pair; below it, nothing. */
export const WEAK = 0.25;
/** Fewer shared features than this is coincidence more often than copying (a name, a year, a word). */
export const MIN_SHARED = 4;
/** A shared figure says more than a shared word: its weight is multiplied by this. */
export const FIGURE_WEIGHT = 1.5;
/** Containment of a sentence with fewer features than this says little: it is damped towards Dice. */
export const CONTAINMENT_FULL = 8;
/**
 * A sentence pair with no copied neighbour between the same two sources must have more words than this to
 * count: short sentences alone ("The following is the full text:", a headline) are what unrelated texts share.
 */
export const ALONE_MIN_WORDS = 10;
/**
 * … and share at least this much of its wording, in order (word-level LCS ratio): one reworded sentence
 * with nothing copied around it is a template reused for another story more often than a copy
 * (Xinhua's New Year lead, year after year; "A freight train bound for … departed from …").
 */
export const ALONE_MIN_RATIO = 0.8;

/** A sentence that takes part in matching: its source, its index there, its weighted features. */
export type Unit = {
	/** The store its features and weights are in (every unit of one corpus shares one), and its index there. */
	readonly store: UnitStore;
	readonly id: number;
	readonly src: number;
	readonly sent: number;
	readonly feats: Uint32Array;
	readonly w: Float32Array;
	readonly weight: number;
	readonly words: number;
	readonly dates: string[];
	/** Numbers and names, in text order: what a translation keeps (features.ts). */
	readonly anchors: Uint32Array;
	/** How many of its features are figures (a number, an amount, a date). */
	readonly figures: number;
};

/**
 * Every unit's features, weights and anchors laid end to end, in unit order. Scoring millions of candidate
 * pairs reads the second unit's features at random: from one array with offsets that is a cache miss or two,
 * where objects and a typed array per unit were four or five; and units that keep offsets into it, not
 * arrays of their own, leave the collector one object per unit to trace.
 */
export type UnitStore = {
	start: Int32Array;
	feats: Uint32Array;
	w: Float32Array;
	weight: Float64Array;
	anchorStart: Int32Array;
	anchors: Uint32Array;
};

/** A unit as offsets into the store; its arrays are views made when asked for. */
class StoredUnit implements Unit {
	constructor(
		readonly store: UnitStore,
		readonly id: number,
		readonly src: number,
		readonly sent: number,
		readonly words: number,
		readonly dates: string[],
		readonly figures: number,
	) {}
	get feats(): Uint32Array {
		return this.store.feats.subarray(this.store.start[this.id]!, this.store.start[this.id + 1]!);
	}
	get w(): Float32Array {
		return this.store.w.subarray(this.store.start[this.id]!, this.store.start[this.id + 1]!);
	}
	get weight(): number {
		return this.store.weight[this.id]!;
	}
	get anchors(): Uint32Array {
		return this.store.anchors.subarray(this.store.anchorStart[this.id]!, this.store.anchorStart[this.id + 1]!);
	}
}

/**
 * The units of every row of every table (table i is source i), in order, with rarity weights (IDF over all
 * units) and the store they read from.
 */
export function unitsOf(tables: FeatureTable[]): {units: Unit[]; store: UnitStore} {
	let n = 0;
	let total = 0;
	let anchorTotal = 0;
	const df = new ValueTable();
	for (const t of tables) {
		n += rowCount(t);
		total += t.feats.length;
		anchorTotal += t.anchors.length;
		for (let i = 0; i < t.feats.length; i++) df.add(t.feats[i]!);
	}
	const store: UnitStore = {
		start: new Int32Array(n + 1),
		feats: new Uint32Array(total),
		w: new Float32Array(total),
		weight: new Float64Array(n),
		anchorStart: new Int32Array(n + 1),
		anchors: new Uint32Array(anchorTotal),
	};
	const units: Unit[] = new Array<Unit>(n);
	let id = 0;
	let at = 0;
	let anchorAt = 0;
	tables.forEach((t, src) => {
		store.feats.set(t.feats, at);
		store.anchors.set(t.anchors, anchorAt);
		for (let r = 0; r < rowCount(t); r++, id++) {
			let weight = 0;
			let figures = 0;
			for (let i = t.featStart[r]!; i < t.featStart[r + 1]!; i++, at++) {
				const x = Math.log(1 + n / df.get(t.feats[i]!, 0)) * (t.figureMask[i] ? FIGURE_WEIGHT : 1);
				store.w[at] = x;
				weight += x;
				figures += t.figureMask[i]!;
			}
			store.start[id + 1] = at;
			store.weight[id] = weight;
			anchorAt += t.anchorStart[r + 1]! - t.anchorStart[r]!;
			store.anchorStart[id + 1] = anchorAt;
			units[id] = new StoredUnit(store, id, src, t.sentence[r]!, t.words[r]!, t.dates[r]!, figures);
		}
	});
	return {units, store};
}

/**
 * Units with rarity weights (IDF over all units), in the order given, which must be by source (each source's
 * rows together, sources in increasing order): the units are made source by source, and another order would
 * give them other indices than the caller's.
 */
export function weighUnits(list: {src: number; f: SentenceFeatures}[]): Unit[] {
	const bySource: SentenceFeatures[][] = [];
	for (const [i, {src, f}] of list.entries()) {
		if (i > 0 && src < list[i - 1]!.src) throw new Error('weighUnits: units must come source by source, in increasing order');
		while (bySource.length <= src) bySource.push([]);
		bySource[src]!.push(f);
	}
	return unitsOf(bySource.map(tableOf)).units;
}

/** The weight of the features two units share; 0 when they share fewer than `minCount`. */
export function sharedWeight(a: Unit, b: Unit, minCount = 0): number {
	return sharedIn(a.store, a.id, b.id, minCount);
}

/** Weighted overlap of two units: the mean of Dice and containment (for split or merged sentences). */
export function similarity(a: Unit, b: Unit): number {
	return storedSimilarity(a.store, a.id, b.id);
}

/** The weight of the features units u and v of a store share (u's weights); 0 when they share fewer than `minCount`. */
function sharedIn({start, feats, w}: UnitStore, u: number, v: number, minCount: number): number {
	const endA = start[u + 1]!;
	const endB = start[v + 1]!;
	let i = start[u]!;
	let j = start[v]!;
	let shared = 0;
	let count = 0;
	while (i < endA && j < endB) {
		const x = feats[i]!;
		const y = feats[j]!;
		if (x === y) {
			shared += w[i]!;
			count++;
			i++;
			j++;
		} else if (x < y) i++;
		else j++;
	}
	return count < minCount ? 0 : shared;
}

/** `similarity` of units u and v of a store, by index (the scoring loop calls this for millions of candidates). */
export function storedSimilarity(store: UnitStore, u: number, v: number): number {
	const shared = sharedIn(store, u, v, MIN_SHARED);
	if (shared === 0) return 0;
	const {start, weight} = store;
	const wa = weight[u]!;
	const wb = weight[v]!;
	const dice = (2 * shared) / (wa + wb);
	const contain = shared / Math.min(wa, wb);
	const damp = Math.min(1, Math.min(start[u + 1]! - start[u]!, start[v + 1]! - start[v]!) / CONTAINMENT_FULL);
	return 0.5 * dice + 0.5 * contain * damp + 0.5 * dice * (1 - damp);
}

export type Edge = {u: number; v: number; sim: number};

/**
 * The aligned sentence pairs (u < v) among the candidates. `unitAt(src, sent)` is the unit of a sentence,
 * or -1 when it has none (furniture, too short).
 */
export function alignSentences(
	units: Unit[],
	cands: Candidates,
	unitAt: (src: number, sent: number) => number,
	/** The word-level LCS ratio of two units' sentences (asked only of pairs that stand alone). */
	wordRatio: (u: number, v: number) => number,
): {edges: Edge[]; related: (a: number, b: number) => boolean; unrelated: Edge[]} {
	const scored: Edge[] = [];
	const n = units.length;
	// Every unit of a corpus is in one store: candidates are scored from it by index.
	const store = units[0]?.store;
	const score = (u: number, v: number) => {
		const sim = storedSimilarity(store!, u, v);
		if (sim >= WEAK) scored.push({u, v, sim});
	};
	for (let i = 0; i < cands.u.length; i++) score(cands.u[i]!, cands.v[i]!);
	// Neighbours of strong pairs, in order: a sentence split off a copied one may share no shingle. One may
	// also be a candidate, scored twice: the copy is dropped with the weaker partners below.
	const neighbours = new Set<number>();
	const scoredByCandidates = scored.length;
	for (let i = 0; i < scoredByCandidates; i++) {
		const {u, v, sim} = scored[i]!;
		if (sim < STRONG) continue;
		const U = units[u]!;
		const V = units[v]!;
		for (const [du, dv] of NEIGHBOURS) {
			const x = unitAt(U.src, U.sent + du);
			const y = unitAt(V.src, V.sent + dv);
			if (x < 0 || y < 0 || x === y || units[x]!.src === units[y]!.src) continue;
			const lo = Math.min(x, y);
			const hi = Math.max(x, y);
			const key = lo * n + hi;
			if (neighbours.has(key)) continue;
			neighbours.add(key);
			score(lo, hi);
		}
	}
	// Each unit keeps its best partner in each other source: a sentence is one copy of one sentence there.
	let sources = 0;
	for (const u of units) if (u.src >= sources) sources = u.src + 1;
	const best = new Map<number, Edge>();
	const note = (x: number, other: number, e: Edge) => {
		const k = x * sources + units[other]!.src;
		const cur = best.get(k);
		if (!cur || e.sim > cur.sim) best.set(k, e);
	};
	for (const e of scored) {
		note(e.u, e.v, e);
		note(e.v, e.u, e);
	}
	const kept = scored.filter(e => best.get(e.u * sources + units[e.v]!.src) === e || best.get(e.v * sources + units[e.u]!.src) === e);
	// Two sources are related when they share at least two substantial sentence pairs: strong, not naming
	// different days, both sentences longer than ALONE_MIN_WORDS. One such pair alone must be nearly word for
	// word (a template reused for another story shares one sentence, reworded: Xinhua's New Year lead, year
	// after year; "A freight train bound for … departed from …"). A short sentence counts only word for word;
	// headlines and formulae reworded never relate two sources, inside related sources they are copies too.
	const isStrong = (e: Edge) => e.sim >= STRONG;
	const substantial = (e: Edge) =>
		isStrong(e) &&
		!datesConflict(units[e.u]!.dates, units[e.v]!.dates) &&
		(Math.min(units[e.u]!.words, units[e.v]!.words) > ALONE_MIN_WORDS || wordRatio(e.u, e.v) >= VERBATIM);
	const sourcePair = (e: Edge) => {
		const a = units[e.u]!.src;
		const b = units[e.v]!.src;
		return a < b ? a * sources + b : b * sources + a;
	};
	const evidence = new Map<number, Edge[]>();
	for (const e of kept) if (substantial(e)) (evidence.get(sourcePair(e)) ?? evidence.set(sourcePair(e), []).get(sourcePair(e))!).push(e);
	const related = new Set<number>();
	// A short sentence alone relates two sources only when it states a fact (a figure) outside a headline:
	// the same short headline or formula is what unrelated texts share.
	const enough = (e: Edge) => {
		const [u, v] = [units[e.u]!, units[e.v]!];
		return Math.min(u.words, v.words) > ALONE_MIN_WORDS || (u.figures > 0 && v.figures > 0 && u.sent > 0 && v.sent > 0);
	};
	for (const [key, list] of evidence) {
		const only = list[0]!;
		if (list.length >= 2 || (enough(only) && wordRatio(only.u, only.v) >= ALONE_MIN_RATIO)) related.add(key);
	}
	const inRelated = kept.filter(e => related.has(sourcePair(e)));
	const strong = new Set(inRelated.filter(isStrong).map(e => e.u * n + e.v));
	return {
		edges: inRelated.filter(e => isStrong(e) || besideStrong(e, units, unitAt, strong, n)),
		related: (a, b) => related.has(a < b ? a * sources + b : b * sources + a),
		// Strong pairs between sources that words alone do not relate: they count if something else does
		// (a translation that kept its original headline).
		unrelated: kept.filter(e => isStrong(e) && !related.has(sourcePair(e))),
	};
}

/** Two sentences naming days that cannot be the same day (different years, months or days). */
export function datesConflict(a: string[], b: string[]): boolean {
	if (!a.length || !b.length) return false;
	return !a.some(x => b.some(y => sameDay(x, y)));
}

/** Whether two ISO dates, maybe partial ("2025", "2025-12", "--12-31"), can name the same day. */
function sameDay(x: string, y: string): boolean {
	if (x.includes('/') || y.includes('/')) return x === y;
	const parse = (d: string) => {
		const m = /^(\d{4})?-?(\d{2})?-?(\d{2})?$/.exec(d.replace(/^--/, '-'));
		return m ? [m[1], m[2], m[3]] : [d, undefined, undefined];
	};
	const a = parse(x);
	const b = parse(y);
	return a.every((v, i) => v === undefined || b[i] === undefined || v === b[i]);
}

const NEIGHBOURS: [number, number][] = [
	[-1, 0],
	[1, 0],
	[0, -1],
	[0, 1],
	[-1, -1],
	[1, 1],
];

/** Whether a weak pair has a strong pair next to it between the same two sources, in order. */
function besideStrong(e: Edge, units: Unit[], unitAt: (src: number, sent: number) => number, strong: Set<number>, n: number): boolean {
	const U = units[e.u]!;
	const V = units[e.v]!;
	for (const du of [-1, 0, 1]) {
		for (const dv of [-1, 0, 1]) {
			if ((du === 0 && dv === 0) || du * dv === -1) continue;
			const x = unitAt(U.src, U.sent + du);
			const y = unitAt(V.src, V.sent + dv);
			if (x < 0 || y < 0) continue;
			if (strong.has(Math.min(x, y) * n + Math.max(x, y))) return true;
		}
	}
	return false;
}
