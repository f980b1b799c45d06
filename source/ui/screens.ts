// What each view draws, as plain data: wrapped, styled lines and rows. Pure functions of the model and
// the terminal size, so that the key handler and the components agree on lengths and positions.

import {lineUpGroups, sideSentences, wordOps} from '../core/diff-ops.js';
import {formatValue, type Figure} from '../core/figures.js';
import type {Source} from '../core/source.js';
import type {CopyKind, Family, FigureStatus, Pair, Side} from '../core/types.js';
import {readerPairs, type Model} from '../state/model.js';
import {dateSpan, lineOf, segment, wrap, type Line, type Range} from './layout.js';

// ---------- reader

export type ReaderScreen = {
	lines: Line[];
	pairs: Pair[];
	/** The line each passage starts on. */
	pairLines: number[];
	/** The sources this one shares text with, and the role that colours their passages. */
	legend: {source: string; role: string}[];
};

const otherOf = (p: Pair, source: string) => (p.a.source === source ? p.b.source : p.a.source);
const mineOf = (p: Pair, source: string): Side => (p.a.source === source ? p.a : p.b);

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
	const legend = new Map<string, string>();
	pairs.forEach((p, i) => {
		const mine = mineOf(p, source);
		const other = otherOf(p, source);
		const role = 'source:' + (model.index.get(other) ?? 0);
		if (!legend.has(other)) legend.set(other, role);
		ranges.push({start: mine.start, end: mine.end, role});
		if (i === current) ranges.push({start: mine.start, end: mine.end, role: 'current'});
	});
	for (const f of src.figures) ranges.push({start: f.start, end: f.end, role: 'figure'});
	if (mark) ranges.push({start: mark[0], end: mark[1], role: 'match'});
	const lines = wrap(segment(src.text, 0, src.text.length, ranges), cols);
	const pairLines = pairs.map(p => lineOf(lines, mineOf(p, source).start));
	return {lines, pairs, pairLines, legend: [...legend].map(([s, role]) => ({source: s, role}))};
}

// ---------- compare, lined up sentence by sentence

export type FigureLine = {status: FigureStatus; kind: string; a: string; b: string; value: string};

/** One screen row of the lined-up compare view: a line of each side (null: blank filler) and the mark between them. */
export type LinedRow = {a: Line | null; b: Line | null; gutter: string};

export type CompareScreen = {
	/** Both sides lined up: each aligned group of sentences starts on one row, the shorter side padded. */
	rows: LinedRow[];
	/** Each side on its own (free scrolling), no filler. */
	a: Line[];
	b: Line[];
	/** For each sentence alignment of the pair, the row where both its sentences start. */
	partRows: {a: number; b: number; row: number}[];
	figures: FigureLine[];
};

/** The mark between the columns where an aligned group starts: how close the copy is. */
export const GUTTER: Record<CopyKind, string> = {verbatim: '=', near: '≈', paraphrase: '~', translation: '⇄'};

/** The compare view: both sides lined up sentence by sentence, words marked shared, changed or one side only; figures lined up. */
export function compareScreen(model: Model, pair: Pair, colWidth: number): CompareScreen {
	const srcA = model.byId.get(pair.a.source)!;
	const srcB = model.byId.get(pair.b.source)!;
	const aSent = sideSentences(srcA, pair.a);
	const bSent = sideSentences(srcB, pair.b);
	const span = (src: Source, side: Side, list: number[]): [number, number] => [
		Math.max(side.start, src.sentences[list[0]!]?.start ?? side.start),
		Math.min(side.end, src.sentences[list[list.length - 1]!]?.end ?? side.end),
	];
	const figureRanges = (src: Source, side: Side): Range[] =>
		src.figures.filter(f => f.start >= side.start && f.end <= side.end).map(f => ({start: f.start, end: f.end, role: 'figure'}));
	const figsA = figureRanges(srcA, pair.a);
	const figsB = figureRanges(srcB, pair.b);
	/** A group's sentences of one side, wrapped, each sentence on a line of its own. */
	const lay = (src: Source, side: Side, list: number[], marks: Range[], figs: Range[]): Line[] => {
		const lines: Line[] = [];
		for (const i of list) {
			const s = src.sentences[i];
			if (!s) continue;
			const from = Math.max(side.start, s.start);
			const to = Math.min(side.end, s.end);
			if (to <= from) continue;
			lines.push(...wrap(segment(src.text, from, to, [...marks, ...figs]), colWidth));
		}
		return lines;
	};
	const rows: LinedRow[] = [];
	const a: Line[] = [];
	const b: Line[] = [];
	const firstRow = new Map<string, number>();
	for (const g of lineUpGroups(pair, aSent, bSent)) {
		let marksA: Range[] = [];
		let marksB: Range[] = [];
		if (g.kind === null) {
			// Sentences with no counterpart: all of them is text on one side only.
			if (g.a.length) marksA = [{start: pair.a.start, end: pair.a.end, role: 'onlyA'}];
			if (g.b.length) marksB = [{start: pair.b.start, end: pair.b.end, role: 'onlyB'}];
		} else if (g.a.length && g.b.length) {
			const [a0, a1] = span(srcA, pair.a, g.a);
			const [b0, b1] = span(srcB, pair.b, g.b);
			const ops = wordOps(srcA.text.slice(a0, a1), srcB.text.slice(b0, b1));
			marksA = ops.a.map(m => ({start: a0 + m.start, end: a0 + m.end, role: m.kind === 'changed' ? 'diffChanged' : 'onlyA'}));
			marksB = ops.b.map(m => ({start: b0 + m.start, end: b0 + m.end, role: m.kind === 'changed' ? 'diffChanged' : 'onlyB'}));
		}
		const la = lay(srcA, pair.a, g.a, marksA, figsA);
		const lb = lay(srcB, pair.b, g.b, marksB, figsB);
		const start = rows.length;
		if (g.kind !== null) for (const x of g.a) for (const y of g.b) firstRow.set(`${x},${y}`, start);
		const height = Math.max(la.length, lb.length, 1);
		for (let i = 0; i < height; i++) {
			rows.push({
				a: la[i] ?? null,
				b: lb[i] ?? null,
				gutter: i === 0 && g.kind !== null && g.a.length && g.b.length ? GUTTER[g.kind] : '│',
			});
		}
		a.push(...la);
		b.push(...lb);
	}
	const partRows = pair.parts
		.map(p => ({a: p.a, b: p.b, row: firstRow.get(`${p.a},${p.b}`) ?? -1}))
		.filter(p => p.row >= 0)
		.sort((x, y) => x.row - y.row);
	return {rows, a, b, partRows, figures: figureLines(pair)};
}

const written = (f: Figure | null) => f?.text.replace(/\\\$/g, '$') ?? '';

export function figureLines(pair: Pair): FigureLine[] {
	return pair.figures.map(f => ({
		status: f.status,
		kind: (f.a ?? f.b)!.kind,
		a: written(f.a),
		b: written(f.b),
		value:
			f.status === 'changed' && f.a && f.b
				? `${formatValue(f.a)} → ${formatValue(f.b)}`
				: f.status === 'hedged' && f.a && f.b
					? `${formatValue(f.a)} (${f.a.qualifier ?? 'no hedge'} → ${f.b.qualifier ?? 'no hedge'})`
					: formatValue((f.a ?? f.b)!),
	}));
}

export const STATUS_LABEL: Record<FigureStatus, string> = {
	same: 'same',
	changed: 'changed',
	hedged: 'hedged',
	missing: 'missing',
	added: 'added',
};

// ---------- one family

export type MemberRow = {
	date: string;
	publisher: string;
	source: string;
	kind: CopyKind;
	similarity: number;
	origin: boolean;
	span: [number, number] | null;
};
export type MatrixRow = {kind: string; text: string; value: string; cells: {status: FigureStatus; text: string}[]};
export type FamilyScreen = {
	members: MemberRow[];
	/** The days the timeline spans, and how they are labelled; null when no member is dated. */
	axis: {from: number; to: number; first: string; last: string} | null;
	matrix: MatrixRow[];
	/** Figures members state that the origin does not: "member 3: 12 satellites". */
	added: {member: number; text: string}[];
};

const dayLabel = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export function familyScreen(model: Model, family: Family): FamilyScreen {
	const members: MemberRow[] = family.members.map((m, i) => ({
		date: m.date ?? '—',
		publisher: m.publisher ?? model.byId.get(m.source)?.publisher ?? '—',
		source: m.source,
		kind: m.kind,
		similarity: m.similarity,
		origin: i === family.origin,
		span: dateSpan(m.date),
	}));
	const spans = members.map(m => m.span).filter((s): s is [number, number] => s !== null);
	const from = Math.min(...spans.map(s => s[0]));
	const to = Math.max(...spans.map(s => s[1]));
	// The axis is labelled with the days it spans (a year-dated member spans its whole year).
	const axis = spans.length ? {from, to, first: dayLabel(from), last: dayLabel(to)} : null;
	const matrix: MatrixRow[] = family.figures.rows.map(r => ({
		kind: r.figure.kind,
		text: written(r.figure),
		value: formatValue(r.figure),
		cells: r.cells.map(c => ({status: c.status, text: c.figure ? written(c.figure) : ''})),
	}));
	const added = family.figures.added.map(x => ({member: x.member, text: written(x.figure)}));
	return {members, axis, matrix, added};
}
