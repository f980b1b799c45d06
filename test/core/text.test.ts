import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {blocks, decode, foldForSearch, normalize, sentenceSpans, stem, tokenize} from '../../source/core/text.js';

const sentences = (t: string) => sentenceSpans(t, 0, t.length).map(s => s.text);

describe('normalize', () => {
	it('unifies dashes, quotes, escapes, spaces and case', () => {
		expect(normalize('Top\u2011100 “AI”  at \\$142 BILLION')).toBe('top-100 "ai" at $142 billion');
		expect(normalize('China’s')).toBe("china's");
		expect(normalize('ﬁve')).toBe('five');
	});
	it('is idempotent', () => {
		fc.assert(fc.property(fc.string({unit: 'grapheme'}), s => normalize(normalize(s)) === normalize(s)));
		fc.assert(fc.property(fc.string(), s => normalize(normalize(s)) === normalize(s)));
	});
});

describe('foldForSearch', () => {
	it('keeps the length, so match ranges are ranges of the original', () => {
		fc.assert(fc.property(fc.string(), s => foldForSearch(s).length === s.length));
		expect(foldForSearch('Shenzhen–Hong \\$1')).toBe('Shenzhen-Hong  $1');
	});
});

describe('segmentation', () => {
	it('does not split at abbreviations, initials, decimals or money', () => {
		expect(sentences('Dr. Smith met J. Doe in the U.S. capital. Spending reached $1.81 trillion in 2024. Next.')).toEqual([
			'Dr. Smith met J. Doe in the U.S. capital.',
			'Spending reached $1.81 trillion in 2024.',
			'Next.',
		]);
	});
	it('splits after an acronym that ends a sentence', () => {
		expect(sentences('three times the number in the U.S. Furthermore, China leads.')).toHaveLength(2);
	});
	it('keeps closing quotes with their sentence', () => {
		expect(sentences('He said “it works.” Then he left.')).toEqual(['He said “it works.”', 'Then he left.']);
	});
	it('keeps lowercase continuations together', () => {
		expect(sentences('It rose 3.5 per cent. in May and fell.')).toEqual(['It rose 3.5 per cent. in May and fell.']);
	});
	it('marks headings and list items as blocks of their own', () => {
		const b = blocks('## Title\n\n1. Comunicati\nBody text here.\n');
		expect(b.map(x => x.kind)).toEqual(['heading', 'list', 'paragraph']);
	});
	it('reports offsets whose slice is the text, in order, for any input', () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme'}), text => {
				let last = 0;
				for (const b of blocks(text)) {
					expect(text.slice(b.start, b.end)).toBe(b.text);
					for (const s of sentenceSpans(text, b.start, b.end)) {
						expect(text.slice(s.start, s.end)).toBe(s.text);
						expect(s.start).toBeGreaterThanOrEqual(last);
						last = s.end;
					}
				}
				for (const t of tokenize(text)) expect(t.end).toBeGreaterThan(t.start);
			}),
		);
	});
});

describe('stem', () => {
	it('conflates spelling and derivation variants', () => {
		expect(stem('modernisation')).toBe(stem('modernization'));
		expect(stem('technology')).toBe(stem('technological'));
		expect(stem('satellites')).toBe(stem('satellite'));
		expect(stem('203,000')).toBe('203000');
	});
});

describe('decode', () => {
	it('reads UTF-8 with and without a BOM, UTF-16 and Windows-1252', () => {
		expect(decode(Buffer.from('\uFEFFcafé', 'utf8'))).toMatchObject({text: 'café', encoding: 'utf-8-bom'});
		expect(decode(Buffer.from('café', 'utf8'))).toMatchObject({text: 'café', encoding: 'utf-8'});
		expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('café', 'utf16le')]))).toMatchObject({
			text: 'café',
			encoding: 'utf-16le',
		});
		const latin = decode(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]));
		expect(latin.text).toBe('café “q”');
		expect(latin.warnings[0]).toMatch(/Windows-1252/);
	});
});
