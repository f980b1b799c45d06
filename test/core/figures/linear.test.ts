// The extractor is called once per sentence by a single pass over the corpus: hostile runs of digits,
// separators and punctuation must go through in linear time (no backtracking, no quadratic windows).

import {describe, expect, it} from 'vitest';
import {extractFigures} from '../../../source/core/figures.js';

const MB = 1_000_000;
/** Each run in the language whose rules it stresses most (French groups thousands with spaces). */
const runs: Record<string, [string, string]> = {
	digits: ['7'.repeat(MB), 'en'],
	'digits and commas': ['1,'.repeat(MB / 2), 'de'],
	'digits and periods': ['12.'.repeat(MB / 3), 'en'],
	'digits and spaces': ['123 '.repeat(MB / 4), 'fr'],
	dashes: ['2025-'.repeat(MB / 5), 'en'],
	punctuation: ['.,;:!?%$€-–()'.repeat(MB / 13), 'en'],
	'percent signs': ['5% '.repeat(MB / 3), 'en'],
	'chinese numerals': ['一二三十百千万亿'.repeat(MB / 8), 'zh'],
	'hedges and numbers': ['about more than 3 '.repeat(MB / 18), 'en'],
	'month names': ['March 5, '.repeat(MB / 9), 'en'],
};

describe('extraction on a megabyte of hostile input', () => {
	for (const [name, [text, language]] of Object.entries(runs)) {
		it(`reads a 1 MB run of ${name}`, {timeout: 60_000}, () => {
			const figures = extractFigures(text, 0, text.length, {language});
			for (const f of figures.slice(0, 50)) expect(text.slice(f.start, f.end)).toBe(f.text);
		});
	}
});

describe('words that are also names of object properties', () => {
	it('reads "constructor", "toString" and "__proto__" as plain words in every language', () => {
		const text = 'In 5 constructor, toString 7 valueOf and __proto__ 9 hasOwnProperty of the 3 __defineGetter__.';
		for (const language of ['en', 'es', 'de', 'ru', 'zh', 'constructor', '__proto__']) {
			const figures = extractFigures(text, 0, text.length, {language});
			expect(figures.map(f => f.value)).toEqual([5, 7, 9, 3]);
		}
	});
});
