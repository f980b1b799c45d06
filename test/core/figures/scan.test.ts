import {describe, expect, it} from 'vitest';
import {readCjkNumber, readDigits} from '../../../source/core/figures/scan.js';
import {tokenize} from '../../../source/core/figures/tokens.js';

describe('reading digits by the language’s decimal mark', () => {
	it('reads grouped thousands and decimals in both conventions', () => {
		expect(readDigits('1,234.5', '.')?.value).toBe(1234.5);
		expect(readDigits('1.234,5', ',')?.value).toBe(1234.5);
		expect(readDigits('3,2', ',')?.value).toBe(3.2);
		expect(readDigits('30,000', '.')?.value).toBe(30000);
		expect(readDigits('2.510', ',')?.value).toBe(2510);
		expect(readDigits('5,940', ',')?.value).toBe(5.94);
		expect(readDigits('0.125', ',')?.value).toBe(0.125);
		expect(readDigits('2.500.000', ',')?.value).toBe(2500000);
	});
	it('refuses separators that make no number and identifiers too long to be quantities', () => {
		expect(readDigits('1,2,3', '.')).toBeNull();
		expect(readDigits('1.234.56', ',')).toBeNull();
		expect(readDigits('010020070770000000000000011107421369592521', '.')).toBeNull();
	});
	it('groups thousands with spaces only where the language does', () => {
		const fr = tokenize('25 050 milliards', 0, 16, true);
		expect(fr[0]!.w).toBe('25 050');
		expect(tokenize('25 050 milliards', 0, 16, false)[0]!.w).toBe('25');
		expect(tokenize('in 2016 100 people', 0, 18, true).map(t => t.w)).toEqual(['in', '2016', '100', 'people']);
	});
});

describe('reading Chinese numerals', () => {
	const read = (s: string) => readCjkNumber([...s], 0);
	it('reads units, tens and hundreds', () => {
		expect(read('三')).toEqual({value: 3, length: 1});
		expect(read('十四')).toEqual({value: 14, length: 2});
		expect(read('一百二十')).toEqual({value: 120, length: 4});
		expect(read('两千')).toEqual({value: 2000, length: 2});
	});
	it('stops at a myriad scale and reads no number in a run of digits', () => {
		expect(read('五万')).toEqual({value: 5, length: 1});
		expect(read('一二')).toEqual({value: 1, length: 1});
		expect(read('人')).toBeNull();
	});
});
