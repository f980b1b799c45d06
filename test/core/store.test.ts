import {spawnSync} from 'node:child_process';
import {existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {STALE_TEMP_MS, Store, TOUCH_EVERY_MS} from '../../source/io/store.js';
import {scratchDir} from '../helpers.js';

const isList = (v: unknown): v is number[] => Array.isArray(v) && v.every(x => typeof x === 'number');
const entries = (root: string) => readdirSync(root).sort();

describe('store', () => {
	it('keeps bytes and JSON by key', () => {
		const store = new Store(join(scratchDir('store-'), 'nested', 'root'));
		expect(store.get('a')).toBeNull();
		expect(store.put('a', Buffer.from([0, 1, 2, 255]))).toBe(true);
		expect(store.get('a')).toEqual(Buffer.from([0, 1, 2, 255]));
		expect(store.putJson('file-0123.v1', [1, 2, 3])).toBe(true);
		expect(store.getJson('file-0123.v1', isList)).toEqual([1, 2, 3]);
		store.delete('a');
		expect(store.get('a')).toBeNull();
		expect(() => store.get('../escape')).toThrow(TypeError);
	});

	it('keeps writes back when asked, up to a bound, and writes them whole when flushed', () => {
		const root = scratchDir('store-');
		const store = new Store(root);
		store.deferWrites(2500);
		const kb = (n: number) => Buffer.alloc(1000, n);
		expect(store.put('a', kb(1))).toBe(true);
		expect(store.put('b', kb(2))).toBe(true);
		// Kept back: not on disk, yet read back from memory.
		expect(readdirSync(root)).toEqual([]);
		expect(store.get('a')).toEqual(kb(1));
		// Past the bound the oldest is written at once; a key put again replaces what was kept for it.
		store.put('c', kb(3));
		expect(entries(root)).toEqual(['a.entry']);
		store.put('b', kb(4));
		store.delete('c');
		store.flush();
		expect(entries(root)).toEqual(['a.entry', 'b.entry']);
		const again = new Store(root);
		expect(again.get('a')).toEqual(kb(1));
		expect(again.get('b')).toEqual(kb(4));
		expect(again.get('c')).toBeNull();
	});

	it('drops an entry that fails its checksum or its shape, and reads it as missing', () => {
		const root = scratchDir('store-');
		const store = new Store(root);
		store.putJson('k', [1, 2, 3]);
		const path = join(root, 'k.entry');
		const bytes = readFileSync(path);
		bytes[bytes.length - 2]! ^= 0x01;
		writeFileSync(path, bytes);
		expect(store.getJson('k', isList)).toBeNull();
		expect(existsSync(path)).toBe(false);

		store.putJson('k', {not: 'a list'});
		expect(store.getJson('k', isList)).toBeNull();
		expect(existsSync(path)).toBe(false);

		for (const junk of ['', 'churnscope-store 1\n', 'x'.repeat(1000), 'churnscope-store 1\nabc\n5\nhello']) {
			writeFileSync(path, junk);
			expect(store.get('k'), JSON.stringify(junk)).toBeNull();
		}
	});

	it('writes through a temporary file renamed into place, never through a link planted under the name', () => {
		const root = scratchDir('store-');
		const victim = join(scratchDir('victim-'), 'precious.txt');
		writeFileSync(victim, 'do not touch');
		symlinkSync(victim, join(root, 'k.entry'));
		const store = new Store(root);
		expect(store.put('k', 'new value')).toBe(true);
		expect(readFileSync(victim, 'utf8')).toBe('do not touch');
		expect(lstatSync(join(root, 'k.entry')).isSymbolicLink()).toBe(false);
		expect(store.get('k')?.toString()).toBe('new value');
		expect(entries(root)).toEqual(['k.entry']);
	});

	it('does not block on a named pipe planted as an entry', () => {
		const root = scratchDir('store-');
		expect(spawnSync('mkfifo', [join(root, 'k.entry')]).status).toBe(0);
		expect(new Store(root).get('k')).toBeNull();
	});

	it('removes temporaries left by a crashed run once they are stale, and files of the old format', () => {
		const root = scratchDir('store-');
		const old = new Date(Date.now() - STALE_TEMP_MS - 60_000);
		for (const name of ['.tmp-stale', '0123456789abcdef0123456789abcdef.json.4242.tmp']) {
			writeFileSync(join(root, name), 'half');
			utimesSync(join(root, name), old, old);
		}
		writeFileSync(join(root, '.tmp-fresh'), 'being written by another run');
		writeFileSync(join(root, '0123456789abcdef0123456789abcdef.json'), '{"version": 3}');
		writeFileSync(join(root, 'notes.txt'), 'not ours');
		new Store(root).put('k', 'v');
		expect(entries(root)).toEqual(['.tmp-fresh', 'k.entry', 'notes.txt']);
	});

	it('evicts the least recently used entries past its size cap', () => {
		const root = scratchDir('store-');
		const value = 'x'.repeat(1000);
		const store = new Store(root, {maxBytes: 4000});
		const at = (key: string, seconds: number) => utimesSync(join(root, `${key}.entry`), seconds, seconds);
		store.put('a', value);
		store.put('b', value);
		store.put('c', value);
		at('a', 1000);
		at('b', 2000);
		at('c', 3000);
		// A fresh store lists the folder anew: the ages are the files' own.
		const later = new Store(root, {maxBytes: 4000});
		expect(later.get('a')).not.toBeNull(); // a is used now: b is the oldest
		expect(later.put('d', value)).toBe(true);
		expect(entries(root)).toEqual(['a.entry', 'c.entry', 'd.entry']);
		expect(later.size).toBeLessThanOrEqual(4000);
		// An entry larger than the whole cap is not kept at all.
		expect(later.put('huge', 'y'.repeat(4000))).toBe(false);
		expect(entries(root)).toEqual(['a.entry', 'c.entry', 'd.entry']);
	});

	it('marks an entry as used when it reads it, at most once an hour', () => {
		const root = scratchDir('store-');
		const store = new Store(root);
		store.put('k', 'v');
		const path = join(root, 'k.entry');
		const mtime = () => statSync(path).mtimeMs;
		const recent = Math.floor((Date.now() - TOUCH_EVERY_MS / 2) / 1000);
		utimesSync(path, recent, recent);
		expect(store.get('k')?.toString()).toBe('v');
		expect(mtime()).toBe(recent * 1000);
		const old = Math.floor((Date.now() - TOUCH_EVERY_MS * 2) / 1000);
		utimesSync(path, old, old);
		expect(store.get('k')?.toString()).toBe('v');
		expect(mtime()).toBeGreaterThan(Date.now() - 60_000);
	});

	it('only loses the cache when its folder is a file', () => {
		const file = join(scratchDir('store-'), 'a-file');
		writeFileSync(file, 'I am not a folder');
		const store = new Store(file);
		expect(store.get('k')).toBeNull();
		expect(store.put('k', 'v')).toBe(false);
		expect(readFileSync(file, 'utf8')).toBe('I am not a folder');
	});
});
