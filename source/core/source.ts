// One source from its text: decoding, metadata (given or inferred), blocks, sentences, figures. Pure: the
// bytes come from the reader at the edge (source/io/read-corpus.ts).

import {isFurniture} from './furniture.js';
import {extractFigures, figureContext, type Figure} from './figures.js';
import {isFurnitureFigure} from './figures/furniture.js';
import {detectLanguage} from './language.js';
import {countWords} from './scan.js';
import {htmlToText} from './html.js';
import {blocks, decode, isSpaceCode, sentenceSpans, type Block, type Sentence} from './text.js';

export type Meta = {title: string; publisher: string | null; date: string | null; url: string | null};
/** What a sidecar may give for a source: its metadata and, optionally, its language (ISO 639-1). */
export type GivenMeta = Partial<Meta> & {language?: string};

export type Source = Meta & {
	/** Path relative to the corpus folder, with forward slashes. */
	id: string;
	text: string;
	encoding: string;
	bytes: number;
	words: number;
	blocks: Block[];
	sentences: Sentence[];
	/** ISO 639-1 code from the sidecar or detected from the text; null when unsure (read as English). */
	language: string | null;
	/** Figures of the content, in text order. */
	figures: (Figure & {sentence: number})[];
	/** Figures in page furniture (bylines, stamps, share bars, navigation): listed apart and never lined up. */
	furnitureFigures: (Figure & {sentence: number})[];
	warnings: string[];
	/** Another source with the same text, if this one is a duplicate file. */
	sameAs: string | null;
};

/** Told how far a long step has gone: `done` of `total` units of `stage` (e.g. "reading files"); a total of 0 counts nothing. */
export type Progress = (stage: string, done: number, total: number) => void;
export type Corpus = {dir: string; sources: Source[]; warnings: string[]};

/**
 * Build one source from its bytes; exported for tests and for corpora that do not live on disk. `asIs`:
 * the bytes are UTF-8 text that another tool's offsets index (passim's input), so it is kept exactly as it
 * is: a leading BOM stays, no HTML is extracted and no mojibake repaired.
 */
export function buildSource(id: string, bytes: Uint8Array, meta?: GivenMeta, options: {asIs?: boolean} = {}): Source {
	const decoded = options.asIs
		? {text: new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes), encoding: 'utf-8', warnings: []}
		: decode(bytes);
	const warnings = [...decoded.warnings];
	let text = decoded.text;
	if (!options.asIs && /\.html?$/i.test(id)) text = htmlToText(text);
	// Every pattern of mojibake starts with â or Ã: a text with neither is not searched.
	if (!options.asIs && (text.includes('â') || text.includes('Ã')) && MOJIBAKE.test(text)) {
		const repaired = repairMojibake(text);
		if (repaired !== null) {
			text = repaired;
			warnings.push('mojibake repaired (UTF-8 that had been read as Windows-1252)');
		} else warnings.push('mojibake (text decoded with the wrong encoding somewhere upstream; not repairable with certainty)');
	}
	// What the sidecar gives is not looked for in the text (the date patterns read the whole text).
	const m: Meta = {
		title: meta?.title ?? inferTitle(text, id),
		publisher: meta?.publisher ?? null,
		date: meta?.date ?? inferDate(text),
		url: meta?.url ?? inferUrl(text),
	};
	const bl = blocks(text);
	const titleBlock = bl.findIndex(b => cleanHeading(b.text) === m.title || b.text.includes(m.title));
	const marked: Block[] = bl.map((b, i) => ({...b, boilerplate: isFurniture(b.text, {isTitle: i === titleBlock})}));
	const sentences: Sentence[] = [];
	marked.forEach((b, bi) => {
		const spans = b.kind === 'paragraph' ? sentenceSpans(text, b.start, b.end) : [b];
		for (const s of spans)
			sentences.push({start: s.start, end: s.end, text: s.text, block: bi, index: sentences.length, boilerplate: b.boilerplate});
	});
	const language = meta?.language ?? detectLanguage(text);
	const context = figureContext(text, language);
	const figures: Source['figures'] = [];
	const furnitureFigures: Source['furnitureFigures'] = [];
	const lead = leadBlock(marked, titleBlock);
	let cut = 0;
	for (const s of sentences) {
		const end = figureEnd(text, s.start, s.end);
		if (end < s.end) cut++;
		for (const f of extractFigures(text, s.start, end, {language, context})) {
			const furniture =
				s.boilerplate || isFurnitureFigure(text, f, {block: marked[s.block]!, beforeLead: s.block < lead && s.block !== titleBlock});
			// The figure is this call's own object: the sentence is added to it, not to a copy.
			(furniture ? furnitureFigures : figures).push(Object.assign(f, {sentence: s.index}));
		}
	}
	if (cut)
		warnings.push(
			`figures read only in the first ${FIGURE_SENTENCE_CHARS.toLocaleString('en')} characters of ${cut} overlong sentence${cut === 1 ? '' : 's'} (not prose)`,
		);
	const words = countWords(text);
	return {
		id,
		...m,
		text,
		encoding: decoded.encoding,
		bytes: bytes.length,
		words,
		blocks: marked,
		sentences,
		language,
		figures,
		furnitureFigures,
		warnings,
		sameAs: null,
	};
}

/**
 * Figures are read in the first 5,000 characters of a sentence. The longest sentence in the real
 * fixtures is 685 characters, and none has more than 13 figures; a "sentence" seven times that is a table
 * or a dump with no sentence end, and a megabyte of "1 1 1 …" would otherwise cost a second and half a
 * million figures.
 */
export const FIGURE_SENTENCE_CHARS = 5000;

/**
 * Where figure reading stops in `text[start, end)`: at the cap, moved back to whitespace (within 200
 * characters) so that a number is rarely cut; one figure at the edge of a dump may be misread.
 */
function figureEnd(text: string, start: number, end: number): number {
	if (end - start <= FIGURE_SENTENCE_CHARS) return end;
	let e = start + FIGURE_SENTENCE_CHARS;
	const floor = e - 200;
	while (e > floor && !/\s/.test(text[e]!)) e--;
	return e;
}

const MOJIBAKE = /â€|Ã[\u0080-\u00BF©¨±§¤¶¼½]|â\?\?/;
const CP1252_BACK: Record<string, number> = Object.fromEntries(
	[...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c, i) => [
		c,
		[
			0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
			0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
		][i]!,
	]),
);

/**
 * Undo UTF-8 read as Windows-1252 ("Ã©" for "é"), but only when that is certain: every character maps
 * back to one byte and the bytes are valid UTF-8 with no mojibake left. Otherwise null.
 */
export function repairMojibake(text: string): string | null {
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const b = c <= 0xff ? c : CP1252_BACK[text[i]!];
		if (b === undefined) return null;
		bytes[i] = b;
	}
	try {
		const fixed = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
		return MOJIBAKE.test(fixed) || fixed === text ? null : fixed;
	} catch {
		return null;
	}
}

/** Minimum words of the first block that reads as article text (the lead); shorter blocks before it are headers. */
const LEAD_WORDS = 12;
/** Chinese and Japanese write words without spaces: about two characters make a word. */
const CJK_CHARS_PER_WORD = 2;

/** Index of the lead: the first block other than the title with LEAD_WORDS words or more and sentence punctuation. */
function leadBlock(blocks: Block[], titleBlock: number): number {
	for (let i = 0; i < blocks.length; i++) {
		const b = blocks[i]!;
		if (i === titleBlock || b.boilerplate) continue;
		if (hasWords(b.text, LEAD_WORDS) && /[.!?。」"”)]/u.test(b.text)) return i;
	}
	// No block reads like a lead (a short note): nothing stands before it.
	return 0;
}

/**
 * Whether `text` holds at least `min` words: runs of whitespace plus one (as `split(/\s+/)` counts), and
 * Chinese, Japanese or Korean characters at CJK_CHARS_PER_WORD a word. One pass that stops once there are
 * enough, where splitting and matching every character made a lead's test cost a tenth of reading figures.
 */
export function hasWords(text: string, min: number): boolean {
	let words = 1;
	let cjk = 0;
	let inSpace = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (isSpaceCode(c)) {
			if (!inSpace) words++;
			inSpace = true;
			continue;
		}
		inSpace = false;
		if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af)) cjk++;
		if (words + cjk / CJK_CHARS_PER_WORD >= min) return true;
	}
	return words + cjk / CJK_CHARS_PER_WORD >= min;
}

function cleanHeading(line: string): string {
	return line
		.replace(/^#{1,6}\s+/, '')
		.replace(/\*\*/g, '')
		.trim();
}

const DATE_IN_TEXT = [
	/\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2})\b/,
	/\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b/,
	/\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})/,
	/\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/,
];
const MONTH_NAMES = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december',
];

/** Metadata from the text alone: title from the first heading or line, the first full date, the first URL. */
export function inferMeta(text: string, id: string): Meta {
	return {title: inferTitle(text, id), publisher: null, date: inferDate(text), url: inferUrl(text)};
}

/** The first Markdown heading (levels 1 to 3), else the first line that is not blank, else the file's name. */
function inferTitle(text: string, id: string): string {
	let first: string | undefined;
	let heading: string | undefined;
	// Without a '#' there is no heading: the first line that is not blank is the title, and the rest is not split.
	const headings = text.includes('#');
	for (let from = 0; from <= text.length && heading === undefined; ) {
		let to = from;
		while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
		const line = text.slice(from, to).trim();
		if (line) {
			first ??= line;
			if (!headings) break;
			if (/^#{1,3}\s+\S/.test(line)) heading = line;
		}
		from = to + (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? 2 : 1);
	}
	return cleanHeading(heading ?? first ?? fileStem(id)).slice(0, 200);
}

/** The first full date by the first of DATE_IN_TEXT's patterns that matches. */
function inferDate(text: string): string | null {
	for (const re of DATE_IN_TEXT) {
		const m = re.exec(text);
		if (!m) continue;
		const pad = (n: number) => String(n).padStart(2, '0');
		if (re === DATE_IN_TEXT[0]) return `${m[3]}-${pad(MONTH_NAMES.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(Number(m[1]))}`;
		if (re === DATE_IN_TEXT[1]) return `${m[3]}-${pad(MONTH_NAMES.indexOf(m[1]!.toLowerCase()) + 1)}-${pad(Number(m[2]))}`;
		if (re === DATE_IN_TEXT[2]) return `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
		return `${m[1]}-${m[2]}-${m[3]}`;
	}
	return null;
}

function inferUrl(text: string): string | null {
	return /https?:\/\/[^\s<>)"\]]+/.exec(text)?.[0] ?? null;
}

/** A file's name without its folder and extension: "a/b/release.txt" → "release". */
function fileStem(id: string): string {
	const name = id.slice(id.lastIndexOf('/') + 1);
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(0, dot) : name;
}
