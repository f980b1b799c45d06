import {describe, expect, it} from 'vitest';
import {clampList, follow, listStart, moveList, type ListPos, type Motion} from '../../source/state/list.js';

const go = (pos: ListPos, length: number, rows: number, ...motions: Motion[]) =>
	motions.reduce((p, m) => moveList(p, m, length, rows), pos);

describe('list position', () => {
	it('stops at the ends instead of wrapping around', () => {
		expect(go(listStart, 5, 10, 'up')).toEqual({cursor: 0, top: 0});
		expect(go(listStart, 5, 10, 'down', 'down', 'down', 'down', 'down', 'down')).toEqual({cursor: 4, top: 0});
	});
	it('goes to the first and last rows', () => {
		expect(go(listStart, 100, 10, 'bottom')).toEqual({cursor: 99, top: 90});
		expect(go({cursor: 50, top: 45}, 100, 10, 'top')).toEqual({cursor: 0, top: 0});
	});
	it('pages by a screen less one row, and by half a screen, the window moving with the cursor', () => {
		let p = go(listStart, 100, 10, 'pageDown');
		expect(p).toEqual({cursor: 9, top: 9});
		p = go(p, 100, 10, 'pageDown');
		expect(p).toEqual({cursor: 18, top: 18});
		p = go(p, 100, 10, 'pageUp');
		expect(p).toEqual({cursor: 9, top: 9});
		expect(go(listStart, 100, 10, 'halfDown')).toEqual({cursor: 5, top: 5});
		expect(go({cursor: 5, top: 5}, 100, 10, 'halfUp')).toEqual({cursor: 0, top: 0});
		// Paging past the end stops on the last row, the last page full.
		expect(go({cursor: 95, top: 90}, 100, 10, 'pageDown')).toEqual({cursor: 99, top: 90});
		expect(go({cursor: 3, top: 0}, 100, 10, 'pageUp')).toEqual({cursor: 0, top: 0});
	});
	it('scrolls only when the cursor would leave the screen', () => {
		let p = go(listStart, 100, 10, 'down', 'down', 'down');
		expect(p).toEqual({cursor: 3, top: 0});
		p = go(p, 100, 10, ...Array<Motion>(7).fill('down'));
		expect(p).toEqual({cursor: 10, top: 1});
		p = go(p, 100, 10, 'up');
		expect(p).toEqual({cursor: 9, top: 1});
	});
	it('keeps a position valid when the list shrinks or the screen does', () => {
		expect(clampList({cursor: 50, top: 45}, 10, 5)).toEqual({cursor: 9, top: 5});
		expect(clampList({cursor: 3, top: 0}, 0, 5)).toEqual(listStart);
		expect(follow(0, 20, 10, 100)).toBe(11);
		expect(follow(50, 20, 10, 100)).toBe(20);
		expect(follow(95, 99, 10, 100)).toBe(90);
	});
	it('does constant work per key on a list of 100,000 rows', () => {
		const started = performance.now();
		let p = listStart;
		for (let i = 0; i < 100_000; i++) p = moveList(p, i % 3 ? 'down' : 'pageDown', 100_000, 40);
		expect(p.cursor).toBe(99_999);
		expect(performance.now() - started).toBeLessThan(500);
	});
});
