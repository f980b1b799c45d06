import {describe, expect, it} from 'vitest';
import {pairPlain} from '../../source/core/report.js';
import {back, current, initialState, type CompareFrame, type State} from '../../source/state/app-state.js';
import {decodeKeys, type KeyInfo} from '../../source/state/keys.js';
import {buildModel, readerPairs} from '../../source/state/model.js';
import {handleKeys, keepSourceSelected, Screens} from '../../source/ui/controller.js';
import {analysis, big, corpus, FAMILY, familyAnalysis, figurePair} from './fixtures.js';

const model = buildModel(corpus, analysis);
model.searcher.prepare(Number.POSITIVE_INFINITY); // the app builds it in slices after the first frame
const screens = new Screens(model, 100, 30);
const familyModel = buildModel(corpus, familyAnalysis);
familyModel.searcher.prepare(Number.POSITIVE_INFINITY);
const familyScreens = new Screens(familyModel, 100, 30);

/** Keys as Ink delivers them: a string is one input event (a burst when several characters), an object a parsed key. */
const press = (s: State, ...events: (string | KeyInfo)[]) =>
	events.reduce<State>((st, e) => handleKeys(st, typeof e === 'string' ? decodeKeys(e, {}) : decodeKeys('', e), screens), s);
const pressF = (s: State, ...events: (string | KeyInfo)[]) =>
	events.reduce<State>((st, e) => handleKeys(st, typeof e === 'string' ? decodeKeys(e, {}) : decodeKeys('', e), familyScreens), s);
/** A small terminal, where the passages and tables are longer than the screen. */
const small = new Screens(familyModel, 60, 12);
const pressSmall = (s: State, ...events: (string | KeyInfo)[]) =>
	events.reduce<State>((st, e) => handleKeys(st, typeof e === 'string' ? decodeKeys(e, {}) : decodeKeys('', e), small), s);
const ENTER = {return: true};
const ESC = {escape: true};
const TAB = {tab: true};
const SHIFT_TAB = {tab: true, shift: true};

describe('controller', () => {
	it('keeps the selected source selected when the list fills or is re-sorted under it', () => {
		// The list of a first launch, three files read, sorted by title; then all five; then the corpus compared.
		const bySort = (st: State) => ({...st, stack: [{...current(st), sort: 'title' as const, reverse: true}]}) as State;
		const listed = (n: number) => analysis.rows.slice(0, n).map(r => ({...r, reused: 0, reach: 0, copiedFrom: [], copiedBy: []}));
		const three = new Screens(buildModel(corpus, null, undefined, listed(3)), 100, 30);
		const five = new Screens(buildModel(corpus, null, undefined, listed(5)), 100, 30);
		const done = new Screens(buildModel(corpus, analysis), 100, 30);
		const selected = (st: State, sc: Screens) => {
			const f = current(st) as Extract<ReturnType<typeof current>, {view: 'sources'}>;
			return sc.model.rows[sc.order(f)[f.list.cursor]!]!.source;
		};
		// On the first of the three by title, Z to A.
		let s = bySort(initialState);
		const id = selected(s, three);
		// Left at its index, the cursor would be on another source now.
		expect(selected(s, five)).not.toBe(id);
		s = keepSourceSelected(s, three, five);
		expect(selected(s, five)).toBe(id);
		// Sorted by reuse, the compared corpus moves the rows: the selection goes with its source.
		const byReuse = {...s, stack: [{...current(s), sort: 'reused' as const, reverse: true}]} as State;
		expect(selected(byReuse, done)).not.toBe(selected(byReuse, five));
		const moved = keepSourceSelected(byReuse, five, done);
		expect(selected(moved, done)).toBe(selected(byReuse, five));
		// Nothing to move: the same state back.
		expect(keepSourceSelected(moved, done, done)).toBe(moved);
	});

	it('applies every key of a burst, in order', () => {
		expect(current(press(initialState, 'jjj'))).toMatchObject({view: 'sources', list: {cursor: 3}});
		expect(current(press(initialState, 'jjjjGk'))).toMatchObject({view: 'sources', list: {cursor: 3}});
		expect(current(press(initialState, 'jjjjjjjjjj'))).toMatchObject({list: {cursor: 4}}); // no wrap-around
		expect(current(press(initialState, 'G', 'g'))).toMatchObject({list: {cursor: 0}});
		// Typed ahead: a filter, then Enter on the one row left.
		const s = press(initialState, '/cgtn\r\r');
		expect(current(s)).toMatchObject({view: 'reader', source: '001_ceee5b9b1f5f8ff4.txt'});
	});
	it('numbers a passage alike in the reader and the compare view, and Esc goes back exactly', () => {
		const reading = press(initialState, ENTER, 'nn');
		expect(current(reading)).toMatchObject({view: 'reader', source: '000_3852ac365e34d611.txt', passage: 1});
		const comparing = press(reading, ENTER);
		expect(current(comparing)).toMatchObject({view: 'compare', source: '000_3852ac365e34d611.txt', index: 1});
		const later = press(comparing, ']]', 'jj');
		expect(current(later)).toMatchObject({index: 3});
		expect(press(later, ESC)).toEqual(reading);
		expect(back(comparing)).toEqual(reading);
	});
	it('sorts with s and S keeping the selected source, and filters with /', () => {
		let s = press(initialState, 'j'); // 001
		s = press(s, 'sssss'); // name → title → publisher → date → length → reused
		expect(current(s)).toMatchObject({sort: 'reused', reverse: false});
		const order = screens.order(current(s) as never);
		expect(model.rows[order[(current(s) as {list: {cursor: number}}).list.cursor]!]!.source).toBe('001_ceee5b9b1f5f8ff4.txt');
		s = press(s, 'S');
		expect(current(s)).toMatchObject({sort: 'reused', reverse: true});
		s = press(s, '/china 2026');
		expect(current(s)).toMatchObject({typing: true, filter: {text: 'china 2026'}});
		expect(screens.order(current(s) as never)).toHaveLength(3);
		s = press(s, ENTER);
		expect(current(s)).toMatchObject({typing: false, filter: {text: 'china 2026'}});
		s = press(s, ESC); // Esc clears the filter before it leaves the view
		expect(current(s)).toMatchObject({view: 'sources', filter: {text: ''}});
		expect(s.quit).toBe(false);
		expect(press(s, ESC).quit).toBe(true);
	});
	it('edits the query with readline keys; ? and q are characters there', () => {
		let s = press(initialState, {ctrl: true}, 'f');
		s = press(initialState, '\x06'); // ctrl-f, as a character in a burst
		expect(current(s)).toMatchObject({view: 'search'});
		s = press(s, 'long march rocket?');
		expect(current(s)).toMatchObject({query: {text: 'long march rocket?'}});
		s = press(s, '\x17'); // ctrl-w
		expect(current(s)).toMatchObject({query: {text: 'long march '}});
		s = handleKeys(s, decodeKeys('b', {meta: true}), screens); // alt-b
		expect(current(s)).toMatchObject({query: {caret: 5}});
		s = press(s, '\x01q\x05'); // ctrl-a, q, ctrl-e
		expect(current(s)).toMatchObject({query: {text: 'qlong march ', caret: 12}});
		s = press(s, '\x7f\x7f\x7f\x7f\x7f\x7f'); // a burst of backspaces
		expect(current(s)).toMatchObject({query: {text: 'qlong '}});
		s = press(s, '\x15Tianwen 2'); // ctrl-u, then a phrase with a one-character word
		expect(current(s)).toMatchObject({query: {text: 'Tianwen 2'}});
		expect(screens.hits('Tianwen 2').length).toBeGreaterThan(0);
		s = press(s, TAB, 'j');
		expect(current(s)).toMatchObject({focus: 'results', list: {cursor: 1}});
		s = press(s, ENTER);
		expect(current(s)).toMatchObject({view: 'reader', mark: expect.any(Array)});
	});
	it('scrolls both sides of the compare view together, or each on its own', () => {
		let s = pressSmall(initialState, 'c');
		expect(current(s)).toMatchObject({view: 'compare', locked: true, pane: 0});
		s = pressSmall(s, TAB, TAB);
		expect(current(s)).toMatchObject({pane: 2});
		s = pressSmall(s, SHIFT_TAB);
		expect(current(s)).toMatchObject({pane: 1});
		s = pressSmall(s, 'jj');
		expect((current(s) as CompareFrame).scroll).toEqual([2, 0]);
		// Free scrolling starts where the lined-up view was, each side at its own line; then only B moves.
		s = pressSmall(s, 'l');
		const start = (current(s) as CompareFrame).scroll;
		expect(current(s)).toMatchObject({locked: false});
		s = pressSmall(s, 'j');
		expect((current(s) as CompareFrame).scroll).toEqual([start[0], start[1] + 1]);
		s = pressSmall(s, 'l');
		expect(current(s)).toMatchObject({locked: true});
	});
	it('cycles the kind of figure both ways, and picks it from a menu', () => {
		let s = press(initialState, '3', TAB, TAB);
		expect(current(s)).toMatchObject({view: 'figures', kind: 'percent'});
		s = press(s, SHIFT_TAB);
		expect(current(s)).toMatchObject({kind: 'money'});
		s = press(s, 't');
		expect(s.overlay).toMatchObject({type: 'menu', menu: 'kind', cursor: 1});
		s = press(s, 'jj', ENTER);
		expect(s.overlay).toBeNull();
		expect(current(s)).toMatchObject({kind: 'count'});
		s = press(s, 'O', '2'); // the sort menu, item 2
		expect(current(s)).toMatchObject({sort: 'value'});
	});
	it('copies the pair on screen and asks for a report through the export menu', () => {
		let s = press(initialState, 'c', 'y');
		const pair = readerPairs(model, '000_3852ac365e34d611.txt')[0]!;
		expect(s.effects).toEqual([{id: 1, type: 'copy', text: pairPlain(corpus, pair), what: 'the pair'}]);
		s = press(s, 'x');
		expect(s.overlay).toMatchObject({type: 'menu', menu: 'export'});
		s = press(s, 'j', ENTER); // this pair as HTML
		expect(s.effects[1]).toEqual({
			id: 2,
			type: 'export',
			scope: {kind: 'pair', source: '000_3852ac365e34d611.txt', index: 0},
			format: 'html',
		});
		s = press(s, 'o');
		expect(s.effects[2]).toMatchObject({type: 'open', program: 'pager', source: pair.a.source, offset: pair.a.start});
	});
	it('answers “who else carries this?” from the reader, and compares a member with the origin', () => {
		// The reader of 000 at the passage of the family's second member.
		const pairs = readerPairs(familyModel, figurePair.b.source);
		const index = pairs.findIndex(p => p.family === FAMILY);
		let s = pressF(initialState, ENTER, ...Array(index + 1).fill('n'));
		expect(current(s)).toMatchObject({view: 'reader', passage: index});
		s = pressF(s, 'w');
		expect(current(s)).toMatchObject({view: 'family', id: FAMILY, list: {cursor: 1}});
		s = pressF(s, ENTER);
		expect(current(s)).toMatchObject({view: 'compare', source: figurePair.b.source, index});
		s = pressF(s, ESC, 'j', ENTER); // the third member, whose only pair is against the origin
		const f = current(s) as CompareFrame;
		expect(readerPairs(familyModel, f.source)[f.index]).toMatchObject({family: FAMILY, b: {source: '004_6d8c507b6052882a.txt'}});
		s = pressF(s, ESC, 'g', ENTER); // the origin itself: its passage in the reader
		expect(current(s)).toMatchObject({view: 'reader', source: figurePair.a.source});
	});
	it('opens the families view sorted by reach, and a family from it', () => {
		let s = pressF(initialState, '2');
		expect(current(s)).toMatchObject({view: 'families', sort: 'reach'});
		s = pressF(s, ENTER);
		expect(current(s)).toMatchObject({view: 'family', id: FAMILY});
		s = pressSmall(s, TAB, 'j');
		expect(current(s)).toMatchObject({pane: 'figures', figTop: 1});
		s = pressSmall(s, SHIFT_TAB, 'j');
		expect(current(s)).toMatchObject({pane: 'members', list: {cursor: 1}});
	});
	it('lists the warnings from loading', () => {
		const s = press(initialState, '!');
		expect(current(s)).toMatchObject({view: 'warnings'});
		expect(screens.warnings().length).toBe(corpus.warnings.length + corpus.sources.reduce((t, x) => t + x.warnings.length, 0));
	});
	it('does no work proportional to the corpus for a key that moves the cursor (100,000 sources)', () => {
		const many = big(100_000);
		const m = buildModel(many.corpus, many.analysis);
		const sc = new Screens(m, 120, 38);
		let s = handleKeys(initialState, decodeKeys('G', {}), sc); // the first key sorts the list once
		const started = performance.now();
		for (let i = 0; i < 2000; i++) s = handleKeys(s, decodeKeys(i % 2 ? 'k' : '\x04', {}), sc); // k, ctrl-d
		const perKey = (performance.now() - started) / 2000;
		expect(current(s)).toMatchObject({view: 'sources'});
		expect(perKey).toBeLessThan(0.5); // milliseconds
	});
});
