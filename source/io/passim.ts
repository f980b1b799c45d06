// Opening a passim run with `--corpus DIR`: the folder holds passim's input (JSON lines with the texts,
// e.g. what `churnscope export --format passim` wrote, possibly gzipped) and passim's output folder
// (`out.json/` with Spark's `part-*` files, and `align.json/` when run with --pairwise), or is that output
// folder with the input beside its parts. Read only, streamed line by line; each bad record is one
// warning, never fatal. What the records mean is core/passim.ts.

import {createReadStream, type Dirent, readdirSync, statSync} from 'node:fs';
import {basename, join, relative, sep} from 'node:path';
import {createGunzip} from 'node:zlib';
import {analysisOf} from '../core/analysis.js';
import {
	alignmentsToSpanPairs,
	clustersToMemberSpans,
	corpusOf,
	parseAlignment,
	parseInput,
	parseJsonLine,
	parsePassage,
	sourceOf,
	type MemberSpans,
	type PassimAlignment,
	type PassimPassage,
	type SpanPair,
} from '../core/passim.js';
import {familiesFromSpans} from '../core/families.js';
import {findRepeats, type Reuse} from '../core/reuse.js';
import type {Corpus, Progress, Source} from '../core/source.js';
import {CorpusError, DEFAULT_MAX_BYTES, SIDECAR} from './read-corpus.js';

export type PassimRun = {corpus: Corpus; clusters: PassimPassage[]; alignments: PassimAlignment[]};
export type PassimOptions = {maxBytes?: number; onProgress?: Progress};

/** At most this many warnings for the bad lines of one file; the rest are counted in one more. */
const WARNINGS_PER_FILE = 10;
const INPUT = /\.(json|jsonl|ndjson)(\.gz)?$/i;
/** What passim writes in its output folder besides out.json and align.json: not input. */
const OUTPUT_PARTS = new Set(['out.json', 'align.json', 'tmp', 'conf']);

const isDir = (p: string) => {
	try {
		return statSync(p).isDirectory();
	} catch {
		return false;
	}
};

/** passim's output folder in `dir` (the folder itself or one folder inside it), or null when `dir` is not a passim run. */
export function findPassimOutput(dir: string): string | null {
	const has = (d: string) => isDir(join(d, 'out.json')) || isDir(join(d, 'out.parquet'));
	if (has(dir)) return dir;
	let entries: Dirent[];
	try {
		entries = readdirSync(dir, {withFileTypes: true});
	} catch {
		return null;
	}
	const found = entries.filter(e => e.isDirectory() && !e.name.startsWith('.') && has(join(dir, e.name))).map(e => join(dir, e.name));
	if (found.length > 1) {
		throw new CorpusError(`several passim outputs in ${dir} (${found.map(f => basename(f)).join(', ')}); open a folder with one`);
	}
	return found[0] ?? null;
}

/** A regular file, links followed, checked without opening it: a named pipe would block the read forever. */
const isRegular = (p: string) => {
	try {
		return statSync(p).isFile();
	} catch {
		return false;
	}
};

export const isPassimFolder = (dir: string): boolean => findPassimOutput(dir) !== null;

/** Read a passim run: the input's texts as our corpus, the clusters, and the pairwise alignments when present. */
export async function loadPassim(dir: string, options: PassimOptions = {}): Promise<PassimRun> {
	const output = findPassimOutput(dir);
	if (!output) throw new CorpusError(`not a passim run: no out.json folder in ${dir} or in a folder inside it`);
	if (!isDir(join(output, 'out.json'))) {
		throw new CorpusError(
			`passim wrote Parquet in ${output} (--output-format parquet); churnscope reads its JSON output: run passim without that option`,
		);
	}
	const warnings: string[] = [];
	const inputs = inputFiles(dir, output, warnings);
	if (!inputs.length) {
		throw new CorpusError(
			`passim output in ${output} but no passim input beside it: put the input (JSON lines with id and text, e.g. from \`churnscope export --format passim\`) in ${dir}`,
		);
	}
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const maxLine = lineLimit(maxBytes);
	const sources: Source[] = [];
	const seen = new Set<string>();
	for (const file of inputs) {
		await eachRecord(file, dir, warnings, maxLine, (record, where) => {
			const doc = parseInput(record);
			if (typeof doc === 'string') return `${where}: ${doc}`;
			if (seen.has(doc.id)) return `${where}: ${doc.id} again; the first is kept`;
			const bytes = Buffer.byteLength(doc.text);
			if (bytes > maxBytes) return `${where}: ${doc.id} skipped, ${bytes} bytes is over the ${maxBytes}-byte limit (--max-bytes)`;
			seen.add(doc.id);
			sources.push(sourceOf(doc));
			if ((sources.length & 255) === 0) options.onProgress?.('reading passim input', sources.length, 0);
			return null;
		});
	}
	options.onProgress?.('reading passim input', sources.length, sources.length);
	const corpus = corpusOf(dir, sources, warnings);
	const clusters: PassimPassage[] = [];
	for (const file of partFiles(join(output, 'out.json'), dir, warnings)) {
		await eachRecord(file, dir, warnings, maxLine, (record, where) => {
			const p = parsePassage(record);
			if (typeof p === 'string') return `${where}: ${p}`;
			clusters.push(p);
			return null;
		});
	}
	const alignments: PassimAlignment[] = [];
	if (isDir(join(output, 'align.json'))) {
		for (const file of partFiles(join(output, 'align.json'), dir, warnings)) {
			await eachRecord(file, dir, warnings, maxLine, (record, where) => {
				const a = parseAlignment(record);
				if (typeof a === 'string') return `${where}: ${a}`;
				alignments.push(a);
				return null;
			});
		}
	}
	return {corpus, clusters, alignments};
}

/** A passim run as our analysis input: the corpus, passim's clusters as families of spans, and pairs from them. */
export async function loadPassimAnalysed(
	dir: string,
	options: PassimOptions,
	hooks: {onCorpus?: (corpus: Corpus) => void} = {},
): Promise<{corpus: Corpus; clusters: MemberSpans[]; spanPairs: SpanPair[]; reuse: Reuse}> {
	const run = await loadPassim(dir, options);
	hooks.onCorpus?.(run.corpus);
	const mapping: string[] = [];
	const clusters = clustersToMemberSpans(run.clusters, run.corpus, m => mapping.push(m));
	keepSome(run.corpus.warnings, mapping, 'out.json: passages not mapped');
	const aligning: string[] = [];
	const spanPairs = alignmentsToSpanPairs(run.alignments, run.corpus, m => aligning.push(m));
	keepSome(run.corpus.warnings, aligning, 'align.json: alignments not mapped');
	// passim's clusters are the families; their sentences are lined up with the origin's here.
	const {families, pairs, stock} = familiesFromSpans(
		run.corpus.sources,
		clusters.map(c => c.members),
	);
	return {corpus: run.corpus, clusters, spanPairs, reuse: {families, pairs, stock, repeats: findRepeats(run.corpus.sources)}};
}

/** The analysis of a passim run, for the command line. */
export async function analysePassim(dir: string, options: PassimOptions) {
	const {corpus, reuse} = await loadPassimAnalysed(dir, options);
	return analysisOf(corpus, reuse);
}

/** The first few messages, and how many more there were. */
function keepSome(warnings: string[], messages: string[], what: string): void {
	warnings.push(...messages.slice(0, WARNINGS_PER_FILE));
	if (messages.length > WARNINGS_PER_FILE) warnings.push(`${what}: ${messages.length - WARNINGS_PER_FILE} more`);
}

/** The input files of a run: JSON lines anywhere under `dir`, outside passim's output folder. */
function inputFiles(dir: string, output: string, warnings: string[]): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		let entries: Dirent[];
		try {
			entries = readdirSync(d, {withFileTypes: true});
		} catch (error) {
			warnings.push(`${relative(dir, d) || '.'}: unreadable folder (${(error as NodeJS.ErrnoException).code})`);
			return;
		}
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const e of entries) {
			const p = join(d, e.name);
			if (e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'node_modules' || e.name === SIDECAR) continue;
			if (d === output && (OUTPUT_PARTS.has(e.name) || e.name.endsWith('.parquet'))) continue;
			if (p === output) continue;
			if (e.isDirectory()) walk(p);
			else if (INPUT.test(e.name)) {
				if (isRegular(p)) out.push(p);
				else warnings.push(`${relative(dir, p)}: skipped, not a regular file`);
			} else if (/\.(json|jsonl|ndjson)\.bz2$/i.test(e.name))
				warnings.push(`${relative(dir, p)}: bzip2 is not read; decompress it (bunzip2 -k) or give it gzipped`);
		}
	};
	walk(dir);
	return out;
}

/** Spark's part files of an output folder, in name order; a warning when the job did not finish. */
function partFiles(folder: string, dir: string, warnings: string[]): string[] {
	let names: string[];
	try {
		names = readdirSync(folder).sort();
	} catch (error) {
		warnings.push(`${relative(dir, folder)}: unreadable folder (${(error as NodeJS.ErrnoException).code})`);
		return [];
	}
	if (!names.includes('_SUCCESS'))
		warnings.push(`${relative(dir, folder)}: no _SUCCESS file, so passim may not have finished; reading what is there`);
	const parts = names.filter(n => n.startsWith('part-') && !n.endsWith('.crc')).map(n => join(folder, n));
	for (const p of parts) if (!isRegular(p)) warnings.push(`${relative(dir, p)}: skipped, not a regular file`);
	return parts.filter(isRegular);
}

/**
 * The longest line read, for texts of at most `maxBytes`: JSON may write each byte as six (`\u0000`), and
 * a record has its other fields. A longer line is skipped without being held whole (a file with no line
 * end, or a gzip bomb, would otherwise grow one string until the process runs out of memory).
 */
export const lineLimit = (maxBytes: number) => maxBytes * 6 + 2 ** 20;

/**
 * The lines of a byte stream (LF or CRLF), decoded as UTF-8; null for a line longer than `max` bytes,
 * whose bytes are dropped as they arrive.
 */
export async function* boundedLines(input: AsyncIterable<Buffer>, max: number): AsyncGenerator<string | null> {
	let parts: Buffer[] = [];
	let size = 0;
	let over = false;
	const line = () => {
		const text = Buffer.concat(parts, size).toString('utf8');
		return text.endsWith('\r') ? text.slice(0, -1) : text;
	};
	for await (const chunk of input) {
		let from = 0;
		for (;;) {
			const nl = chunk.indexOf(10, from);
			const end = nl < 0 ? chunk.length : nl;
			if (!over && size + (end - from) > max) {
				over = true;
				parts = [];
				size = 0;
			}
			if (!over && end > from) {
				parts.push(chunk.subarray(from, end));
				size += end - from;
			}
			if (nl < 0) break;
			yield over ? null : line();
			parts = [];
			size = 0;
			over = false;
			from = nl + 1;
		}
	}
	if (over) yield null;
	else if (size) yield line();
}

/**
 * Every JSON line of a file (gunzipped when it ends in .gz), given to `take`, which returns a warning for a
 * record it cannot use. A line that is not a JSON object is a warning too; at most a few per file.
 */
async function eachRecord(
	file: string,
	dir: string,
	warnings: string[],
	maxLine: number,
	take: (record: Record<string, unknown>, where: string) => string | null,
): Promise<void> {
	const name = relative(dir, file).split(sep).join('/');
	let bad = 0;
	const warn = (message: string) => {
		if (++bad <= WARNINGS_PER_FILE) warnings.push(message);
	};
	const stream = createReadStream(file);
	let input: NodeJS.ReadableStream = stream;
	if (file.endsWith('.gz')) {
		const gunzip = createGunzip();
		stream.on('error', error => gunzip.destroy(error));
		input = stream.pipe(gunzip);
	}
	let n = 0;
	try {
		for await (const line of boundedLines(input as AsyncIterable<Buffer>, maxLine)) {
			n++;
			if (line === null) {
				warn(`${name}:${n}: line over ${maxLine} bytes, skipped`);
				continue;
			}
			if (!line.trim()) continue;
			const record = parseJsonLine(line);
			const problem = typeof record === 'string' ? `${name}:${n}: ${record}` : take(record, `${name}:${n}`);
			if (problem) warn(problem);
		}
	} catch (error) {
		warn(`${name}: unreadable after line ${n} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	} finally {
		stream.destroy();
	}
	if (bad > WARNINGS_PER_FILE) warnings.push(`${name}: ${bad - WARNINGS_PER_FILE} more bad records`);
}
