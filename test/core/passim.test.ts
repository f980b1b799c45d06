import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	alignmentsToSpanPairs,
	clustersToMemberSpans,
	codePointOffsets,
	corpusOf,
	parseAlignment,
	parseInput,
	parseJsonLine,
	parsePassage,
	passimDocument,
	passimLines,
	seriesOf,
	sourceOf,
	toOurOffsets,
	type PassimPassage,
} from '../../source/core/passim.js';
import {familiesFromSpans} from '../../source/core/families.js';
import {buildSource, type Corpus} from '../../source/core/source.js';

const source = (id: string, text: string, meta: Parameters<typeof buildSource>[2] = {}) =>
	buildSource(id, new TextEncoder().encode(text), meta);
const corpus = (...sources: ReturnType<typeof source>[]): Corpus => ({dir: '.', sources, warnings: []});
const passage = (fields: Record<string, unknown>): PassimPassage => {
	const p = parsePassage({cluster: 1, size: 2, ...fields});
	if (typeof p === 'string') throw new Error(p);
	return p;
};

describe('our corpus as passim input', () => {
	it('writes one JSON line per source with id, series, date, text exactly, and the sidecar fields', () => {
		const a = source('site/a.txt', 'Title\n\nA line with “quotes”, a tab\t and an emoji 🇰🇷.\r\n', {
			publisher: 'Daily',
			date: '2025-05-21',
			url: 'https://www.example.com/a',
		});
		const b = source('b.txt', 'Second text.\n');
		const lines = [...passimLines([a, b])];
		expect(lines).toHaveLength(2);
		for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
		const docs = lines.map(l => JSON.parse(l) as Record<string, string>);
		expect(docs[0]).toEqual({
			id: 'site/a.txt',
			series: 'Daily',
			date: '2025-05-21',
			title: 'Title',
			publisher: 'Daily',
			url: 'https://www.example.com/a',
			text: a.text,
		});
		expect(Object.keys(docs[1]!)).toEqual(['id', 'series', 'title', 'text']);
		expect(docs[1]!['text']).toBe('Second text.\n');
	});
	it('takes the series from the publisher, else the URL host, else the top folder, else the file', () => {
		const s = (id: string, publisher: string | null, url: string | null) => seriesOf({id, publisher, url});
		expect(s('x/a.txt', 'The Daily', 'https://www.daily.com/a')).toBe('The Daily');
		expect(s('x/a.txt', ' ', 'https://www.Daily.com/a')).toBe('daily.com');
		expect(s('x/a.txt', null, 'not a url')).toBe('x');
		expect(s('a.txt', null, null)).toBe('a.txt');
	});
	it('reads its own export back to the same texts and metadata', () => {
		const a = source('a.html', '<p>Fish &amp; chips</p>', {title: 'T', publisher: 'P', date: '2025-01', url: 'https://p.org/a'});
		const doc = parseInput(JSON.parse(JSON.stringify(passimDocument(a))) as Record<string, unknown>);
		if (typeof doc === 'string') throw new Error(doc);
		const back = sourceOf(doc);
		// The extracted text is taken as it is: an .html id does not extract it a second time.
		expect(back.text).toBe(a.text);
		expect(back.text).toBe('Fish & chips');
		expect(back).toMatchObject({id: 'a.html', title: 'T', publisher: 'P', date: '2025-01', url: 'https://p.org/a'});
		// A leading BOM and mojibake-looking text stay, so passim's offsets index the same characters.
		const odd = parseInput({id: 'x', text: '\uFEFFcafÃ© menu'});
		if (typeof odd === 'string') throw new Error(odd);
		expect(sourceOf(odd).text).toBe('\uFEFFcafÃ© menu');
	});
	it('uses the series as the publisher when the input has none', () => {
		const doc = parseInput({id: 7, series: 'sn86069873', text: 'x'});
		expect(doc).toEqual({id: '7', text: 'x', meta: {publisher: 'sn86069873'}});
		expect(parseInput({series: 'a', text: 'x'})).toBe('no `id`');
		expect(parseInput({id: 'a', text: 3})).toBe('a: no `text`');
	});
	it('marks a duplicate text in the input as the same text as the first', () => {
		const c = corpusOf('.', [source('a', 'One text here.'), source('b', 'One text here.')], []);
		expect(c.sources[1]!.sameAs).toBe('a');
	});
});

describe('reading passim records', () => {
	it('keeps 64-bit uids exact and leaves strings alone', () => {
		const r = parseJsonLine('{"uid":9154663934006733666,"src":[{"uid":-8750091967553694763,"begin":1,"end":2}],"text":"{\\"uid\\":1}"}');
		expect(r).toEqual({uid: '9154663934006733666', src: [{uid: '-8750091967553694763', begin: 1, end: 2}], text: '{"uid":1}'});
		expect(parseJsonLine('[1]')).toBe('not a JSON object');
		expect(parseJsonLine('{"a":')).toMatch(/^not JSON/);
	});
	it('validates passages: cluster, id, offsets', () => {
		expect(parsePassage({id: 'a', begin: 0, end: 4})).toMatch(/no `cluster`/);
		expect(parsePassage({cluster: 2 ** 60, id: 'a', begin: 0, end: 4})).toMatch(/not an integer/);
		expect(parsePassage({cluster: 1, begin: 0, end: 4})).toMatch(/no `id`/);
		expect(parsePassage({cluster: 1, id: 'a', begin: 5, end: 5})).toMatch(/empty passage/);
		expect(parsePassage({cluster: 1, id: 'a', begin: -1, end: 5})).toMatch(/not offsets/);
		expect(parsePassage({cluster: 1, id: 'a', begin: '0', end: 5})).toMatch(/not offsets/);
		const p2 = passage({id: 'a', begin: 0, end: 4, uid: '12', src: [{uid: '9', begin: 3, end: 7}, {bad: 1}], pboiler: 0, text: 'abcd'});
		expect(p2).toMatchObject({version: 2, uid: '12', src: [{uid: '9', begin: 3, end: 7}], pboiler: 0, text: 'abcd'});
		expect(passage({id: 'a', begin: 0, end: 4}).version).toBe(1);
	});
	it("reads passim 2's alignments and names passim 1's as not read", () => {
		const a = parseAlignment({id: 'a', id2: 'b', begin: 0, end: 3, begin2: 5, end2: 9, s1: 'ab-c', s2: 'abxc', matches: 3, uid: '1'});
		expect(a).toMatchObject({id: 'a', id2: 'b', begin: 0, end: 3, begin2: 5, end2: 9, matches: 3, uid: '1', uid2: null});
		expect(parseAlignment({id1: 'a', id2: 'b', b1: 0, e1: 3})).toMatch(/passim 1's pairwise output/);
		expect(parseAlignment({id: 'a', id2: 'b', begin: 0, end: 3, begin2: 9, end2: 5})).toMatch(/empty passage/);
	});
});

describe("passim's offsets as ours", () => {
	const text = '🇰🇷 Korea: the 50 containers left Tianjin. 🚂 More.';
	it('counts code points, which emoji make differ from JavaScript offsets', () => {
		const at = codePointOffsets(text);
		expect(at(0)).toBe(0);
		expect(at(1)).toBe(2); // past the first regional indicator
		expect(at([...text].length)).toBe(text.length);
		expect(at([...text].length + 1)).toBeNull();
		expect(codePointOffsets('plain')(5)).toBe(5);
	});
	it("finds the passage passim wrote: code points, passim 2's one-early text, or passim 1's UTF-16 units", () => {
		const passage = 'the 50 containers left Tianjin.';
		const start = text.indexOf(passage);
		const cpBegin = [...text.slice(0, start)].length;
		const cpEnd = cpBegin + [...passage].length;
		const exact = {reported: (s: string) => s === passage, shifted: true};
		expect(toOurOffsets(text, cpBegin, cpEnd, exact, 2)).toEqual({start, end: start + passage.length});
		// passim 2 cuts its text with Spark's 1-based substr: one character early.
		const early = [...text].slice(cpBegin - 1, cpEnd - 1).join('');
		expect(toOurOffsets(text, cpBegin, cpEnd, {reported: s => s === early, shifted: true}, 2)).toEqual({
			start,
			end: start + passage.length,
		});
		expect(toOurOffsets(text, cpBegin, cpEnd, {reported: s => s === early, shifted: false}, 2)).toMatch(/not the passage passim wrote/);
		// passim 1 counted Java's UTF-16 units, as JavaScript does.
		expect(toOurOffsets(text, start, start + passage.length, exact, 1)).toEqual({start, end: start + passage.length});
		// Without a text to check, the version decides.
		expect(toOurOffsets(text, cpBegin, cpEnd, null, 2)).toEqual({start, end: start + passage.length});
		expect(toOurOffsets(text, start, start + passage.length, null, 1)).toEqual({start, end: start + passage.length});
		expect(toOurOffsets(text, 0, 500, null, 2)).toMatch(/run past the text/);
		expect(toOurOffsets(text, cpBegin, cpEnd, {reported: s => s === 'other', shifted: true}, 2)).toMatch(/input changed/);
	});
	it('maps any code-point span of any text back to the same characters (property)', () => {
		const chars = fc.constantFrom('a', 'b', ' ', '\n', 'é', '—', '中', '🇰', '🇷', '😀', '\u{1F682}');
		fc.assert(
			fc.property(fc.array(chars, {minLength: 2, maxLength: 60}), fc.nat(), fc.nat(), (cps, x, y) => {
				const t = cps.join('');
				const b = x % (cps.length - 1);
				const e = b + 1 + (y % (cps.length - b - 1 || 1));
				const want = cps.slice(b, e).join('');
				const early = cps.slice(Math.max(0, b - 1), Math.max(0, b - 1) + e - b).join('');
				for (const reported of [want, b > 0 ? early : want]) {
					const got = toOurOffsets(t, b, e, {reported: s => s === reported, shifted: true}, 2);
					if (typeof got === 'string') return false;
					if (t.slice(got.start, got.end) !== want) return false;
				}
				return true;
			}),
		);
	});
});

describe('clusters as families of spans', () => {
	const a = source('a.txt', 'Intro of a. The harbour authority approved a new container terminal on Tuesday after months of debate.');
	const b = source('b.txt', 'The harbour authority approved a new container terminal on Tuesday after months of debate. Then b goes on.', {
		date: '2025-01-02',
	});
	const c = corpus(a, b);
	const copied = 'The harbour authority approved a new container terminal on Tuesday after months of debate.';
	const at = (s: ReturnType<typeof source>) => ({begin: s.text.indexOf(copied), end: s.text.indexOf(copied) + copied.length});

	it('maps each passage to our offsets and drops clusters left with one member, with a warning for each problem', () => {
		const warnings: string[] = [];
		const families = clustersToMemberSpans(
			[
				passage({cluster: 4, id: 'a.txt', ...at(a), text: copied}),
				passage({cluster: 4, id: 'b.txt', ...at(b), text: copied}),
				passage({cluster: 4, id: 'b.txt', ...at(b), text: copied}),
				passage({cluster: 9, id: 'a.txt', begin: 0, end: 5, text: 'Intro'}),
				passage({cluster: 9, id: 'gone.txt', begin: 0, end: 5}),
				passage({cluster: 11, id: 'a.txt', begin: 0, end: 5, text: 'Wrong'}),
				passage({cluster: 11, id: 'b.txt', begin: 0, end: 3, text: 'The'}),
			],
			c,
			m => warnings.push(m),
		);
		expect(families).toEqual([
			{
				cluster: 4,
				members: [
					{source: 'a.txt', start: at(a).begin, end: at(a).end},
					{source: 'b.txt', start: 0, end: copied.length},
				],
			},
		]);
		expect(warnings).toEqual([
			'cluster 9: passage of "gone.txt", a document not in passim\'s input',
			expect.stringMatching(/^cluster 11, a\.txt: the text at `begin`–`end` 0–5 is not the passage passim wrote/),
		]);
		for (const f of families)
			for (const m of f.members) expect(c.sources.find(s => s.id === m.source)!.text.slice(m.start, m.end)).toBe(copied);
	});
	it('maps alignments, checking their aligned text with the gaps taken out', () => {
		const warnings: string[] = [];
		const pairs = alignmentsToSpanPairs(
			[
				{
					id: 'a.txt',
					id2: 'b.txt',
					uid: null,
					uid2: null,
					...at(a),
					begin2: at(b).begin,
					end2: at(b).end,
					s1: copied,
					s2: copied,
					matches: 91,
				},
				{id: 'a.txt', id2: 'b.txt', uid: null, uid2: null, begin: 0, end: 5, begin2: 0, end2: 5, s1: 'Int-ro', s2: 'The h-', matches: 0},
				{id: 'a.txt', id2: 'b.txt', uid: null, uid2: null, begin: 0, end: 5, begin2: 0, end2: 5, s1: 'Other', s2: 'The h', matches: 0},
				{id: 'a.txt', id2: 'zz', uid: null, uid2: null, begin: 0, end: 5, begin2: 0, end2: 5, s1: null, s2: null, matches: null},
			],
			c,
			m => warnings.push(m),
		);
		expect(pairs).toEqual([
			{a: {source: 'a.txt', start: at(a).begin, end: at(a).end}, b: {source: 'b.txt', start: 0, end: copied.length}, matches: 91},
			{a: {source: 'a.txt', start: 0, end: 5}, b: {source: 'b.txt', start: 0, end: 5}, matches: 0},
		]);
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toMatch(/not the passage passim wrote/);
		expect(warnings[1]).toMatch(/"zz" is not in passim's input/);
	});
	it('makes each cluster a family: origin the dated member, members lined up with it sentence by sentence', () => {
		const clusters = [
			[
				{source: 'a.txt', start: 0, end: a.text.length},
				{source: 'b.txt', start: 0, end: copied.length},
			],
		];
		const undated = familiesFromSpans(c.sources, clusters);
		expect(undated.families).toHaveLength(1);
		expect(undated.pairs).toHaveLength(1);
		const p = undated.pairs[0]!;
		// b is dated and a is not: b is the origin, though no date compares the two (direction undated).
		expect(p).toMatchObject({direction: 'undated', kind: 'verbatim', similarity: 1, family: 0});
		// Each side is the sentences that line up: a's intro is not copied.
		expect(p.a).toMatchObject({source: 'b.txt', start: 0, end: copied.length, text: copied});
		expect(p.b).toMatchObject({source: 'a.txt', start: at(a).begin, end: at(a).end, text: copied});
		expect(p.parts).toEqual([{a: 0, b: 1, similarity: 1, kind: 'verbatim'}]);
		const a2 = source('a.txt', a.text, {date: '2025-03-01'});
		const dated = familiesFromSpans([a2, b], clusters);
		expect(dated.pairs[0]).toMatchObject({direction: 'dated', a: {source: 'b.txt'}, b: {source: 'a.txt'}});
	});
});
