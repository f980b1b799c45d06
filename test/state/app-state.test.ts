import {describe, expect, it} from 'vitest';
import {current, initialState, moveBy, reduce, type State} from '../../source/state/app-state.js';

const push = (s: State, frame: Parameters<typeof reduce>[1] & {type: 'push'}) => reduce(s, frame);

describe('app reducer', () => {
	it('stacks views and goes back one at a time; back on home quits', () => {
		let s = push(initialState, {type: 'push', frame: {view: 'reader', source: 'a', top: 0, pair: null, mark: null}});
		s = push(s, {type: 'push', frame: {view: 'search', query: '', cursor: 0}});
		expect(s.stack.map(f => f.view)).toEqual(['sources', 'reader', 'search']);
		s = reduce(s, {type: 'back'});
		expect(current(s).view).toBe('reader');
		s = reduce(reduce(s, {type: 'back'}), {type: 'back'});
		expect(s.quit).toBe(true);
	});
	it('closes help before going back', () => {
		const s = reduce(reduce(initialState, {type: 'help'}), {type: 'back'});
		expect(s.help).toBe(false);
		expect(s.quit).toBe(false);
	});
	it('does not stack a search on a search', () => {
		const s = push(initialState, {type: 'push', frame: {view: 'search', query: 'x', cursor: 0}});
		expect(push(s, {type: 'push', frame: {view: 'search', query: '', cursor: 0}})).toBe(s);
	});
	it('edits the query by characters, resetting the cursor', () => {
		let s = push(initialState, {type: 'push', frame: {view: 'search', query: '', cursor: 0}});
		for (const ch of ['c', 'n', '🚀']) s = reduce(s, {type: 'type', text: ch});
		s = reduce(s, {type: 'move', by: 3, max: 10});
		expect(current(s)).toMatchObject({query: 'cn🚀', cursor: 3});
		s = reduce(s, {type: 'erase'});
		expect(current(s)).toMatchObject({query: 'cn', cursor: 0});
		expect(reduce(initialState, {type: 'type', text: 'x'})).toBe(initialState);
	});
	it('clamps movement to the list or text', () => {
		let s = reduce(initialState, {type: 'move', by: 10, max: 4});
		expect(current(s)).toMatchObject({cursor: 4});
		s = reduce(s, {type: 'move', by: -100, max: 4});
		expect(current(s)).toMatchObject({cursor: 0});
		let c = push(initialState, {type: 'push', frame: {view: 'compare', a: 'a', b: 'b', index: 0, scroll: [0, 0], side: 1}});
		c = reduce(c, {type: 'move', by: 5, max: 3});
		expect(current(c)).toMatchObject({scroll: [0, 3]});
	});
	it('turns movement commands into distances', () => {
		expect(moveBy('down', 20)).toBe(1);
		expect(moveBy('pageUp', 20)).toBe(-19);
		expect(moveBy('bottom', 20)).toBeGreaterThan(1e9);
		expect(moveBy('open', 20)).toBeNull();
	});
});
