// Loading a corpus folder from disk: the files, their bytes and the sidecar. The folder is only ever read;
// what a source is made of is core/source.ts.

import {type Dirent, readFileSync, readdirSync, realpathSync, statSync} from 'node:fs';
import {extname, join, relative, sep} from 'node:path';
import {parseSidecar, SIDECAR} from '../core/sidecar.js';
import type {SentenceFeatures} from '../core/features.js';
import {analyseFile, assembleCorpus, type FileAnalysis} from '../core/pipeline.js';
import type {Corpus, Meta, Progress} from '../core/source.js';
import {looksBinary} from '../core/text.js';

export {SIDECAR};
export const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text', '.html', '.htm', '']);
export type LoadOptions = {maxBytes?: number; maxFiles?: number; onProgress?: Progress};

export class CorpusError extends Error {}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 200_000;

/** Read every text file under `dir` (recursively, links followed once) into sources. */
export function loadCorpus(dir: string, opts: LoadOptions = {}): Corpus {
	return readCorpus(dir, {...opts, features: false}).corpus;
}

/** The corpus and, unless `features: false`, the features of its sentences for the matching. */
export function readCorpus(
	dir: string,
	opts: LoadOptions & {features?: boolean} = {},
	prepared = prepareCorpus(dir, opts),
): {corpus: Corpus; features: SentenceFeatures[][]} {
	const {files, sidecar, warnings} = prepared;
	const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
	const analysed: FileAnalysis[] = [];
	for (const [i, file] of files.entries()) {
		if ((i & 63) === 0) opts.onProgress?.('reading files', i, files.length);
		const read = readOne(file.path, file.id, maxBytes);
		if ('warning' in read) warnings.push(read.warning);
		else analysed.push(analyseFile(file.id, read.bytes, sidecar[file.id], {features: opts.features}));
	}
	opts.onProgress?.('reading files', files.length, files.length);
	return finishCorpus(dir, analysed, sidecar, warnings);
}

export type CorpusFile = {id: string; path: string};

/** The folder checked, its files listed and its sidecar read: what every way of reading a corpus starts from. */
export function prepareCorpus(
	dir: string,
	opts: LoadOptions = {},
): {files: CorpusFile[]; sidecar: Record<string, Partial<Meta>>; warnings: string[]} {
	let st: ReturnType<typeof statSync>;
	try {
		st = statSync(dir);
	} catch (error) {
		throw new CorpusError(`corpus folder not found: ${dir} (${code(error)})`);
	}
	if (!st.isDirectory()) throw new CorpusError(`corpus is not a folder: ${dir}`);
	const warnings: string[] = [];
	const files = listFiles(dir, warnings, opts.maxFiles ?? DEFAULT_MAX_FILES).map(path => ({
		id: relative(dir, path).split(sep).join('/'),
		path,
	}));
	return {files, sidecar: readSidecar(dir, warnings), warnings};
}

/** One file's bytes, or why it is skipped (too large, unreadable, empty, binary). */
export function readOne(path: string, id: string, maxBytes: number): {bytes: Buffer} | {warning: string} {
	let bytes: Buffer;
	try {
		const size = statSync(path).size;
		if (size > maxBytes) return {warning: `${id}: skipped, ${size} bytes is over the ${maxBytes}-byte limit (--max-bytes)`};
		bytes = readFileSync(path);
	} catch (error) {
		return {warning: `${id}: unreadable (${code(error)})`};
	}
	if (bytes.length === 0) return {warning: `${id}: skipped, empty file`};
	if (looksBinary(bytes)) return {warning: `${id}: skipped, binary file`};
	return {bytes};
}

/** The analysed files as a corpus, with a warning for each sidecar entry that names no file. */
export function finishCorpus(
	dir: string,
	analysed: FileAnalysis[],
	sidecar: Record<string, Partial<Meta>>,
	warnings: string[],
): {corpus: Corpus; features: SentenceFeatures[][]} {
	const ids = new Set(analysed.map(a => a.source.id));
	for (const id of Object.keys(sidecar)) if (!ids.has(id)) warnings.push(`${SIDECAR}: no source named ${id}`);
	return assembleCorpus(dir, analysed, warnings);
}

/** The sidecar of a corpus folder, if any: parsed, with a warning for each problem. */
function readSidecar(dir: string, warnings: string[]): Record<string, Partial<Meta>> {
	let raw: string;
	try {
		raw = readFileSync(join(dir, SIDECAR), 'utf8');
	} catch {
		return {};
	}
	return parseSidecar(raw, warnings);
}

/** The files a corpus folder would load, with their ids, and its sidecar if any (for cache keys). */
export function listCorpusFiles(dir: string, maxFiles = DEFAULT_MAX_FILES): {id: string; path: string}[] {
	const files = listFiles(dir, [], maxFiles).map(path => ({id: relative(dir, path).split(sep).join('/'), path}));
	return [...files, {id: SIDECAR, path: join(dir, SIDECAR)}];
}

function listFiles(dir: string, warnings: string[], maxFiles: number): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	const walk = (d: string) => {
		let real: string;
		try {
			real = realpathSync(d);
		} catch (error) {
			warnings.push(`${relative(dir, d) || '.'}: unreadable folder (${code(error)})`);
			return;
		}
		if (seen.has(real)) {
			warnings.push(`${relative(dir, d)}: link loop, skipped`);
			return;
		}
		seen.add(real);
		let entries: Dirent[];
		try {
			entries = readdirSync(d, {withFileTypes: true});
		} catch (error) {
			warnings.push(`${relative(dir, d) || '.'}: unreadable folder (${code(error)})`);
			return;
		}
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const e of entries) {
			if (e.name.startsWith('.') || e.name === SIDECAR || e.name === 'node_modules') continue;
			const p = join(d, e.name);
			let isDir = e.isDirectory();
			let isFile = e.isFile();
			if (e.isSymbolicLink()) {
				try {
					const t = statSync(p);
					isDir = t.isDirectory();
					isFile = t.isFile();
				} catch {
					warnings.push(`${relative(dir, p)}: broken link, skipped`);
					continue;
				}
			}
			if (isDir) walk(p);
			else if (isFile && TEXT_EXTENSIONS.has(extname(e.name).toLowerCase())) {
				if (out.length >= maxFiles) {
					warnings.push(`more than ${maxFiles} files; the rest skipped (--max-files)`);
					return;
				}
				out.push(p);
			}
		}
	};
	walk(dir);
	return out;
}

function code(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
