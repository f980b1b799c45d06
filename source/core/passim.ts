// passim in and out. passim (David A. Smith, github.com/dasmiq/passim) finds text reuse on Apache Spark,
// past one machine. This module turns our corpus into passim's input, and passim's output (clusters of
// passages, pairwise alignments) back into spans of our sources. Pure: files are read in io/passim.ts.
//
// The formats are passim 2.0.0-alpha.2's (setup.py, README.md and passim/seriatim.py): input is JSON lines
// with `id`, `series`, `text` and any other fields, which are passed through; `out.json/part-*` holds one
// record per reused passage with the input's fields plus `cluster`, `size`, `uid`, `begin`, `end`, `src`,
// `boiler`, `pboiler`, its `text` cut down to the passage; `align.json/part-*` (with --pairwise) holds
// one record per aligned pair: `uid`/`uid2`, `id`/`id2`, `begin`/`end`, `begin2`/`end2`, `s1`/`s2`
// (the two sides aligned, `-` padding the gaps) and `matches`.
//
// Offsets: passim 2 computes `begin`/`end` in Python over the text, so they count Unicode code points,
// not the UTF-16 units of a JavaScript string; they differ where a text has characters outside the BMP
// (emoji). Its `text` is cut with Spark's 1-based `substr(begin, end - begin)`, so for `begin > 0` it
// starts one character before `begin` (clusterJoin in seriatim.py). passim 1 (Scala, PassimApp.scala)
// wrote `text.substring(begin, end)`, Java's UTF-16 units, exact. Where a record carries its text, the
// reading that reproduces it is the one used; otherwise passim 2's.

import {markSiteFurniture} from './furniture.js';
import {buildSource, type Corpus, type Meta, type Source} from './source.js';
import {normalize} from './text.js';

// ---------- our corpus as passim's input ----------

/** One document of passim's input: one line of JSON. Fields other than id, series and text are passed through. */
export type PassimDocument = {
	id: string;
	series: string;
	date?: string;
	title?: string;
	publisher?: string;
	url?: string;
	text: string;
};

/**
 * passim leaves alone the reuse inside one series (its `passim` command is seriatim with
 * `--fields 'xxhash64(series) as gid' --filterpairs 'gid < gid2'`), as we leave alone what one site
 * repeats on all its pages: the series is the publisher, else the URL's host, else the top folder of the
 * file, else the file itself.
 */
export function seriesOf(source: Pick<Source, 'id' | 'publisher' | 'url'>): string {
	const publisher = source.publisher?.trim();
	if (publisher) return publisher;
	const host = hostOf(source.url);
	if (host) return host;
	const slash = source.id.indexOf('/');
	return slash > 0 ? source.id.slice(0, slash) : source.id;
}

function hostOf(url: string | null): string | null {
	if (!url) return null;
	try {
		return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
	} catch {
		return null;
	}
}

/** A source as passim's input record. `text` is the source's text exactly, so passim's offsets are ours. */
export function passimDocument(source: Source): PassimDocument {
	// Text last: a reader who runs `head` on the file sees the metadata first.
	return {
		id: source.id,
		series: seriesOf(source),
		...(source.date ? {date: source.date} : {}),
		title: source.title,
		...(source.publisher ? {publisher: source.publisher} : {}),
		...(source.url ? {url: source.url} : {}),
		text: source.text,
	};
}

/** The corpus as passim's input, one JSON line a chunk, made as it is written. */
export function* passimLines(sources: Iterable<Source>): Iterable<string> {
	for (const s of sources) yield JSON.stringify(passimDocument(s)) + '\n';
}

// ---------- reading passim's files ----------

type Json = Record<string, unknown>;

// passim's `uid` is a 64-bit hash (xxhash64 of the id), beyond a double's 53 bits: read as a string of digits.
const BIG_INTEGERS = /([{,]\s*"(?:uid|uid2)"\s*:\s*)(-?\d+)(?=\s*[,}])/g;

/** One line of JSON as an object, 64-bit `uid`s kept exact; a reason when it is not a JSON object. */
export function parseJsonLine(line: string): Json | string {
	let value: unknown;
	try {
		value = JSON.parse(line.replace(BIG_INTEGERS, '$1"$2"'));
	} catch (error) {
		return `not JSON (${(error as Error).message})`;
	}
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : 'not a JSON object';
}

/** A document of passim's input, as we read it back: its id, its exact text, and our metadata from its fields. */
export type PassimInput = {id: string; text: string; meta: Partial<Meta>};

export function parseInput(record: Json): PassimInput | string {
	const id = idOf(record['id']);
	if (id === null) return 'no `id`';
	if (typeof record['text'] !== 'string') return `${id}: no \`text\``;
	const meta: Partial<Meta> = {};
	const field = (key: string) => (typeof record[key] === 'string' && (record[key] as string).trim() ? (record[key] as string) : null);
	const title = field('title');
	if (title) meta.title = title;
	// The series is the site or the newspaper: the publisher when none is given.
	const publisher = field('publisher') ?? field('series');
	if (publisher) meta.publisher = publisher;
	const date = field('date');
	if (date) meta.date = date;
	const url = field('url');
	if (url) meta.url = url;
	return {id, text: record['text'], meta};
}

/** A passim document as our source: the text as it is, so that passim's offsets index it. */
export function sourceOf(doc: PassimInput): Source {
	return buildSource(doc.id, new TextEncoder().encode(doc.text), doc.meta, {asIs: true});
}

/** The corpus of passim's input: duplicates marked and repeated lines found, as when a folder is read. */
export function corpusOf(dir: string, sources: Source[], warnings: string[]): Corpus {
	const byText = new Map<string, string>();
	for (const s of sources) {
		const key = normalize(s.text);
		s.sameAs = byText.get(key) ?? null;
		if (s.sameAs) s.warnings.push(`same text as ${s.sameAs}`);
		else byText.set(key, s.id);
	}
	markSiteFurniture(sources);
	return {dir, sources, warnings};
}

/** A passage of passim's cluster output (`out.json`): one reused passage of one document. */
export type PassimPassage = {
	/** The cluster (our family) it belongs to. */
	cluster: number;
	/** passim 2: how many documents the cluster spans; passim 1: how many passages. */
	size: number;
	/** The document: passim echoes the input's `id`. */
	id: string;
	/** Offsets into the document's text: code points in passim 2, UTF-16 units in passim 1. */
	begin: number;
	end: number;
	/** passim's internal document id (xxhash64 of `id`, or MD5 in passim 1), as a string of digits. */
	uid: string | null;
	/** The passage's text as passim wrote it (see the offsets note at the top), when the record has it. */
	text: string | null;
	series: string | null;
	date: string | null;
	/** passim 2: the passage inferred to be this one's source (by document uid and offsets). */
	src: {uid: string; begin: number; end: number}[];
	/** passim 2: the share of links in the cluster within one series. */
	pboiler: number | null;
	/** 2 when the record has passim 2's fields (`src`, `boiler`, `pboiler`), else 1. */
	version: 1 | 2;
};

/** A pairwise alignment of passim 2 (`align.json`, with --pairwise): `id`'s passage `begin`–`end` against `id2`'s. */
export type PassimAlignment = {
	id: string;
	id2: string;
	uid: string | null;
	uid2: string | null;
	begin: number;
	end: number;
	begin2: number;
	end2: number;
	/** The two passages aligned character by character, `-` padding the gaps (their own hyphens become U+2010). */
	s1: string | null;
	s2: string | null;
	/** Characters that match in the alignment. */
	matches: number | null;
};

function idOf(value: unknown): string | null {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const digits = (v: unknown): string | null => (typeof v === 'string' && /^-?\d+$/.test(v) ? v : typeof v === 'number' ? String(v) : null);
const optString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function offsets(record: Json, b: string, e: string): {begin: number; end: number} | string {
	const begin = record[b];
	const end = record[e];
	if (!isOffset(begin) || !isOffset(end)) return `\`${b}\`/\`${e}\` are not offsets (${JSON.stringify(begin)}, ${JSON.stringify(end)})`;
	if (begin >= end) return `empty passage (\`${b}\` ${begin}, \`${e}\` ${end})`;
	return {begin, end};
}

/** A record of `out.json` validated; a reason when it is not a passage of a cluster. */
export function parsePassage(record: Json): PassimPassage | string {
	const cluster = record['cluster'];
	if (cluster === undefined) return 'no `cluster` (not passim cluster output: --docwise and --linewise output are not read)';
	if (typeof cluster !== 'number' || !Number.isSafeInteger(cluster)) return `\`cluster\` is not an integer (${JSON.stringify(cluster)})`;
	const id = idOf(record['id']);
	if (id === null) return `cluster ${cluster}: no \`id\``;
	const at = offsets(record, 'begin', 'end');
	if (typeof at === 'string') return `cluster ${cluster}, ${id}: ${at}`;
	const size = record['size'];
	const src = Array.isArray(record['src'])
		? (record['src'] as unknown[]).flatMap(x => {
				const s = x as Json;
				const uid = digits(s?.['uid']);
				return uid !== null && isOffset(s['begin']) && isOffset(s['end']) ? [{uid, begin: s['begin'], end: s['end']}] : [];
			})
		: [];
	return {
		cluster,
		size: typeof size === 'number' && Number.isSafeInteger(size) && size > 0 ? size : 0,
		id,
		...at,
		uid: digits(record['uid']),
		text: optString(record['text']),
		series: optString(record['series']),
		date: optString(record['date']),
		src,
		pboiler: typeof record['pboiler'] === 'number' ? record['pboiler'] : null,
		version: 'src' in record || 'boiler' in record || 'pboiler' in record ? 2 : 1,
	};
}

/** A record of `align.json` validated; a reason when it is not one of passim 2's pairwise alignments. */
export function parseAlignment(record: Json): PassimAlignment | string {
	if ('id1' in record && 'b1' in record)
		return "passim 1's pairwise output (`id1`, `b1`…: token offsets, which need passim 1's tokenizer) is not read; its clusters are";
	const id = idOf(record['id']);
	const id2 = idOf(record['id2']);
	if (id === null || id2 === null) return 'no `id` and `id2`';
	const a = offsets(record, 'begin', 'end');
	if (typeof a === 'string') return `${id} ⇄ ${id2}: ${a}`;
	const b = offsets(record, 'begin2', 'end2');
	if (typeof b === 'string') return `${id} ⇄ ${id2}: ${b}`;
	return {
		id,
		id2,
		uid: digits(record['uid']),
		uid2: digits(record['uid2']),
		begin: a.begin,
		end: a.end,
		begin2: b.begin,
		end2: b.end,
		s1: optString(record['s1']),
		s2: optString(record['s2']),
		matches: typeof record['matches'] === 'number' ? record['matches'] : null,
	};
}

// ---------- passim's offsets as ours ----------

/** The UTF-16 index of each code point offset of `text` (its length for the end); null past the end. */
export function codePointOffsets(text: string): (codePoint: number) => number | null {
	if (!/[\uD800-\uDFFF]/.test(text)) return cp => (cp <= text.length ? cp : null);
	const at: number[] = [];
	for (let i = 0; i < text.length; ) {
		at.push(i);
		i += text.codePointAt(i)! > 0xffff ? 2 : 1;
	}
	at.push(text.length);
	return cp => at[cp] ?? null;
}

/** A passage of one of our sources: `text.slice(start, end)`, JavaScript string offsets. */
export type Span = {source: string; start: number; end: number};

/**
 * passim's `begin`/`end` in a text as our `start`/`end`. `reported` is the passage text passim wrote, if
 * any: then the first reading that reproduces it is taken (code points; code points as passim 2's 1-based
 * cut shows them, when `shifted` is allowed; UTF-16 units as passim 1 counted), else it is an error.
 * Without it, `version` says which unit passim used.
 */
export function toOurOffsets(
	text: string,
	begin: number,
	end: number,
	check: {reported: (slice: string) => boolean; shifted: boolean} | null,
	version: 1 | 2,
): {start: number; end: number} | string {
	const cp = codePointOffsets(text);
	const byCodePoint = {start: cp(begin), end: cp(end)};
	const byUnit = {start: begin <= text.length ? begin : null, end: end <= text.length ? end : null};
	const ok = (x: {start: number | null; end: number | null}): x is {start: number; end: number} => x.start !== null && x.end !== null;
	if (!check) {
		const x = version === 2 ? byCodePoint : byUnit;
		return ok(x) ? x : `\`begin\`–\`end\` ${begin}–${end} run past the text (${[...text].length} characters)`;
	}
	if (ok(byCodePoint) && check.reported(text.slice(byCodePoint.start, byCodePoint.end))) return byCodePoint;
	if (check.shifted && begin > 0 && ok(byCodePoint)) {
		const s = cp(begin - 1)!;
		const e = cp(end - 1)!;
		if (check.reported(text.slice(s, e))) return byCodePoint;
	}
	if (ok(byUnit) && check.reported(text.slice(byUnit.start, byUnit.end))) return byUnit;
	return `the text at \`begin\`–\`end\` ${begin}–${end} is not the passage passim wrote (was the input changed after the run?)`;
}

/** A passage of passim's cluster output as a span of our source; a reason when it cannot be one. */
export function passageSpan(p: PassimPassage, source: Source): Span | string {
	const reported = p.text;
	const at = toOurOffsets(
		source.text,
		p.begin,
		p.end,
		reported === null ? null : {reported: s => s === reported, shifted: true},
		p.version,
	);
	return typeof at === 'string' ? at : {source: source.id, ...at};
}

/** The passages of passim's clusters, one family of spans per cluster (two members at least), biggest first. */
export type MemberSpans = {cluster: number; members: Span[]};

export function clustersToMemberSpans(
	clusters: PassimPassage[],
	corpus: Corpus,
	warn: (message: string) => void = () => {},
): MemberSpans[] {
	const byId = new Map(corpus.sources.map((s, i) => [s.id, {s, i}]));
	const groups = new Map<number, {span: Span; order: number}[]>();
	for (const p of clusters) {
		const src = byId.get(p.id);
		if (!src) {
			warn(`cluster ${p.cluster}: passage of "${p.id}", a document not in passim's input`);
			continue;
		}
		const span = passageSpan(p, src.s);
		if (typeof span === 'string') {
			warn(`cluster ${p.cluster}, ${p.id}: ${span}`);
			continue;
		}
		const members = groups.get(p.cluster) ?? groups.set(p.cluster, []).get(p.cluster)!;
		if (!members.some(m => m.span.source === span.source && m.span.start === span.start && m.span.end === span.end))
			members.push({span, order: src.i});
	}
	const out: MemberSpans[] = [];
	for (const [cluster, members] of groups) {
		if (members.length < 2) continue;
		members.sort((x, y) => x.order - y.order || x.span.start - y.span.start);
		out.push({cluster, members: members.map(m => m.span)});
	}
	return out.sort((x, y) => y.members.length - x.members.length || x.cluster - y.cluster);
}

/** A pairwise alignment as two spans of our sources: `a` in `id`, `b` in `id2`. */
export type SpanPair = {a: Span; b: Span; matches: number | null};

export function alignmentsToSpanPairs(
	alignments: PassimAlignment[],
	corpus: Corpus,
	warn: (message: string) => void = () => {},
): SpanPair[] {
	const byId = new Map(corpus.sources.map(s => [s.id, s]));
	// passim 2 aligns with its own hyphens turned into U+2010 and `-` for the gaps.
	const sameAs = (aligned: string | null) => {
		if (aligned === null) return null;
		const plain = aligned.replace(/-/g, '');
		return {reported: (slice: string) => slice.replace(/-/g, '\u2010') === plain, shifted: false};
	};
	const out: SpanPair[] = [];
	for (const x of alignments) {
		const A = byId.get(x.id);
		const B = byId.get(x.id2);
		if (!A || !B) {
			warn(`alignment ${x.id} ⇄ ${x.id2}: "${A ? x.id2 : x.id}" is not in passim's input`);
			continue;
		}
		const a = toOurOffsets(A.text, x.begin, x.end, sameAs(x.s1), 2);
		const b = toOurOffsets(B.text, x.begin2, x.end2, sameAs(x.s2), 2);
		if (typeof a === 'string' || typeof b === 'string') {
			warn(`alignment ${x.id} ⇄ ${x.id2}: ${typeof a === 'string' ? a : b}`);
			continue;
		}
		out.push({a: {source: A.id, ...a}, b: {source: B.id, ...b}, matches: x.matches});
	}
	return out;
}
