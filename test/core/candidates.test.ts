import {describe, expect, it} from 'vitest';
import {candidatePairs as pairsFrom, GROUP_LINKS, RARE_GROUP, SCAN_CAP, type Shingles} from '../../source/core/candidates.js';
import {ValueTable} from '../../source/core/count-table.js';

const sh = (...xs: number[]) => Uint32Array.from(xs);
/** Shingles laid end to end from one array per unit. */
function shinglesOf(list: Uint32Array[]): Shingles {
	const start = new Int32Array(list.length + 1);
	for (const [i, x] of list.entries()) start[i + 1] = start[i]! + x.length;
	const hashes = new Uint32Array(start[list.length]!);
	for (const [i, x] of list.entries()) hashes.set(x, start[i]!);
	return {start, hashes};
}
/** Candidates from one array of shingles per unit. */
const candidatePairs = (units: Uint32Array[], group: Int32Array) => pairsFrom(shinglesOf(units), group);
const pairsOf = (c: {u: Int32Array; v: Int32Array}) => [...c.u].map((u, i) => [u, c.v[i]!]);
/** Units 0..n-1, each in its own source unless told. */
const groups = (n: number, of: (i: number) => number = i => i) => Int32Array.from({length: n}, (_, i) => of(i));

/** `count` filler units that all carry shingle `h` (making it common), each in its own source. */
const fillers = (count: number, h: number) => Array.from({length: count}, (_, i) => sh(h, 1_000_000 + i));

describe('candidate pairs', () => {
	it('pairs two sentences that share one rare shingle', () => {
		expect(pairsOf(candidatePairs([sh(1, 2), sh(3, 2)], groups(2)))).toEqual([[0, 1]]);
	});

	it('needs two shared shingles once a shingle is common, and one is not enough', () => {
		const common = 7;
		const other = 8;
		// Units 0 and 1 share two common shingles; unit 2 shares only one of them with each.
		const units = [
			sh(common, other, 100),
			sh(common, other, 200),
			sh(common, 300),
			...fillers(RARE_GROUP * 2, common),
			...fillers(RARE_GROUP * 2, other),
		];
		const pairs = pairsOf(candidatePairs(units, groups(units.length)));
		expect(pairs).toContainEqual([0, 1]);
		expect(pairs).not.toContainEqual([0, 2]);
		expect(pairs).not.toContainEqual([1, 2]);
	});

	it('counts a shingle repeated inside one sentence once', () => {
		const common = 7;
		const units = [sh(common, common, 100), sh(common, common, 200), ...fillers(RARE_GROUP * 2, common)];
		expect(pairsOf(candidatePairs(units, groups(units.length)))).not.toContainEqual([0, 1]);
	});

	it('never pairs two sentences of one source', () => {
		expect(
			pairsOf(
				candidatePairs(
					[sh(1, 2), sh(1, 2), sh(1, 2)],
					groups(3, i => (i < 2 ? 0 : 1)),
				),
			),
		).toEqual([
			[0, 2],
			[1, 2],
		]);
	});

	it('links each member of a large group only to its first few, and ignores set phrases', () => {
		const copies = 40;
		const units = Array.from({length: copies}, () => sh(5, 6));
		const pairs = pairsOf(candidatePairs(units, groups(copies)));
		for (let v = 1; v < copies; v++) expect(pairs.filter(([, b]) => b === v).length).toBe(Math.min(v, GROUP_LINKS));
		const phrase = Array.from({length: SCAN_CAP + 1}, () => sh(9));
		expect(candidatePairs(phrase, groups(phrase.length)).u.length).toBe(0);
	});

	it('gives pairs sorted by first then second unit, each once', () => {
		const units = Array.from({length: 30}, (_, i) => sh(i % 3, (i % 3) + 10, i % 2));
		const pairs = pairsOf(candidatePairs(units, groups(30)));
		const sorted = [...pairs].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
		expect(pairs).toEqual(sorted);
		expect(new Set(pairs.map(p => p.join())).size).toBe(pairs.length);
		for (const [u, v] of pairs) expect(u).toBeLessThan(v!);
	});

	it('is the same whatever the hashes (0 and 2^32 - 1 included)', () => {
		const units = [sh(0, 0xffffffff), sh(0xffffffff, 0), sh(0x80000000, 0)];
		expect(pairsOf(candidatePairs(units, groups(3)))).toEqual([
			[0, 1],
			[0, 2],
			[1, 2],
		]);
	});
});

describe('value table as a counter', () => {
	it('counts any 32-bit key and grows past its first size', () => {
		const t = new ValueTable();
		const keys = [0, 1, 0xffffffff, 0x80000000, 0, 0xffffffff, ...Array.from({length: 5000}, (_, i) => ((i * 2654435761) % 7919) >>> 0)];
		const want = new Map<number, number>();
		for (const k of keys) {
			t.add(k);
			want.set(k, (want.get(k) ?? 0) + 1);
		}
		for (const [k, c] of want) expect(t.get(k, 0)).toBe(c);
		expect(t.get(0xffffffff, 0)).toBe(2);
		expect(t.get(-1, 0)).toBe(2);
		expect(t.get(123_456_789, 0)).toBe(0);
		expect(t.size).toBe(want.size);
	});
});
