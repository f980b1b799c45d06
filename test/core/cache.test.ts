import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {corpusKey, loadAnalysed, readCache, readPreview} from '../../source/io/cache.js';
import {findReuse} from '../../source/core/reuse.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {makeCorpus, scratchDir} from '../helpers.js';

const text = (n: number) =>
	`Story ${n}\nThe harbour authority approved a new container terminal on Tuesday after months of debate. The terminal will cost 4.2 billion euros and handle 3 million containers a year.\n`;

describe('analysis cache', () => {
	it('serves a second load from the cache, with the same sources and pairs', async () => {
		const dir = makeCorpus({'a.txt': text(1), 'b.txt': text(2)});
		process.env['CHURNSCOPE_CACHE_DIR'] = scratchDir('cache-');
		const first = await loadAnalysed(dir, {});
		const second = await loadAnalysed(dir, {});
		expect([first.cached, second.cached]).toEqual([false, true]);
		expect(second.reuse).toEqual(first.reuse);
		expect(second.corpus.sources).toEqual(first.corpus.sources);
		expect(second.reuse).toEqual(findReuse(loadCorpus(dir).sources));
		// The sources list is also kept on its own, to draw before the corpus is read.
		const preview = readPreview(corpusKey(dir, {}));
		expect(preview?.rows.map(r => r.source)).toEqual(['a.txt', 'b.txt']);
		for (const r of preview!.rows) expect(r.reused).toBeGreaterThan(0.5);
		let seen = 0;
		await loadAnalysed(dir, {}, {onPreview: p => (seen = p.rows.length)});
		expect(seen).toBe(2);
	});
	it('never serves a stale entry: any changed byte, file or sidecar changes the key', async () => {
		const dir = makeCorpus({'a.txt': text(1), 'b.txt': text(2)});
		const k1 = corpusKey(dir, {});
		writeFileSync(join(dir, 'b.txt'), text(3));
		const k2 = corpusKey(dir, {});
		writeFileSync(join(dir, 'churnscope.json'), '{"sources": {"a.txt": {"title": "A"}}}');
		const k3 = corpusKey(dir, {});
		expect(new Set([k1, k2, k3]).size).toBe(3);
		expect(corpusKey(dir, {maxBytes: 10})).not.toBe(k3);
	});
	it('ignores a corrupt entry and rewrites it', async () => {
		const root = scratchDir('cache-');
		process.env['CHURNSCOPE_CACHE_DIR'] = root;
		const dir = makeCorpus({'a.txt': text(1), 'b.txt': text(2)});
		const key = corpusKey(dir, {});
		writeFileSync(join(root, `${key}.json`), '{"version": 2, "key": "');
		expect(readCache(dir, key, root)).toBeNull();
		const r = await loadAnalysed(dir, {});
		expect(r.cached).toBe(false);
		expect(r.reuse.pairs.length).toBe(1);
		expect(readCache(dir, key, root)).not.toBeNull();
		expect(readdirSync(root).filter(f => f.endsWith('.tmp'))).toEqual([]);
	});
	it('writes nothing into the corpus folder, and nothing at all with cache off', async () => {
		const root = scratchDir('cache-');
		process.env['CHURNSCOPE_CACHE_DIR'] = root;
		const dir = makeCorpus({'a.txt': text(1)});
		const before = readFileSync(join(dir, 'a.txt'));
		await loadAnalysed(dir, {cache: false});
		expect(readdirSync(root)).toEqual([]);
		await loadAnalysed(dir, {});
		expect(readdirSync(dir)).toEqual(['a.txt']);
		expect(readFileSync(join(dir, 'a.txt'))).toEqual(before);
	});
});
