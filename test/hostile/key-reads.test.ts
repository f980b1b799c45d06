// The cache key of a file that will be skipped does not read it: a file over the byte cap is keyed by
// its size (all that decides its fate), and pipes and devices are never opened, for the key or the load.
import * as fs from 'node:fs';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {corpusKey} from '../../source/io/cache.js';
import {makeCorpus} from '../helpers.js';

const opened: string[] = [];
vi.mock('node:fs', async original => {
	const real = await original<typeof import('node:fs')>();
	const record =
		<A extends unknown[], R>(f: (...args: A) => R) =>
		(...args: A): R => {
			opened.push(String(args[0]));
			return f(...args);
		};
	return {...real, openSync: record(real.openSync), readFileSync: record(real.readFileSync)};
});

describe('the cache key', () => {
	it('opens no file that the loader will skip, and still changes when that file could stop being skipped', () => {
		const dir = makeCorpus({'small.txt': 'Small title\nA short text.\n', 'big.txt': 'x'.repeat(5000)});
		expect(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status).toBe(0);
		opened.length = 0;
		const before = corpusKey(dir, {maxBytes: 1000});
		expect(opened.filter(p => p.endsWith('small.txt'))).toHaveLength(1);
		expect(opened.filter(p => p.endsWith('big.txt') || p.endsWith('pipe.txt'))).toEqual([]);
		// Same size, other bytes: still skipped, same key. Small enough to be read: another key.
		fs.writeFileSync(join(dir, 'big.txt'), 'y'.repeat(5000));
		expect(corpusKey(dir, {maxBytes: 1000})).toBe(before);
		fs.writeFileSync(join(dir, 'big.txt'), 'Big title\nNow short.\n');
		expect(corpusKey(dir, {maxBytes: 1000})).not.toBe(before);
	});
});
