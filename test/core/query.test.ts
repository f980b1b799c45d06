import {describe, expect, it} from 'vitest';
import {figureMatches, parseFigure, parseSearchQuery, QuerySearch} from '../../source/core/query.js';
import {Searcher, searchDocs} from '../../source/core/search.js';
import {corpus} from '../ui/fixtures.js';

const search = new QuerySearch(new Searcher(searchDocs(corpus.sources)), corpus.sources);
const texts = (q: string) => search.search(q, 50).map(h => h.text);

describe('the query language', () => {
	it('parses words, whole words, phrases, a source and a figure', () => {
		expect(parseSearchQuery('Tianwen 2')).toMatchObject({fuzzy: ['tianwen'], exact: ['2'], phrases: [], source: null, figure: null});
		expect(parseSearchQuery('"Long  March" rocket source:cgtn')).toMatchObject({
			fuzzy: ['rocket'],
			phrases: ['long march'],
			source: 'cgtn',
		});
		expect(parseSearchQuery('source:"CGTN via" AI')).toMatchObject({source: 'cgtn via', fuzzy: ['ai'], exact: []});
		expect(parseSearchQuery('"long mar')).toMatchObject({phrases: ['long mar']});
		expect(parseSearchQuery('what? ')).toMatchObject({fuzzy: ['what']});
		expect(parseFigure('>1 billion').figure).toEqual({op: '>', value: 1e9, kind: null, unit: null, text: '>1 billion'});
		expect(parseFigure('tariffs 17%')).toMatchObject({figure: {op: '=', value: 17, kind: 'percent'}, rest: 'tariffs'});
		expect(parseFigure('<= $5m')).toMatchObject({figure: {op: '<=', value: 5e6, kind: 'money', unit: 'USD'}});
		expect(parseFigure('1.2 trillion yuan').figure).toMatchObject({value: 1.2e12, kind: 'money', unit: 'CNY'});
		expect(parseFigure('2025').figure).toBeNull();
	});
	it('matches figures by kind, unit and comparison', () => {
		const q = parseFigure('>1 billion').figure!;
		expect(figureMatches({kind: 'money', value: 1.81e12, unit: 'USD'}, q)).toBe(true);
		expect(figureMatches({kind: 'count', value: 203_000, unit: 'satellites'}, q)).toBe(false);
		expect(figureMatches({kind: 'percent', value: 5e9, unit: null}, q)).toBe(false);
		expect(figureMatches({kind: 'percent', value: 17, unit: null}, parseFigure('17%').figure!)).toBe(true);
		expect(figureMatches({kind: 'money', value: 1e9, unit: 'USD'}, q)).toBe(false);
		expect(figureMatches({kind: 'money', value: 1e9, unit: 'USD'}, parseFigure('>=1bn').figure!)).toBe(true);
	});
	it('finds a one-character word or a number as a whole word ("Tianwen 2")', () => {
		const found = texts('Tianwen 2');
		expect(found.length).toBeGreaterThanOrEqual(2);
		for (const t of found) expect(t).toMatch(/Tianwen.2\b/);
		expect(texts('Tianwen 3')).toEqual([]);
	});
	it('finds a quoted phrase exactly, and not its words apart', () => {
		const found = texts('"long march"');
		expect(found.length).toBeGreaterThan(0);
		for (const t of found) expect(t.toLowerCase()).toContain('long march');
		expect(texts('"march long"')).toEqual([]);
		// Punctuation between the words of a phrase does not matter; a number is not the start of a longer one.
		expect(texts('"Tianwen 2" asteroid').join(' ')).toMatch(/Tianwen.2 asteroid/);
		expect(texts('"Tianwen 2"')).toHaveLength(2);
		expect(texts('"Tianwen 20"')).toEqual([]);
		expect(texts('"long marc"').length).toBe(texts('"long march"').length);
	});
	it('scopes a search to the sources whose name or publisher holds a word', () => {
		const hits = search.search('source:cgtn innovation', 50);
		expect(hits.length).toBeGreaterThan(0);
		for (const h of hits) expect(h.source).toBe('001_ceee5b9b1f5f8ff4.txt');
		expect(search.search('source:000_ innovation', 50).every(h => h.source.startsWith('000_'))).toBe(true);
	});
	it('finds passages stating a figure, and marks the figure', () => {
		const hits = search.search('>1 trillion', 50);
		expect(hits.map(h => h.text).join(' ')).toMatch(/1\.81 trillion/);
		for (const h of hits) expect(h.text).toMatch(/trillion/);
		const h = hits.find(x => x.text.includes('1.81 trillion'))!;
		const src = corpus.sources.find(s => s.id === h.source)!;
		expect(h.matches.map(([a, b]) => src.text.slice(a, b))).toContain('$1.81 trillion');
		expect(texts('eight percent').length).toBeGreaterThan(0);
		expect(texts('8%').join(' ')).toContain('eight percent');
	});
	it('still searches fuzzily, typos welcome, when there is nothing exact in the query', () => {
		expect(texts('telecomunication').join(' ')).toContain('Telecommunication Union');
	});
});
