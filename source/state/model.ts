// What the explorer shows, derived once from a corpus and its analysis. Pure: no React, no I/O.

import {pairsOf, sourceRows, type Analysis, type SourceRow} from '../core/analysis.js';
import type {Corpus, Source} from '../core/source.js';
import {ledger, series, type LedgerRow, type Series} from '../core/ledger.js';
import type {Pair} from '../core/reuse.js';
import {Searcher, searchDocs} from '../core/search.js';

export type Model = {
	corpus: Corpus;
	/** Null while the reuse analysis is still running. */
	analysis: Analysis | null;
	rows: SourceRow[];
	byId: Map<string, Source>;
	index: Map<string, number>;
	short: Map<string, string>;
	/** Built on first use: a large corpus's search index takes a moment. */
	readonly searcher: Searcher;
	/** Built on first use: only the figures view needs them. */
	readonly ledger: LedgerRow[];
	readonly series: Series[];
};

export function buildModel(corpus: Corpus, analysis: Analysis | null, searcher?: () => Searcher): Model {
	const pairs = analysis?.pairs ?? [];
	let search: Searcher | undefined;
	let figures: {ledger: LedgerRow[]; series: Series[]} | undefined;
	const ledgerOf = () => (figures ??= {ledger: ledger(corpus.sources, pairs), series: series(corpus.sources)});
	return {
		corpus,
		analysis,
		rows: analysis?.rows ?? sourceRows(corpus.sources, []),
		byId: new Map(corpus.sources.map(s => [s.id, s])),
		index: new Map(corpus.sources.map((s, i) => [s.id, i])),
		short: shortNames(corpus.sources.map(s => s.id)),
		get searcher() {
			search ??= searcher ? searcher() : new Searcher(searchDocs(corpus.sources));
			return search;
		},
		get ledger() {
			return ledgerOf().ledger;
		},
		get series() {
			return ledgerOf().series;
		},
	};
}

/** Short labels for sources: the part of the file name before "_" or "." when that is unique, else the name cut to 12. */
export function shortNames(ids: string[]): Map<string, string> {
	const base = (id: string) =>
		id
			.split('/')
			.pop()!
			.replace(/\.[^.]+$/, '');
	const first = ids.map(id => base(id).split(/[_\s]/)[0]!.slice(0, 12));
	const unique = new Set(first).size === ids.length;
	return new Map(ids.map((id, i) => [id, unique ? first[i]! : base(id).slice(0, 12)]));
}

export function allPairs(model: Model): Pair[] {
	return model.analysis?.pairs ?? [];
}

/** Pairs of one source, in its text order (what n/N step through in the reader). */
export function readerPairs(model: Model, source: string): Pair[] {
	return pairsOf(allPairs(model), source);
}

/** Pairs between the same two sources, in the text order of side A (what ] and [ step through). */
export function pairsBetween(model: Model, a: string, b: string): Pair[] {
	return allPairs(model)
		.filter(p => p.a.source === a && p.b.source === b)
		.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
}
