// What a figure measures and when two figures state the same quantity.

import type {Figure, Measure} from './types.js';

/** Plural and singular forms of a counted noun compare equal ("offices", "office"). */
function singular(noun: string): string {
	if (noun.length > 4 && noun.endsWith('ies')) return `${noun.slice(0, -3)}y`;
	if (noun.length > 3 && noun.endsWith('s') && !noun.endsWith('ss')) return noun.slice(0, -1);
	return noun;
}

export function measureOf(f: Pick<Figure, 'kind' | 'unit'>, dimension: string | null): Measure {
	return {kind: f.kind, unit: f.kind === 'count' && f.unit ? singular(f.unit) : f.unit, dimension};
}

/** A key equal for figures that state the same quantity, whatever the notation. */
export function figureKey(f: Pick<Figure, 'kind' | 'value' | 'unit'>): string {
	const v = typeof f.value === 'number' ? Number(f.value.toPrecision(6)) : f.value;
	return `${f.kind}|${f.unit ?? ''}|${v}`;
}

/** What a figure measures, without its value: the same quantity stated with two different values differs only here. */
export function quantityKey(f: Pick<Figure, 'kind' | 'unit'>): string {
	return `${f.kind}|${f.unit ?? ''}`;
}
