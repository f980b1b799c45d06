import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {extractFigures, figureKey, lineUp} from '../../source/core/figures.js';

const one = (text: string) => {
	const f = extractFigures(text);
	expect(f, text).toHaveLength(1);
	return f[0]!;
};

describe('extractFigures', () => {
	it('reads money in symbols, codes and words with scales', () => {
		expect(one('worth CNY1 trillion now')).toMatchObject({kind: 'money', value: 1e12, unit: 'CNY', text: 'CNY1 trillion'});
		expect(one('some $138.38 billion')).toMatchObject({value: 138.38e9, unit: 'USD'});
		expect(one('a €2.5bn deal')).toMatchObject({value: 2.5e9, unit: 'EUR'});
		expect(one('spent RMB 3.6 trillion')).toMatchObject({value: 3.6e12, unit: 'CNY'});
		expect(one('at \\$1.81 trillion.')).toMatchObject({value: 1.81e12, unit: 'USD', text: '$1.81 trillion'});
		expect(one('two billion dollars')).toMatchObject({value: 2e9, unit: 'USD'});
	});
	it('keeps qualifiers', () => {
		const [cny, usd] = extractFigures('1 trillion yuan (about \\$142 billion)');
		expect(cny).toMatchObject({kind: 'money', value: 1e12, unit: 'CNY'});
		expect(usd).toMatchObject({kind: 'money', value: 142e9, unit: 'USD', qualifier: 'about'});
		expect(one('more than 200 domestic large models')).toMatchObject({kind: 'count', value: 200, unit: 'models', qualifier: 'more than'});
		expect(one('over 30,000 AI researchers')).toMatchObject({kind: 'count', value: 30000, unit: 'researchers', qualifier: 'over'});
		expect(one('nearly twice that')).toMatchObject({kind: 'ratio', value: 2, qualifier: 'nearly'});
	});
	it('reads percentages, ranks, counts, ratios and dates', () => {
		expect(one('fell to eight percent')).toMatchObject({kind: 'percent', value: 8});
		expect(one('17 percent of')).toMatchObject({kind: 'percent', value: 17});
		expect(one('held 80% of')).toMatchObject({kind: 'percent', value: 80});
		expect(one('ranked China tenth globally')).toMatchObject({kind: 'rank', value: 10});
		expect(one('places China 10th globally')).toMatchObject({kind: 'rank', value: 10});
		expect(one('the cluster ranked first.')).toMatchObject({kind: 'rank', value: 1});
		expect(one("the world's second-largest brand")).toMatchObject({kind: 'rank', value: 2, unit: 'largest'});
		expect(one('for 203,000 satellites')).toMatchObject({kind: 'count', value: 203000, unit: 'satellites'});
		expect(one('three times the number')).toMatchObject({kind: 'ratio', value: 3});
		expect(one('the plan (2021–2025) says')).toMatchObject({kind: 'date', value: '2021/2025'});
		expect(one('In July 2025, China')).toMatchObject({kind: 'date', value: '2025-07'});
		expect(one('On 5 February 2026 it')).toMatchObject({kind: 'date', value: '2026-02-05'});
	});
	it('does not read numbers inside names', () => {
		for (const t of [
			'quantum tech, and 6G, aiming',
			"The Chang'e-6 probe",
			'the Tianwen‑2 asteroid',
			'prototype "Zuchongzhi 3.0" set',
			'DeepSeek R1 is close',
			'after COVID-19 hit',
			'under the 14th Five-Year Plan',
			'for the first time',
		]) {
			expect(extractFigures(t), t).toEqual([]);
		}
	});
	it('gives offsets whose slice is the text, and never throws', () => {
		fc.assert(
			fc.property(fc.string(), s => {
				for (const f of extractFigures(s)) expect(s.slice(f.start, f.end)).toBe(f.text);
			}),
		);
		const t = 'x 1 trillion yuan (about \\$142 billion) and 17 percent, ranked tenth in 2025.';
		for (const f of extractFigures(t, 2, t.length)) expect(t.slice(f.start, f.end)).toBe(f.text);
	});
});

describe('equality across notations', () => {
	const key = (t: string) => figureKey(one(t));
	it('recognises the same quantity written differently', () => {
		expect(key('CNY1 trillion')).toBe(key('1 trillion yuan'));
		expect(key('$142bn')).toBe(key('about $142 billion'));
		expect(key('ranked tenth globally')).toBe(key('ranked 10th globally'));
		expect(key('eight percent')).toBe(key('8%'));
		expect(key('$142bn')).not.toBe(key('$138.38 billion'));
	});
	it('lines figures up as same, changed, missing, added', () => {
		const a = extractFigures('ranked 10th, worth $142 billion, with 17 percent and $1.81 trillion in brand value');
		const b = extractFigures('ranked tenth, worth $150bn, with 17 percent, in 2025');
		const rows = lineUp(a, b).map(r => `${r.status}:${r.a?.text ?? ''}|${r.b?.text ?? ''}`);
		expect(rows).toEqual([
			'same:10th|tenth',
			'changed:$142 billion|$150bn',
			'same:17 percent|17 percent',
			'missing:$1.81 trillion|',
			'added:|2025',
		]);
	});
});
