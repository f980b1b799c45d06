// A short human form of a figure's value: "142000000000 USD" becomes "142 bn USD".

import type {Figure} from './types.js';

export function formatValue(f: Pick<Figure, 'kind' | 'value' | 'unit'>): string {
	if (typeof f.value === 'string') return f.value;
	const v = f.value;
	const scaled = (x: number) => {
		const abs = Math.abs(x);
		if (abs >= 1e12) return `${trim(x / 1e12)} tn`;
		if (abs >= 1e9) return `${trim(x / 1e9)} bn`;
		if (abs >= 1e6) return `${trim(x / 1e6)} m`;
		return x.toLocaleString('en-US');
	};
	switch (f.kind) {
		case 'money':
			return `${scaled(v)} ${f.unit ?? ''}`.trim();
		case 'percent':
			return f.unit === 'pp' ? `${trim(v)} pp` : `${trim(v)}%`;
		case 'rank':
			return `#${v}${f.unit && f.unit !== 'top' ? ` ${f.unit}` : ''}${f.unit === 'top' ? ' (top)' : ''}`;
		case 'ratio':
			return `×${trim(v)}`;
		default:
			return `${scaled(v)}${f.unit ? ` ${f.unit}` : ''}`;
	}
}

function trim(x: number): string {
	return String(Number(x.toPrecision(6)));
}
