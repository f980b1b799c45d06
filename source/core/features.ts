// Stage 1 of reuse detection: what each sentence is made of, as 32-bit hashes (no corpus-wide dictionary,
// so sources can be featurised on any thread and merged later).
// - features: stems of its content words (UK/US spelling and inflections folded) and the keys of its
//   figures ("CNY1 trillion" and "1 trillion yuan" have one key);
// - shingles: pairs of consecutive stems, which copies keep and unrelated sentences almost never share.
// A newswire dateline at the front of a lead is left out, so every copy of a lead matches whatever its
// dateline says.

import {datelineEnd} from './dateline.js';
import {ValueTable} from './count-table.js';
import {figureKey} from './figures.js';
import type {Source} from './source.js';
import {GrowUint32} from './grow.js';
import {isHyphen, lowerHash, scanWords} from './scan.js';
import {isStopword, normalize, stem} from './text.js';

/** Sentences with fewer words than this are headings, labels and fragments: too little to call a copy. */
export const MIN_WORDS = 4;
/** … or fewer distinct features than this. */
export const MIN_FEATURES = 3;

/** FNV-1a over UTF-16 units: a stable 32-bit hash of a string. */
export function hash32(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A 32-bit hash of an ordered pair of hashes. */
export function pairHash(a: number, b: number): number {
	let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

export type SentenceFeatures = {
	/** Index of the sentence in its source. */
	sentence: number;
	/** Distinct feature hashes, sorted ascending: stems, and figure keys (hashed with a '#' prefix). */
	feats: Uint32Array;
	/** Which of `feats` are figure keys (they weigh more: a shared figure is strong evidence). */
	figureMask: Uint8Array;
	/** Hashes of consecutive stem pairs, in text order (may repeat). */
	shingles: Uint32Array;
	/** Word tokens, dateline excluded. */
	words: number;
	/** The dates the sentence states (ISO values, maybe partial): two sentences naming different days are about different events. */
	dates: string[];
	/**
	 * What survives translation, in text order: numbers of two digits or more (separators dropped: "1,2" and
	 * "1.2" agree, as "3,2 %" and "3.2%" do) and names in Latin letters (a capital inside the sentence:
	 * "Tsinghua", "CGTN", "Jinping"). Hashed.
	 */
	anchors: Uint32Array;
};

/** The offset at which a sentence's matchable text starts: after its dateline, if it leads its block. */
export function matchStart(source: Source, sentence: number): number {
	const s = source.sentences[sentence]!;
	const prev = source.sentences[sentence - 1];
	const leads = !prev || prev.block !== s.block;
	return leads ? datelineEnd(source.text, s.start, s.end) : s.start;
}

/** Each word part seen so far (by its lower-cased hash): the hash of its stem, or SKIP for stop words and numbers. */
const PARTS = new ValueTable();
const SKIP = -1;
/** What PARTS answers for a part not seen yet: no stem hash (0 to 2^32 - 1) nor SKIP. */
const UNSEEN = 2 ** 40;
/** The cache is emptied past this many entries (a corpus's vocabulary rarely comes near it). */
const PARTS_MAX = 1_000_000;

/**
 * The feature of one word part: its stem's hash, or SKIP. The string is made only the first time a part is
 * seen. `key` is the part's `lowerHash`, when the caller has it.
 */
function partFeature(text: string, start: number, end: number, key = lowerHash(text, start, end)): number {
	let f = PARTS.get(key, UNSEEN);
	if (f === UNSEEN) {
		const raw = text.slice(start, end);
		const part = /^[\x20-\x7e]*$/.test(raw) ? raw.toLowerCase() : normalize(raw);
		f = part.length < 2 || /^[\d.,]+$/.test(part) || isStopword(part) ? SKIP : hash32(stem(part));
		if (PARTS.size >= PARTS_MAX) PARTS.clear();
		PARTS.set(key, f);
	}
	return f;
}

/** A number needs this many digits to anchor a translation: "5" and "10" are everywhere, "2025" and "130" are not. */
export const ANCHOR_DIGITS = 2;
/** A name needs this many letters to anchor a translation. */
export const ANCHOR_NAME = 3;

/** FNV-1a of one more UTF-16 unit: `hash32` built up a character at a time. */
const fnv = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
const FNV_START = 0x811c9dc5;

/**
 * The anchor a word gives (0 for none): a number's digits, or a capitalised Latin name not first in its
 * sentence. The hash is `hash32('#' + digits)` or `hash32('@' + name lower-cased, ’ as ', ‑ as -)`, built
 * over the characters in place (no string is made: this runs for every word of the corpus).
 */
function anchorOf(text: string, a: number, b: number, first: boolean): number {
	const c = text.charCodeAt(a);
	if (c >= 48 && c <= 57) {
		let h = fnv(FNV_START, 0x23);
		let digits = 0;
		for (let i = a; i < b; i++) {
			const d = text.charCodeAt(i);
			if (d >= 48 && d <= 57) {
				h = fnv(h, d);
				digits++;
			} else if (d !== 0x2c && d !== 0x2e) return 0;
		}
		return digits >= ANCHOR_DIGITS ? h >>> 0 : 0;
	}
	if (first || b - a < ANCHOR_NAME || c < 65 || c > 90) return 0;
	let h = fnv(fnv(FNV_START, 0x40), c + 32);
	for (let i = a + 1; i < b; i++) {
		const x = text.charCodeAt(i);
		if (x >= 65 && x <= 90) h = fnv(h, x + 32);
		else if ((x >= 97 && x <= 122) || (x >= 48 && x <= 57) || x === 0x27 || x === 0x2d) h = fnv(h, x);
		else if (x === 0x2019) h = fnv(h, 0x27);
		else if (x === 0x2011) h = fnv(h, 0x2d);
		else return 0;
	}
	return h >>> 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const LETTER = /\p{L}/u;

/** A space that sets thousands apart: space, no-break space, thin space, narrow no-break space. */
function isGroupSpace(c: number): boolean {
	return c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/**
 * Where the number starts that a group of three digits at `a` continues ("25" of "25 050", "12" of
 * "12 345 678"): a group of one to three digits, then groups of three, each after one space; -1 when the
 * word before is not such a number (a year, "2021 300"; a decimal, "2,5 000"; two spaces), or starts
 * before `from`.
 */
function thousandsStart(text: string, a: number, from: number): number {
	let space = a - 1;
	for (;;) {
		if (space - 1 < from || !isGroupSpace(text.charCodeAt(space))) return -1;
		let k = space - 1;
		while (k >= from && isDigit(text.charCodeAt(k))) k--;
		const length = space - 1 - k;
		if (length < 1 || length > 3) return -1;
		if (k < from) return k + 1;
		const before = text.charCodeAt(k);
		if (length === 3 && isGroupSpace(before) && k - 1 >= from && isDigit(text.charCodeAt(k - 1))) {
			space = k; // a group of three after another: go on back
			continue;
		}
		// The word before the number must not run into it ("2,5", "A1").
		return before === 0x2c || before === 0x2e || before === 0x2d || LETTER.test(String.fromCharCode(before)) ? -1 : k + 1;
	}
}

/** How many ASCII digits `text[a, b)` holds. */
function digitsIn(text: string, a: number, b: number): number {
	let n = 0;
	for (let i = a; i < b; i++) if (isDigit(text.charCodeAt(i))) n++;
	return n;
}

/** A number anchor's hash with the digits of `text[a, b)` added, what `anchorOf` makes of them in one word. */
function digitsInto(h: number, text: string, a: number, b: number): number {
	for (let i = a; i < b; i++) {
		const c = text.charCodeAt(i);
		if (isDigit(c)) h = fnv(h, c);
	}
	return h >>> 0;
}

/**
 * A feature table filled a row at a time, in arrays that grow and are reused for the next source (a thread
 * reads one source at a time): a sentence's stems, features and shingles used to be five small typed arrays
 * of their own, copied into the table and dropped, the largest share of the pipeline's garbage.
 */
class TableBuilder {
	rows = new GrowUint32();
	words = new GrowUint32();
	dates: string[][] = [];
	feats = new GrowUint32();
	figureMask = new Uint8Array(1024);
	featStart = new GrowUint32();
	shingles = new GrowUint32();
	shingleStart = new GrowUint32();
	anchors = new GrowUint32();
	anchorStart = new GrowUint32();

	reset(): void {
		for (const x of [this.rows, this.words, this.feats, this.shingles, this.anchors]) x.n = 0;
		for (const x of [this.featStart, this.shingleStart, this.anchorStart]) {
			x.n = 0;
			x.push(0);
		}
		this.dates = [];
	}

	/** Room for `n` more features' figure marks. */
	maskRoom(n: number): Uint8Array {
		if (this.figureMask.length < this.feats.n + n) {
			const bigger = new Uint8Array(Math.max(this.feats.n + n, this.figureMask.length * 2));
			bigger.set(this.figureMask);
			this.figureMask = bigger;
		}
		return this.figureMask;
	}

	/** The table, in arrays of its own. */
	finish(repeatKeys: Uint32Array): FeatureTable {
		const n = this.rows.n;
		return {
			sentence: Int32Array.from(this.rows.a.subarray(0, n)),
			words: Int32Array.from(this.words.a.subarray(0, n)),
			featStart: Int32Array.from(this.featStart.a.subarray(0, n + 1)),
			feats: this.feats.a.slice(0, this.feats.n),
			figureMask: this.figureMask.slice(0, this.feats.n),
			shingleStart: Int32Array.from(this.shingleStart.a.subarray(0, n + 1)),
			shingles: this.shingles.a.slice(0, this.shingles.n),
			anchorStart: Int32Array.from(this.anchorStart.a.subarray(0, n + 1)),
			anchors: this.anchors.a.slice(0, this.anchors.n),
			dates: this.dates,
			repeatKeys,
		};
	}
}

const BUILDER = new TableBuilder();
const STEMS = new GrowUint32();
const ANCHORS = new GrowUint32();
const ALL = new GrowUint32();

/**
 * Features of one sentence as a row of `table` (none for furniture and for sentences too short to be
 * evidence), and if `repeatKeys` is given its key for repeats there (`repeatKey`), in one scan of its words:
 * the key takes every word, the features those after the dateline.
 */
function scanSentence(
	table: TableBuilder,
	source: Source,
	sentence: number,
	figureKeys: string[],
	dates: string[],
	repeatKeys: Uint32Array | null,
): void {
	const s = source.sentences[sentence]!;
	if (s.boilerplate) return;
	const text = source.text;
	const from = matchStart(source, sentence);
	let words = 0;
	const stems = STEMS;
	const anchors = ANCHORS;
	stems.n = 0;
	anchors.n = 0;
	const repeat = {words: 0, h1: REPEAT_H1, h2: REPEAT_H2};
	scanWords(text, repeatKeys ? s.start : from, s.end, (a, b, whole, hyphenated) => {
		if (repeatKeys) addToRepeatKey(repeat, whole);
		if (a < from) return;
		let anchor = anchorOf(text, a, b, words === 0);
		if (anchor !== 0 && b - a === 3 && digitsIn(text, a, b) === 3) {
			// Thousands set apart by a space ("10 000", French and others) are one number, as "10,000" is: the
			// number so far was the last anchor (when it had two digits or more), and gives way to the whole.
			const start = thousandsStart(text, a, from);
			if (start >= 0) {
				if (digitsIn(text, start, a) >= ANCHOR_DIGITS) anchors.n--;
				anchor = digitsInto(fnv(FNV_START, 0x23), text, start, b);
			}
		}
		if (anchor !== 0) anchors.push(anchor);
		words++;
		if (!hyphenated) {
			if (b - a >= 2) {
				const f = partFeature(text, a, b, whole);
				if (f !== SKIP) stems.push(f);
			}
			return;
		}
		// Parts of a hyphenated word count on their own ("state-owned": "state", "owned").
		let part = a;
		for (let i = a; i <= b; i++) {
			if (i < b && !isHyphen(text.charCodeAt(i))) continue;
			if (i - part >= 2) {
				const f = part === a && i === b ? partFeature(text, part, i, whole) : partFeature(text, part, i);
				if (f !== SKIP) stems.push(f);
			}
			part = i + 1;
		}
	});
	if (repeatKeys) {
		repeatKeys[sentence * 3] = repeat.words;
		repeatKeys[sentence * 3 + 1] = repeat.h1;
		repeatKeys[sentence * 3 + 2] = repeat.h2;
	}
	if (words < MIN_WORDS) return;
	// Distinct stems and figure keys, sorted: sort a copy and drop repeats in place (no Set per sentence).
	const size = stems.n + figureKeys.length;
	const all = ALL.room(size).subarray(0, size);
	all.set(stems.a.subarray(0, stems.n));
	const figs: number[] = figureKeys.map(k => hash32('#' + k));
	all.set(figs, stems.n);
	all.sort();
	let distinct = 0;
	for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
	if (distinct < MIN_FEATURES) return;
	const at = table.feats.n;
	const mask = table.maskRoom(distinct);
	for (let i = 0; i < distinct; i++) {
		table.feats.push(all[i]!);
		mask[at + i] = figs.length && figs.includes(all[i]!) ? 1 : 0;
	}
	for (let i = 1; i < stems.n; i++) table.shingles.push(pairHash(stems.a[i - 1]!, stems.a[i]!));
	for (let i = 0; i < anchors.n; i++) table.anchors.push(anchors.a[i]!);
	table.rows.push(sentence);
	table.words.push(words);
	table.featStart.push(table.feats.n);
	table.shingleStart.push(table.shingles.n);
	table.anchorStart.push(table.anchors.n);
	table.dates.push(dates.length ? dates : NO_DATES);
}

/** Features of every content sentence of a source, in text order. */
export function sourceFeatures(source: Source): SentenceFeatures[] {
	return featureRows(featureTable(source));
}

/** Fills `table` with the features of every content sentence of a source, in text order; with `repeatKeys`, the key of each (see FeatureTable). */
function scanSource(table: TableBuilder, source: Source, repeatKeys: Uint32Array | null): void {
	const keys = new Map<number, string[]>();
	const dates = new Map<number, string[]>();
	for (const f of source.figures) {
		(keys.get(f.sentence) ?? keys.set(f.sentence, []).get(f.sentence)!).push(figureKey(f));
		if (f.kind === 'date' && typeof f.value === 'string')
			(dates.get(f.sentence) ?? dates.set(f.sentence, []).get(f.sentence)!).push(f.value);
	}
	table.reset();
	for (const s of source.sentences) scanSentence(table, source, s.index, keys.get(s.index) ?? [], dates.get(s.index) ?? [], repeatKeys);
}

/**
 * The features of a source's content sentences as a few flat arrays: one object per source where rows of
 * SentenceFeatures were six objects per sentence, which at 100,000 articles was millions of objects for the
 * collector to trace on every full collection. Row r is sentence `sentence[r]`; its features are
 * `feats[featStart[r] .. featStart[r + 1])` (with `figureMask` beside them), and likewise its shingles and
 * anchors.
 */
export type FeatureTable = {
	sentence: Int32Array;
	words: Int32Array;
	featStart: Int32Array;
	feats: Uint32Array;
	figureMask: Uint8Array;
	shingleStart: Int32Array;
	shingles: Uint32Array;
	anchorStart: Int32Array;
	anchors: Uint32Array;
	/** The dates each row states; rows that state none share one empty array. */
	dates: string[][];
	/**
	 * For every sentence of the source (by index, not row), what finds a sentence repeated inside it: its
	 * word count and two hashes of its words lower-cased (`repeatKey`), three numbers a sentence; 0 for a
	 * sentence that was furniture when the file was read. Empty when not computed (a table made from rows).
	 */
	repeatKeys: Uint32Array;
};

const REPEAT_H1 = 0x811c9dc5;
const REPEAT_H2 = 0x01000193;

/** One more word (its `lowerHash`) into a key for repeats. */
function addToRepeatKey(k: {words: number; h1: number; h2: number}, w: number): void {
	k.h1 = Math.imul(k.h1 ^ w, 0x01000193);
	k.h2 = Math.imul(k.h2 + w, 0x5bd1e995) ^ (k.h2 >>> 15);
	k.words++;
}

/** Writes at `out[at .. at + 3)` the word count and two hashes of the words of `text[start, end)`, lower-cased. */
export function repeatKey(text: string, start: number, end: number, out: Uint32Array, at: number): void {
	const k = {words: 0, h1: REPEAT_H1, h2: REPEAT_H2};
	scanWords(text, start, end, (_a, _b, hash) => addToRepeatKey(k, hash));
	out[at] = k.words;
	out[at + 1] = k.h1;
	out[at + 2] = k.h2;
}

/** The one empty list of dates rows share. */
export const NO_DATES: string[] = [];

/** Features of every content sentence of a source, as a table, with the keys of its sentences for repeats. */
export function featureTable(source: Source): FeatureTable {
	const repeatKeys = new Uint32Array(source.sentences.length * 3);
	scanSource(BUILDER, source, repeatKeys);
	return BUILDER.finish(repeatKeys);
}

/** Rows in a table, in order. */
export function tableOf(rows: SentenceFeatures[]): FeatureTable {
	const n = rows.length;
	const t: FeatureTable = {
		sentence: new Int32Array(n),
		words: new Int32Array(n),
		featStart: new Int32Array(n + 1),
		feats: new Uint32Array(0),
		figureMask: new Uint8Array(0),
		shingleStart: new Int32Array(n + 1),
		shingles: new Uint32Array(0),
		anchorStart: new Int32Array(n + 1),
		anchors: new Uint32Array(0),
		dates: new Array<string[]>(n),
		repeatKeys: new Uint32Array(0),
	};
	rows.forEach((r, i) => {
		t.sentence[i] = r.sentence;
		t.words[i] = r.words;
		t.featStart[i + 1] = t.featStart[i]! + r.feats.length;
		t.shingleStart[i + 1] = t.shingleStart[i]! + r.shingles.length;
		t.anchorStart[i + 1] = t.anchorStart[i]! + r.anchors.length;
		t.dates[i] = r.dates.length ? r.dates : NO_DATES;
	});
	t.feats = new Uint32Array(t.featStart[n]!);
	t.figureMask = new Uint8Array(t.featStart[n]!);
	t.shingles = new Uint32Array(t.shingleStart[n]!);
	t.anchors = new Uint32Array(t.anchorStart[n]!);
	rows.forEach((r, i) => {
		t.feats.set(r.feats, t.featStart[i]!);
		t.figureMask.set(r.figureMask, t.featStart[i]!);
		t.shingles.set(r.shingles, t.shingleStart[i]!);
		t.anchors.set(r.anchors, t.anchorStart[i]!);
	});
	return t;
}

/** How many rows (content sentences) a table has. */
export const rowCount = (t: FeatureTable) => t.sentence.length;

/** Row r of a table as SentenceFeatures (views of the table's arrays). */
export function featureRow(t: FeatureTable, r: number): SentenceFeatures {
	return {
		sentence: t.sentence[r]!,
		words: t.words[r]!,
		feats: t.feats.subarray(t.featStart[r]!, t.featStart[r + 1]!),
		figureMask: t.figureMask.subarray(t.featStart[r]!, t.featStart[r + 1]!),
		shingles: t.shingles.subarray(t.shingleStart[r]!, t.shingleStart[r + 1]!),
		anchors: t.anchors.subarray(t.anchorStart[r]!, t.anchorStart[r + 1]!),
		dates: t.dates[r]!,
	};
}

/** Every row of a table as SentenceFeatures, in order. */
export function featureRows(t: FeatureTable): SentenceFeatures[] {
	return Array.from({length: rowCount(t)}, (_, r) => featureRow(t, r));
}

/** The table without the rows whose sentence `keep` rules out (the same table if it keeps them all). */
export function filterTable(t: FeatureTable, keep: (sentence: number) => boolean): FeatureTable {
	for (let r = 0; r < rowCount(t); r++)
		if (!keep(t.sentence[r]!)) return {...tableOf(featureRows(t).filter(x => keep(x.sentence))), repeatKeys: t.repeatKeys};
	return t;
}

/** A table of no rows (a file whose features were not asked for). */
export const emptyTable = (): FeatureTable => tableOf([]);
