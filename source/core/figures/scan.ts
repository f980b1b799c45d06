// Reading the value of a number as written: digit groups with the separators of the text's language,
// and Chinese numerals (一百二十, 两, 萬, 億) alone or after digits (52億, 61.7万亿).

import {dict} from './dict.js';

/** Numbers longer than this are identifiers (a 42-digit article id), not quantities. */
export const MAX_DIGITS = 15;

/**
 * The value of a digit run like `1,234.5`, `1.234,5`, `3,2`, `2.510` or `25 050`, or null when the
 * separators make no number. `decimal` is the language's decimal mark: a lone other mark followed by
 * exactly three digits groups thousands; otherwise the lone mark is the decimal one.
 */
export function readDigits(raw: string, decimal: ',' | '.'): {value: number; decimals: number; grouped: boolean} | null {
	// Digits and at most one separator per digit: anything longer than this holds more than MAX_DIGITS digits.
	if (raw.length > 2 * MAX_DIGITS) return null;
	const groups: string[] = [];
	const seps: string[] = [];
	let cur = '';
	for (const ch of raw) {
		if (ch >= '0' && ch <= '9') cur += ch;
		else {
			groups.push(cur);
			seps.push(ch === '\u00a0' || ch === '\u202f' || ch === '\u2009' || ch === "'" ? ' ' : ch);
			cur = '';
		}
	}
	groups.push(cur);
	const digits = groups.join('').length;
	if (digits > MAX_DIGITS) return null;
	if (seps.length === 0) return {value: Number(groups[0]), decimals: 0, grouped: false};
	const kinds = [...new Set(seps)];
	const threes = (from: number, to: number) => groups.slice(from, to).every(g => g.length === 3);
	let intPart: string;
	let frac = '';
	let grouped = false;
	if (kinds.length === 1) {
		const sep = kinds[0]!;
		if (sep === ' ') {
			if (!threes(1, groups.length) || groups[0]!.length > 3) return null;
			intPart = groups.join('');
			grouped = true;
		} else if (seps.length > 1) {
			if (!threes(1, groups.length) || groups[0]!.length > 3) return null;
			intPart = groups.join('');
			grouped = true;
		} else if ((sep !== decimal || groups[1] === '000') && groups[1]!.length === 3 && groups[0]!.length <= 3 && groups[0] !== '0') {
			// "4,000 pessoas" in a decimal-comma language: nobody writes three decimal zeros, so it groups thousands.
			intPart = groups.join('');
			grouped = true;
		} else {
			intPart = groups[0]!;
			frac = groups[1]!;
		}
	} else {
		const last = seps[seps.length - 1]!;
		if (seps.slice(0, -1).some(s => s === last)) return null;
		if (!threes(1, groups.length - 1) || groups[0]!.length > 3) return null;
		intPart = groups.slice(0, -1).join('');
		frac = groups[groups.length - 1]!;
		grouped = true;
	}
	const value = Number(frac ? `${intPart}.${frac}` : intPart);
	return Number.isFinite(value) ? {value, decimals: frac.length, grouped} : null;
}

const CJK_DIGITS: Record<string, number> = {
	零: 0,
	〇: 0,
	一: 1,
	二: 2,
	两: 2,
	兩: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9,
};
const CJK_SMALL_UNITS: Record<string, number> = {十: 10, 百: 100, 千: 1000};
/** Myriad scales: they multiply everything read before them. */
export const CJK_SCALES: Record<string, number> = dict({万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8});

/** The same tables as maps: the reader looks characters up in them millions of times on long texts. */
const DIGIT_OF = new Map(Object.entries(CJK_DIGITS));
const UNIT_OF = new Map(Object.entries(CJK_SMALL_UNITS));

export const isCjkNumeral = (ch: string) => DIGIT_OF.has(ch) || UNIT_OF.has(ch);

/**
 * Reads Chinese numerals from `chars[i]` on (一百二十 → 120, 十四 → 14, 三 → 3), stopping before a
 * myriad scale; returns the value and how many characters were read, or null.
 */
export function readCjkNumber(chars: string[], i: number): {value: number; length: number} | null {
	let total = 0;
	let digit = -1;
	let j = i;
	while (j < chars.length) {
		const ch = chars[j]!;
		const d = DIGIT_OF.get(ch);
		const u = d === undefined ? UNIT_OF.get(ch) : undefined;
		if (d !== undefined) {
			if (digit >= 0) break; // 一二 is not a number
			digit = d;
		} else if (u !== undefined) {
			total += (digit < 0 ? 1 : digit) * u;
			digit = -1;
		} else break;
		j++;
	}
	if (j === i) return null;
	if (digit >= 0) total += digit;
	return {value: total, length: j - i};
}
