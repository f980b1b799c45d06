import {describe, expect, it} from 'vitest';
import {buildModel, familyAt, familiesOf, listOrder, memberPair, readerPairs, SHORT_MAX, shortNames} from '../../source/state/model.js';
import {analysis, bigCorpus, corpus, FAMILY, familyAnalysis, figurePair, SMALL_FAMILY, wipoFamily} from '../ui/fixtures.js';

const model = buildModel(corpus, familyAnalysis);
const ids = (order: number[]) => order.map(i => model.rows[i]!.source.slice(0, 3));

describe('model', () => {
	it('sorts the sources by each key, largest first where that is natural, and reverses', () => {
		const q = {list: 'sources' as const, reverse: false, filter: ''};
		expect(ids(listOrder(model, {...q, sort: 'name'}))).toEqual(['000', '001', '002', '003', '004']);
		expect(ids(listOrder(model, {...q, sort: 'reused'})).slice(0, 2)).toEqual(['000', '001']);
		expect(ids(listOrder(model, {...q, sort: 'reused', reverse: true})).slice(-2)).toEqual(['001', '000']);
		expect(ids(listOrder(model, {...q, sort: 'date'}))[0]).toBe('001');
		expect(ids(listOrder(model, {...q, sort: 'length'}))[0]).toBe('003');
		expect(ids(listOrder(model, {...q, sort: 'publisher'})).at(-1)).toBe('004'); // no publisher: last
		expect(ids(listOrder(model, {...q, sort: 'title'}))[0]).toBe('001'); // "CGTN: …"
	});
	it('filters by every word typed, in file name, title, publisher and date', () => {
		const q = {list: 'sources' as const, sort: 'name' as const, reverse: false};
		expect(ids(listOrder(model, {...q, filter: 'cgtn'}))).toEqual(['001']);
		expect(ids(listOrder(model, {...q, filter: 'china 2026'}))).toEqual(['000', '001', '004']);
		expect(ids(listOrder(model, {...q, filter: 'CHINA   2026-02'}))).toEqual(['000', '001']);
		expect(listOrder(model, {...q, filter: 'zzz'})).toEqual([]);
	});
	it('narrows the last filter as typing goes on, and starts over when it is edited back', () => {
		const many = buildModel(bigCorpus(20_000), null);
		const q = {list: 'sources' as const, sort: 'name' as const, reverse: false};
		// What a plain scan of every row finds: the narrowed result must be the same.
		const scan = (words: string[]) =>
			many.rows.flatMap((r, i) => (words.every(w => `${r.source} ${r.title}`.toLowerCase().includes(w)) ? [i] : []));
		for (const filter of ['item 1', 'item 19', 'item 199', 'item 199 9', 'item 2', 'ITEM', 'item 7 doc-b'])
			expect(
				[...listOrder(many, {...q, filter})].sort((a, b) => a - b),
				filter,
			).toEqual(scan(filter.toLowerCase().split(' ')));
	});
	it('keeps rows that tie in their list order, whichever way the sort goes', () => {
		const seed = buildModel(corpus, analysis);
		const q = {list: 'families' as const, sort: 'reach' as const, filter: ''};
		// The seed's families all have a reach of 2: the engine's order stands, reversed or not.
		const ids = (order: number[]) => order.map(i => seed.families[i]!.id);
		const engine = seed.families.map(f => f.id);
		expect(seed.families.length).toBeGreaterThan(1);
		expect(ids(listOrder(seed, {...q, reverse: false}))).toEqual(engine);
		expect(ids(listOrder(seed, {...q, reverse: true}))).toEqual(engine);
	});
	it('orders families by reach, then by date or passage length', () => {
		const q = {list: 'families' as const, reverse: false, filter: ''};
		const fam = (order: number[]) => order.map(i => model.families[i]!.id);
		expect(fam(listOrder(model, {...q, sort: 'reach'}))).toEqual([FAMILY, SMALL_FAMILY]);
		expect(fam(listOrder(model, {...q, sort: 'reach', reverse: true}))).toEqual([SMALL_FAMILY, FAMILY]);
		expect(fam(listOrder(model, {...q, sort: 'reach', source: '004_6d8c507b6052882a.txt'}))).toEqual([FAMILY]);
		expect(fam(listOrder(model, {...q, sort: 'reach', filter: 'domestic large models'}))).toEqual([FAMILY]);
	});
	it('finds the family that carries a passage, and each member’s pair against the origin', () => {
		const b = figurePair.b;
		expect(familyAt(model, b.source, b.start, b.end)).toMatchObject({family: {id: FAMILY}, member: 1});
		expect(familyAt(model, b.source, b.start + 3, b.start + 3)?.family.id).toBe(FAMILY);
		expect(familiesOf(model, '002_ac2e2185098b7cfe.txt')).toEqual([]);
		const pair = memberPair(model, wipoFamily, wipoFamily.members[1]!);
		expect(pair).toMatchObject({family: FAMILY, b: {source: b.source, start: b.start}});
		expect(readerPairs(model, b.source)).toContain(pair);
		expect(memberPair(model, wipoFamily, wipoFamily.members[0]!)).toBeNull();
	});
	it('gives each source a short label of its own, where long names share their start', () => {
		expect([...shortNames(['000_a.txt', '001_b.txt']).values()]).toEqual(['000', '001']);
		const ids = ['xi-newyear-2022--exbulletin.com.txt', 'xi-newyear-2022--en.ce.cn.txt', 'xi-newyear-2025--vuink.com.txt'];
		const labels = [...shortNames(ids).values()];
		expect(new Set(labels).size).toBe(3);
		for (const l of labels) expect(l.length).toBeLessThanOrEqual(SHORT_MAX);
		expect(labels[0]).toBe('xi-newy…exbulletin.com');
	});
});
