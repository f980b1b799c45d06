// The analysis of a corpus: reuse pairs and per-source figures, computed once and shared by the
// command line and the explorer.

import type {Corpus, Source} from './source.js';
import {findReuse, type Reuse} from './reuse.js';
import type {Pair, Relation} from './types.js';

export type SourceRow = {
	source: string;
	title: string;
	publisher: string | null;
	date: string | null;
	words: number;
	passages: number;
	/** Share (0..1) of the source's non-boilerplate text that is paired with another source. */
	reused: number;
	figures: number;
	/** Sources this one copied from, with the share of this source's text that came from each. */
	copiedFrom: Relation[];
	/** Sources that copied from this one, with the share of their text that came from it. */
	copiedBy: Relation[];
	/** How many other sources this one shares text with, either way. */
	reach: number;
};

export type Analysis = Reuse & {corpus: Corpus; rows: SourceRow[]};

export function analyze(corpus: Corpus): Analysis {
	return analysisOf(corpus, findReuse(corpus.sources));
}

/** The whole analysis from the reuse found (computed here, or read from the cache or another thread). */
export function analysisOf(corpus: Corpus, reuse: Reuse): Analysis {
	return {corpus, ...reuse, rows: sourceRows(corpus.sources, reuse.pairs)};
}

export function sourceRows(sources: Source[], pairs: Pair[]): SourceRow[] {
	const covered = new Map<string, Set<number>>();
	/** Sentences of copy `b` that came from origin `a`, keyed `b\0a`. */
	const from = new Map<string, Set<number>>();
	const add = (map: Map<string, Set<number>>, key: string, sentences: number[]) => {
		const set = map.get(key) ?? map.set(key, new Set()).get(key)!;
		for (const x of sentences) set.add(x);
	};
	for (const p of pairs) {
		const a = p.parts.map(x => x.a);
		const b = p.parts.map(x => x.b);
		add(covered, p.a.source, a);
		add(covered, p.b.source, b);
		add(from, `${p.b.source}\0${p.a.source}`, b);
	}
	const byId = new Map(sources.map(s => [s.id, s]));
	const contentChars = new Map(sources.map(s => [s.id, s.sentences.reduce((t, x) => t + (x.boilerplate ? 0 : x.end - x.start), 0)]));
	const share = (id: string, sentences: Set<number>) => {
		const src = byId.get(id)!;
		let chars = 0;
		for (const i of sentences) {
			const x = src.sentences[i];
			if (x && !x.boilerplate) chars += x.end - x.start;
		}
		const total = contentChars.get(id) ?? 0;
		return total ? Math.round((chars / total) * 1000) / 1000 : 0;
	};
	const copiedFrom = new Map<string, Relation[]>();
	const copiedBy = new Map<string, Relation[]>();
	for (const [key, sentences] of from) {
		const [b, a] = key.split('\0') as [string, string];
		const rel = share(b, sentences);
		(copiedFrom.get(b) ?? copiedFrom.set(b, []).get(b)!).push({source: a, share: rel});
		(copiedBy.get(a) ?? copiedBy.set(a, []).get(a)!).push({source: b, share: rel});
	}
	const byShare = (x: Relation, y: Relation) => y.share - x.share || (x.source < y.source ? -1 : x.source > y.source ? 1 : 0);
	return sources.map(s => {
		const content = s.sentences.filter(x => !x.boilerplate);
		const set = covered.get(s.id);
		const cf = (copiedFrom.get(s.id) ?? []).sort(byShare);
		const cb = (copiedBy.get(s.id) ?? []).sort(byShare);
		return rowOf(s, content.length, s.figures.length, {reused: set ? share(s.id, set) : 0, copiedFrom: cf, copiedBy: cb});
	});
}

/** A source's row from what its file says and, once found, its reuse (none: a row before the corpus is compared). */
export function rowOf(
	s: Pick<Source, 'id' | 'title' | 'publisher' | 'date' | 'words'>,
	passages: number,
	figures: number,
	reuse: {reused: number; copiedFrom: Relation[]; copiedBy: Relation[]} = {reused: 0, copiedFrom: [], copiedBy: []},
): SourceRow {
	return {
		source: s.id,
		title: s.title,
		publisher: s.publisher,
		date: s.date,
		words: s.words,
		passages,
		reused: reuse.reused,
		figures,
		copiedFrom: reuse.copiedFrom,
		copiedBy: reuse.copiedBy,
		reach: new Set([...reuse.copiedFrom, ...reuse.copiedBy].map(r => r.source)).size,
	};
}

/** Pairs that involve one source, in its text order. */
export function pairsOf(pairs: Pair[], source: string): Pair[] {
	return pairs
		.filter(p => p.a.source === source || p.b.source === source)
		.sort((x, y) => sideOf(x, source).start - sideOf(y, source).start);
}

/** The side of a pair that lies in `source` (side `a` for a repeat inside one source). */
export function sideOf(p: Pair, source: string) {
	return p.a.source === source ? p.a : p.b;
}
