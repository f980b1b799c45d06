import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {
	axisLabel,
	compareLayout,
	dateSpan,
	familyLayout,
	fit,
	fitColumns,
	fitMiddle,
	lineOf,
	listLayout,
	readerLayout,
	row,
	segment,
	timelineCell,
	width,
	windowStart,
	wrap,
} from '../../source/ui/layout.js';

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
	it('measures the common narrow characters by their count, and agrees with string-width', () => {
		for (const s of ['plain', 'café — “quoted” … → ─━●◆', '中文', '🚀 rocket', 'e\u0301', 'soft\u00adhyphen', 'ﾃｽﾄ'])
			expect(width(s), s).toBe(stringWidth(s));
		fc.assert(
			fc.property(fc.string({unit: 'grapheme'}), s => {
				expect(width(s)).toBe(stringWidth(s));
			}),
			{numRuns: 300},
		);
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
	it('splits the compare view between the lined-up text and the figures table, filling its rows exactly', () => {
		const l = compareLayout(120, 38, 8);
		expect(l.colWidth * 2 + 3).toBeLessThanOrEqual(120);
		expect(l.textRows + l.tableRows + 4).toBe(38);
		expect(l.tableRows).toBe(8);
		// Short passages leave the room to the table; long ones keep at least two thirds for the text.
		expect(compareLayout(100, 30, 20, 6)).toMatchObject({textRows: 6, tableRows: 20});
		expect(compareLayout(100, 30, 3, 6)).toMatchObject({textRows: 23, tableRows: 3});
		expect(compareLayout(100, 30, 20, 60)).toMatchObject({textRows: 18, tableRows: 8});
		expect(compareLayout(100, 30, 0, 60)).toMatchObject({textRows: 26, tableRows: 0});
		fc.assert(
			fc.property(
				fc.integer({min: 40, max: 300}),
				fc.integer({min: 10, max: 78}),
				fc.nat(200),
				fc.nat(500),
				(cols, rows, figures, text) => {
					const c = compareLayout(cols, rows, figures, text);
					expect(c.textRows + c.tableRows + 4).toBe(rows);
					expect(c.textRows).toBeGreaterThanOrEqual(1);
					expect(c.colWidth * 2 + 3).toBeLessThanOrEqual(cols);
					const f = familyLayout(rows, text, figures);
					expect(f.memberRows + f.matrixRows + 5).toBe(rows);
					expect(f.memberRows).toBeGreaterThanOrEqual(1);
					expect(listLayout(rows).listRows + 2).toBe(rows);
					expect(readerLayout(rows, true).textRows + 2).toBe(rows);
				},
			),
		);
	});
	it('drops the least useful columns when narrow, and gives the flexible one what is left', () => {
		const specs = [
			{key: 'name', min: 8, ideal: 20, priority: 1},
			{key: 'title', min: 14, ideal: 14, priority: 2, flex: true},
			{key: 'date', min: 10, ideal: 10, priority: 4},
			{key: 'reused', min: 6, ideal: 6, priority: 3},
		] as const;
		const at = (cols: number) => fitColumns(cols, [...specs]).map(c => `${c.key}:${c.width}`);
		expect(at(38)).toEqual(['name:16', 'title:14', 'reused:6']);
		expect(at(60)).toEqual(['name:20', 'title:21', 'date:10', 'reused:6']);
		expect(at(20)).toEqual(['name:20']);
		expect(at(6)).toEqual(['name:6']);
		fc.assert(
			fc.property(fc.integer({min: 8, max: 400}), cols => {
				const cs = fitColumns(cols, [...specs]);
				expect(cs.reduce((t, c) => t + c.width, 0) + cs.length - 1).toBeLessThanOrEqual(cols);
				expect(width(row(cs, {name: 'x'.repeat(50), title: '中'.repeat(50), date: '2026-02-05', reused: '100%'}))).toBeLessThanOrEqual(
					cols,
				);
			}),
		);
	});
	it('cuts file names in the middle, where they differ least', () => {
		expect(fitMiddle('000_3852ac365e34d611.txt', 16)).toBe('000_3852…611.txt');
		expect(fitMiddle('short.txt', 16, true)).toBe('short.txt       ');
		expect(width(fitMiddle('中文的文件名字很长.txt', 9))).toBeLessThanOrEqual(9);
	});
	it('places dates on a timeline', () => {
		const feb5 = dateSpan('2026-02-05')!;
		const year = dateSpan('2026')!;
		expect(dateSpan('2026-02')).toEqual([feb5[0] - 4, feb5[0] + 23]);
		expect(year[1] - year[0]).toBe(364);
		expect(dateSpan(null)).toBeNull();
		expect(timelineCell(feb5, feb5[0], feb5[0] + 10, 11, true)).toBe('◆──────────');
		expect(timelineCell([feb5[0] + 10, feb5[0] + 10], feb5[0], feb5[0] + 10, 11, false)).toBe('──────────●');
		expect(timelineCell([feb5[0] + 2, feb5[0] + 6], feb5[0], feb5[0] + 10, 11, false)).toBe('──●━━━━────');
		expect(timelineCell(null, 0, 10, 5, false)).toBe('?    ');
		expect(axisLabel('2026-02-05', '2026-03-01', 30)).toBe('2026-02-05          2026-03-01');
	});
});
