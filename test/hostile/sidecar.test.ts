// The smaller ones, in the sidecar: a byte order mark, impossible dates, a title of 10 MB, odd keys.
import {describe, expect, it} from 'vitest';
import {isDate, MAX_META_CHARS, parseSidecar} from '../../source/core/sidecar.js';
import {loadCorpus, SIDECAR_MAX_BYTES} from '../../source/io/read-corpus.js';
import {makeCorpus} from '../helpers.js';

const GOOD = 'Harbour news\nThe harbour authority approved a new container terminal on Tuesday after months of debate.\n';

describe('the sidecar', () => {
	it('accepts a UTF-8 byte order mark, as Windows editors write one', () => {
		const sidecar = '\uFEFF{"sources": {"a.txt": {"title": "Given title", "date": "2026-02-05"}}}';
		const dir = makeCorpus({'a.txt': GOOD, 'churnscope.json': sidecar});
		const c = loadCorpus(dir);
		expect(c.warnings).toEqual([]);
		expect(c.sources[0]).toMatchObject({title: 'Given title', date: '2026-02-05'});
		expect(parseSidecar(sidecar, [])).toEqual({'a.txt': {title: 'Given title', date: '2026-02-05'}});
	});

	it('rejects dates that do not exist, with a warning', () => {
		for (const date of ['2026-13-01', '2026-00-10', '2025-02-29', '2026-04-31', '2026-01-00', '2026-1-5']) {
			const warnings: string[] = [];
			expect(parseSidecar(JSON.stringify({sources: {'a.txt': {date}}}), warnings)['a.txt'], date).toEqual({});
			expect(warnings, date).toEqual([`churnscope.json: a.txt.date "${date}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD; ignored`]);
		}
		for (const date of ['2026', '2026-12', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isDate(date), date).toBe(true);
		expect(isDate('1900-02-29')).toBe(false);
	});

	it('cuts a 10 MB title or publisher to 500 characters at load, with a warning', () => {
		const huge = 'T'.repeat(10_000_000);
		const dir = makeCorpus({'a.txt': GOOD, 'churnscope.json': JSON.stringify({sources: {'a.txt': {title: huge, publisher: huge}}})});
		const c = loadCorpus(dir);
		expect(c.sources[0]!.title).toHaveLength(MAX_META_CHARS);
		expect(c.sources[0]!.publisher).toHaveLength(MAX_META_CHARS);
		expect(c.warnings).toEqual([
			'churnscope.json: a.txt.title is 10000000 characters long; cut to 500',
			'churnscope.json: a.txt.publisher is 10000000 characters long; cut to 500',
		]);
		// Never half a surrogate pair at the cut.
		const emoji = parseSidecar(JSON.stringify({sources: {'a.txt': {title: 'x' + '😀'.repeat(400)}}}), [])['a.txt']!.title!;
		expect(emoji).toHaveLength(499);
		expect(emoji.charCodeAt(emoji.length - 1)).not.toBe(0xd83d);
	});

	it('keeps files called like Object properties apart from the prototype', () => {
		const sidecar = '{"sources": {"constructor": {"title": "C"}, "__proto__": {"title": "P"}, "toString": {"title": "S"}}}';
		const dir = makeCorpus({
			constructor: GOOD,
			toString: GOOD.replace('Harbour', 'River'),
			hasOwnProperty: GOOD.replace('news', 'notes'),
			'churnscope.json': sidecar,
		});
		const c = loadCorpus(dir);
		const titles = Object.fromEntries(c.sources.map(s => [s.id, s.title]));
		expect(titles).toEqual({constructor: 'C', hasOwnProperty: 'Harbour notes', toString: 'S'});
		expect(c.warnings).toEqual(['churnscope.json: no source named __proto__']);
	});

	it('skips a sidecar over its own size cap, and says so', () => {
		expect(SIDECAR_MAX_BYTES).toBeGreaterThan(10_000_000);
		const dir = makeCorpus({'a.txt': GOOD, 'churnscope.json': `{"sources": {}, "pad": "${'x'.repeat(SIDECAR_MAX_BYTES)}"}`});
		const c = loadCorpus(dir);
		expect(c.sources[0]!.title).toBe('Harbour news');
		expect(c.warnings).toEqual([`churnscope.json: over its ${SIDECAR_MAX_BYTES}-byte limit; not read, metadata inferred from the texts`]);
	});
});
