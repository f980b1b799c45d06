// One pass over the char codes of a sentence: digit runs with their separators, words, single CJK
// characters, and punctuation. Spaces are not tokens; each token knows whether a space or a line break
// stands before it. Everything after works on this list in small windows, so extraction stays linear.

export type TokenType = 'num' | 'word' | 'cjk' | 'punct';

export type Token = {
	type: TokenType;
	start: number;
	end: number;
	/** Lower-cased text; dashes and minus signs are all `-`, curly apostrophes `'`. */
	w: string;
	/** The token touches the one before it (no space between). */
	joined: boolean;
	/** A line break stands between this token and the one before it. */
	newline: boolean;
	/** For words: the first letter is upper-case. */
	capital: boolean;
};

const SPACES = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0xa0, 0x2009, 0x200a, 0x202f, 0x2007, 0x3000, 0xfeff]);
/** Separators that may stand inside a number between digit groups: comma, period, no-break and thin spaces, apostrophe. */
const IN_NUMBER = new Set([0x2c, 0x2e, 0xa0, 0x202f, 0x2009, 0x27]);
const DASHES = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]);

export const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isFullDigit = (c: number) => c >= 0xff10 && c <= 0xff19;
export const isSpace = (c: number) => SPACES.has(c);

/** Han ideographs, kana, Hangul, and CJK punctuation read one character at a time. */
export function isCjk(c: number): boolean {
	return (
		(c >= 0x4e00 && c <= 0x9fff) ||
		(c >= 0x3400 && c <= 0x4dbf) ||
		(c >= 0x3040 && c <= 0x30ff) ||
		(c >= 0xac00 && c <= 0xd7af) ||
		(c >= 0xf900 && c <= 0xfaff)
	);
}

const LETTER = /\p{L}|\p{M}/u;
function isLetter(c: number): boolean {
	if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
	if (isCjk(c)) return false;
	return LETTER.test(String.fromCharCode(c));
}

/** Tokens of `text[start, end)`. A digit run takes in a separator only when a digit follows it. */
export function tokenize(text: string, start: number, end: number, spaceGroups: boolean): Token[] {
	const out: Token[] = [];
	let i = start;
	let joined = false;
	let newline = false;
	const push = (type: TokenType, s: number, e: number, w: string, capital = false) => {
		out.push({type, start: s, end: e, w, joined: joined && out.length > 0, newline, capital});
		joined = true;
		newline = false;
	};
	while (i < end) {
		const c = text.charCodeAt(i);
		if (isSpace(c)) {
			joined = false;
			if (c === 0x0a || c === 0x0d) newline = true;
			i++;
			continue;
		}
		if (isDigit(c) || isFullDigit(c)) {
			let j = i + 1;
			let full = isFullDigit(c);
			for (;;) {
				for (; j < end; j++) {
					const d = text.charCodeAt(j);
					if (isDigit(d)) continue;
					if (!isFullDigit(d)) break;
					full = true;
				}
				if (j + 1 < end && IN_NUMBER.has(text.charCodeAt(j)) && isDigit(text.charCodeAt(j + 1))) {
					j += 2;
					continue;
				}
				// "25 050 milliards": a plain space groups thousands where the language writes numbers so.
				if (
					spaceGroups &&
					j + 3 < end &&
					text.charCodeAt(j) === 0x20 &&
					isDigit(text.charCodeAt(j + 1)) &&
					isDigit(text.charCodeAt(j + 2)) &&
					isDigit(text.charCodeAt(j + 3)) &&
					(j + 4 >= end || !isDigit(text.charCodeAt(j + 4))) &&
					groupBefore(text, i, j) <= 3
				) {
					j += 4;
					continue;
				}
				break;
			}
			push('num', i, j, full ? normalDigits(text.slice(i, j)) : text.slice(i, j));
			i = j;
			continue;
		}
		if (isCjk(c)) {
			push('cjk', i, i + 1, text[i]!);
			i++;
			continue;
		}
		if (isLetter(c)) {
			let j = i + 1;
			while (j < end && isLetter(text.charCodeAt(j))) j++;
			const word = text.slice(i, j);
			const lower = word.toLowerCase();
			push('word', i, j, lower, lower !== word && word[0] !== lower[0]);
			i = j;
			continue;
		}
		// Surrogate pairs (emoji, rare ideographs) are one token.
		const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
		let w = text.slice(i, i + wide);
		if (DASHES.has(c)) w = '-';
		else if (c === 0x2019 || c === 0x2018) w = "'";
		else if (c === 0xff05) w = '%';
		push('punct', i, i + wide, w);
		i += wide;
	}
	return out;
}

/** Digits of the last group before `j` in the digit run starting at `i` (for space-grouped thousands). */
function groupBefore(text: string, i: number, j: number): number {
	let k = j;
	while (k > i && isDigit(text.charCodeAt(k - 1))) k--;
	return k === i ? j - i : 3;
}

function normalDigits(s: string): string {
	let out = '';
	for (const ch of s) {
		const c = ch.charCodeAt(0);
		out += isFullDigit(c) ? String.fromCharCode(c - 0xff10 + 0x30) : ch;
	}
	return out;
}
