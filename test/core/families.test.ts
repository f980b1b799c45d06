// Families: one passage and every copy of it. Properties that hold whatever the wording: reach does not hurt
// recall, chains do not join what shares nothing, formulae are not families, a source never pairs with itself,
// and the pairs grow with the number of copies, not its square. (Accuracy on real text is in test/real/.)
import {describe, expect, it} from 'vitest';
import {analysisOf} from '../../source/core/analysis.js';
import {similarity, weighUnits} from '../../source/core/align.js';
import {wordRatio, wordsOf} from '../../source/core/classify.js';
import {buildFamilies} from '../../source/core/families.js';
import {sourceFeatures} from '../../source/core/features.js';
import {findReuse} from '../../source/core/reuse.js';
import {buildSource, type Source} from '../../source/core/source.js';
import {runCommand} from '../../source/commands/index.js';
import {RELEASE, releaseCopies} from '../../bench/release.js';

const src = (id: string, text: string, meta: {publisher?: string; date?: string} = {}) => buildSource(id, Buffer.from(text), meta);

function corpusOf(copies: number, seed = 1): Source[] {
	return releaseCopies(copies, seed).map(c => src(c.name, c.text, {publisher: c.publisher, date: c.date}));
}

describe('families', () => {
	for (const k of [2, 5, 20, 100]) {
		it(`finds one family with every one of ${k} lightly edited copies`, () => {
			const {families} = findReuse(corpusOf(k));
			expect(families).toHaveLength(1);
			const f = families[0]!;
			expect(f.members).toHaveLength(k + 1);
			expect(f.members[f.origin]!.source).toBe('origin.txt');
			expect(f.reach).toEqual({sources: k + 1, publishers: k + 1});
			expect([f.first, f.last]).toEqual(['2025-11-05', '2025-11-06']);
			// Every member carries the whole release: ten slots, each filled.
			expect(f.slots).toBe(RELEASE.length);
			for (const m of f.members) expect(m.slots.every(s => s >= 0)).toBe(true);
		});
	}

	it('lists each copy once against the origin, so the pairs grow with the copies, not their square', () => {
		const sources = corpusOf(300, 7);
		const reuse = findReuse(sources);
		expect(reuse.pairs).toHaveLength(300);
		expect(new Set(reuse.pairs.map(p => p.b.source)).size).toBe(300);
		for (const p of reuse.pairs) expect(p.a.source).toBe('origin.txt');
		const out = runCommand(
			'pairs',
			[],
			{dir: '.', sources, warnings: []},
			{json: true},
			analysisOf({dir: '.', sources, warnings: []}, reuse),
		);
		const bytes = [...out.chunks].reduce((t, c) => t + Buffer.byteLength(c), 0);
		expect(bytes).toBeLessThan(5 * 1024 * 1024);
	}, 60_000);

	it('lines up the figures of every member against the origin in a matrix', () => {
		const sources = corpusOf(3, 3);
		// One copy changes a figure and one drops a hedge-free sentence with figures.
		sources[1] = src('copy-0000.txt', sources[1]!.text.replace('6.1 percent', '6.3 percent'), {publisher: 'Outlet 0', date: '2025-11-06'});
		sources[2] = src('copy-0001.txt', sources[2]!.text.replace(/^The central bank [^\n]*\n/m, ''), {
			publisher: 'Outlet 1',
			date: '2025-11-06',
		});
		expect(sources[2]!.text).not.toContain('3.1 percent');
		const f = findReuse(sources).families[0]!;
		const row = (text: string) => f.figures.rows.find(r => r.figure.text === text)!;
		const member = (id: string) => f.members.findIndex(m => m.source === id);
		expect(row('6.1 percent').cells[member('copy-0000.txt')]).toMatchObject({status: 'changed', figure: {text: '6.3 percent'}});
		expect(row('3.1 percent').cells[member('copy-0001.txt')]).toMatchObject({status: 'missing', figure: null});
		expect(row('6.1 percent').cells[member('copy-0002.txt')]!.status).toBe('same');
		expect(row('6.1 percent').cells[f.origin]!.status).toBe('same');
	});

	it('takes the origin, among copies of one date, in the language most of them are in', () => {
		const sources = corpusOf(3, 5);
		// A longer copy published the same day as the release, said by its sidecar to be Spanish: the longest
		// text of the earliest date, which alone would make it the origin.
		const longer = sources[1]!.text.replace('6.1 percent', '6.1 percent year on year, the fastest pace in months');
		sources[1] = buildSource('copy-0000.txt', Buffer.from(longer), {publisher: 'Outlet 0', date: '2025-11-05', language: 'es'});
		const f = findReuse(sources).families[0]!;
		expect(f.members).toHaveLength(4);
		expect(f.members[f.origin]!.source).toBe('origin.txt');
		expect(f.members.find(m => m.source === 'copy-0000.txt')!.parts.every(p => p.kind === 'translation')).toBe(true);
		// Marked English like the rest, the longer copy of the same date is the origin.
		sources[1] = buildSource('copy-0000.txt', Buffer.from(longer), {publisher: 'Outlet 0', date: '2025-11-05', language: 'en'});
		const g = findReuse(sources).families[0]!;
		expect(g.members[g.origin]!.source).toBe('copy-0000.txt');
	});

	it('does not join through a chain: A~B and B~C where A and C share nothing', () => {
		const s = (n: number) =>
			[
				'The regional government announced a new programme to repair rural roads damaged by the spring floods this year.',
				'Contracts worth several million will go to local firms under a fast procedure approved by the assembly.',
				'Farmers in the valley said the repairs were long overdue and welcomed the decision taken on Monday.',
				'A second phase of the programme will cover bridges and river defences along the northern border.',
				'Environmental groups asked that the works avoid the nesting season of protected wetland birds.',
			][n]!;
		const a = src('a.txt', [s(0), s(1), s(2)].join(' '), {date: '2025-01-01'});
		// B carries A's last sentence merged with the first of C's text, and the rest of C.
		const b = src(
			'b.txt',
			[s(0), s(1), `${s(2).replace(/\.$/, '')}, and ${s(3).charAt(0).toLowerCase()}${s(3).slice(1)}`, s(4)].join(' '),
			{date: '2025-01-02'},
		);
		const c = src(
			'c.txt',
			['Residents of the northern villages demanded a timetable for the flood defences promised last year.', s(3), s(4)].join(' '),
			{
				date: '2025-01-03',
			},
		);
		const {families} = findReuse([a, b, c]);
		expect(families.length).toBeGreaterThan(0);
		for (const f of families) expect(f.members.map(m => m.source)).not.toEqual(expect.arrayContaining(['a.txt', 'c.txt']));
		expect(families.some(f => f.members.some(m => m.source === 'c.txt'))).toBe(true);
	});

	it('lets a short reworded sentence join through a copy, measured by its words in order', () => {
		const body = 'The regional government announced a new programme to repair rural roads damaged by the spring floods.';
		const o = src('o.txt', `${body} The following is the full text of the statement.`, {date: '2025-01-01'});
		const c1 = src('c1.txt', `${body} The following is the full text of the statement.`, {date: '2025-01-02'});
		const c2 = src('c2.txt', `${body} Here is the full text of the statement.`, {date: '2025-01-03'});
		const sources = [o, c1, c2];
		const units = weighUnits(sources.flatMap((s, i) => sourceFeatures(s).map(f => ({src: i, f}))));
		const at = (src: number, sent: number) => units.findIndex(u => u.src === src && u.sent === sent);
		expect([at(0, 1), at(1, 1), at(2, 1)].every(u => u >= 0)).toBe(true);
		// The short sentence of c2 aligned with c1's only (as gap alignment pairs it), and too few features
		// shared with o's to be measured by them.
		expect(similarity(units[at(0, 1)]!, units[at(2, 1)]!)).toBe(0);
		const edge = (x: number, y: number, sim: number) => ({u: Math.min(x, y), v: Math.max(x, y), sim});
		const edges = [
			edge(at(0, 0), at(1, 0), 1),
			edge(at(0, 0), at(2, 0), 1),
			edge(at(1, 0), at(2, 0), 1),
			edge(at(0, 1), at(1, 1), 1),
			edge(at(1, 1), at(2, 1), 0),
		];
		const ratio = (u: number, v: number) =>
			wordRatio(wordsOf(sources[units[u]!.src]!, units[u]!.sent), wordsOf(sources[units[v]!.src]!, units[v]!.sent));
		const {families} = buildFamilies({sources, units, unitAt: at, edges, related: () => true, wordRatio: ratio});
		const withOrigin = families.find(f => f.members.some(m => m.source === 'o.txt' && m.sentences[1] === 1))!;
		expect(withOrigin.members.find(m => m.source === 'c2.txt')?.parts.some(p => p.a === 1 && p.b === 1)).toBe(true);
	});

	it('makes no family of a formula that many unrelated texts share', () => {
		const formula = 'For more information, please visit the official website of the organisers.';
		const topics = [
			['The jazz festival returns to the old harbour in July with forty concerts over five days.', 'Tickets go on sale next week.'],
			['A new exhibition of medieval maps opens at the city library on Saturday morning.', 'Entry is free for students.'],
			['The marathon will close several streets in the centre of town on Sunday until the afternoon.', 'Buses will run on diversions.'],
			['Registration for the summer coding camp for teenagers is now open at all community centres.', 'Places are limited.'],
		];
		const sources = topics.map(([before, after], i) => src(`${i}.txt`, `${before} ${formula} ${after}`));
		expect(findReuse(sources).families).toEqual([]);
	});

	it('lists a headline repeated inside a page as a repeat, not as the page copying itself', () => {
		const title = 'Harbour authority approves new container terminal after months of debate';
		const page = src(
			'page.txt',
			`${title}\n${title}\nThe harbour authority approved a new container terminal on Tuesday after months of heated debate among residents.`,
		);
		const reuse = findReuse([
			page,
			src('other.txt', 'An unrelated note about the weather in the mountains, which stayed mild for most of the week.'),
		]);
		expect(reuse.pairs).toEqual([]);
		expect(reuse.families).toEqual([]);
		expect(reuse.repeats).toEqual([{source: 'page.txt', sentence: 1, of: 0}]);
		const an = analysisOf({dir: '.', sources: [page], warnings: []}, reuse);
		expect(an.rows[0]!.reused).toBe(0);
	});
});
