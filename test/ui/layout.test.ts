import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {compareLayout, fit, lineOf, segment, width, windowStart, wrap} from '../../source/ui/layout.js';

const text = (l: {segs: {text: string}[]}) => l.segs.map(s => s.text).join('');

describe('layout', () => {
	it('wraps by words and keeps every line within the width', () => {
		const lines = wrap(segment('the quick brown fox jumps over the lazy dog', 0, 43, []), 10);
		expect(lines.map(text)).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
	});
	const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	it('measures wide characters by display width', () => {
		const lines = wrap(segment('中国科技创新引领世界', 0, 10, []), 6);
		expect(lines.map(text)).toEqual(['中国科', '技创新', '引领世', '界']);
		fc.assert(
			fc.property(fc.string({unit: 'grapheme'}), fc.integer({min: 2, max: 40}), (s, w) => {
				for (const l of wrap(segment(s, 0, s.length, []), w)) {
					const t = text(l).replace(/[\r\n]/g, '');
					// A grapheme cannot be split: one wider than the line (𝅘𝅥𝅮 is 3 columns) stands alone.
					if ([...graphemes.segment(t)].length > 1) expect(width(t)).toBeLessThanOrEqual(w);
				}
			}),
			{numRuns: 200},
		);
	});
	it('keeps roles and offsets through wrapping', () => {
		const src = 'plain MARKED plain again';
		const lines = wrap(segment(src, 0, src.length, [{start: 6, end: 12, role: 'match'}]), 12);
		const marked = lines.flatMap(l => l.segs).filter(s => s.roles.includes('match'));
		expect(marked.map(s => s.text)).toEqual(['MARKED']);
		expect(src.slice(marked[0]!.start, marked[0]!.start + 6)).toBe('MARKED');
		expect(lineOf(lines, src.indexOf('again'))).toBe(lines.length - 1);
	});
	it('breaks lines at newlines', () => {
		expect(wrap(segment('a\nb\r\nc', 0, 6, []), 10).map(text)).toEqual(['a', 'b', 'c']);
	});
	it('fits strings to a width with an ellipsis', () => {
		expect(fit('abcdef', 4)).toBe('abc…');
		expect(fit('ab', 4, true)).toBe('ab  ');
		expect(width(fit('中国科技', 5))).toBeLessThanOrEqual(5);
	});
	it('keeps the cursor in the visible window', () => {
		expect(windowStart(0, 100, 10)).toBe(0);
		expect(windowStart(50, 100, 10)).toBe(45);
		expect(windowStart(99, 100, 10)).toBe(90);
		expect(windowStart(3, 5, 10)).toBe(0);
	});
	it('splits the compare view between columns and the figures table', () => {
		const l = compareLayout(120, 38, 8);
		expect(l.colWidth * 2 + 3).toBeLessThanOrEqual(120);
		expect(l.textRows + l.tableRows + 5).toBeLessThanOrEqual(38);
		expect(l.tableRows).toBe(8);
		expect(compareLayout(40, 10, 20).textRows).toBeGreaterThanOrEqual(2);
		// Short passages leave the room to the table; long ones keep at least two thirds for the text.
		expect(compareLayout(100, 30, 20, 6)).toMatchObject({textRows: 6, tableRows: 19});
		expect(compareLayout(100, 30, 3, 6)).toMatchObject({textRows: 6, tableRows: 3});
		expect(compareLayout(100, 30, 20, 60)).toMatchObject({textRows: 17, tableRows: 8});
	});
});
