// Text primitives: decoding, normalisation and segmentation with offsets into the decoded file.
// Every span reported here satisfies `text.slice(start, end) === span.text`.

import {scanWords} from './scan.js';

export type Span = {start: number; end: number; text: string};

export type BlockKind = 'heading' | 'list' | 'paragraph';
export type Block = Span & {kind: BlockKind; boilerplate: boolean};
export type Sentence = Span & {block: number; index: number; boilerplate: boolean};

// ---------- decoding ----------

export type Decoded = {text: string; encoding: string; warnings: string[]};

/** Decode bytes to text: BOMs, UTF-8, and Windows-1252 for text that is not valid UTF-8. */
export function decode(bytes: Uint8Array): Decoded {
	const warnings: string[] = [];
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return {text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', warnings};
	}
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
		return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings};
	}
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
		return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings};
	}
	try {
		return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes), encoding: 'utf-8', warnings};
	} catch {
		warnings.push('not valid UTF-8; decoded as Windows-1252');
		return {text: decode1252(bytes), encoding: 'windows-1252', warnings};
	}
}

// Windows-1252's printable characters in 0x80..0x9F (Node's TextDecoder treats the label as Latin-1).
const CP1252 =
	'\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decode1252(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		const chunk = bytes.subarray(i, i + 8192);
		out += String.fromCharCode(...Array.from(chunk, b => (b >= 0x80 && b <= 0x9f ? CP1252.charCodeAt(b - 0x80) : b)));
	}
	return out;
}

/** True when the bytes look like a binary file rather than text (NUL bytes outside UTF-16). */
export function looksBinary(bytes: Uint8Array): boolean {
	if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
		return false;
	}
	const n = Math.min(bytes.length, 8192);
	for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
	return false;
}

// ---------- normalisation ----------

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;
const MD_ESCAPE = /\\([\\`*_{}[\]()#+\-.!$%&|<>~])/g;

/**
 * The matching form of a text: NFKC, unified dashes and quotes, markdown escapes removed,
 * whitespace folded, case folded. Idempotent.
 */
export function normalize(s: string): string {
	let t = s.normalize('NFKC');
	// Repeat so that `\\$` folds to `$` in one call (idempotence).
	for (let prev = ''; prev !== t; ) {
		prev = t;
		t = t.replace(MD_ESCAPE, '$1');
	}
	return t
		.replace(DASHES, '-')
		.replace(SINGLE_QUOTES, "'")
		.replace(DOUBLE_QUOTES, '"')
		.replace(SPACES, ' ')
		.trim()
		.toLowerCase()
		.normalize('NFKC');
}

/**
 * A length-preserving fold for search: each UTF-16 unit maps to one unit, so match ranges found in
 * the folded text are ranges of the original. Dashes, quotes, spaces unified; markdown escapes blanked.
 */
export function foldForSearch(s: string): string {
	return s
		.replace(DASHES, '-')
		.replace(SINGLE_QUOTES, "'")
		.replace(DOUBLE_QUOTES, '"')
		.replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t\r\n]/g, ' ')
		.replace(/\\(?=[$%&*_#[\]().!-])/g, ' ');
}

// ---------- tokens ----------

export type Token = {norm: string; start: number; end: number};

/** Word tokens of `text[start, end)` with their offsets and normalised forms (see scan.ts for what a word is). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
	const out: Token[] = [];
	scanWords(text, start, end, (a, b) => {
		const w = text.slice(a, b);
		// Plain ASCII words need only case folding; the rest go through the full normalisation.
		out.push({norm: ASCII_WORD.test(w) ? w.toLowerCase() : normalize(w), start: a, end: b});
	});
	return out;
}

const ASCII_WORD = /^[\x20-\x5b\x5d-\x7e]*$/;

const STOP = new Set(
	(
		'a an the and or but nor of to in on at by for from with without into onto over under as is are was were be been being ' +
		"has have had do does did this that these those it its it's their there they them he she his her we our you your i " +
		'not no so than then also such which who whom whose what when where while how all any each both more most other some ' +
		'can could will would shall should may might must about after before between through during since until up down out off ' +
		'again further very just only own same too s t now new one'
	).split(' '),
);

export function isStopword(w: string): boolean {
	return STOP.has(w);
}

const SUFFIXES: [RegExp, string][] = [
	[/ational$/, 'ate'],
	[/i[sz]ations?$/, 'ize'],
	[/ological$/, 'olog'],
	[/ology$/, 'olog'],
	[/ements?$/, 'e'],
	[/ments?$/, ''],
	[/ations?$/, ''],
	[/ities$|ity$/, ''],
	[/ness$/, ''],
	[/ically$|ical$/, 'ic'],
	[/ances?$|ences?$/, ''],
	[/atives?$/, ''],
	[/ives?$/, ''],
	[/ous$/, ''],
	[/ings?$/, ''],
	[/ied$|ies$/, 'y'],
	[/ed$/, ''],
	[/(ss|sh|ch|x)es$/, '$1'],
	[/s$/, ''],
	[/ly$/, ''],
	[/ials?$|als?$/, ''],
	[/ers?$/, ''],
	[/[ey]$/, ''],
];

/**
 * A stem for matching across spelling, inflection and derivation: UK/US spellings unified, then common
 * suffixes stripped ("technology" and "technological", "achieved" and "achievement", "industry" and
 * "industrial"). Never shorter than three letters.
 */
export function stem(word: string): string {
	let cached = STEMS.get(word);
	if (cached === undefined) {
		if (STEMS.size > 200_000) STEMS.clear();
		cached = computeStem(word);
		STEMS.set(word, cached);
	}
	return cached;
}

const STEMS = new Map<string, string>();

function computeStem(word: string): string {
	let w = word.replace(/['\u2019]s$/, '');
	if (/^\d/.test(w)) return w.replace(/,/g, '');
	w = w
		.replace(/isation/g, 'ization')
		.replace(/is(e|ed|es|ing)$/, 'iz$1')
		.replace(/our(s|ed|ing)?$/, 'or$1')
		.replace(/bour/g, 'bor')
		.replace(/([^aeiou])tre(d|s)?$/, '$1ter$2');
	for (let round = 0; round < 2; round++) {
		for (const [re, to] of SUFFIXES) {
			const m = re.exec(w);
			if (!m) continue;
			const next = w.slice(0, m.index) + w.slice(m.index).replace(re, to);
			if (next.length >= 3) w = next;
			break;
		}
	}
	return w;
}

// ---------- segmentation ----------

const HEADING = /^\s*(#{1,6}\s+|\*\*[^*]+\*\*\s*$)/;
const LIST = /^\s*([-*+•]|\d{1,3}[.)])\s+/;

/** Split a text into blocks: one per non-empty line, so both blank-line and newline paragraphs work. */
export function blocks(text: string): Omit<Block, 'boilerplate'>[] {
	const out: Omit<Block, 'boilerplate'>[] = [];
	const re = /[^\r\n]+/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const raw = m[0];
		const lead = raw.length - raw.trimStart().length;
		const body = raw.trim();
		if (!body) continue;
		const start = m.index + lead;
		const kind: BlockKind = HEADING.test(raw) ? 'heading' : LIST.test(raw) ? 'list' : 'paragraph';
		out.push({start, end: start + body.length, text: body, kind});
	}
	return out;
}

const ABBREVIATIONS = new Set(
	(
		'mr mrs ms dr prof sr jr st mt ft inc ltd co corp plc vs etc e.g i.e no nos vol fig jan feb mar apr jun jul aug sep sept oct nov dec ' +
		'gen gov sen rep rev col lt sgt capt cmdr adm pres approx est dept univ assn bros'
	).split(' '),
);

// Words after which an acronym such as "U.S." ends the sentence: "in the U.S. Furthermore, ...".
const SENTENCE_OPENERS = new Set(
	(
		'the this that these those it its he she they we i in on at for a an according as while when since with however furthermore ' +
		'moreover meanwhile but and yet also still so thus there here if after before despite although though many most some one'
	).split(' '),
);

/** Whitespace as `\s` has it, by char code. */
export function isSpaceCode(c: number): boolean {
	return (
		c === 0x20 ||
		(c >= 0x09 && c <= 0x0d) ||
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

const isStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f;
/** Full stops of Chinese and Japanese: they end a sentence with no space after them. */
const isWideStop = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f;
const isCloser = (c: number) => c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
/** The next word is looked at for its first letters only: this many characters are enough. */
const NEXT_WORD_MAX = 40;

/**
 * Sentence spans inside `text[start, end)`. Handles abbreviations, initials, decimals and closing quotes.
 * One pass over the range: each run of stops is looked at once, so a line of a million dots is linear.
 */
export function sentenceSpans(text: string, start: number, end: number): Span[] {
	const out: Span[] = [];
	const slice = text.slice(start, end);
	const n = slice.length;
	let from = 0;
	let i = 0;
	while (i < n) {
		const c = slice.charCodeAt(i);
		if (isWideStop(c)) {
			let k = i + 1;
			while (k < n && (isWideStop(slice.charCodeAt(k)) || isCloser(slice.charCodeAt(k)) || slice.charCodeAt(k) === 0x300d)) k++;
			push(from, k);
			from = k;
			i = k;
			continue;
		}
		if (!isStop(c)) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < n && isStop(slice.charCodeAt(j))) j++;
		let k = j;
		while (k < n && isCloser(slice.charCodeAt(k))) k++;
		if (k < n && !isSpaceCode(slice.charCodeAt(k))) {
			i = k;
			continue;
		}
		// The word after the stop, if any.
		let w = k;
		while (w < n && isSpaceCode(slice.charCodeAt(w))) w++;
		let we = w;
		while (we < n && we - w < NEXT_WORD_MAX && !isSpaceCode(slice.charCodeAt(we))) we++;
		if (we > w && !isBoundary(slice, i, slice.slice(i, j), slice.slice(w, we))) {
			i = k;
			continue;
		}
		push(from, k);
		from = k;
		i = k;
	}
	push(from, n);
	return out;

	function push(a: number, b: number) {
		let x = a;
		let y = b;
		while (x < y && isSpaceCode(slice.charCodeAt(x))) x++;
		while (y > x && isSpaceCode(slice.charCodeAt(y - 1))) y--;
		if (x === y) return;
		out.push({start: start + x, end: start + y, text: slice.slice(x, y)});
	}
}

function isBoundary(slice: string, at: number, punct: string, nextWord: string): boolean {
	const first = nextWord.replace(/^["'\u201C\u2018([]+/, '');
	if (!first) return true;
	const startsUpper = /^[\p{Lu}\p{N}]/u.test(first) || /^["'\u201C\u2018]/.test(nextWord);
	if (!startsUpper) return false;
	if (!punct.startsWith('.')) return true;
	// The word before the full stop.
	const before = /([\p{L}\p{N}.]+)$/u.exec(slice.slice(Math.max(0, at - 40), at))?.[1] ?? '';
	const lower = before.toLowerCase();
	if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/\./g, ''))) return false;
	// Initials: "J. Smith".
	if (/^\p{Lu}$/u.test(before)) return false;
	// Acronyms with stops: "U.S." ends a sentence only before a typical sentence opener.
	if (/^(\p{L}\.)+\p{L}$/u.test(before)) {
		return SENTENCE_OPENERS.has(first.replace(/[^\p{L}]/gu, '').toLowerCase());
	}
	return true;
}
