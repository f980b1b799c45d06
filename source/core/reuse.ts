// Reuse detection: which passages of one source are copied or reworded from another.
//
// 1. Each non-boilerplate sentence becomes a set of features: stems of its content words and the keys
//    of its figures (so "CNY1 trillion" meets "1 trillion yuan"). Features are weighted by rarity (IDF).
// 2. Candidates are sentences that share two pairs of consecutive stems, or one rare pair (an index of stem
//    bigrams), plus the neighbours of strong pairs, so the work grows with the number of sentences that
//    share something distinctive, not with the square of the corpus.
// 3. Each candidate is scored (weighted overlap, with containment for split or merged sentences); strong
//    pairs are kept, weak ones only beside a strong neighbour (a sentence split around a copied one).
// 4. Consecutive sentence pairs that align in order are merged into passages.

import {figureKey, lineUp} from './figures.js';
import type {Progress, Source} from './source.js';
import {isStopword, stem, tokenize} from './text.js';
import type {CopyKind as PairKind, Pair, Part, Repeat, Side} from './types.js';

export type {CopyKind as PairKind, Pair, Part, Side} from './types.js';

export type ReuseOptions = {strong?: number; weak?: number; onProgress?: Progress};

type Unit = {src: number; sent: number; feats: Int32Array; weight: number};

const STRONG = 0.45;
/** A stem pair in more sentences than this is a set phrase, not evidence of copying. */
const SCAN_CAP = 5000;
/** In a group of sentences sharing a stem pair, each is compared with at most this many of the first. */
const GROUP_LINKS = 24;
/**
 * A stem pair in at most this many sentences is rare enough to make its sentences candidates on its own;
 * sentences that meet only through commoner stem pairs must share two of them. Most sentences that share
 * one common stem pair share nothing else, and scoring them all grew faster than the corpus.
 */
const RARE_GROUP = 8;
const WEAK = 0.25;

/**
 * Content features of a sentence: stems (hyphenated words split) and figure keys, and the stems in text
 * order (pairs of consecutive stems are what copies keep and unrelated sentences almost never share).
 */
export function features(source: Source, sentence: number, figureKeys?: string[]): {feats: string[]; order: string[]; words: number} {
	const s = source.sentences[sentence]!;
	const toks = tokenize(source.text, s.start, s.end);
	const set = new Set<string>();
	const order: string[] = [];
	for (const t of toks) {
		for (const part of t.norm.split(/[-\u2011]/)) {
			if (part.length < 2 || /^[\d.,]+$/.test(part) || isStopword(part)) continue;
			const st = stem(part);
			set.add(st);
			order.push(st);
		}
	}
	const keys = figureKeys ?? source.figures.filter(f => f.sentence === sentence).map(f => figureKey(f));
	for (const k of keys) set.add('#' + k);
	return {feats: [...set], order, words: toks.length};
}

export function findReuse(sources: Source[], opts: ReuseOptions = {}): Pair[] {
	const strong = opts.strong ?? STRONG;
	const weak = opts.weak ?? WEAK;
	// --- units and features
	const dict = new Map<string, number>();
	const df: number[] = [];
	const units: Unit[] = [];
	const unitOf: number[][] = sources.map(() => []);
	// Stem pairs, hashed and packed with their unit into one float64 (hash × 2^unitBits + unit), so that a
	// native sort groups the units sharing a pair without a map of millions of entries.
	const packed: number[] = [];
	const progress = opts.onProgress;
	sources.forEach((src, si) => {
		if ((si & 63) === 0) progress?.('comparing sentences', si, sources.length);
		const figs = new Map<number, string[]>();
		for (const f of src.figures) (figs.get(f.sentence) ?? figs.set(f.sentence, []).get(f.sentence)!).push(figureKey(f));
		for (const sent of src.sentences) {
			if (sent.boilerplate) continue;
			const {feats, order, words} = features(src, sent.index, figs.get(sent.index) ?? []);
			if (feats.length < 3 || words < 4) continue;
			const ids = new Int32Array(feats.length);
			feats.forEach((f, i) => {
				let id = dict.get(f);
				if (id === undefined) {
					id = df.length;
					dict.set(f, id);
					df.push(0);
				}
				df[id]!++;
				ids[i] = id;
			});
			ids.sort();
			const ui = units.length;
			for (let i = 1; i < order.length; i++) packed.push(pairHash(dict.get(order[i - 1]!)!, dict.get(order[i]!)!), ui);
			unitOf[si]![sent.index] = ui;
			units.push({src: si, sent: sent.index, feats: ids, weight: 0});
		}
	});
	progress?.('comparing sentences', sources.length, sources.length);
	const n = units.length;
	if (n === 0) return [];
	const isFigure = [...dict.keys()].map(k => k.startsWith('#'));
	const idf = df.map((d, i) => Math.log(1 + n / d) * (isFigure[i] ? 1.5 : 1));
	for (const u of units) u.weight = sum(u.feats, idf);

	// --- candidates: sentences that share a pair of consecutive stems. Unrelated sentences rarely do,
	// so the postings stay short and the work grows with the corpus, not its square.
	const scored: {u: number; v: number; sim: number}[] = [];
	const score = (u: number, v: number) => {
		const sim = similarity(units[u]!, units[v]!, idf);
		if (sim >= weak) scored.push({u, v, sim});
	};
	const unitBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
	const hashShift = Math.max(0, 32 - (52 - unitBits));
	const scale = 2 ** unitBits;
	const keys = new Float64Array(packed.length / 2);
	for (let i = 0; i < keys.length; i++) keys[i] = (packed[2 * i]! >>> hashShift) * scale + packed[2 * i + 1]!;
	packed.length = 0;
	keys.sort();
	// A stem pair repeated inside one sentence is one piece of evidence, not two.
	let distinct = 0;
	for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[distinct++] = keys[i]!;
	const postings = keys.subarray(0, distinct);
	// Candidate pairs, packed as (u × 2^unitBits + v) × 2 + rare, collected from each run of equal hashes;
	// a sort brings together the stem pairs two sentences share.
	const cand: number[] = [];
	for (let i = 0; i < postings.length; ) {
		const h = Math.floor(postings[i]! / scale);
		let j = i + 1;
		while (j < postings.length && Math.floor(postings[j]! / scale) === h) j++;
		if (j - i > 1 && j - i <= SCAN_CAP) {
			// Every member against the first few: a widely syndicated sentence links each copy to the
			// earliest ones without the square of the group.
			const rare = j - i <= RARE_GROUP ? 1 : 0;
			for (let y = i + 1; y < j; y++) {
				const v = postings[y]! % scale;
				for (let x = i; x < Math.min(y, i + GROUP_LINKS); x++) {
					const u = postings[x]! % scale;
					cand.push((u < v ? u * scale + v : v * scale + u) * 2 + rare);
				}
			}
		}
		i = j;
	}
	const pairsToScore = Float64Array.from(cand).sort();
	cand.length = 0;
	for (let i = 0, next = 0; i < pairsToScore.length; ) {
		if (i >= next) {
			progress?.('scoring candidate pairs', i, pairsToScore.length);
			next = i + 65536;
		}
		const pair = Math.floor(pairsToScore[i]! / 2);
		let j = i + 1;
		while (j < pairsToScore.length && Math.floor(pairsToScore[j]! / 2) === pair) j++;
		// Two shared stem pairs, or one rare one (the odd entries sort last).
		if (j - i >= 2 || pairsToScore[j - 1]! % 2 === 1) score(Math.floor(pair / scale), pair % scale);
		i = j;
	}
	progress?.('scoring candidate pairs', pairsToScore.length, pairsToScore.length);
	// Neighbours of strong pairs, in order: a sentence split off a copied one may share no stem pair.
	// (A neighbour pair already scored is scored again; the duplicates merge below.)
	for (const {u, v, sim} of [...scored]) {
		if (sim < strong) continue;
		const U = units[u]!;
		const V = units[v]!;
		for (const [du, dv] of [
			[-1, 0],
			[1, 0],
			[0, -1],
			[0, 1],
			[-1, -1],
			[1, 1],
		] as const) {
			const x = unitOf[U.src]![U.sent + du];
			const y = unitOf[V.src]![V.sent + dv];
			if (x !== undefined && y !== undefined && x !== y) score(Math.min(x, y), Math.max(x, y));
		}
	}

	// --- keep each unit's best partner per other source; weak pairs only beside strong ones
	progress?.('lining up passages', 0, 0);
	const best = new Map<string, {v: number; sim: number}>();
	const note = (x: number, y: number, sim: number) => {
		const k = `${x}:${units[y]!.src}`;
		const cur = best.get(k);
		if (!cur || sim > cur.sim) best.set(k, {v: y, sim});
	};
	for (const s of scored) {
		const U = units[s.u]!;
		const V = units[s.v]!;
		// A sentence repeated inside one source is a repeat (findRepeats), never a pair of the source with itself.
		if (U.src === V.src) continue;
		note(s.u, s.v, s.sim);
		note(s.v, s.u, s.sim);
	}
	const kept = new Map<string, {u: number; v: number; sim: number}>();
	for (const s of scored) {
		const isBest = best.get(`${s.u}:${units[s.v]!.src}`)?.v === s.v || best.get(`${s.v}:${units[s.u]!.src}`)?.v === s.u;
		if (isBest) kept.set(`${s.u}:${s.v}`, s);
	}
	const strongKeys = new Set([...kept].filter(([, s]) => s.sim >= strong).map(([k]) => k));
	const accepted = [...kept.values()].filter(s => {
		if (s.sim >= strong) return true;
		// Weak: accept only next to a strong pair between the same two sources.
		const U = units[s.u]!;
		const V = units[s.v]!;
		// Neighbours in order only: the sentence before or after on one side, or on both.
		for (const du of [-1, 0, 1]) {
			for (const dv of [-1, 0, 1]) {
				if ((du === 0 && dv === 0) || du * dv === -1) continue;
				const x = unitOf[U.src]![U.sent + du];
				const y = unitOf[V.src]![V.sent + dv];
				if (x === undefined || y === undefined) continue;
				if (strongKeys.has(`${Math.min(x, y)}:${Math.max(x, y)}`)) return true;
			}
		}
		return false;
	});

	// --- orient, group by source pair, merge runs
	const groups = new Map<string, Part[]>();
	const orient = new Map<string, {a: number; b: number; direction: Pair['direction']}>();
	for (const s of accepted) {
		let U = units[s.u]!;
		let V = units[s.v]!;
		const dir = direction(sources[U.src]!, sources[V.src]!, U.src, V.src);
		if (U.src === V.src ? U.sent > V.sent : dir.swap) [U, V] = [V, U];
		const key = `${U.src}>${V.src}`;
		if (!orient.has(key)) orient.set(key, {a: U.src, b: V.src, direction: dir.direction});
		const kind = kindOf(wordsOf(sources[U.src]!, U.sent), wordsOf(sources[V.src]!, V.sent), s.sim);
		(groups.get(key) ?? groups.set(key, []).get(key)!).push({
			a: U.sent,
			b: V.sent,
			similarity: round(Math.max(s.sim, kind.ratio)),
			kind: kind.kind,
		});
	}
	const pairs: Pair[] = [];
	for (const [key, parts] of groups) {
		const o = orient.get(key)!;
		const A = sources[o.a]!;
		const B = sources[o.b]!;
		parts.sort((x, y) => x.a - y.a || x.b - y.b);
		let run: Part[] = [];
		const flush = () => {
			if (run.length) pairs.push(makePair(A, B, run, o.direction));
			run = [];
		};
		for (const p of parts) {
			const last = run[run.length - 1];
			const aMax = last ? Math.max(...run.map(r => r.a)) : 0;
			const bMax = last ? Math.max(...run.map(r => r.b)) : 0;
			const inOrder = last && p.a - aMax <= 1 && p.b - bMax <= 1 && p.b >= bMax && p.a >= aMax && (p.a > aMax || p.b > bMax);
			const sameSelf = o.a === o.b && last && p.a <= bMax;
			if (last && (!inOrder || sameSelf)) flush();
			run.push(p);
		}
		flush();
	}
	pairs.sort(
		(x, y) =>
			(x.a.source < y.a.source ? -1 : x.a.source > y.a.source ? 1 : 0) ||
			(x.b.source < y.b.source ? -1 : x.b.source > y.b.source ? 1 : 0) ||
			x.b.start - y.b.start,
	);
	return pairs;
}

function makePair(A: Source, B: Source, run: Part[], dir: Pair['direction']): Pair {
	const side = (src: Source, idx: number[]): Side => {
		const lo = Math.min(...idx);
		const hi = Math.max(...idx);
		const start = src.sentences[lo]!.start;
		const end = src.sentences[hi]!.end;
		return {source: src.id, start, end, text: src.text.slice(start, end), sentences: [lo, hi]};
	};
	const a = side(
		A,
		run.map(r => r.a),
	);
	const b = side(
		B,
		run.map(r => r.b),
	);
	const figs = (src: Source, s: Side) => src.figures.filter(f => f.sentence >= s.sentences[0] && f.sentence <= s.sentences[1]);
	const weightOf = (r: Part) => B.sentences[r.b]!.end - B.sentences[r.b]!.start;
	const total = run.reduce((t, r) => t + weightOf(r), 0);
	const similarity = round(run.reduce((t, r) => t + r.similarity * weightOf(r), 0) / (total || 1));
	const kind: PairKind = run.every(r => r.kind === 'verbatim')
		? 'verbatim'
		: run.every(r => r.kind !== 'paraphrase')
			? 'near'
			: 'paraphrase';
	return {a, b, similarity, kind, direction: dir, figures: lineUp(figs(A, a), figs(B, b)), parts: run, family: null};
}

/** A 32-bit hash of an ordered pair of feature ids. */
function pairHash(a: number, b: number): number {
	let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

function wordsOf(source: Source, sentence: number): string[] {
	const s = source.sentences[sentence]!;
	return tokenize(source.text, s.start, s.end).map(t => t.norm.replace(/['\u2019]/g, "'"));
}

function sum(ids: Int32Array, w: number[]): number {
	let t = 0;
	for (const i of ids) t += w[i]!;
	return t;
}

/** Weighted overlap of two feature sets: the mean of Dice and containment (for split or merged sentences). */
function similarity(U: Unit, V: Unit, idf: number[]): number {
	let i = 0;
	let j = 0;
	let shared = 0;
	let count = 0;
	const a = U.feats;
	const b = V.feats;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			shared += idf[a[i]!]!;
			count++;
			i++;
			j++;
		} else if (a[i]! < b[j]!) i++;
		else j++;
	}
	// Fewer than four shared features is coincidence more often than copying (a name, a year, a word).
	if (count < 4) return 0;
	const dice = (2 * shared) / (U.weight + V.weight);
	const contain = shared / Math.min(U.weight, V.weight);
	// Containment of a very short sentence says little: damp it by the size of the smaller side.
	const small = Math.min(a.length, b.length);
	const damp = Math.min(1, small / 8);
	return 0.5 * dice + 0.5 * contain * damp + 0.5 * dice * (1 - damp);
}

/** Kind of a sentence pair from its word sequences: equal, close by edit ratio, or reworded. */
export function kindOf(a: string[], b: string[], sim: number): {kind: PairKind; ratio: number} {
	if (a.length === b.length && a.every((w, i) => w === b[i])) return {kind: 'verbatim', ratio: 1};
	const ratio = (lcsLength(a, b) * 2) / (a.length + b.length || 1);
	if (ratio >= 0.97) return {kind: 'verbatim', ratio};
	if (ratio >= 0.8) return {kind: 'near', ratio};
	return {kind: 'paraphrase', ratio: Math.min(ratio, sim)};
}

/** Length of the longest common subsequence of two word sequences. */
export function lcsLength(a: string[], b: string[]): number {
	if (!a.length || !b.length) return 0;
	let prev = new Uint32Array(b.length + 1);
	let cur = new Uint32Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
		}
		[prev, cur] = [cur, prev];
	}
	return prev[b.length]!;
}

/**
 * Which of two sources is the origin. Dates may be partial (YYYY or YYYY-MM): a source is earlier when its
 * latest possible day is before the other's; when both are undated or equal, corpus order decides.
 */
export function direction(x: Source, y: Source, xi: number, yi: number): {swap: boolean; direction: 'dated' | 'undated'} {
	const ex = dateEnd(x.date);
	const ey = dateEnd(y.date);
	if (ex && ey && ex !== ey) return {swap: ey < ex, direction: 'dated'};
	return {swap: yi < xi, direction: 'undated'};
}

function dateEnd(d: string | null): string | null {
	if (!d) return null;
	if (/^\d{4}$/.test(d)) return `${d}-12-31`;
	if (/^\d{4}-\d{2}$/.test(d)) return `${d}-31`;
	return d;
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}

/** Sentences a source repeats inside itself (the same words once normalised): each later one is a repeat of the first. */
export function findRepeats(sources: Source[]): Repeat[] {
	const out: Repeat[] = [];
	for (const s of sources) {
		const first = new Map<string, number>();
		for (const sent of s.sentences) {
			if (sent.boilerplate) continue;
			const words = tokenize(s.text, sent.start, sent.end).map(t => t.norm);
			if (words.length < 4) continue;
			const key = words.join(' ');
			const of = first.get(key);
			if (of === undefined) first.set(key, sent.index);
			else out.push({source: s.id, sentence: sent.index, of});
		}
	}
	return out;
}
