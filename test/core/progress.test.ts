// The progress a long load or analysis reports, for the explorer's loading line and status line.
import {describe, expect, it} from 'vitest';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {findReuse} from '../../source/core/reuse.js';
import {makeCorpus, SEED} from '../helpers.js';

type Call = [string, number, number];

describe('progress', () => {
	it('counts the files read, up to all of them', () => {
		const files = Object.fromEntries(Array.from({length: 150}, (_, i) => [`f${i}.txt`, `Story ${i}\nThe council met on day ${i}.`]));
		const calls: Call[] = [];
		loadCorpus(makeCorpus(files), {onProgress: (...c) => calls.push(c)});
		expect(calls.length).toBeGreaterThan(2);
		expect(calls.every(([stage, , total]) => stage === 'reading files' && total === 150)).toBe(true);
		expect(calls.map(c => c[1])).toEqual([...calls.map(c => c[1])].sort((a, b) => a - b));
		expect(calls.at(-1)).toEqual(['reading files', 150, 150]);
	});

	it('goes through the stages of reuse detection in order, each to its end', () => {
		const {sources} = loadCorpus(SEED);
		const calls: Call[] = [];
		const {pairs} = findReuse(sources, {onProgress: (...c) => calls.push(c)});
		expect(pairs.length).toBeGreaterThan(0);
		const stages = calls.map(c => c[0]).filter((s, i, all) => s !== all[i - 1]);
		expect(stages).toEqual([
			'comparing sentences',
			'scoring candidate pairs',
			'lining up passages',
			'finding translations',
			'building families',
		]);
		expect(calls.find(c => c[0] === 'comparing sentences' && c[1] === c[2])).toEqual([
			'comparing sentences',
			sources.length,
			sources.length,
		]);
		const scored = calls.filter(c => c[0] === 'scoring candidate pairs').at(-1)!;
		expect(scored[1]).toBe(scored[2]);
		expect(scored[2]).toBeGreaterThan(0);
	});
});
