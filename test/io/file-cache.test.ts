// Each file's analysis is cached by a hash of its bytes: a corpus read again analyses only what changed, and
// gives exactly what an uncached read gives.
import {type FeatureTable, featureRows, rowCount} from '../../source/core/features.js';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	entryOfPart,
	joinParts,
	packFile,
	packFiles,
	packSource,
	partOf,
	partOfEntry,
	unpackFile,
	unpackFiles,
} from '../../source/core/pack.js';
import {analyseFile, type FileAnalysis} from '../../source/core/pipeline.js';
import {AS_PART, analyseCached, fileKey} from '../../source/io/file-cache.js';
import {readCorpus} from '../../source/io/read-corpus.js';
import {Store} from '../../source/io/store.js';
import {makeCorpus, scratchDir, SEED} from '../helpers.js';

const story = (n: number) =>
	`Story ${n}\nThe harbour authority approved terminal number ${n} on Tuesday after months of debate. It will cost ${n}.5 billion euros and open in ${2020 + n}.\n`;

/** Every row of a feature table as plain arrays, to compare two tables field by field. */
const plain = (t: FeatureTable) =>
	featureRows(t).map(f => [f.sentence, f.words, [...f.feats], [...f.figureMask], [...f.shingles], [...f.anchors], f.dates]);

describe('the analysis of each file, cached', () => {
	it('packs a file to one buffer and back unchanged', () => {
		const bytes = readFileSync(join(SEED, '001_ceee5b9b1f5f8ff4.txt'));
		const a = analyseFile('001_ceee5b9b1f5f8ff4.txt', bytes, {date: '2026-02-05'});
		const back = unpackFile(packFile(a));
		expect(back.source).toEqual(a.source);
		expect(rowCount(a.features)).toBeGreaterThan(5);
		expect(a.features.dates.some(d => d.length > 0)).toBe(true);
		expect(plain(back.features)).toEqual(plain(a.features));
		expect(a.features.repeatKeys.length).toBe(a.source.sentences.length * 3);
		expect([...back.features.repeatKeys]).toEqual([...a.features.repeatKeys]);
		// Several files in one batch, as a thread sends them: each comes back whole, in its place.
		const b = analyseFile('002_ac2e2185098b7cfe.txt', readFileSync(join(SEED, '002_ac2e2185098b7cfe.txt')), undefined);
		const both = unpackFiles(packFiles([a, b]));
		for (const [x, y] of [
			[both[0]!, a],
			[both[1]!, b],
		] as const) {
			expect(x.source).toEqual(y.source);
			expect(plain(x.features)).toEqual(plain(y.features));
			expect([...x.features.repeatKeys]).toEqual([...y.features.repeatKeys]);
			expect([...x.blockKeys]).toEqual([...y.blockKeys]);
		}
		expect([...back.blockKeys]).toEqual([...a.blockKeys]);
		expect(() => unpackFile(new Uint8Array(20))).toThrow();
	});

	it('takes a stored entry into a batch as it is, the same batch as packing the files again', () => {
		const names = ['001_ceee5b9b1f5f8ff4.txt', '002_ac2e2185098b7cfe.txt', '003_9b9e77e86f00fb38.txt'];
		const files = names.map(n => analyseFile(n, readFileSync(join(SEED, n)), {date: '2026-02-05'}));
		const fromEntries = joinParts(files.map(f => partOfEntry(packFile(f))));
		const packed = packFiles(files);
		expect(fromEntries.json).toBe(packed.json);
		expect(fromEntries.sources).toEqual(packed.sources);
		expect([...fromEntries.u32]).toEqual([...packed.u32]);
		expect([...fromEntries.u8]).toEqual([...packed.u8]);
		// Each source's JSON, as the explorer is sent it, is its packed source.
		expect(fromEntries.sources!.map(j => JSON.parse(new TextDecoder().decode(j)) as unknown)).toEqual(
			files.map(f => JSON.parse(JSON.stringify(packSource(f.source)))),
		);
		expect(unpackFiles(fromEntries).map(f => f.source)).toEqual(files.map(f => f.source));
		// The heads do not carry the texts a second time: each source is in the batch once, as bytes.
		expect((JSON.parse(packed.json) as {source: unknown}[]).map(h => h.source)).toEqual([null, null, null]);
		const withTexts = joinParts(files.map(partOf), {sources: false, rows: false});
		expect(withTexts.sources).toBeUndefined();
		expect(unpackFiles(withTexts).map(f => f.source)).toEqual(files.map(f => f.source));
		// An entry whose head has its keys in another order is a valid entry that cannot be cut as it is: refused
		// (and so made again), never cut wrong.
		const head = JSON.parse(withTexts.json) as Record<string, unknown>[];
		const {source, ...rest} = head[0]!;
		const reordered = {json: JSON.stringify([{...rest, source}]), u32: partOf(files[0]!).u32, u8: partOf(files[0]!).u8};
		expect(unpackFiles(reordered)[0]!.source).toEqual(files[0]!.source);
		const entry = entryOfPart({head: reordered.json.slice(1, -1), u32: reordered.u32, u8: reordered.u8});
		expect(unpackFile(entry).source).toEqual(files[0]!.source);
		expect(() => partOfEntry(entry)).toThrow();
	});

	it('analyses only the file that changed, and reads the same corpus as without the cache', () => {
		const dir = makeCorpus(Object.fromEntries(Array.from({length: 6}, (_, i) => [`s${i}.txt`, story(i)])));
		const fileCache = {root: scratchDir('file-cache-')};
		const first = readCorpus(dir, {fileCache});
		expect([first.analysed, first.fromCache]).toEqual([6, 0]);
		const second = readCorpus(dir, {fileCache});
		expect([second.analysed, second.fromCache]).toEqual([0, 6]);
		expect(second.corpus.sources).toEqual(first.corpus.sources);
		writeFileSync(join(dir, 's3.txt'), story(30));
		const third = readCorpus(dir, {fileCache});
		expect([third.analysed, third.fromCache]).toEqual([1, 5]);
		const uncached = readCorpus(dir);
		expect(third.corpus.sources).toEqual(uncached.corpus.sources);
		expect(third.features.map(plain)).toEqual(uncached.features.map(plain));
	});

	it('rebuilds an entry whose offsets, indexes or counts do not fit its text, and reads on', () => {
		const dir = makeCorpus({'a.txt': story(1), 'b.txt': `${story(2)}\n${story(3)}\n${story(4)}`});
		const bytes = readFileSync(join(dir, 'a.txt'));
		const good = analyseFile('a.txt', bytes, undefined);
		const other = analyseFile('b.txt', readFileSync(join(dir, 'b.txt')), undefined);
		const s = good.source;
		const bad: FileAnalysis[] = [
			// A sentence ending past the text: "Invalid code point NaN" in every later run.
			{...good, source: {...s, sentences: s.sentences.map((x, i) => (i === 0 ? {...x, end: s.text.length + 5} : x))}},
			// A sentence in a block there is not.
			{...good, source: {...s, sentences: s.sentences.map((x, i) => (i === 0 ? {...x, block: 999} : x))}},
			// Feature rows for more sentences than the text has.
			{...good, features: other.features},
			// A figure in a sentence there is not.
			{...good, source: {...s, figures: s.figures.map((f, i) => (i === 0 ? {...f, sentence: 999} : f))}},
		];
		expect(s.figures.length).toBeGreaterThan(0);
		const expected = readCorpus(dir).corpus.sources;
		for (const entry of bad) {
			const root = scratchDir('file-cache-');
			const store = new Store(root);
			store.put(fileKey('a.txt', bytes, undefined, true), packFile(entry));
			expect(() => unpackFile(store.get(fileKey('a.txt', bytes, undefined, true))!)).toThrow();
			// A file thread, which takes entries as they are, checks them as much.
			expect(() => partOfEntry(store.get(fileKey('a.txt', bytes, undefined, true))!)).toThrow();
			const made = analyseCached('a.txt', bytes, undefined, {features: true, store: new Store(scratchDir('file-cache-'))}, AS_PART);
			expect(made.hit).toBe(false);
			const remade = analyseCached('a.txt', bytes, undefined, {features: true, store}, AS_PART);
			expect(remade.hit).toBe(false);
			expect(remade.value.head).toBe(made.value.head);
			expect(analyseCached('a.txt', bytes, undefined, {features: true, store}, AS_PART).hit).toBe(true);
			store.put(fileKey('a.txt', bytes, undefined, true), packFile(entry));
			const r = readCorpus(dir, {fileCache: {root}});
			expect(r.corpus.sources).toEqual(expected);
			expect(r.fromCache).toBe(0);
			// Made again and stored in its place.
			expect(unpackFile(store.get(fileKey('a.txt', bytes, undefined, true))!).source).toEqual(expected[0]);
		}
	});

	it('rebuilds an entry of the wrong shape, whose checksum is right, and reads on', () => {
		const dir = makeCorpus({'a.txt': story(1), 'b.txt': story(2)});
		const root = scratchDir('file-cache-');
		const store = new Store(root);
		const bytes = readFileSync(join(dir, 'a.txt'));
		store.put(fileKey('a.txt', bytes, undefined, true), Buffer.from('{"not": "a packed file"}'));
		expect(() => partOfEntry(store.get(fileKey('a.txt', bytes, undefined, true))!)).toThrow();
		const r = readCorpus(dir, {fileCache: {root}});
		expect(r.corpus.sources.map(s => s.id)).toEqual(['a.txt', 'b.txt']);
		expect(r.corpus.sources).toEqual(readCorpus(dir).corpus.sources);
		expect(unpackFile(store.get(fileKey('a.txt', bytes, undefined, true))!).source.id).toBe('a.txt');
	});
});
