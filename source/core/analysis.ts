// The analysis of a corpus: reuse pairs and per-source figures, computed once and shared by the
// command line and the explorer.

import type {Corpus, Source} from './source.js';
import {findRepeats, findReuse} from './reuse.js';
import type {Family, Pair, Repeat} from './types.js';

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
};

export type Analysis = {corpus: Corpus; pairs: Pair[]; families: Family[]; repeats: Repeat[]; rows: SourceRow[]};

export function analyze(corpus: Corpus): Analysis {
	return analysisOf(corpus, findReuse(corpus.sources));
}

/** The whole analysis from the pairs found (computed here, or read from the cache or another thread). */
export function analysisOf(corpus: Corpus, pairs: Pair[]): Analysis {
	return {corpus, pairs, families: [], repeats: findRepeats(corpus.sources), rows: sourceRows(corpus.sources, pairs)};
}

export function sourceRows(sources: Source[], pairs: Pair[]): SourceRow[] {
	const covered = new Map<string, Set<number>>();
	const mark = (id: string, sentences: number[]) => {
		const set = covered.get(id) ?? covered.set(id, new Set()).get(id)!;
		for (const s of sentences) set.add(s);
	};
	for (const p of pairs) {
		mark(
			p.a.source,
			p.parts.map(x => x.a),
		);
		mark(
			p.b.source,
			p.parts.map(x => x.b),
		);
	}
	return sources.map(s => {
		const content = s.sentences.filter(x => !x.boilerplate);
		const total = content.reduce((t, x) => t + x.end - x.start, 0);
		const set = covered.get(s.id);
		const reusedChars = set ? content.filter(x => set.has(x.index)).reduce((t, x) => t + x.end - x.start, 0) : 0;
		return {
			source: s.id,
			title: s.title,
			publisher: s.publisher,
			date: s.date,
			words: s.words,
			passages: content.length,
			reused: total ? Math.round((reusedChars / total) * 1000) / 1000 : 0,
			figures: s.figures.length,
		};
	});
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
