// The pool gives each worker more than one task at a time (DEPTH): every answer must still reach the task that
// asked, whichever worker took it, and a worker that fails must fail every task it holds.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {Pool} from '../../source/threads/pool.js';
import {scratchDir} from '../helpers.js';

/** A worker that answers each task with the task doubled, after work that takes longer for larger tasks; -1 makes it throw. */
function workerFile(): URL {
	const file = join(scratchDir('pool-'), 'double.mjs');
	writeFileSync(
		file,
		`import {parentPort} from 'node:worker_threads';
parentPort.on('message', n => {
	if (n === -1) throw new Error('asked to fail');
	let x = 0;
	for (let i = 0; i < (n % 7) * 200000; i++) x += i;
	parentPort.postMessage({n, doubled: n * 2, x: x >= 0});
});
`,
	);
	return pathToFileURL(file);
}

/** A worker that answers each task with the task doubled and the id of its thread. */
function threadFile(): URL {
	const file = join(scratchDir('pool-'), 'thread.mjs');
	writeFileSync(
		file,
		`import {parentPort, threadId} from 'node:worker_threads';
parentPort.on('message', n => parentPort.postMessage({n, doubled: n * 2, thread: threadId}));
`,
	);
	return pathToFileURL(file);
}

describe('the pool of threads', () => {
	it('gives a worker its next task before it answers the one it is on', async () => {
		// The worker, on its first task, waits until a second one is in its queue (or 2 s pass) and says which.
		const file = join(scratchDir('pool-'), 'peek.mjs');
		writeFileSync(
			file,
			`import {parentPort, receiveMessageOnPort} from 'node:worker_threads';
parentPort.on('message', n => {
	const until = Date.now() + 2000;
	let next;
	while (!next && Date.now() < until) next = receiveMessageOnPort(parentPort);
	parentPort.postMessage({n, queued: next ? next.message : null});
	if (next) parentPort.postMessage({n: next.message, queued: null});
});
`,
		);
		const pool = new Pool<number, {n: number; queued: number | null}>(pathToFileURL(file), 1);
		try {
			const answers = await Promise.all([1, 2].map(n => pool.run(n)));
			expect(answers).toEqual([
				{n: 1, queued: 2},
				{n: 2, queued: null},
			]);
		} finally {
			await pool.close();
		}
	});

	it('sends a task to every worker once, after the others, and each worker takes tasks again after', async () => {
		const pool = new Pool<number, {n: number; doubled: number; thread: number}>(threadFile(), 3);
		try {
			await Promise.all(Array.from({length: 9}, (_, i) => pool.run(i)));
			const told = await pool.broadcast<number, {doubled: number; thread: number}>(5);
			expect(told.map(a => a.doubled)).toEqual([10, 10, 10]);
			// One answer from each thread, not three from whichever was free first.
			expect(new Set(told.map(a => a.thread)).size).toBe(3);
			expect((await Promise.all([1, 2, 3, 4].map(n => pool.run(n)))).map(a => a.doubled)).toEqual([2, 4, 6, 8]);
		} finally {
			await pool.close();
		}
	});

	it('answers every task with its own answer, in any order of finishing', async () => {
		const pool = new Pool<number, {n: number; doubled: number}>(workerFile(), 2);
		try {
			const tasks = Array.from({length: 40}, (_, i) => i);
			const answers = await Promise.all(tasks.map(n => pool.run(n)));
			expect(answers.map(a => a.n)).toEqual(tasks);
			expect(answers.map(a => a.doubled)).toEqual(tasks.map(n => n * 2));
		} finally {
			await pool.close();
		}
	});

	it('fails the tasks a failed worker held and the tasks still queued', async () => {
		const pool = new Pool<number, {n: number}>(workerFile(), 1);
		try {
			const results = await Promise.allSettled([pool.run(-1), pool.run(5), pool.run(6)]);
			expect(results.map(r => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
			await expect(pool.run(1)).rejects.toThrow('asked to fail');
		} finally {
			await pool.close();
		}
	});
});

describe('a worker that ends while it holds tasks', () => {
	it('fails them all, even when it ends without an error', async () => {
		const file = join(scratchDir('pool-'), 'quits.mjs');
		writeFileSync(file, `import {parentPort} from 'node:worker_threads';\nparentPort.on('message', () => process.exit(0));\n`);
		const pool = new Pool<number, number>(pathToFileURL(file), 1);
		try {
			const results = await Promise.allSettled([pool.run(1), pool.run(2), pool.run(3)]);
			expect(results.map(r => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
		} finally {
			await pool.close();
		}
	});
});
