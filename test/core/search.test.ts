import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {editMatcher} from '../../source/core/edit-distance.js';
import {FULL_SCAN_LIMIT, Searcher, searchDocs} from '../../source/core/search.js';
import {WordIndex} from '../../source/core/word-index.js';
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
	// More passages than Fuse scans whole: an index of words narrows the candidates first.
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
		// One typo: as close to the target's code as to two others ("w31qx", "w3cqx"), listed as Fuse lists them.
		const typo = code.slice(0, -1) + 'q';
		const fuse = Searcher.plainWith(Searcher.plainIndex(docs), typo, 3);
		expect(fuse.map(h => h.start)).toContain(target.start);
		expect(s.search(typo, 3)).toEqual(fuse);
		// Passages 0, 12, 24… mention the harbour and fishermen.
		const plain = Searcher.plainWith(Searcher.plainIndex(docs), 'harbur fishermen', 10).map(h => h.start);
		const ours = new Set(s.search('harbur fishermen', 10).map(h => h.start));
		expect(plain).toHaveLength(10);
		expect(plain.filter(x => ours.has(x)).length).toBeGreaterThanOrEqual(9);
	});
});

describe('WordIndex', () => {
	// Fuse's score for a query over whole texts: per word, the fewest edits that make it a substring of the
	// text over its length (at least 0.001), to the power of the text's field norm; the best first.
	const fuseOrder = (texts: string[], words: string[], k: number) =>
		texts
			.map((t, d) => {
				const norm = Math.round(1000 / Math.sqrt(t.split(' ').filter(Boolean).length)) / 1000;
				const es = words.map(w => editMatcher(w)(t) / w.length);
				return {d, s: es.some(e => e > 0.25) ? -1 : es.reduce((p, e) => p * Math.max(0.001, e) ** Math.fround(norm), 1)};
			})
			.filter(x => x.s >= 0)
			.sort((a, b) => a.s - b.s || a.d - b.d)
			.slice(0, k)
			.map(x => x.d);
	const vocab = ['harbour', 'terminal', 'dredging', 'fishermen', 'council', 'tariff', 'quantum', 'orbital'];
	const texts = Array.from({length: 600}, (_, i) =>
		[vocab[i % 8], vocab[(i * 5 + 1) % 8], 'report', i % 3 ? vocab[(i * 3 + 2) % 8] : '', 'number', String(i)].filter(Boolean).join(' '),
	);

	it('ranks the texts as Fuse scores them, however many queries came before (past the words it keeps)', () => {
		const typing = new WordIndex(texts, 4);
		// Twenty queries typed a letter at a time, with typos: far more distinct words than the index keeps.
		const queries = Array.from({length: 20}, (_, q) => `${vocab[q % 8]!.slice(1)} ${vocab[(q + 3) % 8]!.replace(/[aeiou]/, '')}`);
		let compared = 0;
		for (const query of queries) {
			for (let n = 1; n <= query.length; n++) {
				const words = query.slice(0, n).split(' ').filter(Boolean);
				const want = fuseOrder(texts, words, 40);
				expect(typing.best(words, 0.25, 40), query.slice(0, n)).toEqual(want);
				compared += want.length;
			}
		}
		expect(compared).toBeGreaterThan(1000);
	});
	it('finds one- and two-letter words and digits inside words, shortest texts first', () => {
		const index = new WordIndex(texts);
		for (const words of [['a'], ['qu'], ['59'], ['7', 'er'], ['zz']])
			expect(index.best(words, 0.25, 30), words.join(' ')).toEqual(fuseOrder(texts, words, 30));
		expect(index.best(['zz'], 0.25, 30)).toEqual([]);
		expect(index.best(['59'], 0.25, 30).length).toBeGreaterThan(5);
	});
	it('indexes in slices, and a search indexes the rest first', () => {
		const index = new WordIndex(texts);
		expect(index.build(0)).toBe(false);
		expect(index.ready).toBe(false);
		expect(index.best(['fishermn'], 0.25, 10)).toEqual(fuseOrder(texts, ['fishermn'], 10));
		expect(index.ready).toBe(true);
	});
	it('finds a word that matches only across a space, as Fuse does, leading the query or not', () => {
		const some = [
			...Array.from({length: 300}, (_, i) => `flights from new york to ${['paris', 'lima', 'oslo'][i % 3]} number ${i}`),
			...Array.from({length: 300}, (_, i) => `flights from newark to ${['paris', 'lima', 'oslo'][i % 3]} number ${i}`),
			'the hong kong stock exchange opened lower',
			'a hongkong-listed firm',
			'kong and hong are names',
		];
		const index = new WordIndex(some);
		for (const words of [
			['newyork'],
			['newyork', 'lima'],
			['lima', 'newyork'],
			['hongkong'],
			['hongkong', 'exchange'],
			['stock', 'hongkong'],
		]) {
			const want = fuseOrder(some, words, 50);
			expect(want.length, words.join(' ')).toBeGreaterThan(0);
			expect(index.best(words, 0.25, 50), words.join(' ')).toEqual(want);
		}
		// "newyork" in "new york" costs one edit, for the space: "newark" is two away.
		expect(
			index
				.best(['newyork'], 0.25, 500)
				.map(d => some[d]!)
				.every(t => t.includes('new york')),
		).toBe(true);
	});
	it('answers a query of more words than it keeps the matches of', () => {
		const index = new WordIndex(texts, 2);
		for (const words of [
			['harbor', 'terminl', 'report', 'numbr'],
			['fishermen', 'council', 'quantm', 'orbital', 'tarif'],
		])
			expect(index.best(words, 0.25, 20), words.join(' ')).toEqual(fuseOrder(texts, words, 20));
	});
	it('keeps every text Fuse scores better than its last, where each word matches inside one word of the text', () => {
		// Random texts over a few letters, where matches across a space and ties are everywhere. A text is
		// "clean" when each query word's best match lies inside one of its words; for those the index must
		// agree with Fuse. Whatever it returns must be a match, as Fuse measures it over the whole text.
		const word = fc.stringMatching(/^[abcd]{1,7}$/);
		const text = fc.array(word, {minLength: 1, maxLength: 8}).map(ws => ws.join(' '));
		fc.assert(
			fc.property(
				fc.array(text, {minLength: 1, maxLength: 60}),
				fc.array(fc.stringMatching(/^[abcd]{1,9}$/), {minLength: 1, maxLength: 3}),
				fc.integer({min: 1, max: 10}),
				(some, words, k) => {
					const most = words.map(w => Math.floor(w.length * 0.25));
					const whole = (t: string) => words.map(w => editMatcher(w)(t));
					const within = (t: string) => words.map(w => Math.min(...t.split(' ').map(x => editMatcher(w)(x))));
					const score = (t: string) => {
						const norm = Math.round(1000 / Math.sqrt(t.split(' ').filter(Boolean).length)) / 1000;
						return whole(t).reduce((p, e, i) => p * Math.max(0.001, e / words[i]!.length) ** Math.fround(norm), 1);
					};
					const got = new WordIndex(some).best(words, 0.25, k);
					for (const d of got) expect(whole(some[d]!).every((e, i) => e <= most[i]!)).toBe(true);
					const clean = some
						.map((t, d) => ({d, t}))
						.filter(({t}) => {
							const a = whole(t);
							const b = within(t);
							return a.every((e, i) => e <= most[i]! && e === b[i]);
						});
					// Best first, as Fuse scores them (the clean ones: elsewhere the index may think a text worse).
					const cleanGot = got.filter(d => clean.some(c => c.d === d)).map(d => score(some[d]!));
					for (let i = 1; i < cleanGot.length; i++) expect(cleanGot[i]!).toBeGreaterThanOrEqual(cleanGot[i - 1]! - 1e-12);
					const kept = new Set(got);
					const worst = got.length < k ? Number.POSITIVE_INFINITY : Math.max(...got.map(d => score(some[d]!)));
					for (const {d, t} of clean)
						if (score(t) < worst) expect(kept.has(d), `${JSON.stringify(words)} in ${JSON.stringify(t)}`).toBe(true);
				},
			),
			{numRuns: 300},
		);
	});
	it('gives the top five of Fuse on 300 small random corpora over four letters (seeded)', () => {
		let seed = 1;
		const random = () => {
			seed = (seed * 16807) % 2147483647;
			return seed / 2147483647;
		};
		const word = (n: number) => Array.from({length: 1 + Math.floor(random() * n)}, () => 'abcd'[Math.floor(random() * 4)]).join('');
		let compared = 0;
		for (let run = 0; run < 300; run++) {
			const some = Array.from({length: 40}, () => Array.from({length: 1 + Math.floor(random() * 8)}, () => word(7)).join(' '));
			const words = Array.from({length: 1 + Math.floor(random() * 3)}, () => word(9));
			const want = fuseOrder(some, words, 5);
			expect(new WordIndex(some).best(words, 0.25, 5), `${run}: ${words.join(' ')}`).toEqual(want);
			compared += want.length;
		}
		expect(compared).toBeGreaterThan(300);
	});
	it('matches a word with punctuation and other scripts around it', () => {
		const some = ['the port of "harbour," said', 'un puerto (harbour) en', '港口harbour港口 today', 'no match here at all'];
		const index = new WordIndex(some);
		expect(index.best(['harbor'], 0.25, 10)).toEqual(fuseOrder(some, ['harbor'], 10));
		expect(index.best(['harbor'], 0.25, 10)).toHaveLength(3);
		expect(index.best(['港口'], 0.25, 10)).toEqual([2]);
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
