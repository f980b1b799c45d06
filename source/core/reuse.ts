// Reuse detection: which passages of the corpus are copies or rewordings of one another, as families.
// The stages, each a module of its own:
//   features   — each content sentence as hashed stems, figure keys and shingles (dateline left out)
//   candidates — sentence pairs that share distinctive shingles
//   align      — scored sentence pairs; strong ones, and weak ones beside a strong pair
//   gaps       — sentences between two aligned pairs (and after the last), lined up by length and shared words
//   translation — sources in two languages lined up by the numbers and names they keep
//   families   — sentences grouped around their earliest copy, chained into passages, origin and members
// Pairs are each member against its family's origin; `pairwise` lists every aligned pair of sources.

import {alignSentences, type Edge, type Unit, unitsOf} from './align.js';
import {candidatePairs, type Shingles} from './candidates.js';
import {kindOf, passageKind, wordRatio, wordsOf} from './classify.js';
import {compareDates, dateEnd} from './dates.js';
import {buildFamilies, languageOfSource} from './families.js';
import {gapEdges} from './gaps.js';
import {type FeatureTable, featureTable, matchStart, repeatKey, rowCount} from './features.js';
import {lineUp} from './figures.js';
import type {Progress, Source} from './source.js';
import {translationEdges} from './translation.js';
import type {Family, Pair, Part, Repeat, Side} from './types.js';

export type {CopyKind as PairKind, Pair, Part, Side} from './types.js';

export type Reuse = {
	families: Family[];
	/** Each member of each family against the family's origin. */
	pairs: Pair[];
	/** Sentences repeated inside one source. */
	repeats: Repeat[];
	/** Short formulae many sources share with different text around them: not families. */
	stock: {source: string; sentence: number}[];
};

export type ReuseOptions = {
	onProgress?: Progress;
	/** The features of each source's sentences when they were computed with the files (core/pipeline.ts). */
	features?: FeatureTable[];
};

/** What the matching stages found: units, their aligned pairs, how to find a sentence's unit, which sources are related. */
export type Alignment = {
	units: Unit[];
	edges: Edge[];
	unitAt: (src: number, sent: number) => number;
	/** Whether two sources share enough substantial sentences to be copies of each other. */
	related: (a: number, b: number) => boolean;
	/** The word-level agreement of two units' sentences (LCS ratio, datelines left out). */
	wordRatio: (u: number, v: number) => number;
	/** Strong sentence pairs between sources that words alone do not relate. */
	unrelated: Edge[];
};

/** Features, candidates and alignment over a corpus's sources. */
export function alignCorpus(sources: Source[], features?: FeatureTable[], opts: ReuseOptions = {}): Alignment {
	const progress = opts.onProgress;
	const tables = features ?? tablesOf(sources, progress);
	progress?.('comparing sentences', sources.length, sources.length);
	const {units} = unitsOf(tables);
	const index = sources.map(() => new Map<number, number>());
	for (const [i, u] of units.entries()) index[u.src]!.set(u.sent, i);
	const unitAt = (src: number, sent: number) => index[src]?.get(sent) ?? -1;
	const cands = candidatePairs(
		shinglesOfTables(tables),
		Int32Array.from(units, u => u.src),
		(done, total) => progress?.('scoring candidate pairs', done, total),
	);
	progress?.('lining up passages', 0, 0);
	const ratioOf = (u: number, v: number) => {
		const U = units[u]!;
		const V = units[v]!;
		const a = sources[U.src]!;
		const b = sources[V.src]!;
		return wordRatio(wordsOf(a, U.sent, matchStart(a, U.sent)), wordsOf(b, V.sent, matchStart(b, V.sent)));
	};
	const aligned = alignSentences(units, cands, unitAt, ratioOf);
	const gaps = gapEdges(
		units,
		aligned.edges,
		unitAt,
		(src, a, b) => sources[src]!.sentences[a]!.block === sources[src]!.sentences[b]!.block,
	);
	const edges = [...aligned.edges, ...gaps];
	return {units, edges, unitAt, related: aligned.related, wordRatio: ratioOf, unrelated: aligned.unrelated};
}

/** Each source's feature table, made here (when the files' threads did not bring them). */
function tablesOf(sources: Source[], progress?: Progress): FeatureTable[] {
	return sources.map((s, si) => {
		if ((si & 63) === 0) progress?.('comparing sentences', si, sources.length);
		return featureTable(s);
	});
}

/** The shingles of every row of every table, end to end in unit order. */
function shinglesOfTables(tables: FeatureTable[]): Shingles {
	let n = 0;
	let total = 0;
	for (const t of tables) {
		n += rowCount(t);
		total += t.shingles.length;
	}
	const start = new Int32Array(n + 1);
	const hashes = new Uint32Array(total);
	let id = 0;
	let at = 0;
	for (const t of tables) {
		hashes.set(t.shingles, at);
		for (let r = 0; r < rowCount(t); r++, id++) start[id + 1] = at + t.shingleStart[r + 1]!;
		at += t.shingles.length;
	}
	return {start, hashes};
}

export function findReuse(sources: Source[], opts: ReuseOptions = {}): Reuse {
	// Tables made here when the files did not bring them, and shared with the check for repeats.
	const tables = opts.features ?? tablesOf(sources, opts.onProgress);
	const alignment = alignCorpus(sources, tables, opts);
	const languageOf = (src: number) => languageOfSource(sources[src]!);
	opts.onProgress?.('finding translations', 0, 0);
	const translation = translationEdges({units: alignment.units, unitAt: alignment.unitAt, languageOf});
	// A sentence that two translations of one text share word for word (the headline left in English).
	const translated = new Set(translation.translated.map(([a, b]) => `${a}:${b}`));
	const sourcesOf = (e: Edge) => {
		const a = alignment.units[e.u]!.src;
		const b = alignment.units[e.v]!.src;
		return a < b ? `${a}:${b}` : `${b}:${a}`;
	};
	const untranslated = alignment.unrelated.filter(e => translated.has(sourcesOf(e)));
	opts.onProgress?.('building families', 0, 0);
	const {families, pairs, stock} = buildFamilies({
		sources,
		...alignment,
		edges: [...alignment.edges, ...translation.edges, ...untranslated],
		languageOf,
	});
	return {families, pairs, repeats: findRepeats(sources, tables), stock};
}

/**
 * Every aligned pair of sources, passage by passage (`pairs --all`): the pairwise listing, which grows with
 * the square of the number of copies. Side `a` is the earlier source.
 */
export function pairwise(sources: Source[], {units, edges}: Alignment): Pair[] {
	const groups = new Map<string, {a: number; b: number; parts: Part[]}>();
	for (const e of edges) {
		let U = units[e.u]!;
		let V = units[e.v]!;
		if (
			compareDates(sources[V.src]!.date, sources[U.src]!.date) < 0 ||
			(compareDates(sources[V.src]!.date, sources[U.src]!.date) === 0 && V.src < U.src)
		)
			[U, V] = [V, U];
		const key = `${U.src}>${V.src}`;
		const g = groups.get(key) ?? groups.set(key, {a: U.src, b: V.src, parts: []}).get(key)!;
		const k = kindOf(wordsOf(sources[U.src]!, U.sent), wordsOf(sources[V.src]!, V.sent), e.sim);
		g.parts.push({a: U.sent, b: V.sent, similarity: round(Math.max(e.sim, k.ratio)), kind: k.kind});
	}
	const pairs: Pair[] = [];
	for (const {a, b, parts} of groups.values()) {
		parts.sort((x, y) => x.a - y.a || x.b - y.b);
		let run: Part[] = [];
		for (const p of parts) {
			const last = run[run.length - 1];
			if (last && !onward(last, p)) {
				pairs.push(pairFromRun(sources[a]!, sources[b]!, run));
				run = [];
			}
			run.push(p);
		}
		if (run.length) pairs.push(pairFromRun(sources[a]!, sources[b]!, run));
	}
	return pairs.sort((x, y) => cmp(x.a.source, y.a.source) || cmp(x.b.source, y.b.source) || x.b.start - y.b.start);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Part `p` continues a passage after `last`: in order, near, and one sentence may stand for two (merged or split). */
const onward = (last: Part, p: Part) =>
	p.a >= last.a && p.b >= last.b && (p.a > last.a || p.b > last.b) && p.a - last.a <= 2 && p.b - last.b <= 2;

function pairFromRun(A: Source, B: Source, run: Part[]): Pair {
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
	const da = dateEnd(A.date);
	const db = dateEnd(B.date);
	return {
		a,
		b,
		similarity,
		kind: passageKind(run.map(r => r.kind)),
		direction: da && db && da !== db ? 'dated' : 'undated',
		figures: lineUp(
			figs(A, a),
			figs(B, b),
			run.map(r => [r.a, r.b]),
		),
		parts: run,
		family: null,
	};
}

/**
 * Sentences a source repeats inside itself (the same words once normalised): each later one is a repeat of
 * the first. The keys of the sentences (`repeatKey`) come from the feature
 * tables when the files' threads computed them, else they are computed here.
 */
export function findRepeats(sources: Source[], tables?: FeatureTable[]): Repeat[] {
	const out: Repeat[] = [];
	sources.forEach((s, si) => {
		let keys = tables?.[si]?.repeatKeys;
		if (!keys || keys.length !== s.sentences.length * 3) {
			keys = new Uint32Array(s.sentences.length * 3);
			for (const sent of s.sentences) if (!sent.boilerplate) repeatKey(s.text, sent.start, sent.end, keys, sent.index * 3);
		}
		// A sentence by its words' hashes (lower-cased), in order: the same words once normalised are one key.
		const first = new Map<string, number>();
		for (const sent of s.sentences) {
			if (sent.boilerplate) continue;
			const at = sent.index * 3;
			if (keys[at]! < 4) continue;
			const key = `${keys[at]}:${keys[at + 1]}:${keys[at + 2]}`;
			const of = first.get(key);
			if (of === undefined) first.set(key, sent.index);
			else out.push({source: s.id, sentence: sent.index, of});
		}
	});
	return out;
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}
