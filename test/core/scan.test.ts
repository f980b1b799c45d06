import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {countWords} from '../../source/core/scan.js';
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
