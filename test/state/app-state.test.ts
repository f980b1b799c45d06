import {describe, expect, it} from 'vitest';
import {
	back,
	compareFrame,
	contextOf,
	current,
	familiesFrame,
	figuresFrame,
	initialState,
	push,
	readerFrame,
	reduce,
	replaceTop,
	request,
	searchFrame,
	sourcesFrame,
	type State,
} from '../../source/state/app-state.js';

const views = (s: State) => s.stack.map(f => f.view);

describe('app state', () => {
	it('stacks views and goes back one at a time; back on the first view quits', () => {
		let s = push(initialState, readerFrame('a'));
		s = push(s, compareFrame('a', 2));
		expect(views(s)).toEqual(['sources', 'reader', 'compare']);
		s = back(s);
		expect(current(s)).toEqual(readerFrame('a'));
		s = back(back(s));
		expect(s.quit).toBe(true);
	});
	it('returns to an open list view instead of stacking it twice, and a search on a search is the same search', () => {
		let s = push(push(initialState, familiesFrame()), figuresFrame());
		expect(views(s)).toEqual(['sources', 'families', 'figures']);
		s = push(s, sourcesFrame());
		expect(views(s)).toEqual(['sources']);
		const searching = push(initialState, searchFrame());
		expect(push(searching, searchFrame())).toBe(searching);
	});
	it('closes what lies on top of a view before leaving it', () => {
		const s = back({...initialState, overlay: {type: 'help', top: 0}});
		expect(s.overlay).toBeNull();
		expect(s.quit).toBe(false);
	});
	it('says which keymap has the keys', () => {
		expect(contextOf(initialState)).toBe('sources');
		expect(contextOf(replaceTop(initialState, {...sourcesFrame(), typing: true}))).toBe('filter');
		const search = push(initialState, searchFrame());
		expect(contextOf(search)).toBe('search');
		expect(contextOf(replaceTop(search, {...searchFrame(), focus: 'results'}))).toBe('results');
		expect(contextOf({...search, overlay: {type: 'menu', menu: 'export', cursor: 0}})).toBe('menu');
	});
	it('queues requests for the outside world and settles them with a message', () => {
		let s = request(initialState, {type: 'copy', text: 'x', what: 'the pair'});
		s = request(s, {type: 'export', scope: {kind: 'corpus'}, format: 'md'});
		expect(s.effects.map(e => [e.id, e.type])).toEqual([
			[1, 'copy'],
			[2, 'export'],
		]);
		s = reduce(s, {type: 'settle', ids: [1], flash: 'copied'});
		expect(s.effects.map(e => e.id)).toEqual([2]);
		expect(s.flash).toBe('copied');
	});
});
