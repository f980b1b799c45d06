// What each view draws, as plain data: wrapped, styled lines and rows. Pure functions of the model and
// the terminal size, so the key handler and the components agree on lengths and positions.

import {wordDiff} from '../core/diff.js';
import {formatValue, type FigureKind} from '../core/figures.js';
import type {Pair, Side} from '../core/reuse.js';
import {readerPairs, type Model} from '../state/model.js';
import {lineOf, segment, wrap, type Line, type Range} from './layout.js';

export type ReaderScreen = {lines: Line[]; pairs: Pair[]; pairLines: number[]};

/** The reader: the whole text wrapped, boilerplate dimmed, shared passages coloured by the other source, figures marked. */
export function readerScreen(
	model: Model,
	source: string,
	cols: number,
	current: number | null,
	mark: [number, number] | null,
): ReaderScreen {
	const src = model.byId.get(source)!;
	const ranges: Range[] = [];
	for (const b of src.blocks) if (b.boilerplate) ranges.push({start: b.start, end: b.end, role: 'boilerplate'});
	const pairs = readerPairs(model, source);
	pairs.forEach((p, i) => {
		const mine = p.a.source === source ? p.a : p.b;
		const other = p.a.source === source ? p.b.source : p.a.source;
		ranges.push({start: mine.start, end: mine.end, role: 'source:' + (model.index.get(other) ?? 0)});
		if (i === current) ranges.push({start: mine.start, end: mine.end, role: 'current'});
	});
	for (const f of src.figures) ranges.push({start: f.start, end: f.end, role: 'figure'});
	if (mark) ranges.push({start: mark[0], end: mark[1], role: 'match'});
	const lines = wrap(segment(src.text, 0, src.text.length, ranges), cols);
	const pairLines = pairs.map(p => lineOf(lines, (p.a.source === source ? p.a : p.b).start));
	return {lines, pairs, pairLines};
}

export type FigureLine = {status: string; kind: string; a: string; b: string; value: string};
export type CompareScreen = {a: Line[]; b: Line[]; figures: FigureLine[]};

/** The compare view: each side wrapped to its column, words found only on one side marked, figures lined up. */
export function compareScreen(model: Model, pair: Pair, colWidth: number): CompareScreen {
	const diff = wordDiff(pair.a.text, pair.b.text);
	const side = (s: Side, only: [number, number][], role: string): Line[] => {
		const src = model.byId.get(s.source)!;
		const ranges: Range[] = only.map(([x, y]) => ({start: s.start + x, end: s.start + y, role}));
		for (const f of src.figures) if (f.start >= s.start && f.end <= s.end) ranges.push({start: f.start, end: f.end, role: 'figure'});
		return wrap(segment(src.text, s.start, s.end, ranges), colWidth);
	};
	return {
		a: side(pair.a, diff.onlyA, 'onlyA'),
		b: side(pair.b, diff.onlyB, 'onlyB'),
		figures: pair.figures.map(f => ({
			status: f.status,
			kind: (f.a ?? f.b)!.kind,
			a: f.a?.text.replace(/\\\$/g, '$') ?? '',
			b: f.b?.text.replace(/\\\$/g, '$') ?? '',
			value:
				f.status === 'changed'
					? `${formatValue(f.a!)} → ${formatValue(f.b!)}`
					: f.status === 'hedged'
						? `${formatValue(f.a!)} (${f.a!.qualifier ?? 'no hedge'} → ${f.b!.qualifier ?? 'no hedge'})`
						: formatValue((f.a ?? f.b)!),
		})),
	};
}

export const STATUS_LABEL: Record<string, string> = {
	same: 'same',
	changed: 'changed',
	hedged: 'hedged',
	missing: 'missing',
	added: 'added',
};

export const KIND_CYCLE: (FigureKind | null)[] = [null, 'money', 'percent', 'count', 'rank', 'ratio', 'date', 'period', 'duration'];

export function ledgerRows(model: Model, kind: FigureKind | null) {
	return kind ? model.ledger.filter(r => r.kind === kind) : model.ledger;
}
