// Reuse travels and is stored without its passages' texts, and comes back exactly as it was found.
import {describe, expect, it} from 'vitest';
import {findReuse} from '../../source/core/reuse.js';
import {familiesWithoutTexts, pairsWithoutTexts, restoreTexts} from '../../source/core/reuse-json.js';
import type {Family, Pair} from '../../source/core/types.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {SEED} from '../helpers.js';

describe('reuse without its passages’ texts', () => {
	it('leaves every member’s and side’s text out, and cuts it back from the sources as it was', () => {
		const corpus = loadCorpus(SEED);
		const reuse = findReuse(corpus.sources);
		expect(reuse.families.length).toBeGreaterThan(0);
		expect(reuse.pairs.length).toBeGreaterThan(0);
		const families = JSON.parse(JSON.stringify(familiesWithoutTexts(reuse.families))) as Family[];
		const pairs = JSON.parse(JSON.stringify(pairsWithoutTexts(reuse.pairs))) as Pair[];
		for (const f of families) for (const m of f.members) expect(m.text).toBe('');
		for (const p of pairs) expect([p.a.text, p.b.text]).toEqual(['', '']);
		// The figures keep their own text.
		expect(families.some(f => f.figures.rows.some(r => r.figure.text !== ''))).toBe(true);
		// What was found is untouched.
		expect(reuse.families.every(f => f.members.every(m => m.text.length > 0))).toBe(true);
		const texts = new Map(corpus.sources.map(s => [s.id, s.text]));
		restoreTexts(families, pairs, id => texts.get(id));
		// Byte for byte, keys in their order.
		expect(JSON.stringify(families)).toBe(JSON.stringify(reuse.families));
		expect(JSON.stringify(pairs)).toBe(JSON.stringify(reuse.pairs));
	});
});
