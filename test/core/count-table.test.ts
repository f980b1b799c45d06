import {describe, expect, it} from 'vitest';
import {ValueTable} from '../../source/core/count-table.js';

describe('ValueTable', () => {
	it('answers as a Map of the same 32-bit keys would, through growth and clearing', () => {
		const table = new ValueTable();
		const map = new Map<number, number>();
		let seed = 7;
		const next = () => {
			seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
			return seed;
		};
		// Edge keys, keys that collide in a small table, and random ones (some as signed ints: the same key).
		const keys = [0, 1, 2 ** 32 - 1, 2 ** 31, ...Array.from({length: 64}, (_, i) => i * 2048), ...Array.from({length: 20000}, next)];
		for (const [i, k] of keys.entries()) {
			const key = i % 3 === 0 ? k | 0 : k;
			if (i % 2) table.add(key, 2);
			else table.set(key, i);
			const u = k >>> 0;
			map.set(u, i % 2 ? (map.get(u) ?? 0) + 2 : i);
		}
		expect(table.size).toBe(map.size);
		for (const [k, v] of map) expect(table.get(k, -7)).toBe(v);
		expect(table.get(123456789, -7)).toBe(map.get(123456789) ?? -7);
		table.clear();
		expect(table.size).toBe(0);
		expect(table.get(0, -7)).toBe(-7);
		table.add(0);
		table.add(0);
		expect(table.get(0, -7)).toBe(2);
	});
});
