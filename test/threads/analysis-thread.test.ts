// The analysis thread's failure paths: the worker reports what went wrong as an event, and a worker that
// dies is reported too, in one line, rather than leaving the explorer waiting.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {Worker} from 'node:worker_threads';
import {describe, expect, it} from 'vitest';
import {type AnalysisEvent, messageDecoder, startAnalysis} from '../../source/threads/analysis-thread.js';
import {findReuse} from '../../source/core/reuse.js';
import type {WorkerMessage, WorkerRequest} from '../../source/threads/worker.js';
import {chunksOfBytes, parseChunks} from '../../source/core/chunks.js';
import {sourceJson} from '../../source/core/pack.js';
import type {Source} from '../../source/core/source.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {corpusKey, previewKey, previewOf} from '../../source/io/cache.js';
import {Store} from '../../source/io/store.js';
import {CLI, makeCorpus, scratchDir} from '../helpers.js';

/** `run` with the files read on a pool of two threads, however few they are. */
async function onThreads<T>(run: () => Promise<T>): Promise<T> {
	const saved = {from: process.env['CHURNSCOPE_PARALLEL_FROM'], threads: process.env['CHURNSCOPE_THREADS']};
	process.env['CHURNSCOPE_PARALLEL_FROM'] = '2';
	process.env['CHURNSCOPE_THREADS'] = '2';
	try {
		return await run();
	} finally {
		for (const [k, v] of [
			['CHURNSCOPE_PARALLEL_FROM', saved.from],
			['CHURNSCOPE_THREADS', saved.threads],
		] as const)
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
	}
}

/** The built worker on `dir`: every message it posts until it ends. */
function runWorker(dir: string, options: WorkerRequest['options'] = {}): Promise<WorkerMessage[]> {
	const worker = new Worker(join(CLI, '..', 'worker.js'), {workerData: {dir, options} satisfies WorkerRequest});
	const messages: WorkerMessage[] = [];
	worker.on('message', m => messages.push(m as WorkerMessage));
	return new Promise((resolve, reject) => {
		worker.on('error', reject);
		worker.on('exit', () => resolve(messages));
	});
}

describe('analysis thread', () => {
	it('reports a folder it cannot read as an error event, and ends', async () => {
		const messages = await runWorker('/nonexistent/churnscope', {cache: false});
		expect(messages).toEqual([{type: 'error', message: 'corpus folder not found: /nonexistent/churnscope (ENOENT)'}]);
		const file = await runWorker(join(makeCorpus({'a.txt': 'A title\nSome text.\n'}), 'a.txt'), {cache: false});
		expect(file.map(m => m.type)).toEqual(['error']);
		expect(file[0]).toMatchObject({message: expect.stringMatching(/^corpus is not a folder: /)});
	});

	it('sends the corpus, then the reuse found, when all is well', async () => {
		const messages = await runWorker(makeCorpus({'a.txt': 'A title\nSome text here.\n'}), {cache: false});
		expect(messages.filter(m => m.type !== 'progress').map(m => m.type)).toEqual(['corpus', 'reuse']);
	});

	it('on a second launch sends the cached sources list first, then the corpus, and the reuse as it was found', async () => {
		const text = (n: number) =>
			`Story ${n}\nThe harbour authority approved a new container terminal on Tuesday after months of debate. The terminal will cost 4.2 billion euros.\n`;
		const dir = makeCorpus({
			'a.txt': text(1),
			'b.txt': text(2),
			'c.txt': 'Other\nA text about something else entirely, with no copy anywhere.\n',
		});
		const cacheRoot = scratchDir('cache-');
		const first = await runWorker(dir, {cacheRoot});
		const second = await runWorker(dir, {cacheRoot});
		expect(first.filter(m => m.type !== 'progress').map(m => m.type)).toEqual(['corpus', 'reuse']);
		expect(second.filter(m => m.type !== 'progress').map(m => m.type)).toEqual(['preview', 'corpus', 'reuse']);
		const preview = second.find(m => m.type === 'preview')! as {json: Uint8Array};
		const rows = previewOf(preview.json)!.rows;
		// The list is sent as it is stored, not parsed and encoded again.
		const stored = new Store(cacheRoot).get(`rows-${previewKey(dir, {})}`)!;
		expect(Buffer.from(preview.json).equals(stored)).toBe(true);
		// What is not a list is not drawn.
		expect(previewOf(new TextEncoder().encode('{"version": 1}'))).toBeNull();
		expect(previewOf(new TextEncoder().encode('not json'))).toBeNull();
		expect(rows.map(r => r.source)).toEqual(['a.txt', 'b.txt', 'c.txt']);
		// The reuse sent from the cache's lines is the reuse the first launch found and sent.
		const reuseOf = async (ms: WorkerMessage[]) => {
			const r = ms.find(m => m.type === 'reuse') as Extract<WorkerMessage, {type: 'reuse'}>;
			return {families: await parseChunks(r.families), pairs: await parseChunks(r.pairs)};
		};
		// As the explorer takes them, from either launch: the reuse found, its passages' texts cut from the
		// corpus's sources (they travel without them).
		const found = findReuse(loadCorpus(dir).sources);
		for (const ms of [first, second]) {
			const decode = messageDecoder(dir);
			const events = [];
			for (const m of ms) events.push(await decode(m));
			const reuse = events.find(e => e?.type === 'reuse') as Extract<AnalysisEvent, {type: 'reuse'}>;
			expect(JSON.stringify(reuse.reuse.families)).toBe(JSON.stringify(found.families));
			expect(JSON.stringify(reuse.reuse.pairs)).toBe(JSON.stringify(found.pairs));
		}
		const [a, b] = await Promise.all([reuseOf(first), reuseOf(second)]);
		expect(b).toEqual(a);
		expect(a.pairs.length).toBe(1);
	});

	it('puts the sources sent ahead in corpus order, whatever order their parts came in, and takes what changed from the corpus', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 5; i++) files[`s${i}.txt`] = `Story ${i}\nThe harbour handled ${i + 3} ships on Monday.\n`;
		const sources = loadCorpus(makeCorpus(files)).sources;
		const chunks = (xs: Source[]) => chunksOfBytes(xs.map(sourceJson));
		const changed: Source = {...sources[3]!, title: 'A title the assembly changed', sameAs: 's0.txt'};
		const decode = messageDecoder('/corpus');
		expect(await decode({type: 'corpus-part', index: 1, chunks: chunks(sources.slice(2))})).toBeNull();
		expect(await decode({type: 'corpus-part', index: 0, chunks: chunks(sources.slice(0, 2))})).toBeNull();
		const event = await decode({type: 'corpus', warnings: ['w'], chunks: chunks([changed]), streamed: {sent: 5, at: [3]}});
		expect(event?.type).toBe('corpus');
		const corpus = (event as Extract<AnalysisEvent, {type: 'corpus'}>).corpus;
		expect(corpus.warnings).toEqual(['w']);
		expect(JSON.stringify(corpus.sources)).toBe(JSON.stringify([...sources.slice(0, 3), changed, sources[4]]));
		// A part that never came is an error, not a corpus with sources missing.
		const lacking = messageDecoder('/corpus');
		await lacking({type: 'corpus-part', index: 1, chunks: chunks(sources.slice(2))});
		await expect(lacking({type: 'corpus', warnings: [], chunks: [], streamed: {sent: 5, at: []}})).rejects.toThrow(
			'2 sources did not arrive',
		);
	});

	it('sends the corpus read on a pool of threads as one thread reads it, duplicates and site furniture too', async () => {
		const story = (n: number) =>
			`Story ${n}\nThe council approved plan number ${n} for the river district on Monday after ${n + 3} hours of debate.\nCall our newsroom on 555-0100 or subscribe for 2 euros a week.\n`;
		const files: Record<string, string> = {};
		// A folder is a site: its footer, on every page, is furniture; a file twice is a duplicate.
		for (let i = 0; i < 12; i++) files[`site/p${i}.txt`] = story(i);
		for (let i = 0; i < 6; i++)
			files[`other${i}.txt`] = `Other ${i}\nA text about harbour number ${i} and its ${i + 7} new cranes, and nothing else.\n`;
		files['other-again.txt'] = files['other3.txt']!;
		// A file that is skipped and a sidecar entry that names no file: warnings of the corpus, the same
		// whichever way it is read.
		files['binary.txt'] = 'PK\u0000\u0003\u0004 not text at all \u0000\u0000';
		files['churnscope.json'] = JSON.stringify({sources: {'gone.txt': {date: '2025-01-01'}}});
		const dir = makeCorpus(files);
		const cacheRoot = scratchDir('cache-');
		const loaded = loadCorpus(dir);
		const expected = loaded.sources;
		expect(loaded.warnings.length).toBe(2);
		// The case is real: furniture was marked and a duplicate found.
		expect(expected.some(x => x.blocks.some(b => b.boilerplate))).toBe(true);
		expect(expected.find(x => x.id === 'other3.txt')!.sameAs).toBe('other-again.txt');
		/** Each corpus the explorer takes from the worker's messages, as JSON. */
		const corporaOf = async (messages: WorkerMessage[]) => {
			const decode = messageDecoder(dir);
			const out: string[] = [];
			for (const m of messages) {
				const e = await decode(m);
				if (e?.type !== 'corpus') continue;
				expect(e.corpus.warnings).toEqual(loaded.warnings);
				out.push(JSON.stringify(e.corpus.sources));
			}
			return out;
		};
		const sentCorpus = async () => {
			const messages = await onThreads(() => runWorker(dir, {cacheRoot}));
			const [corpus] = await corporaOf(messages);
			return corpus;
		};
		// Read and assembled; then, on a second launch, the files' batches sent on as they are, with the kept
		// assembly applied to the sources it names.
		expect(await sentCorpus()).toBe(JSON.stringify(expected));
		const store = new Store(cacheRoot);
		const entry = `corpus-${corpusKey(dir, {})}`;
		const [head, ...rest] = store.get(entry)!.toString('utf8').split('\n');
		const kept = JSON.parse(head!) as {assembly: {sameAs: unknown[]; furniture: [number, number[]][]}};
		expect(kept.assembly.sameAs.length).toBe(1);
		expect(kept.assembly.furniture.length).toBe(12);
		expect(await sentCorpus()).toBe(JSON.stringify(expected));
		// On that second launch the sources went ahead as their batch was read, and the corpus message brought
		// only the 13 that the kept assembly changed (12 pages with a site's footer, 1 duplicate).
		const relaunch = (await onThreads(() => runWorker(dir, {cacheRoot}))).filter(m => m.type !== 'progress');
		expect(relaunch.map(m => m.type)).toEqual(['preview', 'corpus-part', 'corpus', 'reuse']);
		const streamed = relaunch.find(m => m.type === 'corpus') as Extract<WorkerMessage, {type: 'corpus'}>;
		expect(streamed.streamed?.sent).toBe(expected.length);
		expect(streamed.streamed?.at.length).toBe(13);
		expect((await parseChunks(streamed.chunks)).length).toBe(13);
		// A kept assembly that names a block a source does not have (a wrong entry that passed its checksum):
		// the corpus is assembled again, as it should be, and the entry made again.
		kept.assembly.furniture[0]![1] = [999];
		store.put(entry, [JSON.stringify(kept), ...rest].join('\n'));
		expect(await sentCorpus()).toBe(JSON.stringify(expected));
		expect(JSON.parse(store.get(entry)!.toString('utf8').split('\n')[0]!)).toMatchObject({assembly: {furniture: expect.any(Array)}});
		expect((JSON.parse(store.get(entry)!.toString('utf8').split('\n')[0]!) as typeof kept).assembly.furniture[0]![1]).not.toEqual([999]);
		// Reuse that does not fit the corpus, its head and assembly right: the corpus sent with the assembly is
		// sent again as assembled here, and the reuse is found again, as the first launch found it.
		const good = store.get(entry)!.toString('utf8');
		const lines = good.split('\n');
		expect((JSON.parse(lines[0]!) as {pairs: number}).pairs).toBeGreaterThan(0);
		const pairs = JSON.parse(lines.at(-1)!) as {a: {sentences: number[]}}[];
		pairs[0]!.a.sentences = [999, 999];
		store.put(entry, [...lines.slice(0, -1), JSON.stringify(pairs)].join('\n'));
		const messages = await onThreads(() => runWorker(dir, {cacheRoot}));
		const corpora = await corporaOf(messages);
		expect(corpora).toEqual([JSON.stringify(expected), JSON.stringify(expected)]);
		const reuse = messages.find(m => m.type === 'reuse') as Extract<WorkerMessage, {type: 'reuse'}>;
		expect(JSON.stringify(await parseChunks(reuse.pairs))).toBe(
			JSON.stringify(await parseChunks([new TextEncoder().encode(good.split('\n').at(-1)!)])),
		);
		expect(store.get(entry)!.toString('utf8')).toBe(good);
	});

	it('on a pool, after a file changed in place, shows the kept list and then the corpus and reuse as they are now', async () => {
		const story = (n: number, cost: string) =>
			`Story ${n}\nThe harbour authority approved terminal ${n} on Tuesday after months of debate. It will cost ${cost} billion euros and open in 2030.\n`;
		const files: Record<string, string> = {};
		for (let i = 0; i < 60; i++) files[`s${i}.txt`] = story(i % 3, '4.2');
		const dir = makeCorpus(files);
		const cacheRoot = scratchDir('cache-');
		await onThreads(() => runWorker(dir, {cacheRoot}));
		// Same names: the kept list is shown; other text: the batches kept packed are unpacked after all, the
		// corpus assembled, and the reuse found again.
		writeFileSync(join(dir, 's1.txt'), story(1, '9.7'));
		const messages = await onThreads(() => runWorker(dir, {cacheRoot}));
		// The sources go ahead in two parts (two batches of files) as they are read; the corpus then says what the
		// assembly changed in them.
		expect(messages.filter(m => m.type !== 'progress').map(m => m.type)).toEqual([
			'preview',
			'corpus-part',
			'corpus-part',
			'corpus',
			'reuse',
		]);
		const decode = messageDecoder(dir);
		const events = [];
		for (const m of messages) events.push(await decode(m));
		const corpus = events.find(e => e?.type === 'corpus') as Extract<AnalysisEvent, {type: 'corpus'}>;
		const now = loadCorpus(dir);
		expect(JSON.stringify(corpus.corpus.sources)).toBe(JSON.stringify(now.sources));
		const reuse = events.find(e => e?.type === 'reuse') as Extract<AnalysisEvent, {type: 'reuse'}>;
		const found = findReuse(now.sources);
		expect(JSON.stringify(reuse.reuse.pairs)).toBe(JSON.stringify(found.pairs));
		expect(found.pairs.some(p => p.figures.some(f => f.status === 'changed'))).toBe(true);
	});

	it('on a first launch on a pool, lists the files as they are read, from the top in corpus order, before the corpus comes', async () => {
		const files: Record<string, string> = {};
		// Five batches of files: the list is told after the first and each time it has doubled.
		for (let i = 0; i < 230; i++)
			files[`f${String(i).padStart(3, '0')}.txt`] =
				`Report ${i}\nThe port of town ${i} handled ${i + 12} ships in March. Its new crane cost ${i + 2} million euros.\n`;
		const dir = makeCorpus(files);
		const cacheRoot = scratchDir('cache-');
		const messages = await onThreads(() => runWorker(dir, {cacheRoot}));
		const kinds = messages.filter(m => m.type !== 'progress').map(m => m.type);
		const previews = messages.filter(m => m.type === 'preview').map(m => previewOf((m as {json: Uint8Array}).json)!);
		expect(previews.length).toBeGreaterThanOrEqual(2);
		expect(kinds.slice(previews.length)).toEqual(['corpus', 'reuse']);
		const corpus = loadCorpus(dir).sources;
		const order = new Map(corpus.map((s, i) => [s.id, i]));
		for (const [k, p] of previews.entries()) {
			expect(p.reading).toBe(true);
			if (k > 0) expect(p.rows.length).toBeGreaterThanOrEqual(previews[k - 1]!.rows.length * 2);
			// The first files of the corpus, in its order: the list fills from the top.
			expect(p.rows.map(r => order.get(r.source)!)).toEqual(p.rows.map((_, i) => i));
			// Each row as its file alone gives it; its reuse not yet known.
			for (const r of p.rows) {
				const s = corpus[order.get(r.source)!]!;
				expect(r).toMatchObject({title: s.title, words: s.words, figures: s.figures.length, reused: 0, reach: 0});
				expect(r.passages).toBe(s.sentences.filter(x => !x.boilerplate).length);
			}
		}
		expect(previews[0]!.rows.length).toBeLessThan(230);
		// A second launch shows the list kept from the first, whole, and no list of files as they are read.
		const second = (await onThreads(() => runWorker(dir, {cacheRoot}))).filter(m => m.type === 'preview');
		expect(second).toHaveLength(1);
		const kept = previewOf((second[0] as {json: Uint8Array}).json)!;
		expect(kept.reading).toBeUndefined();
		expect(kept.rows).toHaveLength(230);
		// Without the cache, the files are listed as they are read on every launch.
		const again = await onThreads(() => runWorker(dir, {cache: false}));
		expect(again.filter(m => m.type === 'preview').length).toBeGreaterThanOrEqual(2);
	});

	it('reports a worker that dies as a failed analysis', async () => {
		// Under the test runner the worker's file (worker.js beside the source) does not exist: the thread
		// dies at once, as it would on any crash.
		const thread = startAnalysis('/nonexistent', {cache: false});
		const event = await new Promise<AnalysisEvent>(resolve => thread.listen(resolve));
		expect(event.type).toBe('error');
		expect(event).toMatchObject({message: expect.stringMatching(/^analysis failed: /)});
		await thread.terminate();
	});
});
