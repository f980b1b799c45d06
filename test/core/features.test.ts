import {describe, expect, it} from 'vitest';
import {type FeatureTable, featureRows, featureTable} from '../../source/core/features.js';
import {buildSource} from '../../source/core/source.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {SEED} from '../helpers.js';

/** A table as plain values, to compare two tables whatever buffers they live in. */
const plain = (t: FeatureTable) => ({
	rows: featureRows(t).map(f => [f.sentence, f.words, [...f.feats], [...f.figureMask], [...f.shingles], [...f.anchors], f.dates]),
	repeatKeys: [...t.repeatKeys],
});

describe('featureTable', () => {
	// The tables are filled in arrays reused from source to source: a table must not share them.
	it('gives each source a table of its own, the same whatever was read before it', () => {
		const sources = loadCorpus(SEED).sources;
		const alone = sources.map(s => plain(featureTable(s)));
		const tables = sources.map(s => featureTable(s));
		for (const s of [...sources].reverse()) featureTable(s);
		expect(tables.map(plain)).toEqual(alone);
		for (let i = 0; i < tables.length; i++)
			for (let j = i + 1; j < tables.length; j++) expect(tables[i]!.feats.buffer).not.toBe(tables[j]!.feats.buffer);
		// Every seed article has features, and a figure's key is marked as one.
		for (const t of tables) expect(t.feats.length).toBeGreaterThan(0);
		expect(tables.some(t => t.figureMask.includes(1))).toBe(true);
	});
	it('keeps a row per content sentence of four words or more, its offsets in step', () => {
		const source = loadCorpus(SEED).sources[1]!;
		const t = featureTable(source);
		const n = t.sentence.length;
		expect(t.featStart[n]).toBe(t.feats.length);
		expect(t.shingleStart[n]).toBe(t.shingles.length);
		expect(t.anchorStart[n]).toBe(t.anchors.length);
		for (let r = 0; r < n; r++) {
			expect(source.sentences[t.sentence[r]!]!.boilerplate).toBe(false);
			expect(t.words[r]).toBeGreaterThanOrEqual(4);
			const feats = t.feats.subarray(t.featStart[r]!, t.featStart[r + 1]!);
			expect([...feats]).toEqual([...new Set(feats)].sort((a, b) => a - b));
		}
	});
});

describe('number anchors', () => {
	const anchorsOf = (sentence: string) => {
		const s = buildSource('a.txt', Buffer.from(`${sentence}\n`), {});
		return featureRows(featureTable(s)).flatMap(r => [...r.anchors]);
	};
	it('reads thousands set apart by one space as one number, as with a comma', () => {
		const comma = anchorsOf('The port handled 25,050 tonnes and 1,650 boxes in the first ten months of the year.');
		for (const space of [' ', '\u00a0', '\u202f', '\u2009'])
			expect(anchorsOf(`The port handled 25${space}050 tonnes and 1${space}650 boxes in the first ten months of the year.`)).toEqual(comma);
		expect(anchorsOf('The port handled 12 345 678 tonnes in the first ten months of the last year.')).toEqual(
			anchorsOf('The port handled 12,345,678 tonnes in the first ten months of the last year.'),
		);
	});
	it('keeps numbers apart that are not one number', () => {
		// A year before a count, two spaces, a group of two digits, a date: two anchors each.
		for (const sentence of [
			'The port handled in 2021 300 more ships than in the year before it.',
			'The port handled 25  050 tonnes in the first ten months of the year.',
			'The port handled 25 05 tonnes in the first ten months of the year.',
			'The port opened on 25 May with ships from the north of the country.',
		])
			expect(anchorsOf(sentence), sentence).toHaveLength(2);
	});
});
