// What the explorer shows, derived from a corpus and its analysis. Pure: no React, no I/O. Everything
// that costs more than a key press is computed once and kept: a list's order for a sort key, the
// narrowing of a filter as it is typed, the families of each source.

import {pairsOf, sourceRows, type Analysis, type SourceRow} from '../core/analysis.js';
import type {Corpus, Source} from '../core/source.js';
import {ledger, series, type LedgerRow, type Series} from '../core/ledger.js';
import {foldForSearch} from '../core/text.js';
import type {Family, Member, Pair} from '../core/types.js';
import {Searcher, searchDocs} from '../core/search.js';

export type Model = {
	corpus: Corpus;
	/** Null while the reuse analysis is still running. */
	analysis: Analysis | null;
	rows: SourceRow[];
	families: Family[];
	byId: Map<string, Source>;
	index: Map<string, number>;
	short: Map<string, string>;
	/** Built on first use: a large corpus's search index takes a moment. */
	readonly searcher: Searcher;
	/** Built on first use: only the figures view needs them. */
	readonly ledger: LedgerRow[];
	readonly series: Series[];
	/** Orders and filters computed so far (see `listOrder`). */
	readonly cache: Map<string, unknown>;
};

/** `listed`: the rows to list while the analysis runs, when the corpus's sources are not yet read (a first launch). */
export function buildModel(corpus: Corpus, analysis: Analysis | null, searcher?: () => Searcher, listed?: SourceRow[]): Model {
	const pairs = analysis?.pairs ?? [];
	let search: Searcher | undefined;
	let short: Map<string, string> | undefined;
	let figures: {ledger: LedgerRow[]; series: Series[]} | undefined;
	const ledgerOf = () => (figures ??= {ledger: ledger(corpus.sources, pairs), series: series(corpus.sources)});
	return {
		corpus,
		analysis,
		rows: analysis?.rows ?? listed ?? sourceRows(corpus.sources, []),
		families: analysis?.families ?? [],
		byId: new Map(corpus.sources.map(s => [s.id, s])),
		index: new Map(corpus.sources.map((s, i) => [s.id, i])),
		// Made when a view first needs it: at 100,000 sources, 175 ms of every model, on the way to the first frame.
		get short() {
			short ??= shortNames(corpus.sources.map(s => s.id));
			return short;
		},
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
		cache: new Map(),
	};
}

/** The longest a short label gets: enough to tell "…--exbulletin.com" from "…--en.ce.cn" in a header. */
export const SHORT_MAX = 22;

/**
 * Short labels for sources, each different from the others: the part of the file name before "_" or a space
 * when that tells them apart ("000"), else the name without its extension, its middle taken out past
 * SHORT_MAX characters (names of copies differ at the end: "xi-newyear-2022--exbulletin.com"), else whole.
 */
export function shortNames(ids: string[]): Map<string, string> {
	const base = (id: string) =>
		id
			.split('/')
			.pop()!
			.replace(/\.[^.]+$/, '');
	const distinct = (labels: string[]) => new Set(labels).size === labels.length;
	const first = ids.map(id => base(id).split(/[_\s]/)[0]!.slice(0, 12));
	if (distinct(first)) return new Map(ids.map((id, i) => [id, first[i]!]));
	const middle = ids.map(id => {
		const b = base(id);
		if (b.length <= SHORT_MAX) return b;
		// More of the end than of the start: copies of one release share the start and differ by site.
		const head = Math.floor((SHORT_MAX - 1) / 3);
		return `${b.slice(0, head)}…${b.slice(b.length - (SHORT_MAX - 1 - head))}`;
	});
	if (distinct(middle)) return new Map(ids.map((id, i) => [id, middle[i]!]));
	return new Map(ids.map(id => [id, base(id)]));
}

function memo<T>(model: Model, key: string, make: () => T): T {
	if (model.cache.has(key)) return model.cache.get(key) as T;
	const value = make();
	model.cache.set(key, value);
	return value;
}

export function allPairs(model: Model): Pair[] {
	return model.analysis?.pairs ?? [];
}

/**
 * The reused passages of one source, in its text order: what n/N step through in the reader and ]/[ in
 * the compare view, so both number a passage alike ("passage 3/6 of 000").
 */
export function readerPairs(model: Model, source: string): Pair[] {
	return memo(model, `pairs\0${source}`, () => pairsOf(allPairs(model), source));
}

export function familyById(model: Model, id: number): Family | undefined {
	const map = memo(model, 'familyById', () => new Map(model.families.map(f => [f.id, f])));
	return map.get(id);
}

export type Carried = {family: Family; member: number};

/** The families that have a member in each source, in the member's text order. */
export function familiesOf(model: Model, source: string): Carried[] {
	const bySource = memo(model, 'familiesBySource', () => {
		const map = new Map<string, Carried[]>();
		for (const family of model.families) {
			family.members.forEach((m, member) => {
				const list = map.get(m.source) ?? map.set(m.source, []).get(m.source)!;
				list.push({family, member});
			});
		}
		for (const list of map.values()) list.sort((x, y) => x.family.members[x.member]!.start - y.family.members[y.member]!.start);
		return map;
	});
	return bySource.get(source) ?? [];
}

/** The family that carries the text of `source` at [start, end): the member that overlaps it most. */
export function familyAt(model: Model, source: string, start: number, end: number): Carried | null {
	let best: Carried | null = null;
	let bestOverlap = 0;
	for (const c of familiesOf(model, source)) {
		const m = c.family.members[c.member]!;
		const overlap = Math.min(end, m.end) - Math.max(start, m.start);
		const touches = overlap > 0 || (start === end && m.start <= start && start < m.end);
		if (touches && (overlap > bestOverlap || best === null)) {
			best = c;
			bestOverlap = overlap;
		}
	}
	return best;
}

/** The pair of a family's member against its origin (null for the origin itself). */
export function memberPair(model: Model, family: Family, member: Member): Pair | null {
	if (member === family.members[family.origin]) return null;
	return (
		readerPairs(model, member.source).find(
			p => p.family === family.id && p.b.source === member.source && p.b.start < member.end && member.start < p.b.end,
		) ??
		readerPairs(model, member.source).find(p => p.family === family.id && p.b.source === member.source) ??
		null
	);
}

// ---------- sorting and filtering lists

export type SourceSort = 'name' | 'title' | 'publisher' | 'date' | 'length' | 'reused' | 'reach';
export const SOURCE_SORTS: SourceSort[] = ['name', 'title', 'publisher', 'date', 'length', 'reused', 'reach'];
export type FamilySort = 'reach' | 'date' | 'length';
export const FAMILY_SORTS: FamilySort[] = ['reach', 'date', 'length'];
export type LedgerSort = 'spread' | 'value' | 'kind';
export const LEDGER_SORTS: LedgerSort[] = ['spread', 'value', 'kind'];
export type AnySort = SourceSort | FamilySort | LedgerSort;

export const SORT_LABELS: Record<AnySort, string> = {
	name: 'file name',
	title: 'title',
	publisher: 'publisher',
	date: 'date',
	length: 'length',
	reused: 'reused %',
	reach: 'reach',
	spread: 'sources stating it',
	value: 'value',
	kind: 'kind',
};

/** Keys whose natural order is largest first (the most reused, the widest reach, the newest). */
const DESCENDING = new Set<AnySort>(['date', 'length', 'reused', 'reach', 'spread']);

export function sortArrow(sort: AnySort, reverse: boolean): string {
	return DESCENDING.has(sort) !== reverse ? '↓' : '↑';
}

/** A row's sort key: a number, then a string; rows equal on both keep their order in the list (ties never reverse). */
type Keyed = {num: number; str: string};
const byKey = (keys: Keyed[], desc: boolean) => (x: number, y: number) => {
	const a = keys[x]!;
	const b = keys[y]!;
	const c = a.num !== b.num ? a.num - b.num : a.str < b.str ? -1 : a.str > b.str ? 1 : 0;
	return (desc ? -c : c) || x - y;
};

/** A date as a number that sorts (`2026-02` after `2026`); 0 when there is none, so undated rows sort last when newest is first. */
export function dateKey(date: string | null): number {
	if (!date) return 0;
	const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
	if (!m) return 0;
	return Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}

const fold = (s: string) => foldForSearch(s).toLowerCase();

function sourceKey(r: SourceRow, sort: SourceSort): Keyed {
	switch (sort) {
		case 'name':
			return {num: 0, str: r.source};
		case 'title':
			return {num: 0, str: fold(r.title)};
		case 'publisher':
			// Sources without a publisher after those with one.
			return {num: r.publisher ? 0 : 1, str: fold(r.publisher ?? '')};
		case 'date':
			return {num: dateKey(r.date), str: ''};
		case 'length':
			return {num: r.words, str: ''};
		case 'reused':
			return {num: r.reused, str: ''};
		case 'reach':
			return {num: r.reach, str: ''};
	}
}

function familyKey(f: Family, sort: FamilySort): Keyed {
	switch (sort) {
		case 'reach':
			return {num: f.reach.sources * 1e6 + f.reach.publishers * 1e3 + Math.min(999, f.members.length), str: ''};
		case 'date':
			return {num: dateKey(f.first), str: ''};
		case 'length': {
			const origin = f.members[f.origin]!;
			return {num: origin.end - origin.start, str: ''};
		}
	}
}

function ledgerKey(r: LedgerRow, i: number, sort: LedgerSort): Keyed {
	switch (sort) {
		case 'spread':
			// The ledger's own order (most widely stated first, dates last) is this sort.
			return {num: -i, str: ''};
		case 'value': {
			const v = r.occurrences[0]?.figure.value;
			return {num: typeof v === 'number' ? v : 0, str: typeof v === 'string' ? v : ''};
		}
		case 'kind':
			return {num: 0, str: `${r.kind}\0${String(i).padStart(9)}`};
	}
}

/** The text a list filter looks in, per row. */
function haystacks(model: Model, list: 'sources' | 'families' | 'ledger'): string[] {
	return memo(model, `hay\0${list}`, () => {
		if (list === 'sources') return model.rows.map(r => fold(`${r.source} ${r.title} ${r.publisher ?? ''} ${r.date ?? ''}`));
		if (list === 'families')
			return model.families.map(f =>
				fold(
					[
						f.members[f.origin]!.text.slice(0, 400),
						...new Set(f.members.map(m => m.publisher ?? '')),
						...new Set(f.members.map(m => m.source)),
					].join(' '),
				),
			);
		return model.ledger.map(r =>
			fold(`${r.kind} ${r.value} ${r.sources.join(' ')} ${r.occurrences.map(o => o.figure.text).join(' ')} ${r.changed.join(' ')}`),
		);
	});
}

/** Words of a filter, folded; every one must be in a row for it to show. */
export function filterWords(filter: string): string[] {
	return fold(filter)
		.split(/\s+/)
		.filter(w => w.length > 0);
}

export type ListQuery = {
	list: 'sources' | 'families' | 'ledger';
	sort: AnySort;
	reverse: boolean;
	filter: string;
	kind?: string | null;
	source?: string | null;
};

/**
 * The rows of a list to show, in order, as indexes into the list's rows (`model.rows`, `model.families`,
 * `model.ledger`). The order of each sort key is computed once; reversing reads it backwards; a filter
 * that extends the last one typed narrows that one's result instead of the whole list.
 */
export function listOrder(model: Model, q: ListQuery): number[] {
	const base = memo(model, `order\0${q.list}\0${q.sort}\0${q.reverse}`, () => {
		const keys =
			q.list === 'sources'
				? model.rows.map(r => sourceKey(r, q.sort as SourceSort))
				: q.list === 'families'
					? model.families.map(f => familyKey(f, q.sort as FamilySort))
					: model.ledger.map((r, i) => ledgerKey(r, i, q.sort as LedgerSort));
		const desc = DESCENDING.has(q.sort) !== q.reverse;
		return Array.from(keys, (_, i) => i).sort(byKey(keys, desc));
	});
	const scope = `${q.list}\0${q.sort}\0${q.reverse}\0${q.kind ?? ''}\0${q.source ?? ''}`;
	const rows = memo(model, `scoped\0${scope}`, () => {
		if (q.kind && q.list === 'ledger') return base.filter(i => model.ledger[i]!.kind === q.kind);
		if (q.source && q.list === 'families') {
			const ids = new Set(familiesOf(model, q.source).map(c => c.family.id));
			return base.filter(i => ids.has(model.families[i]!.id));
		}
		return base;
	});
	const words = filterWords(q.filter);
	if (words.length === 0) return rows;
	const key = `filter\0${scope}`;
	const last = model.cache.get(key) as {words: string[]; rows: number[]} | undefined;
	// A filter that only adds to the last one (typing goes on) keeps a subset of its rows.
	const narrows =
		last &&
		last.words.length <= words.length &&
		last.words.every((w, i) => (i === last.words.length - 1 ? words[i]!.includes(w) : words[i] === w));
	const from = narrows ? last.rows : rows;
	if (last && last.words.join(' ') === words.join(' ')) return last.rows;
	const hay = haystacks(model, q.list);
	const out = from.filter(i => words.every(w => hay[i]!.includes(w)));
	model.cache.set(key, {words, rows: out});
	return out;
}
