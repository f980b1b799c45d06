// Line-up on real origin/copy pairs (test/fixtures/lineup): for every labelled figure, the status that
// lineUp gives on the figures of the gold's aligned sentences is the labelled one.

import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {lineupTable, scoreLineUp} from '../../bench/figures.js';
import {lineUp} from '../../source/core/figures.js';

/** Share of changed and hedged figures whose status must be right on the tuning pairs. */
const DRIFTED = 0.95;
/** Share of all labelled figures (same, missing and added too) right on the tuning pairs. */
const ALL = 0.95;

describe('figures lined up on real origin/copy pairs', () => {
	const score = scoreLineUp(join(import.meta.dirname, '..', 'fixtures', 'lineup'), lineUp);
	it('prints the table and covers the 40 changed or hedged figures', () => {
		process.stdout.write(`${lineupTable(score)}\n`);
		for (const e of score.tuningErrors) process.stdout.write(`  tuning: ${e.gold} expected, ${e.got} given: ${e.text} (${e.pair})\n`);
		expect(score.split.tuning.drifted + score.split.holdout.drifted).toBe(40);
	});
	it(`gets at least ${DRIFTED} of the changed and hedged figures right on the tuning pairs`, () => {
		const t = score.split.tuning;
		expect(t.driftedRight / t.drifted).toBeGreaterThanOrEqual(DRIFTED);
	});
	it(`gets at least ${ALL} of every labelled status right on the tuning pairs`, () => {
		const t = score.split.tuning;
		expect(t.right / t.figures).toBeGreaterThanOrEqual(ALL);
	});
});
