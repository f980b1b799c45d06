// The word scanner every stage shares: one pass over char codes, table lookups, no regular expression and no
// string per token. A word is a run of letters and digits, joined across one apostrophe, dot, comma or hyphen
// between two of them ("China's", "U.S", "1,000.5", "Chang'e-6"). Han, hiragana and katakana characters are
// words of one character each: Chinese and Japanese are written without spaces, and a clause-long "word"
// would never match a copy that changed one character of it.

/** Character classes of the Basic Multilingual Plane. */
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
/** A character that is a word on its own (Han, kana). */
const IDEOGRAPH = 3;

type Tables = {cls: Uint8Array; low: Uint16Array; word: Uint8Array};
let built: Tables | null = null;

/**
 * The tables, built on first use (about 10 ms): a class, a lower-case form and whether it is a letter or
 * digit (\p{L} or \p{N}, the characters `countWords` runs over), for each UTF-16 unit. One object, made once:
 * this is called for every word of the corpus.
 */
function tables(): Tables {
	if (!built) built = buildTables();
	return built;
}

function buildTables(): Tables {
	const cls = new Uint8Array(65536);
	const word = new Uint8Array(65536);
	const low = new Uint16Array(65536);
	const letter = /\p{L}/u;
	const digit = /\p{N}/u;
	const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
	for (let c = 0; c < 65536; c++) {
		low[c] = c;
		if (c >= 0xd800 && c <= 0xdfff) continue;
		const ch = String.fromCharCode(c);
		const isLetter = letter.test(ch);
		const isDigit = !isLetter && digit.test(ch);
		if (isLetter || isDigit) word[c] = 1;
		if (c < 128) {
			if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) cls[c] = LETTER;
			else if (c >= 48 && c <= 57) cls[c] = DIGIT;
		} else if (ideograph.test(ch)) cls[c] = IDEOGRAPH;
		else if (isLetter) cls[c] = LETTER;
		else if (isDigit) cls[c] = DIGIT;
		const l = ch.toLowerCase();
		if (l.length === 1) low[c] = l.charCodeAt(0);
	}
	// One apostrophe for matching: the typographic one folds to the straight one.
	low[0x2019] = 0x27;
	return {cls, low, word};
}

/** Between two word characters, these keep a word together. */
const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2c || c === 0x2011 || c === 0x2d;
/** Of the joiners, these split a word into parts for matching ("state-owned" is "state" and "owned"). */
export const isHyphen = (c: number) => c === 0x2d || c === 0x2011;

/** The class of the character at `i` (astral letters and digits via their code point). */
function classAt(text: string, i: number, cls: Uint8Array): number {
	const c = text.charCodeAt(i);
	if (c < 0xd800 || c > 0xdbff) return cls[c]!;
	const cp = text.codePointAt(i)!;
	if (cp <= 0xffff) return OTHER;
	const ch = String.fromCodePoint(cp);
	return /[\p{Script=Han}]/u.test(ch) ? IDEOGRAPH : /[\p{L}\p{N}]/u.test(ch) ? LETTER : OTHER;
}

/** Width in UTF-16 units of the character at `i`. */
const unitsAt = (text: string, i: number) => {
	const c = text.charCodeAt(i);
	return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
};

/** FNV-1a offset basis and prime: the 32-bit hash the features stage uses. */
export const FNV_START = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Calls `onWord(start, end, hash, hyphenated)` for each word of `text[start, end)`, in order: `hash` is the
 * word's `lowerHash`, made as the word is scanned (each character is read once, where hashing it apart read
 * every word twice), and `hyphenated` whether a hyphen joins parts of it ("state-owned"). Linear in the
 * length of the range whatever it holds.
 */
export function scanWords(
	text: string,
	start: number,
	end: number,
	onWord: (start: number, end: number, hash: number, hyphenated: boolean) => void,
): void {
	const {cls, low} = tables();
	let i = start;
	while (i < end) {
		const k = classAt(text, i, cls);
		if (k === OTHER) {
			i += unitsAt(text, i);
			continue;
		}
		const from = i;
		let h = FNV_START;
		// The units of the character at i, into the hash.
		for (const stop = i + unitsAt(text, i); i < stop; i++) h = Math.imul(h ^ low[text.charCodeAt(i)]!, FNV_PRIME);
		if (k === IDEOGRAPH) {
			onWord(from, i, h >>> 0, false);
			continue;
		}
		let hyphenated = false;
		for (;;) {
			if (i >= end) break;
			const c = classAt(text, i, cls);
			if (c === LETTER || c === DIGIT) {
				for (const stop = i + unitsAt(text, i); i < stop; i++) h = Math.imul(h ^ low[text.charCodeAt(i)]!, FNV_PRIME);
				continue;
			}
			// A joiner counts only between two word characters (not before an ideograph).
			const joiner = text.charCodeAt(i);
			if (isJoiner(joiner) && i + 1 < end) {
				const next = classAt(text, i + 1, cls);
				if (next === LETTER || next === DIGIT) {
					if (isHyphen(joiner)) hyphenated = true;
					h = Math.imul(h ^ low[joiner]!, FNV_PRIME);
					i += 1;
					continue;
				}
			}
			break;
		}
		onWord(from, i, h >>> 0, hyphenated);
	}
}

/**
 * The hash of `text[start, end)` lower-cased (typographic apostrophe folded), without making the string:
 * equal for two spellings that differ only in case.
 */
export function lowerHash(text: string, start: number, end: number): number {
	const {low} = tables();
	let h = FNV_START;
	for (let i = start; i < end; i++) {
		h ^= low[text.charCodeAt(i)]!;
		h = Math.imul(h, FNV_PRIME);
	}
	return h >>> 0;
}

/** Whether `text[start, end)` is only digits and the separators inside numbers. */
export function isNumeric(text: string, start: number, end: number): boolean {
	const {cls} = tables();
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x2e && c !== 0x2c && cls[c] !== DIGIT) return false;
	}
	return true;
}

/**
 * How many runs of letters and digits (\p{L}, \p{N}) the text holds: the word count a source shows,
 * `text.match(/[\p{L}\p{N}]+/gu).length` without the array of every word.
 */
export function countWords(text: string): number {
	const {word} = tables();
	let count = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let isWord: boolean;
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const d = text.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) {
				isWord = WORD_CHAR.test(String.fromCharCode(c, d));
				i++;
			} else isWord = false;
		} else isWord = word[c] === 1;
		if (isWord && !inWord) count++;
		inWord = isWord;
	}
	return count;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
