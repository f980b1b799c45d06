// The reading and analysing threads step behind the interface's: each lowers its own priority, never the
// process's (which would lower the interface with it).
import {writeFileSync} from 'node:fs';
import {getPriority} from 'node:os';
import {join} from 'node:path';
import {Worker} from 'node:worker_threads';
import {buildSync} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {lowerThreadPriority} from '../../source/threads/priority.js';
import {scratchDir} from '../helpers.js';

/** In a new thread: lower its priority, and answer with its thread id and the nice values it then sees. */
async function inWorker(): Promise<{lowered: boolean; tid: number; own: number; process: number}> {
	const dir = scratchDir('priority-');
	const lib = join(dir, 'priority.mjs');
	buildSync({
		entryPoints: [join(import.meta.dirname, '../../source/threads/priority.ts')],
		bundle: true,
		format: 'esm',
		platform: 'node',
		outfile: lib,
	});
	const entry = join(dir, 'entry.mjs');
	writeFileSync(
		entry,
		`import {parentPort} from 'node:worker_threads';
import {readlinkSync} from 'node:fs';
import {getPriority} from 'node:os';
import {lowerThreadPriority} from './priority.mjs';
const lowered = lowerThreadPriority(7);
const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
parentPort.postMessage({lowered, tid, own: getPriority(tid), process: getPriority(process.pid)});
`,
	);
	const worker = new Worker(entry);
	return new Promise((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
	});
}

describe('background threads', () => {
	it('lower their own priority and leave the interface thread as it was', async () => {
		const before = getPriority(process.pid);
		const seen = await inWorker();
		if (process.platform === 'linux') {
			expect(seen.lowered).toBe(true);
			expect(seen.tid).not.toBe(process.pid);
			expect(seen.own).toBe(Math.max(before, 7));
		} else expect(seen.lowered).toBe(false);
		expect(seen.process).toBe(before);
		expect(getPriority(process.pid)).toBe(before);
		// On the process's own thread it does nothing: that is the interface.
		expect(lowerThreadPriority(7)).toBe(false);
		expect(getPriority(process.pid)).toBe(before);
	});
});
