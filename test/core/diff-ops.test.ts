import {describe, expect, it} from 'vitest';
import {lineUpGroups, wordOps} from '../../source/core/diff-ops.js';
import type {Pair} from '../../source/core/types.js';

const marked = (text: string, marks: {start: number; end: number; kind: string}[]) =>
	marks.map(m => `${m.kind}:${text.slice(m.start, m.end)}`);

describe('word differences in three kinds', () => {
	it('marks words changed on both sides, and words only one side has', () => {
		const a = 'The index places China 10th globally for the first time.';
		const b = 'The index ranked China tenth globally for the first time, a record.';
		const ops = wordOps(a, b);
		expect(marked(a, ops.a)).toEqual(['changed:places', 'changed:10th']);
		expect(marked(b, ops.b)).toEqual(['changed:ranked', 'changed:tenth', 'only:a record']);
	});
	it('leaves text both share unmarked, whatever its case, quotes or dashes', () => {
		const ops = wordOps('“Top‑100” clusters', '"top-100" Clusters');
		expect(ops).toEqual({a: [], b: []});
	});
	it('marks a dropped stretch as only in the origin', () => {
		const a = 'China leads the world, and has the second-largest brand value at $1.81 trillion.';
		const b = 'China leads the world.';
		expect(marked(a, wordOps(a, b).a)).toEqual(['only:and has the second-largest brand value at $1.81 trillion']);
	});
});

describe('lining up a pair sentence by sentence', () => {
	const pair = (parts: [number, number][]): Pair =>
		({
			kind: 'near',
			parts: parts.map(([a, b]) => ({a, b, similarity: 0.9, kind: 'near'})),
		}) as unknown as Pair;
	it('groups aligned sentences, and puts unaligned stretches between them', () => {
		const groups = lineUpGroups(
			pair([
				[10, 20],
				[12, 21],
			]),
			[10, 11, 12, 13],
			[19, 20, 21],
		);
		expect(groups).toEqual([
			{a: [], b: [19], kind: null},
			{a: [10], b: [20], kind: 'near'},
			{a: [11], b: [], kind: null},
			{a: [12], b: [21], kind: 'near'},
			{a: [13], b: [], kind: null},
		]);
	});
	it('keeps a sentence split in two (or two merged in one) in one group', () => {
		expect(
			lineUpGroups(
				pair([
					[5, 7],
					[5, 8],
					[6, 9],
				]),
				[5, 6],
				[7, 8, 9],
			),
		).toEqual([
			{a: [5], b: [7, 8], kind: 'near'},
			{a: [6], b: [9], kind: 'near'},
		]);
	});
	it('shows a sentence once when alignments cross', () => {
		const groups = lineUpGroups(
			pair([
				[1, 6],
				[2, 5],
			]),
			[1, 2],
			[5, 6],
		);
		expect(groups.flatMap(g => g.b)).toEqual([5, 6]);
		expect(groups.flatMap(g => g.a)).toEqual([1, 2]);
	});
	it('shows both sides whole when the pair has no sentence alignments', () => {
		expect(lineUpGroups(pair([]), [1, 2], [3])).toEqual([{a: [1, 2], b: [3], kind: 'near'}]);
	});
});
