// The cache trusts nothing it finds: entries of the wrong shape, a temporary name with a link planted
// under it, a cache path that is a file. Each case only loses the cache; the run goes on with the same output.
import {spawnSync} from 'node:child_process';
import {lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {CACHE_VERSION, corpusKey, loadAnalysed, openCache, previewKey} from '../../source/io/cache.js';
import {Store} from '../../source/io/store.js';
import {CLI, makeCorpus, scratchDir} from '../helpers.js';

// Temporary names come from randomBytes: fixed here, so that a test can plant a link under the next one.
vi.mock('node:crypto', async original => {
	const real = await original<typeof import('node:crypto')>();
	return {...real, randomBytes: vi.fn((n: number) => Buffer.alloc(n, 0xab))};
});

const text = (n: number) =>
	`Story ${n}\nThe harbour authority approved a new container terminal on Tuesday after months of debate. The terminal will cost 4.2 billion euros and handle 3 million containers a year.\n`;

const cli = (args: string[], cacheDir: string) =>
	spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, CHURNSCOPE_CACHE_DIR: cacheDir, NO_COLOR: '1'}});

describe('a cache that verifies', () => {
	it('rebuilds an entry of the right version and checksum but the wrong shape, silently', async () => {
		const root = scratchDir('cache-');
		const dir = makeCorpus({'a.txt': text(1), 'b.txt': text(2)});
		const expected = cli(['sources', '--json', '--corpus', dir, '--no-cache'], root).stdout;
		const key = corpusKey(dir, {});
		const store = new Store(root);
		const side = {source: 'gone.txt', start: 0, end: 5, text: 'Story', sentences: [0, 0]};
		const assembly = {sameAs: [], furniture: []};
		const head = (families: number, pairs: number) =>
			JSON.stringify({version: CACHE_VERSION, key, families, pairs, repeats: [], stock: [], assembly});
		const shapes: string[] = [
			// A pair naming a source that is not there: it crashed every later run.
			`${head(0, 1)}\n${JSON.stringify([{a: side, b: side, similarity: 1, kind: 'verbatim', direction: 'unknown', parts: [], figures: []}])}`,
			// A repeat naming a sentence its source does not have.
			JSON.stringify({
				version: CACHE_VERSION,
				key,
				families: 0,
				pairs: 0,
				repeats: [{source: 'a.txt', sentence: 99, of: 0}],
				stock: [],
				assembly,
			}),
			// More lines than the head says, a line that is not an array, a head of another key.
			`${head(0, 1)}\n[]\n[]`,
			`${head(1, 0)}\n{"families": []}`,
			JSON.stringify({version: CACHE_VERSION, key: 'other', families: 0, pairs: 0, repeats: [], stock: [], assembly}),
			// An assembly of another shape.
			JSON.stringify({
				version: CACHE_VERSION,
				key,
				families: 0,
				pairs: 0,
				repeats: [],
				stock: [],
				assembly: {sameAs: [[0]], furniture: []},
			}),
			JSON.stringify({version: CACHE_VERSION, key, corpus: null, pairs: null}),
			'[]',
			'"a string"',
		];
		for (const shape of shapes) {
			store.put(`corpus-${key}`, shape);
			const rows = previewKey(dir, {});
			store.putJson(`rows-${rows}`, {version: CACHE_VERSION, key: rows, rows: [{source: 'a.txt'}], warnings: [], bytes: 0});
			const r = cli(['sources', '--json', '--corpus', dir], root);
			expect(r.status, `${JSON.stringify(shape)}\n${r.stderr}`).toBe(0);
			expect(r.stderr).toBe('');
			expect(r.stdout).toBe(expected);
			// Rewritten whole: the next run is served from it.
			expect((await loadAnalysed(dir, {cacheRoot: root})).cached).toBe(true);
		}
	});

	it('never writes through a link planted under the temporary name', async () => {
		const root = scratchDir('cache-');
		const victim = join(scratchDir('victim-'), 'precious.txt');
		writeFileSync(victim, 'do not touch');
		const dir = makeCorpus({'a.txt': text(1), 'b.txt': text(2)});
		// The name the next temporary file will have (randomBytes is fixed above).
		symlinkSync(victim, join(root, `.tmp-${'ab'.repeat(12)}`));
		const r = await loadAnalysed(dir, {cacheRoot: root});
		expect(r.reuse.pairs.length).toBe(1);
		expect(readFileSync(victim, 'utf8')).toBe('do not touch');
		// The write that met the link failed and took the link away (not what it points to); later writes,
		// and a second load, never touch the victim.
		expect(lstatSync(join(root, `.tmp-${'ab'.repeat(12)}`), {throwIfNoEntry: false})?.isSymbolicLink() ?? false).toBe(false);
		expect((await loadAnalysed(dir, {cacheRoot: root})).reuse.pairs.length).toBe(1);
		expect(readFileSync(victim, 'utf8')).toBe('do not touch');
	});

	it('runs without a cache when its path is a file', () => {
		const file = join(scratchDir('cache-'), 'not-a-folder');
		writeFileSync(file, 'a file');
		const dir = makeCorpus({'a.txt': text(1), 'b.txt': text(2)});
		for (const args of [['sources'], ['pairs', '--json']]) {
			const r = cli([...args, '--corpus', dir], file);
			expect(r.status, r.stderr).toBe(0);
			expect(r.stderr).toBe('');
		}
		expect(readFileSync(file, 'utf8')).toBe('a file');
	});

	it('holds the cache under its size cap (--cache-size), dropping the least recently used corpus', async () => {
		const root = scratchDir('cache-');
		const dirs = [1, 2, 3].map(i => makeCorpus({'a.txt': text(i), 'b.txt': text(i + 10)}));
		await loadAnalysed(dirs[0]!, {cacheRoot: root});
		const one = readdirSync(root)
			.map(f => readFileSync(join(root, f)).length)
			.reduce((a, b) => a + b, 0);
		for (const d of dirs.slice(1)) {
			const r = cli(['sources', '--corpus', d, '--cache-size', String(Math.floor(one * 2.5))], root);
			expect(r.status, r.stderr).toBe(0);
		}
		const total = readdirSync(root)
			.map(f => readFileSync(join(root, f)).length)
			.reduce((a, b) => a + b, 0);
		expect(total).toBeLessThanOrEqual(one * 2.5);
		expect(openCache({cacheRoot: root}).getJson(`corpus-${corpusKey(dirs[0]!, {})}`, (v): v is unknown => true)).toBeNull();
		expect((await loadAnalysed(dirs[2]!, {cacheRoot: root})).cached).toBe(true);
	});
});
