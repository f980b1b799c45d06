import {describe, expect, it} from 'vitest';
import {extractFigures} from '../../../source/core/figures.js';

const hedge = (text: string, language: string) => extractFigures(text, 0, text.length, {language})[0]?.qualifier;

describe('hedges in canonical form', () => {
	it('maps each language’s hedge words to the forms of FIGURE-LABELS.md', () => {
		expect(hedge('over 30,000 researchers', 'en')).toBe('more than');
		expect(hedge('some 42 kilometers', 'en')).toBe('about');
		expect(hedge('just under 50 percent', 'en')).toBe('nearly');
		expect(hedge('as many as 500 people', 'en')).toBe('up to');
		expect(hedge('no fewer than 20 ships', 'en')).toBe('at least');
		expect(hedge('rund 395 Milliarden Euro', 'de')).toBe('about');
		expect(hedge('knapp 10 Prozent', 'de')).toBe('nearly');
		expect(hedge('más del 50 por ciento', 'es')).toBe('more than');
		expect(hedge('al menos 20 millones de yuanes', 'es')).toBe('at least');
		expect(hedge('plus de 10 %', 'fr')).toBe('more than');
		expect(hedge('почти 5 процентов', 'ru')).toBe('nearly');
		expect(hedge('逾43亿吨', 'zh')).toBe('more than');
		expect(hedge('增长10%以上', 'zh')).toBe('more than');
		expect(hedge('约24万亿港元', 'zh')).toBe('about');
	});
	it('reads no hedge on dates and ranks, nor "hasta" that means "to"', () => {
		expect(hedge('over the 14th Five-Year Plan', 'en')).toBeNull();
		expect(hedge('creció un 5,2 %, hasta 126 billones de yuanes', 'es')).toBeNull();
	});
	it('lets the bounds of a range share the hedge and the unit', () => {
		const f = extractFigures('um rund fünf bzw. sechs Prozent', 0, 31, {language: 'de'});
		expect(f.map(x => [x.value, x.kind, x.qualifier])).toEqual([
			[5, 'percent', 'about'],
			[6, 'percent', 'about'],
		]);
		const g = extractFigures('zwischen 130 und 190 Milliarden Euro', 0, 36, {language: 'de'});
		expect(g.map(x => [x.text, x.value, x.unit])).toEqual([
			['130', 130e9, 'EUR'],
			['190 Milliarden Euro', 190e9, 'EUR'],
		]);
	});
	it('keeps the hedge as written when called without options (the reading before languages)', () => {
		expect(extractFigures('over 30,000 AI researchers')[0]?.qualifier).toBe('over');
	});
});
