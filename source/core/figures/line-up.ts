// Lining up the figures of an origin and a copy.

import type {LinedUp} from '../types.js';
import {figureKey, quantityKey} from './measure.js';
import type {Figure} from './types.js';

export function lineUp(a: Figure[], b: Figure[]): LinedUp[] {
	const usedB = new Set<number>();
	const rows: (LinedUp & {order: number})[] = [];
	const pending: number[] = [];
	a.forEach((fa, i) => {
		const k = figureKey(fa);
		const j = b.findIndex((fb, jj) => !usedB.has(jj) && figureKey(fb) === k);
		if (j >= 0) {
			usedB.add(j);
			rows.push({status: 'same', a: fa, b: b[j]!, order: i});
		} else pending.push(i);
	});
	for (const i of pending) {
		const fa = a[i]!;
		const q = quantityKey(fa);
		const j = b.findIndex((fb, jj) => !usedB.has(jj) && quantityKey(fb) === q);
		if (j >= 0) {
			usedB.add(j);
			rows.push({status: 'changed', a: fa, b: b[j]!, order: i});
		} else rows.push({status: 'missing', a: fa, b: null, order: i});
	}
	rows.sort((x, y) => x.order - y.order);
	b.forEach((fb, j) => {
		if (!usedB.has(j)) rows.push({status: 'added', a: null, b: fb, order: a.length + j});
	});
	return rows.map(({order: _order, ...r}) => r);
}
