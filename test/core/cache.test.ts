import {readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	CACHE_PER_CORPUS_BYTE,
	cacheCap,
	corpusKey,
	loadAnalysed,
	streamAnalysed,
	openCache,
	previewKey,
	corpusBytes,
	readPreview,
	readReuse,
} from '../../source/io/cache.js';
import {findReuse} from '../../source/core/reuse.js';
import {loadCorpus, walkCorpus} from '../../source/io/read-corpus.js';
import {makeCorpus, scratchDir} from '../helpers.js';
import {DEFAULT_STORE_BYTES} from '../../source/io/store.js';
import {parseChunks} from '../../source/core/chunks.js';
import {restoreTexts} from '../../source/core/reuse-json.js';
import type {Family, Pair} from '../../source/core/types.js';

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
		const preview = readPreview(previewKey(dir, {}));
		expect(preview?.rows.map(r => r.source)).toEqual(['a.txt', 'b.txt']);
		for (const r of preview!.rows) expect(r.reused).toBeGreaterThan(0.5);
		let seen = 0;
		await loadAnalysed(dir, {}, {onPreview: p => (seen = p.rows.length)});
		expect(seen).toBe(2);
		// Gone (evicted, say) while the rest is kept: written again by the next launch that shows it.
		openCache().delete(`rows-${previewKey(dir, {})}`);
		seen = 0;
		await loadAnalysed(dir, {}, {onPreview: p => (seen = p.rows.length)});
		expect(seen).toBe(0);
		await loadAnalysed(dir, {}, {onPreview: p => (seen = p.rows.length)});
		expect(seen).toBe(2);
	});
	it('keeps reuse too large for one line as several, and serves it back whole', async () => {
		const release = Array.from(
			{length: 24},
			(_, i) =>
				`Paragraph ${i + 1} of the release says the ministry will spend ${i + 3}.5 billion yuan on ${i + 20} new rail lines by 2030.`,
		).join('\n');
		const dir = makeCorpus(Object.fromEntries(Array.from({length: 40}, (_, i) => [`copy-${i}.txt`, `Copy ${i}\n${release}\n`])));
		process.env['CHURNSCOPE_CACHE_DIR'] = scratchDir('cache-');
		const first = await loadAnalysed(dir, {});
		const payload = openCache().get(`corpus-${corpusKey(dir, {})}`)!;
		const lines = payload.toString('utf8').split('\n');
		// A head, then JSON arrays of families and of pairs, none of them the whole.
		expect(lines.length).toBeGreaterThan(3);
		expect(lines.slice(1).every(l => Array.isArray(JSON.parse(l)))).toBe(true);
		const second = await streamAnalysed(dir, {}, {onCorpus: () => {}});
		expect(second.reuse).toEqual(first.reuse);
		expect(first.reuse.pairs.length).toBe(39);
		// Its lines go to the explorer as they are: the same families and pairs, in several chunks.
		expect(second.chunks!.pairs.length).toBeGreaterThan(1);
		// Without the passages' texts, which the explorer cuts from the sources.
		const families = await parseChunks<Family>(second.chunks!.families);
		const pairs = await parseChunks<Pair>(second.chunks!.pairs);
		expect(families.every(f => f.members.every(m => m.text === ''))).toBe(true);
		const texts = new Map(first.corpus.sources.map(s => [s.id, s.text]));
		restoreTexts(families, pairs, id => texts.get(id));
		expect(families).toEqual(first.reuse.families);
		expect(pairs).toEqual(first.reuse.pairs);
	});
	it('makes room for the corpus it reads unless told a size', () => {
		expect(cacheCap({}, 1000)).toBe(DEFAULT_STORE_BYTES);
		expect(cacheCap({}, 10 ** 9)).toBe(10 ** 9 * CACHE_PER_CORPUS_BYTE);
		expect(cacheCap({cacheSize: 5000}, 10 ** 9)).toBe(5000);
	});
	it("keys the sources list shown first by the folder's listing, without looking at its files", async () => {
		const dir = makeCorpus({'a.txt': text(1), 'b.txt': text(2)});
		process.env['CHURNSCOPE_CACHE_DIR'] = scratchDir('cache-');
		const k1 = previewKey(dir, {});
		expect(previewKey(dir, {})).toBe(k1);
		// A file changed in place keeps the key: its row is shown as it was until the corpus is read.
		writeFileSync(join(dir, 'b.txt'), `${text(2)}more`);
		utimesSync(join(dir, 'a.txt'), new Date(2001, 1, 1), new Date(2001, 1, 1));
		expect(previewKey(dir, {})).toBe(k1);
		// A file added, the sidecar changed, or other options: another list.
		writeFileSync(join(dir, 'c.txt'), text(3));
		const k2 = previewKey(dir, {});
		writeFileSync(join(dir, 'churnscope.json'), JSON.stringify({sources: {'a.txt': {date: '2025-01-01'}}}));
		const k3 = previewKey(dir, {});
		const k4 = previewKey(dir, {maxBytes: 100});
		expect(new Set([k1, k2, k3, k4]).size).toBe(4);
		// The list keeps the bytes its files had, by which a relaunch sizes the cache without looking at each.
		await loadAnalysed(dir, {});
		const kept = readPreview(previewKey(dir, {}));
		expect(kept?.bytes).toBe(corpusBytes(walkCorpus(dir, {}), {}));
		expect(kept?.bytes).toBe(text(1).length + text(2).length + 4 + text(3).length);
	});
	it('never serves reuse kept for other text, even when a file keeps its size and time', async () => {
		const dir = makeCorpus({'a.txt': text(1), 'b.txt': text(2)});
		process.env['CHURNSCOPE_CACHE_DIR'] = scratchDir('cache-');
		const first = await loadAnalysed(dir, {});
		expect(first.reuse.pairs[0]!.kind).toBe('verbatim');
		const b = join(dir, 'b.txt');
		const {mtime, atime} = statSync(b);
		// Same length, other figures: 4.2 billion becomes 9.7 billion.
		writeFileSync(b, text(2).replace('4.2', '9.7'));
		utimesSync(b, atime, mtime);
		const second = await loadAnalysed(dir, {}, {onPreview: () => {}});
		expect(second.cached).toBe(false);
		expect(second.reuse).toEqual(findReuse(loadCorpus(dir).sources));
		expect(second.reuse.pairs[0]!.figures.some(f => f.status === 'changed')).toBe(true);
	});
	it('sizes the cache by the files it reads, not by one it skips', () => {
		const dir = makeCorpus({'a.txt': text(1), 'big.txt': 'x'.repeat(5000)});
		expect(corpusBytes(walkCorpus(dir, {}), {maxBytes: 1000})).toBe(text(1).length);
		expect(corpusBytes(walkCorpus(dir, {}), {})).toBe(text(1).length + 5000);
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
		expect((await loadAnalysed(dir, {})).cached).toBe(false);
		const entry = readdirSync(root).find(f => f.startsWith('corpus-'))!;
		const bytes = readFileSync(join(root, entry));
		bytes[bytes.length - 10]! ^= 1;
		writeFileSync(join(root, entry), bytes);
		expect(readReuse(key, openCache())).toBeNull();
		const r = await loadAnalysed(dir, {});
		expect(r.cached).toBe(false);
		expect(r.reuse.pairs.length).toBe(1);
		expect(readReuse(key, openCache())).not.toBeNull();
		expect(readdirSync(root).filter(f => f.includes('tmp'))).toEqual([]);
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
