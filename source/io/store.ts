// A store of entries by key in one folder: the analysis cache is made of it. Any failure only loses an
// entry, never the run:
// - an entry carries a checksum and its length, checked on every read; a wrong one (a torn write, a disk
//   error, a stranger's file) is deleted and reads as missing, so the caller rebuilds it silently;
// - an entry is written to a temporary file with a random name created exclusively (O_CREAT|O_EXCL: a
//   link planted under that name is never followed) and renamed into place atomically, so a reader sees
//   the old entry or the new one, never half; temporaries left by a crashed run are removed after an hour;
// - the folder holds at most `maxBytes`; past that, the entries used least recently go (a read marks an
//   entry used by its modification time);
// - a store path that is a file, a read-only folder, a full disk: reads miss, writes return false;
// - a writer may keep its entries back in memory, up to a bound, and write them later (`deferWrites`, `flush`).
// Keys are plain names (letters, digits, `.`, `_`, `-`); values are bytes or JSON, so the same store can
// keep one entry per corpus or one per file.

import {createHash, randomBytes} from 'node:crypto';
import {closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {readBounded} from './read-corpus.js';

export const DEFAULT_STORE_BYTES = 512 * 1024 * 1024;
/** A temporary file older than this was left by a run that ended before renaming it. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * An entry read is marked as used (its time set to now) only if it was last marked longer ago than this: which
 * entries go first when the cache is over its cap is decided to the hour, not to the second.
 */
export const TOUCH_EVERY_MS = 60 * 60 * 1000;

const MAGIC = 'churnscope-store 1';
const SUFFIX = '.entry';
const TEMP = '.tmp-';
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
/** Files an older version of the cache wrote here (`<key>.json`, `<key>.rows.json`, `<name>.<pid>.tmp`). */
const LEGACY = /^[0-9a-f]{32}(\.rows)?\.json$|^[0-9a-f]{32}(\.rows)?\.json\.\d+\.tmp$/;

export type StoreOptions = {
	/** Size cap of the whole folder, in bytes (default 512 MB). */
	maxBytes?: number;
};

type Known = {size: number; used: number};

export class Store {
	readonly root: string;
	readonly maxBytes: number;
	/** The entries on disk with their sizes and last use, listed at the first write. */
	#index: Map<string, Known> | null = null;
	#total = 0;
	/** While writes are deferred (`deferWrites`): what was put and not yet written, oldest first, and its bytes. */
	#pending = new Map<string, Uint8Array[]>();
	#pendingBytes = 0;
	#deferUpTo = 0;

	constructor(root: string, options: StoreOptions = {}) {
		this.root = root;
		this.maxBytes = options.maxBytes ?? DEFAULT_STORE_BYTES;
	}

	/** The bytes stored under `key`, or null when there are none or they fail their checksum. */
	get(key: string): Buffer | null {
		const waiting = this.#pending.get(key);
		if (waiting) return Buffer.concat(waiting);
		const path = this.#path(key);
		let read: ReturnType<typeof readBounded>;
		try {
			read = readBounded(path, this.maxBytes + 1024);
		} catch {
			return null;
		}
		const payload = read.kind === 'bytes' ? unwrap(read.bytes) : null;
		if (!payload) {
			// Not ours, torn or tampered with: gone, so that the next write replaces it.
			this.#remove(key);
			return null;
		}
		try {
			const now = new Date();
			// Touched at most once in TOUCH_EVERY_MS: a relaunch reads every file's entry, and touching each again
			// was 3–4% of a file thread's time in a profile.
			if (read.kind === 'bytes' && now.getTime() - read.mtimeMs > TOUCH_EVERY_MS) utimesSync(path, now, now);
			const known = this.#index?.get(key);
			if (known) known.used = now.getTime();
		} catch {
			// A read-only store still serves its entries; they only age.
		}
		return payload;
	}

	/** The JSON value stored under `key` if it parses and `valid` accepts it; else null (and the entry goes). */
	getJson<T>(key: string, valid: (value: unknown) => value is T): T | null {
		const bytes = this.get(key);
		if (!bytes) return null;
		let value: unknown;
		try {
			value = JSON.parse(bytes.toString('utf8'));
		} catch {
			value = undefined;
		}
		if (value !== undefined && valid(value)) return value;
		this.#remove(key);
		return null;
	}

	/**
	 * Store `data` under `key`, atomically; false when it could not be (the store is then as it was). Parts
	 * are stored one after another, as one entry: a large entry need not be one string or buffer first.
	 */
	put(key: string, data: string | Uint8Array | Uint8Array[]): boolean {
		const path = this.#path(key);
		const parts = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : Array.isArray(data) ? data : [data];
		if (this.#deferUpTo > 0) {
			this.#unqueue(key);
			this.#pending.set(key, parts);
			this.#pendingBytes += bytesOf(parts);
			// Over the bound, the oldest are written now.
			for (const [k, p] of this.#pending) {
				if (this.#pendingBytes <= this.#deferUpTo) break;
				this.#unqueue(k);
				this.#write(k, this.#path(k), p);
			}
			return true;
		}
		return this.#write(key, path, parts);
	}

	/**
	 * From now on, keep what is put in memory, up to `maxBytes` of it (past that the oldest is written), until
	 * `flush`: a thread that reads and analyses files writes their entries when it has nothing left to read, not
	 * between files. Each entry is still written whole and atomically; entries not yet written are lost if the
	 * program ends first, and only cost that run's successor their analysis. `put` then answers true for an
	 * entry kept back: a write that fails later only loses that entry, as any failed write does.
	 */
	deferWrites(maxBytes: number): void {
		this.#deferUpTo = Math.max(0, maxBytes);
	}

	/** Write every entry put and not yet written, oldest first. */
	flush(): void {
		for (const [key, parts] of this.#pending) {
			this.#unqueue(key);
			this.#write(key, this.#path(key), parts);
		}
	}

	#unqueue(key: string): void {
		const parts = this.#pending.get(key);
		if (!parts) return;
		this.#pending.delete(key);
		this.#pendingBytes -= bytesOf(parts);
	}

	#write(key: string, path: string, parts: Uint8Array[]): boolean {
		const hash = createHash('sha256');
		let length = 0;
		for (const part of parts) {
			hash.update(part);
			length += part.length;
		}
		const head = Buffer.from(`${MAGIC}\n${hash.digest('hex')}\n${length}\n`, 'utf8');
		const size = head.length + length;
		if (size > this.maxBytes) return false;
		let tmp: string | null = null;
		try {
			mkdirSync(this.root, {recursive: true, mode: 0o700});
			this.#load();
			tmp = join(this.root, `${TEMP}${randomBytes(12).toString('hex')}`);
			const fd = openSync(tmp, 'wx', 0o600);
			try {
				writeAll(fd, head);
				for (const part of parts) writeAll(fd, part);
			} finally {
				closeSync(fd);
			}
			renameSync(tmp, path);
			tmp = null;
		} catch {
			if (tmp) removeQuietly(tmp);
			return false;
		}
		const index = this.#index!;
		this.#total += size - (index.get(key)?.size ?? 0);
		index.set(key, {size, used: Date.now()});
		this.#evict(key);
		return true;
	}

	/** Store `value` as JSON; false when it could not be (including a value too large to serialise). */
	putJson(key: string, value: unknown): boolean {
		let text: string;
		try {
			text = JSON.stringify(value);
		} catch {
			return false;
		}
		return this.put(key, text);
	}

	/** Remove the entry under `key`, if any. */
	delete(key: string): void {
		this.#unqueue(key);
		this.#remove(key);
	}

	/** Total bytes of the entries this store knows of (after its first write, all of them). */
	get size(): number {
		return this.#total;
	}

	#path(key: string): string {
		if (!KEY.test(key)) throw new TypeError(`not a store key: ${key}`);
		return join(this.root, key + SUFFIX);
	}

	#remove(key: string): void {
		// A read-only store keeps its bad entry; it keeps failing its checksum too.
		removeQuietly(this.#path(key));
		const known = this.#index?.get(key);
		if (known) {
			this.#total -= known.size;
			this.#index!.delete(key);
		}
	}

	/** List the entries once, and clear what crashed runs and older versions left behind. */
	#load(): void {
		if (this.#index) return;
		const index = new Map<string, Known>();
		const now = Date.now();
		for (const name of readdirSync(this.root)) {
			const path = join(this.root, name);
			try {
				if (name.endsWith(SUFFIX)) {
					const st = statSync(path);
					index.set(name.slice(0, -SUFFIX.length), {size: st.size, used: st.mtimeMs});
					this.#total += st.size;
				} else if (name.startsWith(TEMP) || LEGACY.test(name)) {
					if (name.endsWith('.json') || now - statSync(path).mtimeMs > STALE_TEMP_MS) removeQuietly(path);
				}
			} catch {
				// Gone meanwhile (another run cleaning up): nothing to count.
			}
		}
		this.#index = index;
	}

	/** Over the cap: remove the least recently used entries (never `keep`) down to nine tenths of it. */
	#evict(keep: string): void {
		if (this.#total <= this.maxBytes) return;
		const order = [...this.#index!].filter(([k]) => k !== keep).sort((a, b) => a[1].used - b[1].used);
		for (const [key] of order) {
			if (this.#total <= this.maxBytes * 0.9) break;
			this.#remove(key);
		}
	}
}

function removeQuietly(path: string): void {
	try {
		rmSync(path, {force: true});
	} catch {
		// Nothing more to lose.
	}
}

const bytesOf = (parts: Uint8Array[]) => parts.reduce((t, p) => t + p.length, 0);

function writeAll(fd: number, bytes: Uint8Array): void {
	for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** The payload of an entry file, if its header is ours and its length and checksum hold. */
function unwrap(file: Buffer): Buffer | null {
	const lines: number[] = [];
	for (let at = 0; lines.length < 3; at++) {
		at = file.indexOf(0x0a, at);
		if (at < 0 || at > 200) return null;
		lines.push(at);
	}
	const [a, b, c] = lines as [number, number, number];
	if (file.toString('latin1', 0, a) !== MAGIC) return null;
	const sum = file.toString('latin1', a + 1, b);
	const length = Number(file.toString('latin1', b + 1, c));
	const payload = file.subarray(c + 1);
	if (payload.length !== length) return null;
	return createHash('sha256').update(payload).digest('hex') === sum ? payload : null;
}
