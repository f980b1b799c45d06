// The figures ledger: one row per claim across sources. Figures are grouped by the quantity they state
// in context: a figure and the figure a reuse pair lines it up with (same, hedged or changed) are one
// claim, carried from source to source; figures that no pair links stay apart, so that two unrelated
// "17 percent" or "1 trillion yuan" never merge. A row's conflicts (changed values, hedge drift, drops)
// are real ones. Also: series of a quantity over years within one sentence.

import type {Source} from './source.js';
import {figureKey, formatValue, quantityKey, type Figure, type FigureKind} from './figures.js';
import type {Pair} from './reuse.js';

export type Occurrence = {source: string; figure: Figure & {sentence: number}};
export type LedgerRow = {
	key: string;
	kind: FigureKind;
	/** The value as the first source states it. */
	value: string;
	occurrences: Occurrence[];
	sources: string[];
	/** Values that a reuse pair put in place of this one ("changed"). */
	changed: string[];
	/** The same value with another hedge in a copy: "about → none in b.txt". */
	hedged: string[];
	/** How many copies dropped it. */
	dropped: number;
};

type Placed = Figure & {sentence: number};

export function ledger(sources: Source[], pairs: Pair[]): LedgerRow[] {
	const live = sources.filter(s => !s.sameAs);
	// One node per content figure: its source and its place in the source's list.
	const id = new Map<string, number>();
	const nodes: Occurrence[] = [];
	for (const s of live) {
		for (const [i, f] of s.figures.entries()) {
			id.set(`${s.id}\0${i}`, nodes.length);
			nodes.push({source: s.id, figure: f});
		}
	}
	const byStart = new Map<string, Map<number, number>>();
	for (const s of live) byStart.set(s.id, new Map(s.figures.map((f, i) => [f.start, i])));
	const nodeOf = (source: string, f: Placed | Figure | null) => {
		if (!f) return undefined;
		const i = byStart.get(source)?.get(f.start);
		return i === undefined ? undefined : id.get(`${source}\0${i}`);
	};
	const parent = nodes.map((_, i) => i);
	const find = (x: number): number => {
		while (parent[x] !== x) {
			parent[x] = parent[parent[x]!]!;
			x = parent[x]!;
		}
		return x;
	};
	const notes: {node: number; kind: 'changed' | 'hedged' | 'dropped'; text: string}[] = [];
	for (const p of pairs) {
		for (const line of p.figures) {
			const a = nodeOf(p.a.source, line.a);
			const b = nodeOf(p.b.source, line.b);
			if (a !== undefined && b !== undefined) parent[find(b)] = find(a);
			if (a === undefined) continue;
			if (line.status === 'changed' && line.b) notes.push({node: a, kind: 'changed', text: `${formatValue(line.b)} in ${p.b.source}`});
			if (line.status === 'hedged' && line.a && line.b) {
				notes.push({
					node: a,
					kind: 'hedged',
					text: `${line.a.qualifier ?? 'no hedge'} → ${line.b.qualifier ?? 'no hedge'} in ${p.b.source}`,
				});
			}
			if (line.status === 'missing') notes.push({node: a, kind: 'dropped', text: ''});
		}
	}
	const rows = new Map<number, LedgerRow>();
	for (const [i, o] of nodes.entries()) {
		const root = find(i);
		let row = rows.get(root);
		if (!row) {
			const f = nodes[root]!.figure;
			row = {
				key: `${figureKey(f)}#${root}`,
				kind: f.kind,
				value: formatValue(f),
				occurrences: [],
				sources: [],
				changed: [],
				hedged: [],
				dropped: 0,
			};
			rows.set(root, row);
		}
		row.occurrences.push(o);
		if (!row.sources.includes(o.source)) row.sources.push(o.source);
	}
	for (const n of notes) {
		const row = rows.get(find(n.node))!;
		if (n.kind === 'dropped') row.dropped++;
		else if (!row[n.kind].includes(n.text)) row[n.kind].push(n.text);
	}
	// Quantities first (dates and periods last: they are context more than claims), the most widely stated first.
	return [...rows.values()].sort(
		(x, y) =>
			Number(CONTEXT_KINDS.has(x.kind)) - Number(CONTEXT_KINDS.has(y.kind)) ||
			y.sources.length - x.sources.length ||
			kindOrder(x.kind) - kindOrder(y.kind) ||
			y.occurrences.length - x.occurrences.length,
	);
}

const CONTEXT_KINDS = new Set<FigureKind>(['date', 'period', 'duration']);
const ORDER: FigureKind[] = ['money', 'percent', 'count', 'rank', 'ratio', 'duration', 'period', 'date'];
const kindOrder = (k: FigureKind) => ORDER.indexOf(k);

export type Series = {source: string; sentence: number; kind: FigureKind; unit: string | null; points: {year: number; figure: Figure}[]};

/**
 * Quantities stated for several years in one sentence: "from 34th in 2012 to 14th in 2019, and 11th in
 * 2024". Each figure takes the first year that follows it before the next figure of the same quantity.
 */
export function series(sources: Source[]): Series[] {
	const out: Series[] = [];
	for (const s of sources) {
		if (s.sameAs) continue;
		const bySentence = new Map<number, (Figure & {sentence: number})[]>();
		for (const f of s.figures) (bySentence.get(f.sentence) ?? bySentence.set(f.sentence, []).get(f.sentence)!).push(f);
		for (const [sentence, figs] of bySentence) {
			const groups = new Map<string, {year: number; figure: Figure}[]>();
			figs.forEach((f, i) => {
				if (CONTEXT_KINDS.has(f.kind)) return;
				const q = quantityKey(f);
				for (let j = i + 1; j < figs.length; j++) {
					const g = figs[j]!;
					if (!CONTEXT_KINDS.has(g.kind) && quantityKey(g) === q) break;
					if (g.kind === 'date' && typeof g.value === 'string' && /^\d{4}$/.test(g.value)) {
						(groups.get(q) ?? groups.set(q, []).get(q)!).push({year: Number(g.value), figure: f});
						break;
					}
				}
			});
			for (const points of groups.values()) {
				const years = new Set(points.map(p => p.year));
				if (points.length >= 3 && years.size === points.length) {
					const f = points[0]!.figure;
					out.push({source: s.id, sentence, kind: f.kind, unit: f.unit, points: points.sort((a, b) => a.year - b.year)});
				}
			}
		}
	}
	return out;
}
