// Fuzzy search over passages and titles with Fuse.js.
//
// Fuse's defaults score a match by its distance from the start of the string, which hides hits in long
// news sentences: `ignoreLocation` turns that off. Each word of the query must match (a logical $and of
// fuzzy words), so "shenzen cluster" finds "Shenzhen–Hong Kong–Guangzhou cluster". The text searched is a
// length-preserving fold of the original, so match ranges are ranges of the source file.

import Fuse, {type FuseResultMatch, type IFuseOptions} from 'fuse.js';
import type {Source} from './source.js';
import {foldForSearch} from './text.js';

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

/** Up to this many documents, Fuse searches all of them; above it, a trigram index narrows them first. */
export const FULL_SCAN_LIMIT = 4000;
/** How many candidates the trigram index hands to Fuse. */
export const CANDIDATES = 2000;
/** How many of those, scored as Fuse would score them, Fuse itself ranks. */
export const RANKED = 120;
/** How many query words the index keeps edit ratios for (more than a query can hold). */
const KEPT_WORDS = MAX_QUERY_WORDS + 4;

export class Searcher {
	private fuse: Fuse<Doc> | null = null;
	private readonly index: TrigramIndex | null;
	private readonly cache = new Map<string, Hit[]>();

	private lowered: string[] | null = null;

	constructor(readonly docs: Doc[]) {
		this.index = docs.length <= FULL_SCAN_LIMIT ? null : new TrigramIndex(this.lowerTexts());
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
			// Score the trigram candidates as Fuse would (each word's edit distance over its length, to the
			// power of the field norm, multiplied), keep the best few, and let Fuse rank those; in index
			// order, so that Fuse breaks ties as it would over all documents.
			const ids = this.index!.candidates(words, CANDIDATES);
			const best = this.index!.prescore(words, ids, FUSE_OPTIONS.threshold!, RANKED).sort((a, b) => a - b);
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

/**
 * Candidate documents for a query from an index of character trigrams: each document scores, for each
 * query word, the share of the word's trigrams it holds (rare trigrams count more), so a document must
 * hold something of every word; the best few go to Fuse. Words shorter than three characters are found
 * by substring, shortest documents first (Fuse ranks short fields higher).
 */
export class TrigramIndex {
	private readonly postings = new Map<number, number[]>();
	/** Texts in order of length (ties in index order), once every text is in. */
	private byLength: Uint32Array = new Uint32Array(0);
	/** Texts too short to hold a trigram. */
	private readonly tiny: number[] = [];
	private readonly score: Float32Array;
	/** Scratch space for a query: the texts it touches, and their scores for selection. */
	private readonly touched: Int32Array;
	private readonly values: Float32Array;
	/** A small bonus for short texts: Fuse ranks equal matches in shorter fields first. */
	private readonly shortness: Float32Array;
	/** Fuse's field norm for each text: 1 / sqrt(number of words), to three decimals. */
	private readonly norms: Float32Array;
	private readonly distances = new Map<string, Float64Array>();
	private built = 0;

	/**
	 * Nothing is read here: each text's norms are taken as it is indexed (`build`), in slices, so that opening
	 * search on a large corpus does not wait for a pass over every text (300 ms at 100,000 passages).
	 */
	constructor(private readonly texts: string[]) {
		this.norms = new Float32Array(texts.length);
		this.score = new Float32Array(texts.length);
		this.touched = new Int32Array(texts.length);
		this.values = new Float32Array(texts.length);
		this.shortness = new Float32Array(texts.length);
	}

	get ready(): boolean {
		return this.built === this.texts.length;
	}

	/**
	 * The `keep` best of `ids` by Fuse's own score for the query: per word, the fewest edits that turn it
	 * into a substring of the text, over its length (at least 0.001), to the power of the field norm,
	 * multiplied over the words; a word over the threshold rules the text out. Ties go to the lower index.
	 */
	prescore(words: string[], ids: number[], threshold: number, keep: number): number[] {
		const matchers: ((text: string) => number)[] = [];
		const known = words.map(w => this.distancesOf(w));
		const scored: {d: number; s: number}[] = [];
		for (const d of ids) {
			let total = 1;
			for (let i = 0; i < words.length; i++) {
				let e = known[i]![d]!;
				if (e < 0) {
					matchers[i] ??= editMatcher(words[i]!);
					e = known[i]![d] = matchers[i]!(this.texts[d]!) / Math.min(words[i]!.length, 31);
				}
				if (e > threshold) {
					total = -1;
					break;
				}
				total *= Math.max(0.001, e) ** this.norms[d]!;
			}
			if (total >= 0) scored.push({d, s: total});
		}
		scored.sort((a, b) => a.s - b.s || a.d - b.d);
		return scored.slice(0, keep).map(x => x.d);
	}

	/**
	 * Each text's edit ratio for a word, -1 until measured, kept for the last few words: while a query is
	 * typed only its last word changes, so the others are measured once, not on every keystroke.
	 */
	private distancesOf(word: string): Float64Array {
		let known = this.distances.get(word);
		this.distances.delete(word);
		if (!known) {
			const oldest = this.distances.size >= KEPT_WORDS ? this.distances.keys().next().value : undefined;
			known = oldest === undefined ? new Float64Array(this.texts.length) : this.distances.get(oldest)!;
			if (oldest !== undefined) this.distances.delete(oldest);
			known.fill(-1);
		}
		this.distances.set(word, known); // the most recently used last
		return known;
	}

	/**
	 * Index more texts, for about `budgetMs`; true when all are in. Trigrams are numbers (three UTF-16
	 * units); a list that ends with this text already has it.
	 */
	build(budgetMs: number): boolean {
		const until = performance.now() + budgetMs;
		const lists = this.postings;
		while (this.built < this.texts.length) {
			const id = this.built++;
			const t = this.texts[id]!;
			this.norms[id] = Math.round(1000 / Math.sqrt(Math.max(1, t.split(/\s+/).filter(Boolean).length))) / 1000;
			this.shortness[id] = 0.01 / Math.sqrt(1 + t.split(' ').length);
			if (t.length < 3) this.tiny.push(id);
			for (let i = 0; i + 3 <= t.length; i++) {
				const g = gram(t, i);
				const l = lists.get(g);
				if (!l) lists.set(g, [id]);
				else if (l[l.length - 1] !== id) l.push(id);
			}
			if ((id & 63) === 0 && performance.now() > until) break;
		}
		if (this.ready && this.byLength.length !== this.texts.length) this.byLength = byLengthOf(this.texts);
		return this.ready;
	}

	candidates(words: string[], k: number): number[] {
		const long = words.filter(w => w.length >= 3);
		// Words of one or two letters narrow nothing when a longer word is there: Fuse checks them.
		if (long.length === 0) return this.bySubstring(words, k);
		const n = this.texts.length;
		const {score, touched} = this;
		let count = 0;
		for (const w of long) {
			const grams = [...new Set(Array.from({length: w.length - 2}, (_, i) => gram(w, i)))];
			const weights = grams.map(g => Math.log(1 + n / (1 + (this.postings.get(g)?.length ?? 0))));
			const total = weights.reduce((a, b) => a + b, 0) || 1;
			for (let gi = 0; gi < grams.length; gi++) {
				const list = this.postings.get(grams[gi]!);
				if (!list) continue;
				const add = weights[gi]! / total;
				for (let i = 0; i < list.length; i++) {
					const d = list[i]!;
					if (score[d] === 0) touched[count++] = d;
					score[d] = score[d]! + add;
				}
			}
		}
		for (let i = 0; i < count; i++) {
			const d = touched[i]!;
			score[d] = score[d]! + this.shortness[d]!;
		}
		// The k best: those above the k-th best score, then those equal to it, in the order first met.
		const out: number[] = [];
		const cut = count > k ? kthLargest(this.values, touched, score, count, k) : -Infinity;
		for (let i = 0; i < count; i++) if (score[touched[i]!]! > cut) out.push(touched[i]!);
		for (let i = 0; i < count && out.length < k; i++) if (score[touched[i]!] === cut) out.push(touched[i]!);
		for (let i = 0; i < count; i++) score[touched[i]!] = 0;
		return out;
	}

	/**
	 * Texts holding every word as a substring, shortest first (the texts are lower-cased folds). A text that
	 * holds a two-letter word holds a trigram that starts or ends with it, or is shorter than a trigram: when
	 * those trigrams are in few texts, only those are read (a rare pair of letters, read in every text,
	 * paused typing 60 ms at 100,000 passages); else the texts in length order, which meet k soon.
	 */
	private bySubstring(words: string[], k: number): number[] {
		const pair = words.find(w => w.length === 2);
		let only: Uint8Array | null = null;
		// Only once every text's trigrams are in: until then a text holding the pair may have none listed.
		if (pair && this.ready) {
			const head = pair.charCodeAt(0) * 65536 + pair.charCodeAt(1);
			const lists: number[][] = [];
			let total = 0;
			for (const [g, list] of this.postings) {
				if (Math.floor(g / 65536) === head || g % 4294967296 === head) {
					lists.push(list);
					total += list.length;
				}
			}
			if (total <= this.texts.length / PAIR_SCAN_SHARE) {
				only = new Uint8Array(this.texts.length);
				for (const list of lists) for (const d of list) only[d] = 1;
				for (const d of this.tiny) only[d] = 1;
			}
		}
		const out: number[] = [];
		// Before every text is in, the length order is made here (the texts are all there; only their trigrams are not).
		const order = this.byLength.length === this.texts.length ? this.byLength : byLengthOf(this.texts);
		for (const d of order) {
			if (only && only[d] !== 1) continue;
			const t = this.texts[d]!;
			if (words.every(w => t.includes(w))) out.push(d);
			if (out.length >= k) break;
		}
		return out;
	}
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

/** The k-th largest of the scores of the first `count` touched texts (quickselect in `values`). */
function kthLargest(values: Float32Array, touched: Int32Array, score: Float32Array, count: number, k: number): number {
	for (let i = 0; i < count; i++) values[i] = score[touched[i]!]!;
	let lo = 0;
	let hi = count - 1;
	const target = k - 1; // index of the k-th largest in descending order
	while (lo < hi) {
		const pivot = values[(lo + hi) >> 1]!;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (values[i]! > pivot) i++;
			while (values[j]! < pivot) j--;
			if (i <= j) {
				const t = values[i]!;
				values[i++] = values[j]!;
				values[j--] = t;
			}
		}
		if (target <= j) hi = j;
		else if (target >= i) lo = i;
		else break;
	}
	return values[target]!;
}

/**
 * A two-letter word is looked up through its trigrams when they are in at most this share of the texts
 * (1 in 8); above it the texts are read in length order, and so many hold it that k are met soon.
 */
const PAIR_SCAN_SHARE = 8;

/** Text indices in order of length, ties in index order (a counting sort: one pass, whatever the lengths). */
function byLengthOf(texts: string[]): Uint32Array {
	let max = 0;
	for (const t of texts) if (t.length > max) max = t.length;
	const start = new Int32Array(max + 2);
	for (const t of texts) start[t.length + 1]!++;
	for (let l = 0; l <= max; l++) start[l + 1]! += start[l]!;
	const out = new Uint32Array(texts.length);
	texts.forEach((t, i) => {
		out[start[t.length]!++] = i;
	});
	return out;
}

/** Three UTF-16 units at `i` as one number. */
function gram(t: string, i: number): number {
	return (t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1)) * 65536 + t.charCodeAt(i + 2);
}

/**
 * A matcher for one word: the smallest number of edits (insertions, deletions, substitutions) that
 * makes the word a substring of a text, by Myers' bit-parallel algorithm (words of up to 31 characters).
 */
export function editMatcher(word: string): (text: string) => number {
	const m = Math.min(word.length, 31);
	const ascii = new Int32Array(128);
	const other = new Map<number, number>();
	for (let i = 0; i < m; i++) {
		const c = word.charCodeAt(i);
		if (c < 128) ascii[c] = ascii[c]! | (1 << i);
		else other.set(c, (other.get(c) ?? 0) | (1 << i));
	}
	const high = 1 << (m - 1);
	const all = m === 31 ? 0x7fffffff : (1 << m) - 1;
	return (text: string) => {
		let pv = all;
		let mv = 0;
		let score = m;
		let best = m;
		for (let j = 0; j < text.length && best > 0; j++) {
			const c = text.charCodeAt(j);
			const eq = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
			const xv = eq | mv;
			const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
			let ph = mv | ~(xh | pv);
			let mh = pv & xh;
			if (ph & high) score++;
			else if (mh & high) score--;
			ph <<= 1;
			mh <<= 1;
			pv = (mh | ~(xv | ph)) & all;
			mv = ph & xv & all;
			if (score < best) best = score;
		}
		return best;
	};
}
