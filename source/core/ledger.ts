// The figures ledger: every figure of the corpus grouped by the quantity it states (equal across
// notations), with the sources that state it, where reuse pairs changed it, and series over years.

import type {Source} from './source.js';
import {figureKey, formatValue, quantityKey, type Figure, type FigureKind} from './figures.js';
import type {Pair} from './reuse.js';

export type Occurrence = {source: string; figure: Figure & {sentence: number}};
export type LedgerRow = {
	key: string;
	kind: FigureKind;
	value: string;
	occurrences: Occurrence[];
	sources: string[];
	/** Values that a reuse pair put in place of this one ("changed"), or a note that a copy dropped it. */
	changed: string[];
	dropped: number;
};

export function ledger(sources: Source[], pairs: Pair[]): LedgerRow[] {
	const rows = new Map<string, LedgerRow>();
	for (const s of sources) {
		if (s.sameAs) continue;
		for (const f of s.figures) {
			const key = figureKey(f);
			let row = rows.get(key);
			if (!row) {
				row = {key, kind: f.kind, value: formatValue(f), occurrences: [], sources: [], changed: [], dropped: 0};
				rows.set(key, row);
			}
			row.occurrences.push({source: s.id, figure: f});
			if (!row.sources.includes(s.id)) row.sources.push(s.id);
		}
	}
	for (const p of pairs) {
		for (const line of p.figures) {
			if (line.status === 'changed' && line.a && line.b) {
				const row = rows.get(figureKey(line.a));
				const v = `${formatValue(line.b)} in ${p.b.source}`;
				if (row && !row.changed.includes(v)) row.changed.push(v);
			} else if (line.status === 'missing' && line.a) {
				const row = rows.get(figureKey(line.a));
				if (row) row.dropped++;
			}
		}
	}
	// Quantities first (dates last: they are context more than claims), the most widely stated first.
	return [...rows.values()].sort(
		(x, y) =>
			Number(x.kind === 'date') - Number(y.kind === 'date') ||
			y.sources.length - x.sources.length ||
			kindOrder(x.kind) - kindOrder(y.kind) ||
			y.occurrences.length - x.occurrences.length,
	);
}

const ORDER: FigureKind[] = ['money', 'percent', 'count', 'rank', 'ratio', 'date'];
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
				if (f.kind === 'date') return;
				const q = quantityKey(f);
				for (let j = i + 1; j < figs.length; j++) {
					const g = figs[j]!;
					if (g.kind !== 'date' && quantityKey(g) === q) break;
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
