import {describe, expect, it} from 'vitest';
import {analyze} from '../../source/core/analysis.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {current, initialState, reduce, type State} from '../../source/state/app-state.js';
import {buildModel} from '../../source/state/model.js';
import {handleKey, Screens} from '../../source/ui/controller.js';
import {SEED} from '../helpers.js';

const corpus = loadCorpus(SEED);
const model = buildModel(corpus, analyze(corpus));
const screens = new Screens(model, 100, 30);
model.searcher.prepare(Number.POSITIVE_INFINITY); // the app builds it in slices after the first frame
const press = (s: State, ...keys: (string | Record<string, boolean>)[]) =>
	keys.reduce<State>((st, k) => (typeof k === 'string' ? handleKey(st, k, {}, screens) : handleKey(st, '', k, screens)), s);

describe('controller', () => {
	it('applies keys pressed faster than frames to the latest state', () => {
		const s = press(initialState, {return: true}, 'n', 'n', 'n');
		expect(current(s)).toMatchObject({view: 'reader', source: '000_3852ac365e34d611.txt', pair: 2});
	});
	it('takes a chunk of keys typed ahead as the keys one by one', () => {
		const s = press(initialState, '/tele');
		expect(current(s)).toMatchObject({view: 'search', query: 'tele'});
		expect(current(press(initialState, 'fq'))).toMatchObject({view: 'sources'});
		expect(current(press(s, '中文'))).toMatchObject({view: 'search', query: 'tele中文'});
	});
	it('opens the compare view on the current passage and steps through the pairs of those two sources', () => {
		let s = press(initialState, {return: true}, 'n', 'n', {return: true});
		expect(current(s)).toMatchObject({view: 'compare', a: '001_ceee5b9b1f5f8ff4.txt', b: '000_3852ac365e34d611.txt', index: 2});
		s = press(s, ']', ']', ']', ']', ']');
		expect(current(s)).toMatchObject({index: 5});
		s = press(s, {tab: true}, 'j');
		expect(current(s)).toMatchObject({side: 1, scroll: [0, 0]});
	});
	it('goes from a search hit to the reader at the hit, marked', () => {
		let s = press(initialState, '/', ...'zuchongzhi'.split(''));
		expect(current(s)).toMatchObject({view: 'search', query: 'zuchongzhi'});
		s = press(s, {return: true});
		const f = current(s);
		expect(f).toMatchObject({view: 'reader', source: '003_9b9e77e86f00fb38.txt'});
		if (f.view !== 'reader') throw new Error('not the reader');
		expect(corpus.sources[3]!.text.slice(...f.mark!)).toContain('Zuchongzhi 3.0');
		expect(f.top).toBeGreaterThan(0);
	});
	it('cycles the figures filter and clamps movement', () => {
		let s = press(initialState, 'f', {tab: true}, {tab: true});
		expect(current(s)).toMatchObject({view: 'figures', kind: 'percent', cursor: 0});
		s = press(s, 'G');
		expect(current(s)).toMatchObject({cursor: 2});
		s = press(s, {escape: true}, 'q');
		expect(s.quit).toBe(true);
	});
	it('leaves list keys on the sources view to the list component', () => {
		expect(press(initialState, 'j', {downArrow: true})).toBe(initialState);
		expect(reduce(initialState, {type: 'back'}).quit).toBe(true);
	});
});
