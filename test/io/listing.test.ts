// The sources list a first launch draws while its files are read: told as it grows, from the top.
import {describe, expect, it} from 'vitest';
import type {SourceRow} from '../../source/core/analysis.js';
import {listing, ROWS_GROWTH} from '../../source/io/read-parallel.js';

const row = (i: number): SourceRow => ({
	source: `f${i}.txt`,
	title: `T${i}`,
	publisher: null,
	date: null,
	words: 10,
	passages: 1,
	reused: 0,
	figures: 0,
	copiedFrom: [],
	copiedBy: [],
	reach: 0,
});
const batch = (b: number, size = 4) => Array.from({length: size}, (_, i) => row(b * size + i));

describe('the list of files as they are read', () => {
	it('is told from the first batch on, in corpus order, never with a batch before it missing', () => {
		const told: string[][] = [];
		const take = listing(8, rows => told.push(rows.map(r => r.source)));
		// The threads give batches back out of order.
		for (const b of [1, 0, 3, 2, 5, 4, 7, 6]) take(b, batch(b));
		expect(told.length).toBeGreaterThan(1);
		for (const list of told) expect(list).toEqual(Array.from({length: list.length}, (_, i) => `f${i}.txt`));
		// Each time at least twice as long as the last, and nothing before the first batch is back.
		for (let k = 1; k < told.length; k++) expect(told[k]!.length).toBeGreaterThanOrEqual(told[k - 1]!.length * ROWS_GROWTH);
		expect(told[0]).toHaveLength(8); // batch 1 alone waited for batch 0
	});

	it('says nothing for batches of skipped files only, and nothing without a listener', () => {
		const told: number[] = [];
		const take = listing(3, rows => told.push(rows.length));
		take(0, []);
		take(1, []);
		expect(told).toEqual([]);
		take(2, batch(2));
		expect(told).toEqual([4]);
		expect(() => listing(2)(0, batch(0))).not.toThrow();
	});
});
