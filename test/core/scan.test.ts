import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {countWords, lowerHash, scanWords} from '../../source/core/scan.js';
import {ValueTable} from '../../source/core/count-table.js';

const byRegex = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const FIXTURES = join(import.meta.dirname, '../fixtures/figures/articles');

describe('countWords', () => {
	it('counts runs of letters and digits as the regular expression does, in any script', () => {
		const samples = [
			'',
			'   ',
			"China's GDP grew 5.2% in 2023 — U.S. officials said.",
			'中国经济增长5.2%，达到126万亿元。',
			'Россия: рост ВВП 3,6 % в 2023 году',
			'日本語のテキスト、カタカナ・ひらがな',
			'emoji 😀 between words, 𝟙𝟚 math digits, 𠀀 an astral ideograph',
			'lone surrogates \ud800 here \udc00 there \ud83d',
			'⺀ radical, 〇 zero, ² superscript, Ⅻ roman',
		];
		for (const s of samples) expect(countWords(s), s).toBe(byRegex(s));
	});

	it('agrees with it on every real page of the figures fixtures (six languages)', () => {
		const files = readdirSync(FIXTURES).filter(f => f.endsWith('.txt'));
		expect(files.length).toBeGreaterThan(10);
		for (const f of files) {
			const text = readFileSync(join(FIXTURES, f), 'utf8');
			expect(countWords(text), f).toBe(byRegex(text));
		}
	});
});

describe('scanWords', () => {
	const words = (text: string, start = 0, end = text.length) => {
		const out: {a: number; b: number; hash: number; hyphenated: boolean}[] = [];
		scanWords(text, start, end, (a, b, hash, hyphenated) => out.push({a, b, hash, hyphenated}));
		return out;
	};

	it('hashes each word as lowerHash does and says whether a hyphen joins it, in any text', () => {
		const pieces = fc.constantFrom('a', 'Z', 'é', 'É', '1', '-', '\u2011', "'", '\u2019', '.', ',', ' ', '中', '😀', '𝟙', '\ud800', 'İ');
		fc.assert(
			fc.property(
				fc.array(fc.oneof(pieces, fc.string({unit: 'binary'}))).map(p => p.join('')),
				fc.nat(),
				fc.nat(),
				(text, x, y) => {
					const start = x % (text.length + 1);
					const end = start + (y % (text.length - start + 1));
					for (const w of words(text, start, end)) {
						expect(w.hash).toBe(lowerHash(text, w.a, w.b));
						expect(w.hyphenated).toBe(/[-\u2011]/.test(text.slice(w.a, w.b)));
					}
				},
			),
			{numRuns: 500},
		);
	});

	it('finds the words of a real sentence, a hyphenated one marked', () => {
		const text = "State-owned firms' output rose 5.2% in 2023, China’s U.S. rival said.";
		const found = words(text).map(w => `${text.slice(w.a, w.b)}${w.hyphenated ? '+' : ''}`);
		expect(found).toEqual(['State-owned+', 'firms', 'output', 'rose', '5.2', 'in', '2023', 'China’s', 'U.S', 'rival', 'said']);
		expect(words(text)[0]!.hash).toBe(lowerHash('state-owned', 0, 11));
		expect(words(text)[7]!.hash).toBe(lowerHash("china's", 0, 7));
	});
});

describe('value table', () => {
	it('keeps the last value of each key, any 32-bit key, through growth and clear', () => {
		const t = new ValueTable();
		const want = new Map<number, number>();
		for (let i = 0; i < 5000; i++) {
			const key = (i * 2654435761) >>> 0;
			const value = i % 3 === 0 ? -1 : 0xffffffff - i;
			t.set(key, value);
			want.set(key, value);
		}
		t.set(0, 7);
		want.set(0, 7);
		t.set(0, 8);
		want.set(0, 8);
		for (const [k, v] of want) expect(t.get(k, NaN)).toBe(v);
		expect(t.size).toBe(want.size);
		expect(t.get(123_456_789, -5)).toBe(-5);
		t.clear();
		expect(t.size).toBe(0);
		expect(t.get(0, -5)).toBe(-5);
	});
});
