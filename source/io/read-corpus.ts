// Loading a corpus folder from disk: the files, their bytes and the sidecar. The folder is only ever read;
// what a source is made of is core/source.ts.

import {type Dirent, readFileSync, readdirSync, realpathSync, statSync} from 'node:fs';
import {extname, join, relative, sep} from 'node:path';
import {parseSidecar, SIDECAR} from '../core/sidecar.js';
import {markSiteFurniture} from '../core/furniture.js';
import {buildSource, type Corpus, type Meta, type Progress, type Source} from '../core/source.js';
import {looksBinary, normalize} from '../core/text.js';

export {SIDECAR};
export const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text', '.html', '.htm', '']);
export type LoadOptions = {maxBytes?: number; maxFiles?: number; onProgress?: Progress};

export class CorpusError extends Error {}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 200_000;

/** Read every text file under `dir` (recursively, links followed once) into sources. */
export function loadCorpus(dir: string, opts: LoadOptions = {}): Corpus {
	const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
	let st: ReturnType<typeof statSync>;
	try {
		st = statSync(dir);
	} catch (error) {
		throw new CorpusError(`corpus folder not found: ${dir} (${code(error)})`);
	}
	if (!st.isDirectory()) throw new CorpusError(`corpus is not a folder: ${dir}`);
	const warnings: string[] = [];
	const files = listFiles(dir, warnings, opts.maxFiles ?? DEFAULT_MAX_FILES);
	const sidecar = readSidecar(dir, warnings);
	const sources: Source[] = [];
	const byHash = new Map<string, string>();
	for (const [i, file] of files.entries()) {
		if ((i & 63) === 0) opts.onProgress?.('reading files', i, files.length);
		const id = relative(dir, file).split(sep).join('/');
		let bytes: Buffer;
		try {
			const size = statSync(file).size;
			if (size > maxBytes) {
				warnings.push(`${id}: skipped, ${size} bytes is over the ${maxBytes}-byte limit (--max-bytes)`);
				continue;
			}
			bytes = readFileSync(file);
		} catch (error) {
			warnings.push(`${id}: unreadable (${code(error)})`);
			continue;
		}
		if (bytes.length === 0) {
			warnings.push(`${id}: skipped, empty file`);
			continue;
		}
		if (looksBinary(bytes)) {
			warnings.push(`${id}: skipped, binary file`);
			continue;
		}
		const source = buildSource(id, bytes, sidecar[id]);
		const key = normalize(source.text);
		source.sameAs = byHash.get(key) ?? null;
		if (source.sameAs) source.warnings.push(`same text as ${source.sameAs}`);
		else byHash.set(key, id);
		sources.push(source);
	}
	for (const id of Object.keys(sidecar)) {
		if (!sources.some(s => s.id === id)) warnings.push(`${SIDECAR}: no source named ${id}`);
	}
	opts.onProgress?.('reading files', files.length, files.length);
	markSiteFurniture(sources);
	return {dir, sources, warnings};
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
