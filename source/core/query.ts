// The search box's query language, on top of the fuzzy search (search.ts). A query is words, and
// any of these documented forms:
//   "long march"      a phrase: these words, in this order, with nothing but spaces or punctuation between
//   source:cgtn       only passages of sources whose file name or publisher contains the text
//   2, Tianwen 2      words of one character and numbers match whole words exactly (a fuzzy "2" would match anything)
//   >1 billion, 17%   a figure: passages stating a quantity in that relation (>, <, >=, <=, or equal
//                     when no sign is given); `$`, `€`, `yuan`… make it money, `%` a percentage
// Every other word matches fuzzily (typos welcome), and every part of the query must match.

import type Fuse from 'fuse.js';
import type {Figure} from './figures.js';
import {Searcher, type Doc, type Hit} from './search.js';
import type {Source} from './source.js';
import {foldForSearch} from './text.js';

export type Comparison = '>' | '<' | '>=' | '<=' | '=';
export type FigureQuery = {op: Comparison; value: number; kind: 'money' | 'percent' | null; unit: string | null; text: string};

export type ParsedQuery = {
	/** Words matched fuzzily (two characters or more, not numbers). */
	fuzzy: string[];
	/** One-character words and numbers, matched as whole words. */
	exact: string[];
	phrases: string[];
	source: string | null;
	figure: FigureQuery | null;
};

const fold = (s: string) => foldForSearch(s).toLowerCase();

const MAGNITUDES: Record<string, number> = {
	k: 1e3,
	thousand: 1e3,
	m: 1e6,
	mn: 1e6,
	million: 1e6,
	millions: 1e6,
	b: 1e9,
	bn: 1e9,
	billion: 1e9,
	billions: 1e9,
	tn: 1e12,
	trillion: 1e12,
	trillions: 1e12,
};
const CURRENCIES: Record<string, string> = {
	$: 'USD',
	us$: 'USD',
	usd: 'USD',
	dollar: 'USD',
	dollars: 'USD',
	'€': 'EUR',
	eur: 'EUR',
	euro: 'EUR',
	euros: 'EUR',
	'£': 'GBP',
	gbp: 'GBP',
	pound: 'GBP',
	pounds: 'GBP',
	'¥': 'CNY',
	yuan: 'CNY',
	cny: 'CNY',
	rmb: 'CNY',
};

const FIGURE =
	/(?:^|\s)(>=|<=|>|<|=)?\s*(us\$|[$€£¥]|usd|eur|gbp|cny|rmb)?\s*(\d[\d,]*(?:\.\d+)?)\s*(%|percent\b|per cent\b|(?:k|thousand|mn?|millions?|bn|b|billions?|tn|trillions?)\b)?\s*(yuan\b|dollars?\b|euros?\b|pounds?\b|usd\b|eur\b|gbp\b|cny\b|rmb\b)?/i;

/** The figure part of a query, if it has one, and the query without it. */
export function parseFigure(text: string): {figure: FigureQuery | null; rest: string} {
	const m = FIGURE.exec(text);
	if (!m) return {figure: null, rest: text};
	const [whole, op, pre, num, suffix, post] = m;
	const unitWord = (pre ?? post ?? '').toLowerCase();
	const mag = (suffix ?? '').toLowerCase();
	const percent = mag === '%' || mag.startsWith('per');
	// A plain number is a word to match exactly, not a figure, unless a sign, unit or magnitude says so.
	if (!op && !unitWord && !mag) return {figure: null, rest: text};
	const value = Number(num!.replace(/,/g, '')) * (percent ? 1 : (MAGNITUDES[mag] ?? 1));
	const figure: FigureQuery = {
		op: (op as Comparison | undefined) ?? '=',
		value,
		kind: percent ? 'percent' : unitWord ? 'money' : null,
		unit: unitWord ? (CURRENCIES[unitWord] ?? null) : null,
		text: whole.trim(),
	};
	return {figure, rest: (text.slice(0, m.index) + ' ' + text.slice(m.index + whole.length)).trim()};
}

export function parseSearchQuery(query: string): ParsedQuery {
	let rest = query;
	let source: string | null = null;
	rest = rest.replace(/(?:^|\s)source:(?:"([^"]*)"?|(\S*))/i, (_, quoted: string | undefined, bare: string | undefined) => {
		source = fold(quoted ?? bare ?? '').trim() || null;
		return ' ';
	});
	const phrases: string[] = [];
	// Straight or curly quotes; a phrase still being typed (no closing quote yet) counts as one.
	rest = rest.replace(/["“”„]([^"“”„]*)(?:["“”„]|$)/g, (_, p: string) => {
		const phrase = fold(p).replace(/\s+/g, ' ').trim();
		if (phrase) phrases.push(phrase);
		return ' ';
	});
	const {figure, rest: words} = parseFigure(rest);
	const fuzzy: string[] = [];
	const exact: string[] = [];
	for (const w of fold(words).split(/\s+/)) {
		const word = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
		if (!word) continue;
		if ([...word].length === 1 || /^\d[\d.,]*$/.test(word)) exact.push(word);
		else fuzzy.push(word);
	}
	return {fuzzy, exact, phrases, source, figure};
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where `word` stands as a whole word in `hay` (not inside a longer word or number). */
function wordAt(hay: string, word: string): number {
	for (let i = hay.indexOf(word); i >= 0; i = hay.indexOf(word, i + 1)) {
		if (!isWordChar(hay[i - 1]) && !isWordChar(hay[i + word.length])) return i;
	}
	return -1;
}

function compare(value: number, q: FigureQuery): boolean {
	const eq = Math.abs(value - q.value) <= Math.max(1e-9, Math.abs(q.value) * 1e-6);
	switch (q.op) {
		case '>':
			return value > q.value && !eq;
		case '<':
			return value < q.value && !eq;
		case '>=':
			return value > q.value || eq;
		case '<=':
			return value < q.value || eq;
		case '=':
			return eq;
	}
}

/** Whether a figure of the corpus answers a figure query. */
export function figureMatches(f: Pick<Figure, 'kind' | 'value' | 'unit'>, q: FigureQuery): boolean {
	if (typeof f.value !== 'number') return false;
	if (q.kind === 'percent' ? f.kind !== 'percent' : q.kind === 'money' ? f.kind !== 'money' : f.kind !== 'money' && f.kind !== 'count')
		return false;
	if (q.unit && f.unit !== q.unit) return false;
	return compare(f.value, q);
}

/** Up to this many documents passing the exact parts of a query, Fuse ranks them all for the fuzzy words. */
const SUBSET_LIMIT = 4000;

/**
 * Search with the query language: the exact parts (phrases, whole words, source, figure) select
 * documents by a scan of folded text; the fuzzy words rank them (over the whole corpus through the
 * Searcher's index when there are no exact parts).
 */
export class QuerySearch {
	private figures: Map<string, Figure[]> | null = null;
	private subset: {key: string; fuse: Fuse<Doc>} | null = null;
	private positions: Map<string, number> | null = null;
	private readonly phraseCache = new Map<string, RegExp>();
	private readonly sources: Map<string, Source>;

	constructor(
		readonly searcher: Searcher,
		sources: Source[],
	) {
		this.sources = new Map(sources.map(s => [s.id, s]));
	}

	private hays(): string[] {
		return this.searcher.lowerTexts();
	}

	/** Figures by the passage that states them (`source\0start`). */
	private figureIndex(): Map<string, Figure[]> {
		if (this.figures) return this.figures;
		const map = new Map<string, Figure[]>();
		for (const s of this.sources.values()) {
			for (const f of s.figures) {
				const sentence = s.sentences[f.sentence];
				if (!sentence) continue;
				const key = `${s.id}\0${sentence.start}`;
				(map.get(key) ?? map.set(key, []).get(key)!).push(f);
			}
		}
		this.figures = map;
		return map;
	}

	/** A phrase's words in order, with anything but letters and digits between them ("Tianwen 2" finds "Tianwen‑2"). */
	private phraseRes(phrases: string[]): RegExp[] {
		return phrases.map(p => {
			let re = this.phraseCache.get(p);
			if (!re) {
				const words = p.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
				const escaped = words.map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
				// A phrase starts at a word's start; it may end inside a word (still being typed), but not inside a number.
				const end = /^\d+$/.test(words[words.length - 1] ?? '') ? '(?![\\p{N}])' : '';
				re = words.length ? new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]+')}${end}`, 'u') : /$^/;
				this.phraseCache.set(p, re);
			}
			return re;
		});
	}

	/** The ranges (offsets as in a hit) the exact parts match in a document, or null when it does not match. */
	private exactMatch(q: ParsedQuery, d: Doc, hay: string): [number, number][] | null {
		const base = d.kind === 'passage' ? d.start : 0;
		const ranges: [number, number][] = [];
		if (q.source) {
			const src = this.sources.get(d.source);
			const name = fold(`${d.source} ${src?.publisher ?? ''}`);
			if (!name.includes(q.source)) return null;
		}
		for (const re of this.phraseRes(q.phrases)) {
			const m = re.exec(hay);
			if (!m) return null;
			ranges.push([base + m.index, base + m.index + m[0].length]);
		}
		for (const w of q.exact) {
			const at = wordAt(hay, w);
			if (at < 0) return null;
			ranges.push([base + at, base + at + w.length]);
		}
		if (q.figure) {
			if (d.kind !== 'passage') return null;
			const found = (this.figureIndex().get(`${d.source}\0${d.start}`) ?? []).filter(f => figureMatches(f, q.figure!));
			if (found.length === 0) return null;
			for (const f of found) ranges.push([f.start, f.end]);
		}
		return ranges;
	}

	search(query: string, limit = 50): Hit[] {
		const q = parseSearchQuery(query);
		const hasExact = q.phrases.length > 0 || q.exact.length > 0 || q.source !== null || q.figure !== null;
		if (!hasExact) return q.fuzzy.length ? this.searcher.search(q.fuzzy.join(' '), limit) : [];
		const hays = this.hays();
		const docs = this.searcher.docs;
		const passing: {doc: number; ranges: [number, number][]}[] = [];
		for (let i = 0; i < docs.length; i++) {
			const ranges = this.exactMatch(q, docs[i]!, hays[i]!);
			if (ranges) passing.push({doc: i, ranges});
			// Without fuzzy words the first `limit` in corpus order are the answer.
			if (q.fuzzy.length === 0 && passing.length >= limit) break;
		}
		const exactRanges = new Map(passing.map(p => [p.doc, p.ranges]));
		const withRanges = (hit: Hit, ranges: [number, number][]): Hit => ({...hit, matches: mergeRanges([...hit.matches, ...ranges])});
		if (q.fuzzy.length === 0) {
			return passing.map(p => {
				const d = docs[p.doc]!;
				return withRanges({source: d.source, kind: d.kind, start: d.start, end: d.end, text: d.text, score: 1, matches: []}, p.ranges);
			});
		}
		const fuzzy = q.fuzzy.join(' ');
		let hits: Hit[];
		if (passing.length <= SUBSET_LIMIT) {
			// Fuse over the documents that pass, kept while only the fuzzy words change.
			const key = passing.map(p => p.doc).join(',');
			if (this.subset?.key !== key) this.subset = {key, fuse: Searcher.plainIndex(passing.map(p => docs[p.doc]!))};
			hits = Searcher.plainWith(this.subset.fuse, fuzzy, limit);
		} else hits = this.searcher.search(fuzzy, SUBSET_LIMIT);
		const out: Hit[] = [];
		for (const h of hits) {
			const i = this.docIndex(h);
			const ranges = i === undefined ? undefined : exactRanges.get(i);
			if (ranges) out.push(withRanges(h, ranges));
			if (out.length >= limit) break;
		}
		return out;
	}

	/** Hits do not carry their document: it is found by source, kind and position. */
	private docIndex(h: Hit): number | undefined {
		const key = (d: Pick<Doc, 'source' | 'kind' | 'start' | 'end'>) => `${d.source}\0${d.kind}\0${d.start}\0${d.end}`;
		this.positions ??= new Map(this.searcher.docs.map((d, i) => [key(d), i]));
		return this.positions.get(key(h));
	}
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
	const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
	const out: [number, number][] = [];
	for (const r of sorted) {
		const last = out[out.length - 1];
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else out.push([r[0], r[1]]);
	}
	return out;
}
