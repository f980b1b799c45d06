// The analysis thread's failure paths: the worker reports what went wrong as an event, and a worker that
// dies is reported too, in one line, rather than leaving the explorer waiting.
import {join} from 'node:path';
import {Worker} from 'node:worker_threads';
import {describe, expect, it} from 'vitest';
import {type AnalysisEvent, startAnalysis} from '../../source/threads/analysis-thread.js';
import type {WorkerMessage, WorkerRequest} from '../../source/threads/worker.js';
import {parseChunks} from '../../source/core/chunks.js';
import type {Preview} from '../../source/io/cache.js';
import {CLI, makeCorpus, scratchDir} from '../helpers.js';

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
		const preview = second.find(m => m.type === 'preview')!;
		const rows = (JSON.parse(new TextDecoder().decode((preview as {json: Uint8Array}).json)) as Preview).rows;
		expect(rows.map(r => r.source)).toEqual(['a.txt', 'b.txt', 'c.txt']);
		// The reuse sent from the cache's lines is the reuse the first launch found and sent.
		const reuseOf = async (ms: WorkerMessage[]) => {
			const r = ms.find(m => m.type === 'reuse') as Extract<WorkerMessage, {type: 'reuse'}>;
			return {families: await parseChunks(r.families), pairs: await parseChunks(r.pairs)};
		};
		const [a, b] = await Promise.all([reuseOf(first), reuseOf(second)]);
		expect(b).toEqual(a);
		expect(a.pairs.length).toBe(1);
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
