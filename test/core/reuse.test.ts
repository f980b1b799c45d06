import {beforeAll, describe, expect, it} from 'vitest';
import {analyze, type Analysis} from '../../source/core/analysis.js';
import {buildSource, type Source} from '../../source/core/source.js';
import {loadCorpus, readCorpus} from '../../source/io/read-corpus.js';
import {sourceFeatures} from '../../source/core/features.js';
import {findRepeats, findReuse} from '../../source/core/reuse.js';
import {stem, tokenize, isStopword} from '../../source/core/text.js';
import {SEED} from '../helpers.js';

const REWRITE = '000_3852ac365e34d611.txt';
const RELEASE = '001_ceee5b9b1f5f8ff4.txt';
const OTHERS = ['002_ac2e2185098b7cfe.txt', '003_9b9e77e86f00fb38.txt', '004_6d8c507b6052882a.txt'];

// Each sentence of the rewrite (000) that comes from the release (001), with the release sentence it comes from.
const FROM_RELEASE: [string, string][] = [
	['China marked a series of landmark achievements', 'On 5 February 2026 - In 2025, China achieved'],
	[
		'The World Intellectual Property Organization’s Global Innovation Index',
		"The World Intellectual Property Organization's Global Innovation Index",
	],
	['The country also leads in intellectual property indicators', 'China leads the world in multiple intellectual property measures'],
	['“These advances reflect not only industrial growth', 'CGTN presents a feature article'],
	['China’s domestic artificial intelligence sector', 'Chinese artificial intelligence (AI) companies'],
	['Under the “AI+” initiative', "China's AI+ initiative"],
	['In parallel, China advanced its ambitions', 'Alongside AI developments'],
	['The Long March rocket series', 'Alongside AI developments'],
	['The push is reinforced by President Xi Jinping’s', 'Complementing these industry advances'],
	['In July 2025, China released', 'In July 2025, China released'],
	['According to China Media Group', 'China Media Group also outlined'],
	['Central state-owned enterprises invested', 'In 2025, central state-owned enterprises'],
	['Tax and fee reductions amounting', 'In 2025, central state-owned enterprises'],
	['Major fundamental science missions are set', 'Major fundamental science missions, such as'],
	['The Tianwen‑2 asteroid sampling', 'Major fundamental science missions, such as'],
	['“An innovative China, moving with openness', 'An innovative China, moving with openness'],
];

describe('reuse on the seed corpus', () => {
	let an: Analysis;
	beforeAll(() => {
		an = analyze(loadCorpus(SEED));
	});
	const sentenceIndex = (id: string, prefix: string) => {
		const s = an.corpus.sources.find(x => x.id === id)!;
		const i = s.sentences.findIndex(x => x.text.startsWith(prefix));
		expect(i, `${id}: ${prefix}`).toBeGreaterThanOrEqual(0);
		return i;
	};

	it('pairs every sentence of the rewrite that comes from the release with its source sentence', () => {
		for (const [rewrite, release] of FROM_RELEASE) {
			const b = sentenceIndex(REWRITE, rewrite);
			const a = sentenceIndex(RELEASE, release);
			const found = an.pairs.some(p => p.a.source === RELEASE && p.b.source === REWRITE && p.parts.some(x => x.a === a && x.b === b));
			expect(found, `${rewrite} ← ${release}`).toBe(true);
		}
	});

	it('pairs nothing between the topical articles and the CGTN pair, or among themselves', () => {
		const cross = an.pairs.filter(p => p.a.source !== p.b.source && (OTHERS.includes(p.a.source) || OTHERS.includes(p.b.source)));
		expect(cross.map(p => `${p.a.source} ${p.b.source}: ${p.b.text.slice(0, 40)}`)).toEqual([]);
	});

	it('makes the release, dated earlier, the origin', () => {
		const cgtn = an.pairs.filter(p => p.a.source !== p.b.source);
		expect(cgtn.length).toBeGreaterThan(3);
		for (const p of cgtn) expect([p.a.source, p.direction]).toEqual([RELEASE, 'dated']);
	});

	it('gives each side exactly its aligned sentences, not the paragraph around them', () => {
		for (const p of an.pairs) {
			for (const side of [p.a, p.b]) {
				const src = an.corpus.sources.find(s => s.id === side.source)!;
				expect(src.text.slice(side.start, side.end)).toBe(side.text);
				expect(side.start).toBe(src.sentences[side.sentences[0]]!.start);
				expect(side.end).toBe(src.sentences[side.sentences[1]]!.end);
			}
		}
		// The rewrite's own framing sentence between two copied ones is not swallowed into a passage.
		const own = sentenceIndex(REWRITE, 'According to a report published by CGTN');
		for (const p of an.pairs) expect(p.b.source === REWRITE && p.b.sentences[0] <= own && own <= p.b.sentences[1]).toBe(false);
	});

	it('lines up the figures, carried over in other notations', () => {
		const p = an.pairs.find(x => x.b.text.includes('CNY1 trillion'))!;
		const same = p.figures.filter(f => f.status === 'same').map(f => `${f.a!.text}=${f.b!.text}`);
		expect(same).toContain('1 trillion yuan=CNY1 trillion');
		// "(about $142 billion)" against "($142bn)": the same value with a hedge dropped, neither same nor changed (issue 11).
		expect(p.figures.find(f => f.a?.text === '$142 billion')).toMatchObject({status: 'hedged', b: {text: '$142bn'}});
		const gii = an.pairs.find(x => x.b.text.includes('ranked China tenth'))!;
		expect(gii.figures.find(f => f.a?.text === '10th')?.status).toBe('same');
		// The brand value of the release is dropped by the rewrite.
		expect(gii.figures.find(f => f.a?.text === '$1.81 trillion')?.status).toBe('missing');
	});

	it('reports the line repeated inside 002 as a repeat of that source, never as a pair with itself', () => {
		expect(an.pairs.filter(p => p.a.source === p.b.source)).toEqual([]);
		expect(an.repeats).toHaveLength(1);
		const r = an.repeats[0]!;
		expect(r.source).toBe(OTHERS[0]);
		const s = an.corpus.sources.find(x => x.id === r.source)!;
		expect(r.of).toBeLessThan(r.sentence);
		expect(s.sentences[r.sentence]!.text).toBe(s.sentences[r.of]!.text);
	});

	it('finds the same repeats from the keys the files were read with as by reading the sentences again', () => {
		const {corpus, features} = readCorpus(SEED);
		expect(features.every((t, i) => t.repeatKeys.length === corpus.sources[i]!.sentences.length * 3)).toBe(true);
		const fromKeys = findRepeats(corpus.sources, features);
		expect(fromKeys).toEqual(findRepeats(corpus.sources));
		expect(fromKeys).toEqual(an.repeats);
		// A table without keys (made from rows) falls back to reading the sentences.
		expect(
			findRepeats(
				corpus.sources,
				features.map(t => ({...t, repeatKeys: new Uint32Array(0)})),
			),
		).toEqual(fromKeys);
	});

	it('scores a share of reused text per source', () => {
		const rows = Object.fromEntries(an.rows.map(r => [r.source, r.reused]));
		expect(rows[REWRITE]).toBeGreaterThan(0.7);
		for (const o of OTHERS) expect(rows[o]).toBe(0);
	});
});

const src = (id: string, text: string, date?: string) => buildSource(id, Buffer.from(text), date ? {date} : {});

describe('reuse on small corpora', () => {
	const base = [
		'The harbour authority approved a new container terminal on Tuesday after months of debate.',
		'The terminal will cost 4.2 billion euros and handle 3 million containers a year.',
		'Local fishermen protested against the dredging plans outside the city hall.',
		'Construction is expected to begin in March 2027 and finish by 2031.',
	].join(' ');
	it('finds verbatim, near and reworded copies and classifies them', () => {
		const copy = [
			'The harbour authority approved a new container terminal on Tuesday after months of debate.',
			'The terminal will cost €4.2bn and handle 3 million containers a year.',
			'Outside city hall, local fishermen staged a protest against plans for dredging.',
		].join(' ');
		const {pairs} = findReuse([src('a.txt', base, '2026-01-01'), src('b.txt', copy, '2026-01-02')]);
		const parts = pairs.flatMap(p => p.parts);
		expect(parts.map(p => p.kind)).toEqual(['verbatim', 'near', 'paraphrase']);
		const money = pairs.flatMap(p => p.figures).find(f => f.a?.kind === 'money');
		expect(money?.status).toBe('same');
		for (const p of parts) expect(p.similarity).toBeGreaterThan(0.4);
	});
	it('takes the earlier source as the origin, whatever the corpus order', () => {
		const {pairs} = findReuse([src('late.txt', base, '2026-05-01'), src('early.txt', base, '2025')]);
		expect(pairs[0]!.a.source).toBe('early.txt');
		expect(pairs[0]!.direction).toBe('dated');
		expect(pairs[0]!.kind).toBe('verbatim');
	});
	it('finds a text whole against itself under another name', () => {
		const {pairs} = findReuse([src('a.txt', base), src('b.txt', base)]);
		expect(pairs).toHaveLength(1);
		expect(pairs[0]!.a.text).toBe(pairs[0]!.b.text);
		expect(pairs[0]!.a.sentences).toEqual([0, 3]);
	});
	it('does not pair texts that only share a topic', () => {
		const other = [
			'Anna Berg, who chairs the harbour authority, is retiring next spring after a decade in charge.',
			'Container traffic at rival ports has grown, while environmental groups warn about dredging in the region.',
			'City hall has not yet named her successor.',
		].join(' ');
		const {pairs} = findReuse([src('a.txt', base), src('b.txt', other)]);
		expect(pairs).toEqual([]);
	});
});

describe('reuse candidates', () => {
	const origin = 'Engineers say the Kariba dam wall needs urgent repairs costing 300 million dollars before the rainy season.';
	// The same facts, reordered so that one pair of consecutive content words survives: "million dollars".
	const reworded =
		'With the rains weeks away, the wall of the dam at Kariba needs repairs urgently, and engineers put the bill at 300 million dollars.';
	// Pairs of consecutive content stems, as the shingles of the features stage are made.
	const stemPairs = (text: string) => {
		const order = tokenize(text)
			.flatMap(t => t.norm.split('-'))
			.filter(w => w.length >= 2 && !/^[\d.,]+$/.test(w) && !isStopword(w))
			.map(stem);
		expect(sourceFeatures(src('x.txt', text))[0]!.shingles.length).toBe(order.length - 1);
		return new Set(order.slice(1).map((w, i) => `${order[i]} ${w}`));
	};
	const sharedPairs = (x: string, y: string) => [...stemPairs(x)].filter(p => stemPairs(y).has(p));

	// The reworded sentence sits in a passage the copy carries word for word: a lone reworded sentence with
	// nothing copied around it is not taken for a copy (see 'reuse between stories of one template').
	const after = 'The ministry of energy said the contract for the work would be awarded to a local firm by the end of June.';
	const kinds = (...corpus: Source[]) => {
		const {pairs} = findReuse(corpus);
		const p = pairs.find(x => x.a.source === 'a.txt' && x.b.source === 'b.txt');
		return p ? p.parts.map(x => x.kind) : [];
	};

	it('pairs a reworded sentence that shares a single rare pair of consecutive words with its origin', () => {
		expect(sharedPairs(origin, reworded)).toHaveLength(1);
		expect(kinds(src('a.txt', `${origin} ${after}`, '2026-01-01'), src('b.txt', `${reworded} ${after}`, '2026-01-02'))).toEqual([
			'paraphrase',
			'verbatim',
		]);
	});

	it('pairs it through commoner pairs of words when it shares more than one', () => {
		const closer = reworded.replace('the wall of the dam at Kariba', 'the Kariba dam wall');
		expect(sharedPairs(origin, closer).length).toBeGreaterThan(1);
		// Twenty other sentences with "Kariba dam" and "million dollars": neither pair is rare any more.
		const others = Array.from({length: 20}, (_, i) =>
			src(`o${i}.txt`, `Tourism near the Kariba dam brought in ${i + 2} million dollars for lodge owners in district ${i}.`),
		);
		expect(kinds(src('a.txt', `${origin} ${after}`, '2026-01-01'), src('b.txt', `${closer} ${after}`, '2026-01-02'), ...others)).toEqual([
			'paraphrase',
			'verbatim',
		]);
	});
});

describe('reuse between stories of one template', () => {
	// Xinhua writes each new freight-train story from the last one: one sentence reworded, names and dates
	// changed, nothing else in common. That is two stories, not a copy.
	const beijing =
		'A freight train bound for Tashkent, Uzbekistan, departed from Beijing at about 10 a.m. on Wednesday, marking the official launch of the first Beijing-Central Asia freight train service. Officials expect the line to carry medical supplies and auto parts to several markets in the region.';
	const tianjin =
		'The Central Asia freight train bound for Tashkent, Uzbekistan, departed from the port city of Tianjin around 4 pm Tuesday, marking the first Tianjin-Central Asia freight train service this year. The train carries fifty containers shipped from the Republic of Korea by sea.';
	it('does not pair two stories that share one reworded sentence and nothing else', () => {
		expect(findReuse([src('a.txt', beijing, '2025-03-19'), src('b.txt', tianjin, '2025-05-20')]).families).toEqual([]);
	});
	it('pairs the same sentence when it comes with the rest of the story', () => {
		const copy = tianjin.replace('around 4 pm Tuesday', 'on Tuesday afternoon');
		const {families} = findReuse([src('a.txt', tianjin, '2025-05-20'), src('b.txt', copy, '2025-05-21')]);
		expect(families).toHaveLength(1);
		expect(families[0]!.members.map(m => m.source)).toEqual(['a.txt', 'b.txt']);
	});
	it('does not pair the same template stated for another day, even word for word', () => {
		const a = "On New Year's Eve, President Xi Jinping delivered his 2022 New Year message through China Media Group and the Internet.";
		const b = a.replace('2022', '2025');
		expect(findReuse([src('a.txt', a, '2021-12-31'), src('b.txt', b, '2024-12-31')]).families).toEqual([]);
		expect(findReuse([src('a.txt', a, '2021-12-31'), src('b.txt', a, '2022-01-01')]).families).toHaveLength(1);
	});
});

describe('reuse on one short sentence alone', () => {
	const story = (title: string, line: string, rest: string) => `${title}\n${line} ${rest}`;
	const fact = 'The terminal will cost 4.2 billion euros.';
	it('pairs two stories that share one short sentence stating a figure, word for word', () => {
		const a = src('a.txt', story('Harbour news', fact, 'Dockers in the old town went on strike over pay.'), '2026-01-01');
		const b = src('b.txt', story('Port story', fact, 'Fishermen worry about the dredging of the bay.'), '2026-01-02');
		expect(findReuse([a, b]).families).toHaveLength(1);
	});
	it('does not pair two stories that share only a short headline, or a short formula without a figure', () => {
		const headline = 'Storm hits the coast again';
		const a = src('a.txt', story(headline, 'Dockers in the old town went on strike over pay.', 'Talks resume next week.'), '2026-01-01');
		const b = src('b.txt', story(headline, 'Fishermen worry about the dredging of the bay.', 'The mayor said nothing.'), '2026-01-02');
		expect(findReuse([a, b]).families).toEqual([]);
		const formula = 'The following is the full text of the statement.';
		const c = src('c.txt', story('Harbour news', formula, 'Dockers in the old town went on strike over pay.'), '2026-01-01');
		const d = src('d.txt', story('Port story', formula, 'Fishermen worry about the dredging of the bay.'), '2026-01-02');
		expect(findReuse([c, d]).families).toEqual([]);
	});
});
