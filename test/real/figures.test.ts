// Extraction scored against 421 hand-labelled figures on 25 real pages in six languages
// (test/fixtures/figures; README lists the nine held-out pages, which were never looked at while tuning).

import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {figureTable, scoreFigures} from '../../bench/figures.js';

/** The targets for full correctness (kind, value, unit, hedge, furniture). */
const OVERALL = 0.95;
const PER_LANGUAGE = 0.9;

describe('figures on real multilingual news pages', () => {
	const score = scoreFigures(join(import.meta.dirname, '..', 'fixtures', 'figures'));
	it('prints the table (tuning, held-out, all)', () => {
		process.stdout.write(`${figureTable(score)}\n`);
		expect(score.articles).toHaveLength(25);
	});
	for (const split of ['tuning', 'all'] as const) {
		it(`reaches ${OVERALL} precision and recall overall and ${PER_LANGUAGE} in each language (${split} pages)`, () => {
			const s = score.split[split];
			expect(s.overall.full.precision).toBeGreaterThanOrEqual(OVERALL);
			expect(s.overall.full.recall).toBeGreaterThanOrEqual(OVERALL);
			for (const [lang, r] of Object.entries(s.languages)) {
				expect(r.full.precision, `${lang} precision`).toBeGreaterThanOrEqual(PER_LANGUAGE);
				expect(r.full.recall, `${lang} recall`).toBeGreaterThanOrEqual(PER_LANGUAGE);
			}
		});
	}
	it('scores the held-out pages apart (a finding, not a target to tune on)', () => {
		const h = score.split.holdout;
		expect(h.overall.gold).toBe(138);
		expect(Object.keys(h.languages).sort()).toEqual(['de', 'en', 'es', 'fr', 'ru', 'zh']);
	});
	it('lists furniture figures apart and every tuning figure right', () => {
		const furniture = score.tuningMismatches.filter(m => m.gold?.furniture || m.found?.furniture);
		expect(furniture).toEqual([]);
		expect(score.tuningMismatches).toEqual([]);
	});
	it('names each page in its own language', () => {
		for (const a of score.articles) expect(a.detected, a.name).toBe(a.language);
	});
});
