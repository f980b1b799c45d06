// Fuzzy search over passages and titles with Fuse.js.
//
// Fuse's defaults score a match by its distance from the start of the string, which hides hits in long
// news sentences: `ignoreLocation` turns that off. Each word of the query must match (a logical $and of
// fuzzy words), so "shenzen cluster" finds "Shenzhen–Hong Kong–Guangzhou cluster". The text searched is a
// length-preserving fold of the original, so match ranges are ranges of the source file.

import Fuse, {type FuseResultMatch, type IFuseOptions} from 'fuse.js';
import type {Source} from './source.js';
import {foldForSearch} from './text.js';
import {WordIndex} from './word-index.js';

export type Doc = {source: string; kind: 'passage' | 'title'; start: number; end: number; text: string; folded: string};
export type Hit = {
	source: string;
	kind: Doc['kind'];
	start: number;
	end: number;
	text: string;
	/** Relevance 0..1, 1 the best (1 minus Fuse's score). */
	score: number;
	/** Matched character ranges, end exclusive: offsets into the source file (into the title for a title hit). */
	matches: [number, number][];
};

export const FUSE_OPTIONS: IFuseOptions<Doc> = {
	keys: ['folded'],
	includeScore: true,
	includeMatches: true,
	ignoreLocation: true,
	ignoreFieldNorm: false,
	threshold: 0.25,
	minMatchCharLength: 2,
	shouldSort: true,
};

export const MAX_QUERY_WORDS = 8;
const MAX_WORD = 32; // Bitap's pattern limit.

/** The documents to search: each non-boilerplate sentence, and each title. */
export function searchDocs(sources: Source[]): Doc[] {
	const docs: Doc[] = [];
	for (const s of sources) {
		if (s.sameAs) continue;
		// A title that stands in the text is searched as its passage; one from the sidecar on its own.
		if (!s.text.includes(s.title))
			docs.push({source: s.id, kind: 'title', start: 0, end: 0, text: s.title, folded: foldForSearch(s.title)});
		for (const x of s.sentences) {
			if (x.boilerplate) continue;
			docs.push({source: s.id, kind: 'passage', start: x.start, end: x.end, text: x.text, folded: foldForSearch(x.text)});
		}
	}
	return docs;
}

/** The query as Fuse sees it: folded words, each of which must match; null when there is nothing to search. */
export function parseQuery(query: string): string[] | null {
	const words = foldForSearch(query)
		.toLowerCase()
		.split(/\s+/)
		.map(w => w.slice(0, MAX_WORD))
		.filter(w => w.length > 0)
		.slice(0, MAX_QUERY_WORDS);
	return words.length ? words : null;
}

/** Up to this many documents, Fuse searches all of them; above it, an index of words narrows them first. */
export const FULL_SCAN_LIMIT = 4000;
/**
 * How many of the documents the index scores best, as Fuse would score them, Fuse itself ranks: more than a
 * page of hits (50), so that where the index's score and Fuse's differ (a match across a space) Fuse decides.
 */
export const RANKED = 120;
/** How many query words the index keeps the matches of (more than a query can hold). */
const KEPT_WORDS = MAX_QUERY_WORDS + 4;

export class Searcher {
	private fuse: Fuse<Doc> | null = null;
	private readonly index: WordIndex | null;
	private readonly cache = new Map<string, Hit[]>();

	private lowered: string[] | null = null;

	constructor(readonly docs: Doc[]) {
		this.index = docs.length <= FULL_SCAN_LIMIT ? null : new WordIndex(this.lowerTexts(), KEPT_WORDS);
	}

	/** Each document's folded text lower-cased, made once for the index and for scans of exact words and phrases. */
	lowerTexts(): string[] {
		this.lowered ??= this.docs.map(d => d.folded.toLowerCase());
		return this.lowered;
	}

	/** Whether the index is built; until then a search builds the rest first. */
	get ready(): boolean {
		return this.index ? this.index.ready : this.fuse !== null;
	}

	/** Build some of the index, for at most about `budgetMs`, so a caller can keep its event loop free. */
	prepare(budgetMs: number): boolean {
		if (this.index) return this.index.build(budgetMs);
		this.fuse ??= new Fuse(this.docs, FUSE_OPTIONS, Fuse.createIndex(FUSE_OPTIONS.keys!, this.docs));
		return true;
	}

	/** Fuse over every document, whatever the size: the reference the narrowed search is measured against. */
	static plainIndex(docs: Doc[]): Fuse<Doc> {
		return new Fuse(docs, FUSE_OPTIONS, Fuse.createIndex(FUSE_OPTIONS.keys!, docs));
	}

	static plainWith(fuse: Fuse<Doc>, query: string, limit = 50): Hit[] {
		const words = parseQuery(query);
		return words ? run(fuse, words, limit) : [];
	}

	search(query: string, limit = 50): Hit[] {
		const words = parseQuery(query);
		if (!words) return [];
		const key = `${limit}\0${words.join(' ')}`;
		const cached = this.cache.get(key);
		if (cached) return cached;
		this.prepare(Number.POSITIVE_INFINITY);
		let hits: Hit[];
		if (this.fuse) hits = run(this.fuse, words, limit);
		else {
			// The best few as Fuse would score them, in index order, so that Fuse breaks ties as it would over all documents.
			const best = this.index!.best(words, FUSE_OPTIONS.threshold!, RANKED).sort((a, b) => a - b);
			const subset = best.map(i => this.docs[i]!);
			hits = run(new Fuse(subset, FUSE_OPTIONS, Fuse.createIndex(FUSE_OPTIONS.keys!, subset)), words, limit);
		}
		if (this.cache.size > 500) this.cache.clear();
		this.cache.set(key, hits);
		return hits;
	}
}

function run(fuse: Fuse<Doc>, words: string[], limit: number): Hit[] {
	const q = words.length === 1 ? words[0]! : {$and: words.map(w => ({folded: w}))};
	return fuse.search(q, {limit}).map(r => toHit(r.item, r.score ?? 1, r.matches ?? []));
}

function toHit(doc: Doc, score: number, matches: readonly FuseResultMatch[]): Hit {
	const ranges: [number, number][] = [];
	for (const m of matches) for (const [a, b] of m.indices) ranges.push([a, b + 1]);
	ranges.sort((x, y) => x[0] - y[0]);
	const merged: [number, number][] = [];
	for (const r of ranges) {
		const last = merged[merged.length - 1];
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else merged.push([r[0], r[1]]);
	}
	const offset = doc.kind === 'passage' ? doc.start : 0;
	return {
		source: doc.source,
		kind: doc.kind,
		start: doc.start,
		end: doc.end,
		text: doc.text,
		score: Math.round((1 - score) * 1000) / 1000,
		matches: merged.map(([a, b]) => [a + offset, b + offset]),
	};
}
