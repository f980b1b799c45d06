// Sources in the compact form they are cached in and sent between threads: blocks and sentences as
// offsets, their text cut from the source's when unpacked.

import {type FeatureTable, NO_DATES, rowCount} from './features.js';
import type {FileAnalysis} from './pipeline.js';
import type {Figure, FigureKind, Measure} from './figures/types.js';
import type {Source} from './source.js';
import {rowOf, type SourceRow} from './analysis.js';

type SourceFigure = Source['figures'][number];

/**
 * A figure as a row: start, end, kind, value, unit, qualifier, flags (FLAG_*), sentence, the dimension of its
 * measure, and the measure's unit when it is not the figure's. Its text is cut from the source's. As objects,
 * figures were more than half of a packed source, more than its text: the bulk of what a relaunch parsed.
 */
type FigureRow = [number, number, string, number | string, string | null, string | null, number, number, string | null, string?];
const AMBIGUOUS = 1;
const MEASURED = 2;
const OWN_UNIT = 4;

/** The order of a figure's keys as the extractor makes it, with and without `ambiguous`: only these pack as rows. */
const ROW_KEYS = [
	'start,end,text,kind,value,unit,qualifier,measure,sentence',
	'start,end,text,kind,value,unit,qualifier,ambiguous,measure,sentence',
];

/** A figure as a row, or as it is when it is not of the shape a row restores exactly (the object then stays). */
function figureRow(f: SourceFigure, text: string): FigureRow | SourceFigure {
	const m = f.measure;
	if (!m || m.kind !== f.kind || f.text !== text.slice(f.start, f.end) || (f.ambiguous !== undefined && f.ambiguous !== true)) return f;
	if (f.unit === undefined || f.qualifier === undefined || m.unit === undefined || m.dimension === undefined) return f;
	if (!ROW_KEYS.includes(Object.keys(f).join(',')) || Object.keys(m).join(',') !== 'kind,unit,dimension') return f;
	const flags = (f.ambiguous ? AMBIGUOUS : 0) | MEASURED | (m.unit !== f.unit ? OWN_UNIT : 0);
	const row: FigureRow = [f.start, f.end, f.kind, f.value, f.unit, f.qualifier, flags, f.sentence, m.dimension];
	if (m.unit !== f.unit) row.push(m.unit ?? undefined);
	return row;
}

function figureFromRow(r: FigureRow | SourceFigure, text: string): SourceFigure {
	if (!Array.isArray(r)) return r;
	const [start, end, kind, value, unit, qualifier, flags, sentence, dimension, own] = r;
	const f: Figure & {sentence?: number} = {start, end, text: text.slice(start, end), kind: kind as FigureKind, value, unit, qualifier};
	if (flags & AMBIGUOUS) f.ambiguous = true;
	f.measure = measure(kind as FigureKind, flags & OWN_UNIT ? (own ?? null) : unit, dimension);
	f.sentence = sentence;
	return f as SourceFigure;
}

/**
 * Measures unpacked so far: a corpus has few distinct ones (kind, unit, dimension), and one object each,
 * frozen (nothing changes a measure), is millions fewer objects for the collector at 100,000 articles.
 */
const MEASURES = new Map<string, Measure>();
/** The map is emptied past this many measures (counted nouns make most of them; a corpus has a few thousand). */
const MEASURES_MAX = 100_000;

function measure(kind: FigureKind, unit: string | null, dimension: string | null): Measure {
	const key = `${kind}\0${unit ?? '\u0001'}\0${dimension ?? '\u0001'}`;
	let m = MEASURES.get(key);
	if (!m) {
		if (MEASURES.size >= MEASURES_MAX) MEASURES.clear();
		m = Object.freeze({kind, unit, dimension});
		MEASURES.set(key, m);
	}
	return m;
}

/** A source as stored and sent between threads: blocks, sentences and figures as rows of offsets, their text cut from the source's. */
export type PackedSource = Omit<Source, 'blocks' | 'sentences' | 'figures' | 'furnitureFigures'> & {
	blocks: [number, number, string, boolean][];
	sentences: [number, number, number, boolean][];
	figures: (FigureRow | SourceFigure)[];
	furnitureFigures: (FigureRow | SourceFigure)[];
};

export function packSource(s: Source): PackedSource {
	return {
		...s,
		blocks: s.blocks.map(b => [b.start, b.end, b.kind, b.boilerplate]),
		sentences: s.sentences.map(x => [x.start, x.end, x.block, x.boilerplate]),
		figures: s.figures.map(f => figureRow(f, s.text)),
		furnitureFigures: s.furnitureFigures.map(f => figureRow(f, s.text)),
	};
}

export function unpackSource(s: PackedSource): Source {
	return {
		...s,
		figures: s.figures.map(f => figureFromRow(f, s.text)),
		furnitureFigures: s.furnitureFigures.map(f => figureFromRow(f, s.text)),
		blocks: s.blocks.map(([start, end, kind, boilerplate]) => ({
			start,
			end,
			text: s.text.slice(start, end),
			kind: kind as Source['blocks'][number]['kind'],
			boilerplate,
		})),
		sentences: s.sentences.map(([start, end, block, boilerplate], index) => ({
			start,
			end,
			text: s.text.slice(start, end),
			block,
			index,
			boilerplate,
		})),
	};
}

// ---------- analysed files between threads ----------

/**
 * A batch of analysed files as it crosses between threads: the sources as JSON (packed as above) and every
 * number array in two typed arrays whose buffers are transferred, not copied. Structured cloning the same
 * objects took six times as long as this (thousands of small objects and arrays).
 *
 * `sources`: each file's packed source as UTF-8 JSON, as it is in `json`, views of one buffer that crosses
 * threads transferred: the analysis thread hands these to the explorer for every source the assembly of the
 * corpus left as it was, rather than encoding the corpus again (at 100,000 articles, 11 s of a relaunch; as
 * strings, encoding them for the explorer's chunks was still a second of a relaunch at 10,000). A cache entry
 * holds them as they are, so a file thread cuts them from the entry's bytes. Absent from a cache entry, and
 * from a batch made for a command that never sends the corpus on (`joinParts`).
 */
export type PackedFiles = {
	/**
	 * The files' heads as a JSON array. With `sources`, each head's source is null there: it is in `sources`, and
	 * a batch does not carry every text twice (as a string copied across threads, and as bytes transferred).
	 */
	json: string;
	u32: Uint32Array;
	u8: Uint8Array;
	sources?: Uint8Array[];
	shapes?: SourceShape[];
	/** Each file's row in the sources list as it stands before the corpus is compared (`packedRow`). */
	rows?: SourceRow[];
};

/**
 * A source's row in the sources list before any reuse is found: what its file alone says (title, date, words,
 * passages, figures). The explorer lists these while a corpus is first read.
 */
export function packedRow(s: PackedSource): SourceRow {
	let passages = 0;
	for (const x of s.sentences) if (!x[3]) passages++;
	return rowOf(s, passages, s.figures.length);
}

/** What a kept analysis of a corpus is checked against, for each source: its id, sentence count and text length. */
export type SourceShape = {id: string; sentences: number; length: number};

/** A source's shape. */
export const shapeOf = (s: {id: string; sentences: unknown[]; text: string}): SourceShape => ({
	id: s.id,
	sentences: s.sentences.length,
	length: s.text.length,
});

/** A file's head in the JSON: its source, text key, block count, feature rows, and the dates of rows that state any. */
type FileHead = {source: PackedSource; textKey: string; blocks: number; rows: number; repeatKeys: number; dates: [number, string[]][]};

/** The 32-bit arrays of a file's features, in the order they are packed (the starts as signed, the rest as unsigned). */
const tableParts = (t: FeatureTable) =>
	[t.sentence, t.words, t.featStart, t.feats, t.shingleStart, t.shingles, t.anchorStart, t.anchors, t.repeatKeys] as const;

/**
 * One analysed file packed, ready to be joined with others into a batch: its head as JSON (an object, the
 * source first), its packed source's JSON (the same text as in the head), and its numbers. A file worker
 * that finds a file's entry in the analysis cache takes the part from it as it is (`partOfEntry`), without
 * making the source's objects and packing them again.
 */
export type PackedPart = {
	head: string;
	/** Where in `head` the source's JSON ends and the rest of the head begins (at AFTER_SOURCE). */
	restAt: number;
	/** Its packed source's JSON: as text when just made, as UTF-8 bytes when cut from a cache entry. */
	source: string | Uint8Array;
	shape: SourceShape;
	row: SourceRow;
	u32: Uint32Array;
	u8: Uint8Array;
};

/** A file's analysis as a part. */
export function partOf(f: FileAnalysis): PackedPart {
	let n32 = f.blockKeys.length;
	for (const part of tableParts(f.features)) n32 += part.length;
	const u32 = new Uint32Array(n32);
	const i32 = new Int32Array(u32.buffer);
	u32.set(f.blockKeys, 0);
	let p32 = f.blockKeys.length;
	for (const part of tableParts(f.features)) {
		if (part instanceof Int32Array) i32.set(part, p32);
		else u32.set(part, p32);
		p32 += part.length;
	}
	const dates: FileHead['dates'] = [];
	f.features.dates.forEach((d, r) => {
		if (d.length) dates.push([r, d]);
	});
	const packed = packSource(f.source);
	const source = JSON.stringify(packed);
	const rest: Omit<FileHead, 'source'> = {
		textKey: f.textKey,
		blocks: f.blockKeys.length,
		rows: rowCount(f.features),
		repeatKeys: f.features.repeatKeys.length,
		dates,
	};
	// The FileHead as JSON, its source put in as made: `{"source":…,` and the rest without its `{`.
	return {
		head: `${HEAD_START}${source},${JSON.stringify(rest).slice(1)}`,
		restAt: HEAD_START.length + source.length,
		source,
		shape: shapeOf(f.source),
		row: packedRow(packed),
		u32,
		u8: f.features.figureMask.slice(),
	};
}

/** How a head begins: its source first, so that the source's JSON is the head's text up to the next key. */
const HEAD_START = '{"source":';
/** The key after the source in a head. */
const AFTER_SOURCE = ',"textKey":';

const UTF8 = new TextEncoder();
const UTF8_IN = new TextDecoder();

/** A source packed as UTF-8 JSON, as the explorer is sent it. */
export const sourceJson = (s: Source): Uint8Array => UTF8.encode(JSON.stringify(packSource(s)));

/**
 * Parts joined into one batch, in order. With `sources` (the explorer is sent the corpus), the sources' JSON
 * as UTF-8 in one buffer, of which `sources` are views; with `rows` (a first launch lists the files as they
 * are read), their rows of the sources list. Without, neither is made or sent: a command that prints its
 * answer never sends the corpus on, and a relaunch shows the kept list (100,000 small objects cloned across
 * for nothing).
 */
export function joinParts(parts: PackedPart[], want: {sources: boolean; rows: boolean} = {sources: true, rows: true}): PackedFiles {
	let n32 = 0;
	let n8 = 0;
	for (const p of parts) {
		n32 += p.u32.length;
		n8 += p.u8.length;
	}
	const u32 = new Uint32Array(n32);
	const u8 = new Uint8Array(n8);
	let p32 = 0;
	let p8 = 0;
	for (const p of parts) {
		u32.set(p.u32, p32);
		u8.set(p.u8, p8);
		p32 += p.u32.length;
		p8 += p.u8.length;
	}
	return {
		json: `[${parts.map(p => (want.sources ? `${HEAD_START}null${p.head.slice(p.restAt)}` : p.head)).join(',')}]`,
		u32,
		u8,
		...(want.sources ? {sources: sourcesBuffer(parts.map(p => (typeof p.source === 'string' ? UTF8.encode(p.source) : p.source)))} : {}),
		shapes: parts.map(p => p.shape),
		...(want.rows ? {rows: parts.map(p => p.row)} : {}),
	};
}

/** Byte strings copied end to end into one buffer (which crosses threads transferred), as views of it. */
function sourcesBuffer(items: Uint8Array[]): Uint8Array[] {
	const buffer = new Uint8Array(items.reduce((t, b) => t + b.length, 0));
	let at = 0;
	return items.map(b => {
		buffer.set(b, at);
		at += b.length;
		return buffer.subarray(at - b.length, at);
	});
}

/** The buffers a batch's message transfers (its numbers and its sources' JSON), each once. */
export function batchBuffers(packed: PackedFiles): ArrayBuffer[] {
	const out = new Set([packed.u32.buffer, packed.u8.buffer, ...(packed.sources ?? []).map(s => s.buffer)]);
	return [...out] as ArrayBuffer[];
}

export function packFiles(files: FileAnalysis[]): PackedFiles {
	return joinParts(files.map(partOf));
}

/**
 * Packed files back. Throws if what it is given is not what packFiles made (an entry of the analysis cache
 * of another shape that passed its checksum): every offset, index and count is checked, so that such an
 * entry is made again rather than crashing this run and every later one. `check: false` skips the check of
 * each source (its offsets and figures), for a batch a file worker has just made or checked.
 */
export function unpackFiles(packed: PackedFiles, check = true): FileAnalysis[] {
	return walkFiles(packed, check, (h, features, blockKeys) => ({source: unpackSource(h.source), features, blockKeys, textKey: h.textKey}));
}

/**
 * Every file of a batch checked (as `unpackFiles` checks them) and handed to `make` with its features and
 * block keys, which are views of the batch's arrays.
 */
function walkFiles<T>(
	{json, u32, u8, sources}: PackedFiles,
	check: boolean,
	make: (head: FileHead, features: FeatureTable, blockKeys: Uint32Array) => T,
): T[] {
	let p32 = 0;
	let p8 = 0;
	const i32 = new Int32Array(u32.buffer, u32.byteOffset, u32.length);
	const count = (n: unknown): number => {
		if (!Number.isInteger(n) || (n as number) < 0 || p32 + (n as number) > u32.length) throw new Error('not packed files');
		return n as number;
	};
	const take32 = (n: unknown) => {
		p32 += count(n);
		return u32.subarray(p32 - (n as number), p32);
	};
	/** Starts of n rows: from 0, never decreasing. */
	const takeStarts = (n: number) => {
		p32 += count(n + 1);
		const starts = i32.subarray(p32 - n - 1, p32);
		if (starts[0] !== 0) throw new Error('not packed files');
		for (let r = 0; r < n; r++) if (starts[r + 1]! < starts[r]!) throw new Error('not packed files');
		return starts;
	};
	const heads: unknown = JSON.parse(json);
	if (!Array.isArray(heads)) throw new Error('not packed files');
	const files = heads.map((h: FileHead, i: number) => {
		// A head whose source travelled apart, as bytes (joinParts).
		if (h?.source === null && sources?.[i]) h.source = JSON.parse(UTF8_IN.decode(sources[i])) as PackedSource;
		if ((check && !isPackedSource(h.source)) || typeof h.textKey !== 'string' || !Array.isArray(h.dates))
			throw new Error('not packed files');
		const sentences = h.source.sentences.length;
		if (h.blocks !== h.source.blocks.length || !(h.repeatKeys === 0 || h.repeatKeys === sentences * 3)) throw new Error('not packed files');
		const blockKeys = take32(h.blocks);
		const n = count(h.rows);
		if (n > sentences) throw new Error('not packed files');
		p32 += count(n);
		const sentence = i32.subarray(p32 - n, p32);
		for (const x of sentence) if (x < 0 || x >= sentences) throw new Error('not packed files');
		p32 += count(n);
		const words = i32.subarray(p32 - n, p32);
		const featStart = takeStarts(n);
		const feats = take32(featStart[n]!);
		const shingleStart = takeStarts(n);
		const shingles = take32(shingleStart[n]!);
		const anchorStart = takeStarts(n);
		const anchors = take32(anchorStart[n]!);
		const repeatKeys = take32(h.repeatKeys);
		if (p8 + feats.length > u8.length) throw new Error('not packed files');
		const figureMask = u8.subarray(p8, p8 + feats.length);
		p8 += feats.length;
		const dates = new Array<string[]>(n).fill(NO_DATES);
		for (const entry of h.dates as unknown[]) {
			if (!Array.isArray(entry)) throw new Error('not packed files');
			const [r, d]: unknown[] = entry;
			if (!isIndex(r, n) || !Array.isArray(d) || !d.every(isStr)) throw new Error('not packed files');
			dates[r as number] = d as string[];
		}
		const features: FeatureTable = {
			sentence,
			words,
			featStart,
			feats,
			figureMask,
			shingleStart,
			shingles,
			anchorStart,
			anchors,
			dates,
			repeatKeys,
		};
		return make(h, features, blockKeys);
	});
	if (p32 !== u32.length || p8 !== u8.length) throw new Error('not packed files');
	return files;
}

// ---------- the shape of a packed source ----------
// Checked where it is read from the cache: everything later code indexes by must be in range.

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown) => v === null || isStr(v);
const isIndex = (v: unknown, length: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < length;

function isPackedSource(v: unknown): v is PackedSource {
	if (!isObj(v) || !isStr(v['id']) || !isStr(v['text']) || !isStr(v['title']) || !isStr(v['encoding'])) return false;
	if (
		!isStrOrNull(v['publisher']) ||
		!isStrOrNull(v['date']) ||
		!isStrOrNull(v['url']) ||
		!isStrOrNull(v['sameAs']) ||
		!isStrOrNull(v['language'])
	)
		return false;
	if (!isNum(v['bytes']) || !isNum(v['words']) || !Array.isArray(v['warnings']) || !v['warnings'].every(isStr)) return false;
	const length = v['text'].length;
	const {blocks, sentences, figures, furnitureFigures} = v;
	if (!Array.isArray(blocks) || !Array.isArray(sentences) || !Array.isArray(figures) || !Array.isArray(furnitureFigures)) return false;
	const inText = (a: unknown, b: unknown) =>
		Number.isInteger(a) && Number.isInteger(b) && (a as number) >= 0 && (a as number) <= (b as number) && (b as number) <= length;
	for (const b of blocks)
		if (!Array.isArray(b) || b.length !== 4 || !inText(b[0], b[1]) || !isStr(b[2]) || typeof b[3] !== 'boolean') return false;
	for (const s of sentences)
		if (!Array.isArray(s) || s.length !== 4 || !inText(s[0], s[1]) || !isIndex(s[2], blocks.length) || typeof s[3] !== 'boolean')
			return false;
	const isFigure = (f: unknown) => {
		if (Array.isArray(f))
			return (
				f.length >= 9 &&
				f.length <= 10 &&
				inText(f[0], f[1]) &&
				isStr(f[2]) &&
				(isNum(f[3]) || isStr(f[3])) &&
				isStrOrNull(f[4]) &&
				isStrOrNull(f[5]) &&
				Number.isInteger(f[6]) &&
				isIndex(f[7], sentences.length) &&
				isStrOrNull(f[8]) &&
				(f.length === 9 || isStrOrNull(f[9]))
			);
		return (
			isObj(f) &&
			inText(f['start'], f['end']) &&
			isStr(f['text']) &&
			isStr(f['kind']) &&
			(isNum(f['value']) || isStr(f['value'])) &&
			isStrOrNull(f['unit']) &&
			isStrOrNull(f['qualifier']) &&
			isIndex(f['sentence'], sentences.length)
		);
	};
	return figures.every(isFigure) && furnitureFigures.every(isFigure);
}

/**
 * One analysed file as one buffer, as the analysis cache keeps it: three lengths, the head's JSON (an array
 * of one), then the 32-bit numbers (aligned), then the bytes.
 */
export function packFile(f: FileAnalysis): Uint8Array {
	return entryOfPart(partOf(f));
}

/** A part as a cache entry (see packFile). */
export function entryOfPart(part: Pick<PackedPart, 'head' | 'u32' | 'u8'>): Uint8Array {
	const text = new TextEncoder().encode(`[${part.head}]`);
	const at32 = 12 + text.length + ((4 - ((12 + text.length) % 4)) % 4);
	const out = new Uint8Array(at32 + part.u32.byteLength + part.u8.byteLength);
	const view = new DataView(out.buffer);
	view.setUint32(0, text.length, true);
	view.setUint32(4, part.u32.length, true);
	view.setUint32(8, part.u8.length, true);
	out.set(text, 12);
	out.set(new Uint8Array(part.u32.buffer, part.u32.byteOffset, part.u32.byteLength), at32);
	out.set(part.u8, at32 + part.u32.byteLength);
	return out;
}

/** The batch of one file that a cache entry holds; throws if the buffer is not one. */
function entryFiles(buf: Uint8Array): PackedFiles {
	const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
	if (buf.byteLength < 12) throw new Error('not a packed file');
	const nJson = view.getUint32(0, true);
	const n32 = view.getUint32(4, true);
	const n8 = view.getUint32(8, true);
	const at32 = 12 + nJson + ((4 - ((12 + nJson) % 4)) % 4);
	if (at32 + n32 * 4 + n8 !== buf.byteLength) throw new Error('not a packed file');
	const json = new TextDecoder().decode(buf.subarray(12, 12 + nJson));
	// Copied out, so the 32-bit view is aligned whatever the offset of `buf` in its buffer (and a Node Buffer's
	// slice() is a view of Node's shared pool, not a copy).
	const u32 = new Uint32Array(n32);
	new Uint8Array(u32.buffer).set(buf.subarray(at32, at32 + n32 * 4));
	const u8 = new Uint8Array(buf.subarray(at32 + n32 * 4));
	return {json, u32, u8};
}

/** A file packed by packFile; throws if the buffer is not one. */
export function unpackFile(buf: Uint8Array): FileAnalysis {
	const [file, ...more] = unpackFiles(entryFiles(buf));
	if (!file || more.length || typeof file.source?.text !== 'string') throw new Error('not a packed file');
	return file;
}

/**
 * A cache entry as a part, checked as `unpackFile` checks it but without making the source's objects: a
 * relaunch takes every file from the cache, and unpacking each only to pack it again for the batch was a third
 * of a file thread's time. Throws if the buffer is not an entry packFile made.
 */
export function partOfEntry(buf: Uint8Array): PackedPart {
	const files = entryFiles(buf);
	const heads = walkFiles(files, true, h => h);
	const head = files.json.slice(1, -1);
	// The head as partOf writes it, keys in its order (no key in a source can come after its `textKey`).
	if (heads.length !== 1 || !head.startsWith(HEAD_START) || Object.keys(heads[0]!).join(',') !== HEAD_KEYS)
		throw new Error('not a packed file');
	// The source's JSON cut from the entry's bytes, as the head's text up to AFTER_SOURCE: UTF-8 puts no ASCII
	// byte inside another character, so the key's bytes are found where its characters are.
	const from = ENTRY_JSON_AT + 1 + HEAD_START.length;
	const end = lastIndexOfAscii(buf, AFTER_SOURCE, from, ENTRY_JSON_AT + new DataView(buf.buffer, buf.byteOffset).getUint32(0, true));
	if (end < 0) throw new Error('not a packed file');
	return {
		head,
		restAt: head.lastIndexOf(AFTER_SOURCE),
		source: buf.subarray(from, end),
		shape: shapeOf(heads[0]!.source),
		row: packedRow(heads[0]!.source),
		u32: files.u32,
		u8: files.u8,
	};
}

/** Where an entry's JSON starts: after its three lengths. */
const ENTRY_JSON_AT = 12;

/** The last index in `bytes[from, to)` where the ASCII string `key` starts, or -1. */
function lastIndexOfAscii(bytes: Uint8Array, key: string, from: number, to: number): number {
	outer: for (let i = to - key.length; i >= from; i--) {
		for (let k = 0; k < key.length; k++) if (bytes[i + k] !== key.charCodeAt(k)) continue outer;
		return i;
	}
	return -1;
}

const HEAD_KEYS = 'source,textKey,blocks,rows,repeatKeys,dates';
