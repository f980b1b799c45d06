// Lining up the figures of an origin and a copy: each figure of the origin meets the figure of the copy
// that measures the same thing (kind, currency or counted noun) in an aligned sentence, the one with the
// same value first; then it is `same`, `hedged` (same value, another hedge) or `changed`.

import type {LinedUp} from '../types.js';
import type {Figure} from './types.js';

type Placed = Figure & {sentence?: number};

/** Scores of a pairing: the same value weighs most, then the same unit, then the same hedge. */
const SAME_VALUE = 8;
const SAME_UNIT = 2;
const SAME_HEDGE = 1;

/** Dollars of any country, which a bare `$` may be. */
const DOLLARS = new Set(['$', 'USD', 'HKD', 'SGD', 'AUD', 'CAD', 'TWD', 'NZD']);
const YENS = new Set(['¥', 'CNY', 'JPY']);

/** Values equal to six significant digits; a period or date without its year equals one with it ("H1" and "2023-H1"). */
export function sameValue(a: Figure, b: Figure): boolean {
	if (typeof a.value === 'number' && typeof b.value === 'number') return Number(a.value.toPrecision(6)) === Number(b.value.toPrecision(6));
	if (a.kind === 'percent' && b.kind === 'ratio') return Number(a.value) === Number(b.value) * 100;
	if (a.kind === 'ratio' && b.kind === 'percent') return Number(a.value) * 100 === Number(b.value);
	if (typeof a.value !== 'string' || typeof b.value !== 'string') return false;
	return a.value === b.value || yearless(a.value) === yearless(b.value);
}

/** `2023-H1` → `H1`, `2019-01/2019-06` → `--01/--06`, `2025-11-05` → `--11-05`. */
function yearless(v: string): string {
	return v
		.split('/')
		.map(p => p.replace(/^\d{4}-(?=[HQ]\d)/, '').replace(/^\d{4}(?=-\d{2})/, '-'))
		.join('/');
}

/** Whether two figures can state the same quantity: same kind (or a percent and a ratio) and compatible units. */
export function sameMeasure(a: Figure, b: Figure): boolean {
	const kinds = a.kind === b.kind || (a.kind === 'percent' && b.kind === 'ratio') || (a.kind === 'ratio' && b.kind === 'percent');
	if (!kinds) return false;
	if (a.kind !== b.kind) return true;
	switch (a.kind) {
		case 'money':
			return (
				a.unit === b.unit ||
				(DOLLARS.has(a.unit ?? '') && DOLLARS.has(b.unit ?? '') && (a.unit === '$' || b.unit === '$')) ||
				(YENS.has(a.unit ?? '') && YENS.has(b.unit ?? '') && (a.unit === '¥' || b.unit === '¥'))
			);
		case 'percent':
			return (a.unit === 'pp') === (b.unit === 'pp');
		case 'count': {
			if (!a.unit || !b.unit) return true;
			const ma = a.measure;
			const mb = b.measure;
			if ((ma?.unit ?? a.unit) === (mb?.unit ?? b.unit)) return true;
			return Boolean(ma?.dimension && ma.dimension === mb?.dimension);
		}
		default:
			return true;
	}
}

/** How well `b` fits `a`; null when they measure different things. */
function fit(a: Figure, b: Figure): number | null {
	const equal = sameValue(a, b);
	if (!sameMeasure(a, b) && !(equal && a.kind === 'count' && b.kind === 'count')) return null;
	// Two counts of different things, or a count of something and a bare number, line up only when the
	// value is the same ("190,000 villages" → "190,000 people").
	if (!equal && a.kind === 'count') {
		if (Boolean(a.unit) !== Boolean(b.unit)) return null;
		if (a.unit && b.unit && a.measure?.unit !== b.measure?.unit && !(a.measure?.dimension && a.measure.dimension === b.measure?.dimension))
			return null;
	}
	let score = equal ? SAME_VALUE : closeness(a, b);
	if ((a.measure?.unit ?? a.unit) === (b.measure?.unit ?? b.unit)) score += SAME_UNIT;
	if (a.qualifier === b.qualifier) score += SAME_HEDGE;
	return score;
}

/** Between 0 and 1: how close two different values are (129 and 157 closer than 129 and 5). */
function closeness(a: Figure, b: Figure): number {
	if (typeof a.value !== 'number' || typeof b.value !== 'number') return 0;
	const x = Math.abs(a.value);
	const y = Math.abs(b.value);
	return x === 0 || y === 0 ? 0 : Math.min(x, y) / Math.max(x, y);
}

/**
 * Line up `a` (the origin's figures) with `b` (the copy's). With `aligned` (pairs of origin and copy
 * sentence indices) a figure meets figures of its aligned sentences first, and a figure of any other sentence
 * only when both are left over and have the same value (moved, not changed); without it, any figure of the
 * other passage. Rows follow `a`'s order, then what `b` adds.
 */
export function lineUp(a: Placed[], b: Placed[], aligned?: [number, number][]): LinedUp[] {
	const allowed = aligned ? new Set(aligned.map(([x, y]) => `${x}|${y}`)) : null;
	const options: {i: number; j: number; score: number; distance: number}[] = [];
	for (const [i, fa] of a.entries()) {
		for (const [j, fb] of b.entries()) {
			if (allowed && !allowed.has(`${fa.sentence}|${fb.sentence}`)) continue;
			const score = fit(fa, fb);
			if (score === null) continue;
			options.push({i, j, score, distance: Math.abs(i / Math.max(1, a.length) - j / Math.max(1, b.length))});
		}
	}
	const ofA = new Map<number, number>();
	const usedB = new Set<number>();
	const take = (list: typeof options) => {
		list.sort((x, y) => y.score - x.score || x.distance - y.distance || x.i - y.i || x.j - y.j);
		for (const o of list) {
			if (ofA.has(o.i) || usedB.has(o.j)) continue;
			ofA.set(o.i, o.j);
			usedB.add(o.j);
		}
	};
	take(options);
	// A figure the copy kept but moved to another sentence ("in 2025" said one sentence earlier) is the same
	// figure, not one missing and one added: what aligned sentences left over on both sides meets by value.
	if (allowed) {
		const moved: typeof options = [];
		for (const [i, fa] of a.entries()) {
			if (ofA.has(i)) continue;
			for (const [j, fb] of b.entries()) {
				if (usedB.has(j) || !sameValue(fa, fb)) continue;
				const score = fit(fa, fb);
				if (score !== null) moved.push({i, j, score, distance: Math.abs(i / Math.max(1, a.length) - j / Math.max(1, b.length))});
			}
		}
		take(moved);
	}
	const rows: LinedUp[] = a.map((fa, i) => {
		const j = ofA.get(i);
		if (j === undefined) return {status: 'missing', a: fa, b: null};
		const fb = b[j]!;
		const status = !sameValue(fa, fb) ? 'changed' : fa.qualifier === fb.qualifier ? 'same' : 'hedged';
		return {status, a: fa, b: fb};
	});
	for (const [j, fb] of b.entries()) if (!usedB.has(j)) rows.push({status: 'added', a: null, b: fb});
	return rows;
}
