import {describe, expect, it} from 'vitest';
import {analyze} from '../../source/core/analysis.js';
import {ledger} from '../../source/core/ledger.js';
import {buildSource} from '../../source/core/source.js';

const ORIGIN = [
	'The harbour authority approved a new container terminal on Tuesday after months of public debate.',
	'About 3 million visitors came to the old port last year, the authority said in its annual report.',
	'The new terminal will cost 3 million yuan to design and will handle larger ships from 2027 onwards.',
	'Local fishermen protested against the dredging plans outside the city hall for the third week.',
].join(' ');
const COPY = [
	'The harbour authority approved a new container terminal on Tuesday after months of public debate.',
	'More than 3 million visitors came to the old port last year, the authority said in its annual report.',
	'The new terminal will cost 3.5 million yuan to design and will handle larger ships from 2027 onwards.',
	'Local fishermen protested against the dredging plans outside the city hall for the third week.',
].join(' ');
const OTHER = [
	'Sales of electric bicycles rose 3 million units in the northern provinces, a trade group reported.',
	'Battery makers expect the market to keep growing as cities add charging stations along main roads.',
].join(' ');

describe('the figures ledger', () => {
	const sources = [
		buildSource('origin.txt', Buffer.from(ORIGIN), {date: '2026-01-01'}),
		buildSource('copy.txt', Buffer.from(COPY), {date: '2026-01-02'}),
		buildSource('other.txt', Buffer.from(OTHER), {date: '2026-01-03'}),
	];
	const an = analyze({dir: '', sources, warnings: []});
	const rows = ledger(sources, an.pairs);
	const rowOf = (source: string, text: string) => rows.find(r => r.occurrences.some(o => o.source === source && o.figure.text === text))!;

	it('makes one row of a claim and its copies, with the hedge drift and the change noted', () => {
		expect(an.pairs.length).toBeGreaterThan(0);
		const visitors = rowOf('origin.txt', '3 million');
		expect(visitors.sources.sort()).toEqual(['copy.txt', 'origin.txt']);
		expect(visitors.hedged).toEqual(['about → more than in copy.txt']);
		const cost = rowOf('origin.txt', '3 million yuan');
		expect(cost.sources.sort()).toEqual(['copy.txt', 'origin.txt']);
		expect(cost.changed).toEqual(['3.5 m CNY in copy.txt']);
	});
	it('never merges equal values that measure different things or come from unrelated texts', () => {
		expect(rowOf('origin.txt', '3 million')).not.toBe(rowOf('origin.txt', '3 million yuan'));
		const units = rowOf('other.txt', '3 million');
		expect(units.sources).toEqual(['other.txt']);
		expect(units).not.toBe(rowOf('origin.txt', '3 million'));
	});
});
