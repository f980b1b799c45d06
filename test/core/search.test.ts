import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {editMatcher, FULL_SCAN_LIMIT, Searcher, searchDocs, TrigramIndex} from '../../source/core/search.js';
import {SEED} from '../helpers.js';

const corpus = loadCorpus(SEED);
const searcher = new Searcher(searchDocs(corpus.sources));

describe('search', () => {
	it('finds misspelled words deep inside long sentences', () => {
		const hits = searcher.search('telecomunication');
		expect(hits.length).toBeGreaterThan(0);
		expect(hits[0]!.text).toContain('International Telecommunication Union');
	});
	it('needs every word of the query, in any order and place', () => {
		const hits = searcher.search('shenzen clustr');
		expect(hits.map(h => h.source).sort()).toEqual(['000_3852ac365e34d611.txt', '001_ceee5b9b1f5f8ff4.txt']);
	});
	it('returns match ranges inside the passage, best first', () => {
		const hits = searcher.search('Zuchongzhi');
		const src = corpus.sources.find(s => s.id === hits[0]!.source)!;
		expect(src.text.slice(hits[0]!.start, hits[0]!.end)).toBe(hits[0]!.text);
		const [a, b] = hits[0]!.matches[0]!;
		expect(src.text.slice(a, b)).toBe('Zuchongzhi');
		for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
	});
	it('leaves boilerplate out', () => {
		expect(searcher.search('Unlock premium news')).toEqual([]);
	});
	it('returns results or none for any query, never an error', () => {
		for (const q of ['', '   ', '$^.*+?()[]{}|\\', 'a'.repeat(10_000), '🚀🚀', '中国科技', 'مرحبا', "'; rm -rf / #"]) {
			expect(Array.isArray(searcher.search(q))).toBe(true);
		}
		fc.assert(
			fc.property(fc.string(), q => Array.isArray(searcher.search(q))),
			{numRuns: 50},
		);
	});
});

describe('search over a large corpus', () => {
	// More passages than Fuse scans whole: a trigram index narrows the candidates first.
	const words = [
		'harbour',
		'terminal',
		'dredging',
		'fishermen',
		'council',
		'tariff',
		'quantum',
		'satellite',
		'orbital',
		'frequency',
		'budget',
		'ministry',
	];
	const docs = Array.from({length: FULL_SCAN_LIMIT + 2000}, (_, i) => {
		const text = `Passage ${i} mentions ${words[i % words.length]} and ${words[(i * 7 + 3) % words.length]} with code w${i.toString(36)}x.`;
		return {source: 's.txt', kind: 'passage' as const, start: i * 100, end: i * 100 + text.length, text, folded: text};
	});
	it('builds its index in slices and finds the same as Fuse over everything', () => {
		const s = new Searcher(docs);
		expect(s.ready).toBe(false);
		let steps = 0;
		while (!s.prepare(1)) steps++;
		expect(steps).toBeGreaterThan(0);
		expect(s.ready).toBe(true);
		const target = docs[4321]!;
		const code = /w\w+x/.exec(target.text)![0];
		expect(s.search(code.slice(0, -1) + 'q')[0]!.start).toBe(target.start); // one typo
		// Passages 0, 12, 24… mention the harbour and fishermen.
		const plain = Searcher.plainWith(Searcher.plainIndex(docs), 'harbur fishermen', 10).map(h => h.start);
		const ours = new Set(s.search('harbur fishermen', 10).map(h => h.start));
		expect(plain).toHaveLength(10);
		expect(plain.filter(x => ours.has(x)).length).toBeGreaterThanOrEqual(9);
	});
});

const hash = (t: string) => [...t].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1000003, 7);

describe('TrigramIndex candidates', () => {
	it('keeps the k texts that hold most of the query, whatever order they come in', () => {
		// 30 texts hold all of "harbour", 300 only its first trigram, 100 none of it; shuffled.
		const texts = [
			...Array.from({length: 300}, (_, i) => `the har${i} quay`),
			...Array.from({length: 30}, (_, i) => `a harbour ${i}`),
			...Array.from({length: 100}, (_, i) => `nothing here ${i}`),
		].sort((a, b) => hash(a) - hash(b));
		const index = new TrigramIndex(texts);
		index.build(Number.POSITIVE_INFINITY);
		const top = index.candidates(['harbour'], 30).map(i => texts[i]!);
		expect(top).toHaveLength(30);
		expect(top.every(t => t.includes('harbour'))).toBe(true);
		const more = index.candidates(['harbour'], 100);
		expect(more).toHaveLength(100);
		expect(new Set(more).size).toBe(100);
		expect(more.filter(i => texts[i]!.includes('harbour'))).toHaveLength(30);
		expect(more.every(i => texts[i]!.includes('har'))).toBe(true);
		expect(index.candidates(['harbour'], 1000)).toHaveLength(330); // every text that holds any of it
	});
	it('finds texts holding one- and two-letter words as a scan in length order would, rare pairs or common', () => {
		// "qz" is in 12 texts (so the index reads only those), "an" in most (so it reads all in order); some
		// texts are too short to hold a trigram, one ends in the pair.
		const texts = [
			...Array.from({length: 400}, (_, i) => `an ordinary line number ${i} ${'x'.repeat(i % 7)}`),
			...Array.from({length: 12}, (_, i) => `${'w'.repeat(i)}qz inside ${i}`),
			'qz',
			'q',
			'ends in qz',
			...Array.from({length: 50}, (_, i) => `other text ${i}`),
		].sort((a, b) => hash(a) - hash(b));
		const index = new TrigramIndex(texts);
		index.build(Number.POSITIVE_INFINITY);
		const scan = (words: string[], k: number) =>
			texts
				.map((t, i) => ({t, i}))
				.sort((a, b) => a.t.length - b.t.length || a.i - b.i)
				.filter(x => words.every(w => x.t.includes(w)))
				.slice(0, k)
				.map(x => x.i);
		for (const words of [['qz'], ['an'], ['q'], ['qz', 'i'], ['zz'], ['an', 'qz'], ['s'], ['er', 'ot']]) {
			for (const k of [1, 5, 2000]) expect(index.candidates(words, k), words.join(' ')).toEqual(scan(words, k));
		}
		expect(index.candidates(['qz'], 2000)).toHaveLength(14);
		// Before every text is indexed, short words are still found in every text.
		const partial = new TrigramIndex(texts);
		expect(partial.build(0)).toBe(false);
		for (const words of [['qz'], ['an'], ['er', 'ot']]) expect(partial.candidates(words, 2000), words.join(' ')).toEqual(scan(words, 2000));
	});

	it('scores as Fuse would, however many queries came before (past the words it keeps)', () => {
		const vocab = ['harbour', 'terminal', 'dredging', 'fishermen', 'council', 'tariff', 'quantum', 'orbital'];
		const texts = Array.from(
			{length: 600},
			(_, i) => `${vocab[i % 8]} ${vocab[(i * 5 + 1) % 8]} report ${vocab[(i * 3 + 2) % 8]} number ${i}`,
		);
		const typing = new TrigramIndex(texts);
		typing.build(Number.POSITIVE_INFINITY);
		const ids = texts.map((_, i) => i);
		// Fuse's score: per word, edits over length (at least 0.001) to the power of the field norm.
		const fuseOrder = (words: string[]) =>
			ids
				.map(d => {
					const norm = Math.round(1000 / Math.sqrt(texts[d]!.split(' ').length)) / 1000;
					const es = words.map(w => editMatcher(w)(texts[d]!) / w.length);
					return {d, s: es.some(e => e > 0.25) ? -1 : es.reduce((t, e) => t * Math.max(0.001, e) ** Math.fround(norm), 1)};
				})
				.filter(x => x.s >= 0)
				.sort((a, b) => a.s - b.s || a.d - b.d)
				.slice(0, 40)
				.map(x => x.d);
		// Twenty queries, typed a letter at a time: far more distinct words than the index keeps.
		const queries = Array.from({length: 20}, (_, q) => `${vocab[q % 8]!.slice(1)} ${vocab[(q + 3) % 8]!.replace(/[aeiou]/, '')}`);
		for (const query of queries) {
			for (let n = 4; n <= query.length; n++) {
				const words = query.slice(0, n).split(' ').filter(Boolean);
				expect(typing.prescore(words, ids, 0.25, 40)).toEqual(fuseOrder(words));
			}
		}
	});
});

describe('editMatcher', () => {
	// The textbook dynamic programme: edits to make the word a substring of the text.
	const reference = (w: string, t: string) => {
		let prev = Array.from({length: w.length + 1}, (_, i) => i);
		let best = prev[w.length]!;
		for (let j = 1; j <= t.length; j++) {
			const cur = [0];
			for (let i = 1; i <= w.length; i++) cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (w[i - 1] === t[j - 1] ? 0 : 1));
			best = Math.min(best, cur[w.length]!);
			prev = cur;
		}
		return best;
	};
	it('counts the edits that make a word a substring of the text', () => {
		expect(editMatcher('telecomunication')('international telecommunication union')).toBe(1);
		expect(editMatcher('kitten')('the sitting cat')).toBe(2);
		expect(editMatcher('abc')('xxabcxx')).toBe(0);
		expect(editMatcher('中国')('在中国的')).toBe(0);
	});
	it('agrees with the dynamic programme on any word and text', () => {
		fc.assert(
			fc.property(fc.string({minLength: 1, maxLength: 31}), fc.string({maxLength: 60}), (w, t) => {
				expect(editMatcher(w)(t)).toBe(reference(w, t));
			}),
			{numRuns: 300},
		);
		fc.assert(
			fc.property(fc.stringMatching(/^[ab]{1,31}$/), fc.stringMatching(/^[ab ]{0,80}$/), (w, t) => {
				expect(editMatcher(w)(t)).toBe(reference(w, t));
			}),
			{numRuns: 300},
		);
	});
});
