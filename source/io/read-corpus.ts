// Loading a corpus folder from disk: the walk that lists its files, bounded reads of their bytes and the
// sidecar. The folder is only ever read; what a source is made of is core/source.ts.
//
// The folder is hostile by nature (pages scraped from the web, archives from strangers), so:
// - only regular files are read, after links are resolved; named pipes, sockets and devices are never
//   opened (a pipe would block the reader forever, /dev/zero would never end), only named in a warning;
// - a link that leads out of the corpus folder is skipped unless `follow` is set (as ripgrep does);
// - every read has a hard byte cap enforced while reading, not trusted from `stat` (files in /proc say
//   they hold 0 bytes), and a pipe swapped in after the check cannot block the open (O_NONBLOCK);
// - each folder's real path is derived from its parent's, not resolved again per level, so a deep
//   nest of folders costs one listing per folder.
// `walkCorpus`, `readBounded` and `readOne` are plain synchronous functions of a path: the pool's threads
// (threads/file-worker.ts) read with them.

import {
	closeSync,
	constants,
	type Dirent,
	fstatSync,
	lstatSync,
	openSync,
	readdirSync,
	readSync,
	realpathSync,
	type Stats,
	statSync,
} from 'node:fs';
import {extname, sep} from 'node:path';
import type {FeatureTable} from '../core/features.js';
import {type Assembly, assembleCorpus, type FileAnalysis} from '../core/pipeline.js';
import {AS_ANALYSIS, analyseCached, type CachedForm, skippedMark} from './file-cache.js';
import {Store} from './store.js';
import {parseSidecar, SIDECAR} from '../core/sidecar.js';
import type {Corpus, GivenMeta, Progress} from '../core/source.js';
import {decode, looksBinary} from '../core/text.js';

export {SIDECAR};
export const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text', '.html', '.htm', '']);
export type WalkOptions = {
	maxFiles?: number;
	/** Follow links that lead out of the corpus folder (off: they are skipped with a warning). */
	follow?: boolean;
};
export type LoadOptions = WalkOptions & {maxBytes?: number; onProgress?: Progress};

export class CorpusError extends Error {}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 200_000;
/** The sidecar's own cap: metadata for 200,000 files fits well within it. */
export const SIDECAR_MAX_BYTES = 32 * 1024 * 1024;

// ---------- bounded reads ----------

/** What a bounded read found: the bytes, or why there are none. */
export type BoundedRead =
	/** `mtimeMs`: when the file was last written, as the open file's `fstat` gave it. */
	| {kind: 'bytes'; bytes: Buffer; mtimeMs: number}
	/** Over the cap: `size` as `stat` gave it, or null when the cap was met while reading. */
	| {kind: 'too-large'; size: number | null}
	/** Not a regular file once links are resolved: never opened (or closed unread, if swapped in). */
	| {kind: 'not-regular'; type: string};

/** What kind of thing a path is, in words, for a warning. */
export function kindOf(st: Stats): string {
	if (st.isDirectory()) return 'folder';
	if (st.isFIFO()) return 'named pipe';
	if (st.isSocket()) return 'socket';
	if (st.isCharacterDevice()) return 'character device';
	if (st.isBlockDevice()) return 'block device';
	if (st.isSymbolicLink()) return 'symbolic link';
	return st.isFile() ? 'regular file' : 'special file';
}

/**
 * The bytes of the regular file at `path` (links followed), at most `maxBytes` of them. The type is
 * checked with `stat` before anything is opened; the open does not block (a pipe swapped in after the
 * check) and is checked again on the descriptor. The cap holds while reading, whatever `stat` said.
 * System errors (ENOENT, EACCES, …) are thrown.
 */
export function readBounded(path: string, maxBytes: number): BoundedRead {
	const st = statSync(path);
	if (!st.isFile()) return {kind: 'not-regular', type: kindOf(st)};
	if (st.size > maxBytes) return {kind: 'too-large', size: st.size};
	const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
	try {
		const at = fstatSync(fd);
		if (!at.isFile()) return {kind: 'not-regular', type: kindOf(at)};
		if (at.size > maxBytes) return {kind: 'too-large', size: at.size};
		// One byte more than the file should hold: a file that grew, or one that claims 0 bytes, shows itself.
		let buf = Buffer.allocUnsafe(Math.min(maxBytes, at.size) + 1);
		let n = 0;
		for (;;) {
			if (n === buf.length) {
				if (n > maxBytes) return {kind: 'too-large', size: null};
				const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(n * 2, 64 * 1024)));
				buf.copy(bigger, 0, 0, n);
				buf = bigger;
			}
			// Position null: read on from where the last read ended, as files in /proc need.
			const got = readSync(fd, buf, n, buf.length - n, null);
			if (got === 0) break;
			n += got;
		}
		return {kind: 'bytes', bytes: buf.subarray(0, n), mtimeMs: at.mtimeMs};
	} finally {
		closeSync(fd);
	}
}

/** One file's bytes, or the warning that says why it is skipped (too large, not a regular file, unreadable, empty, binary). */
export function readOne(path: string, id: string, maxBytes: number): {bytes: Buffer} | {warning: string} {
	let read: BoundedRead;
	try {
		read = readBounded(path, maxBytes);
	} catch (error) {
		return {warning: `${id}: unreadable (${code(error)})`};
	}
	if (read.kind === 'not-regular') return {warning: `${id}: skipped, a ${read.type}, not a regular file`};
	if (read.kind === 'too-large') {
		return {
			warning:
				read.size === null
					? `${id}: skipped, more than ${maxBytes} bytes, over the limit (--max-bytes)`
					: `${id}: skipped, ${read.size} bytes is over the ${maxBytes}-byte limit (--max-bytes)`,
		};
	}
	if (read.bytes.length === 0) return {warning: `${id}: skipped, empty file`};
	if (looksBinary(read.bytes)) return {warning: `${id}: skipped, binary file`};
	return {bytes: read.bytes};
}

// ---------- the walk ----------

/** A file to read: its id (path relative to the corpus folder, forward slashes) and the path to open. */
export type CorpusFile = {id: string; path: string};

export type Walk = {
	/** The text files, in a stable order (by name, folder by folder). */
	files: CorpusFile[];
	/** The sidecar's path (its link resolved), or null when there is none to read. */
	sidecar: string | null;
	/** One line per file or folder passed over for a reason the user should hear. */
	warnings: string[];
};

/**
 * The files a corpus folder holds, as the loader reads them: text files by extension, hidden files and
 * `node_modules` passed over, links resolved once (loops, broken links and links out of the folder
 * skipped with a warning), at most `maxFiles`. Nothing is opened but folders.
 */
export function walkCorpus(dir: string, opts: WalkOptions = {}): Walk {
	const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
	let root: string;
	try {
		root = realpathSync.native(dir);
	} catch (error) {
		throw new CorpusError(`corpus folder not found: ${dir} (${code(error)})`);
	}
	if (!statSync(root).isDirectory()) throw new CorpusError(`corpus is not a folder: ${dir}`);
	const inside = (real: string) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
	const files: CorpusFile[] = [];
	const warnings: string[] = [];
	let sidecar: string | null = null;
	/** Real paths of the folders read so far: a link to one of them is a loop or a second way in. */
	const seen = new Set<string>();
	let full = false;

	const isText = (name: string) => TEXT_EXTENSIONS.has(extname(name).toLowerCase());
	const addFile = (id: string, path: string) => {
		if (files.length >= maxFiles) {
			if (!full) warnings.push(`more than ${maxFiles} files; the rest skipped (--max-files)`);
			full = true;
			return;
		}
		files.push({id, path});
	};

	/** A folder being listed: `path` to open it by, `real` its resolved form, `prefix` the ids' folder part. */
	type Frame = {path: string; real: string; prefix: string; entries: Dirent[]; next: number};
	const list = (path: string, real: string, prefix: string): Frame | null => {
		seen.add(real);
		try {
			const entries = readdirSync(path, {withFileTypes: true});
			entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			return {path, real, prefix, entries, next: 0};
		} catch (error) {
			warnings.push(`${prefix.slice(0, -1) || '.'}: unreadable folder (${code(error)})`);
			return null;
		}
	};

	// Depth first, by name, with a stack of its own: a nest thousands of folders deep is no deeper a
	// recursion, and each folder's paths are its parent's with one more name, resolved by no one.
	const top = list(dir, root, '');
	const stack = top ? [top] : [];
	while (stack.length > 0 && !full) {
		const f = stack[stack.length - 1]!;
		const e = f.entries[f.next++];
		if (!e) {
			stack.pop();
			continue;
		}
		if (f.prefix === '' && e.name === SIDECAR) {
			sidecar = resolveSidecar(under(f.path, e.name), e);
			continue;
		}
		if (e.name.startsWith('.') || e.name === SIDECAR || e.name === 'node_modules') continue;
		const p = under(f.path, e.name);
		const id = f.prefix + e.name;
		let st: Stats | null = null;
		let target = under(f.real, e.name);
		let link = e.isSymbolicLink();
		if (!link && !e.isDirectory() && !e.isFile() && !isSpecial(e)) {
			// The file system did not say what the entry is.
			try {
				const l = lstatSync(p);
				link = l.isSymbolicLink();
				if (!link) st = l;
			} catch (error) {
				warnings.push(`${id}: unreadable (${code(error)})`);
				continue;
			}
		}
		if (link) {
			try {
				target = realpathSync.native(p);
				st = statSync(target);
			} catch (error) {
				warnings.push(code(error) === 'ELOOP' ? `${id}: link loop, skipped` : `${id}: broken link, skipped`);
				continue;
			}
			if (!opts.follow && !inside(target)) {
				if (st.isDirectory() || isText(e.name)) warnings.push(`${id}: link out of the corpus folder, skipped (--follow reads it)`);
				continue;
			}
		}
		if (st ? st.isDirectory() : e.isDirectory()) {
			if (seen.has(target)) {
				const loop = f.real === target || f.real.startsWith(target + sep);
				warnings.push(loop ? `${id}: link loop, skipped` : `${id}: a second link to a folder already read, skipped`);
				continue;
			}
			const child = list(link ? target : p, target, `${id}/`);
			if (child) stack.push(child);
		} else if (isText(e.name)) {
			if (st ? st.isFile() : e.isFile()) addFile(id, link ? target : p);
			else warnings.push(`${id}: skipped, a ${st ? kindOf(st) : direntKind(e)}, not a regular file`);
		}
	}
	return {files, sidecar, warnings};

	function resolveSidecar(p: string, e: Dirent): string | null {
		if (!e.isSymbolicLink()) return p;
		let target: string;
		try {
			target = realpathSync.native(p);
		} catch {
			warnings.push(`${SIDECAR}: broken link; metadata inferred from the texts`);
			return null;
		}
		if (!opts.follow && !inside(target)) {
			warnings.push(`${SIDECAR}: link out of the corpus folder, not read (--follow reads it); metadata inferred from the texts`);
			return null;
		}
		return target;
	}
}

/** `name` in the folder `path`, without normalising the whole path again. */
const under = (path: string, name: string) => (path.endsWith(sep) ? path + name : path + sep + name);

const isSpecial = (e: Dirent) => e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice();

function direntKind(e: Dirent): string {
	if (e.isFIFO()) return 'named pipe';
	if (e.isSocket()) return 'socket';
	if (e.isCharacterDevice()) return 'character device';
	if (e.isBlockDevice()) return 'block device';
	return 'special file';
}

// ---------- loading ----------

/** Read every text file under `dir` (recursively, links resolved once) into sources. */
export function loadCorpus(dir: string, opts: LoadOptions = {}): Corpus {
	return readCorpus(dir, {...opts, features: false}).corpus;
}

/**
 * The corpus and the features of its sentences, and how many files were analysed and how many came from the
 * analysis cache. `marks`, with the cache, names what was read of each file, in corpus order: its cache key
 * (a hash of its bytes, name and sidecar entry) or why it was skipped; the corpus's cache key is made from
 * them, so that the reuse kept for a corpus is the reuse of exactly what was read, even if a file changes
 * while it is read.
 */
export type ReadResult = {
	corpus: Corpus;
	features: FeatureTable[];
	analysed: number;
	fromCache: number;
	marks: string[];
	/** What assembling the corpus changed in its sources, and which sources (by index) it changed. */
	assembly: Assembly;
	changed: Set<number>;
};

/**
 * One file read and analysed (from the analysis cache when it holds it), or why it is skipped; with the
 * mark of what was read (see ReadResult), on whichever thread reads it; as objects or as a packed part (`as`).
 */
export function readAnalysed<T>(
	file: CorpusFile,
	meta: GivenMeta | undefined,
	opts: {maxBytes: number; features: boolean; store: Store | null},
	as: CachedForm<T>,
): {warning: string; mark: string} | {value: T; hit: boolean; mark: string} {
	const read = readOne(file.path, file.id, opts.maxBytes);
	if ('warning' in read) return {warning: read.warning, mark: skippedMark(read.warning)};
	const out = analyseCached(file.id, read.bytes, meta, {features: opts.features, store: opts.store}, as);
	return {value: out.value, hit: out.hit, mark: out.key ?? ''};
}

/** The corpus and, unless `features: false`, the features of its sentences for the matching. */
export function readCorpus(
	dir: string,
	opts: LoadOptions & {features?: boolean; fileCache?: {root: string; maxBytes?: number} | null} = {},
	prepared = prepareCorpus(dir, opts),
): ReadResult {
	const {files, sidecar, warnings} = prepared;
	const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
	const marks: string[] = [];
	const store = opts.fileCache ? new Store(opts.fileCache.root, {maxBytes: opts.fileCache.maxBytes}) : null;
	const analysed: FileAnalysis[] = [];
	let fromCache = 0;
	for (const [i, file] of files.entries()) {
		if ((i & 63) === 0) opts.onProgress?.('reading files', i, files.length);
		const out = readAnalysed(file, sidecar[file.id], {maxBytes, features: opts.features !== false, store}, AS_ANALYSIS);
		marks.push(out.mark);
		if ('warning' in out) {
			warnings.push(out.warning);
			continue;
		}
		analysed.push(out.value);
		if (out.hit) fromCache++;
	}
	opts.onProgress?.('reading files', files.length, files.length);
	const {corpus, features, assembly, changed} = finishCorpus(dir, analysed, sidecar, warnings);
	return {corpus, features, analysed: analysed.length - fromCache, fromCache, marks, assembly, changed};
}

/**
 * The folder walked, its files listed and its sidecar read: what every way of reading a corpus starts from.
 * The sidecar has no prototype: a file may be called `constructor`.
 */
export function prepareCorpus(
	dir: string,
	opts: LoadOptions = {},
	/** The folder as already walked (the cache walks it first, for the sources list it shows before reading). */
	walk = walkCorpus(dir, opts),
): {files: CorpusFile[]; sidecar: Record<string, GivenMeta>; warnings: string[]} {
	const warnings = [...walk.warnings];
	return {files: walk.files, sidecar: readSidecar(walk.sidecar, warnings), warnings};
}

/** The analysed files as a corpus, with a warning for each sidecar entry that names no file. */
export function finishCorpus(
	dir: string,
	analysed: FileAnalysis[],
	sidecar: Record<string, GivenMeta>,
	warnings: string[],
): ReturnType<typeof assembleCorpus> {
	warnUnnamed(
		analysed.map(a => a.source.id),
		sidecar,
		warnings,
	);
	return assembleCorpus(dir, analysed, warnings);
}

/** A warning for each sidecar entry that names none of the files read (`ids`). */
export function warnUnnamed(ids: string[], sidecar: Record<string, GivenMeta>, warnings: string[]): void {
	const read = new Set(ids);
	for (const id of Object.keys(sidecar)) if (!read.has(id)) warnings.push(`${SIDECAR}: no source named ${id}`);
}

/** The bytes of a sidecar as the loader takes them (for cache keys), or the reason there are none. */
export function readSidecarBytes(path: string | null): {bytes: Buffer} | {skipped: string} | null {
	if (path === null) return null;
	let read: BoundedRead;
	try {
		read = readBounded(path, SIDECAR_MAX_BYTES);
	} catch (error) {
		return code(error) === 'ENOENT' ? null : {skipped: `${SIDECAR}: unreadable (${code(error)}); metadata inferred from the texts`};
	}
	if (read.kind === 'not-regular')
		return {skipped: `${SIDECAR}: a ${read.type}, not a regular file; not read, metadata inferred from the texts`};
	if (read.kind === 'too-large') {
		return {skipped: `${SIDECAR}: over its ${SIDECAR_MAX_BYTES}-byte limit; not read, metadata inferred from the texts`};
	}
	return {bytes: read.bytes};
}

/** The sidecar of a corpus folder, if any: parsed, with a warning for each problem. */
function readSidecar(path: string | null, warnings: string[]): Record<string, GivenMeta> {
	const read = readSidecarBytes(path);
	if (read === null) return {};
	if ('skipped' in read) {
		warnings.push(read.skipped);
		return {};
	}
	return parseSidecar(decode(read.bytes).text, warnings);
}

function code(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
