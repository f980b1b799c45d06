// Every view at the sizes the explorer promises, 40×12 to 300×80: no row wider than the terminal (so
// none wraps) and the frame never taller than it.
import {describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {makeTheme} from '../../source/ui/theme.js';
import {corpus, familyAnalysis} from './fixtures.js';
import {KEYS, linesOf, renderSized, widest} from './harness.js';

const SIZES = [
	{columns: 40, rows: 12},
	{columns: 60, rows: 20},
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 300, rows: 80},
];

/** Each view, reached from the sources list by keys, and a pattern its frame shows. */
const VIEWS: {name: string; keys: string[]; shows: RegExp}[] = [
	{name: 'sources', keys: [], shows: /SOURCES/},
	{name: 'sources, filtering', keys: ['/', 'china'], shows: /\/ china/},
	{name: 'help', keys: ['?'], shows: /Keys: Sources/},
	{name: 'sort menu', keys: ['O'], shows: /Sort by/},
	{name: 'reader', keys: [KEYS.enter, 'n'], shows: /READER/},
	{name: 'reader, last line', keys: [KEYS.enter, 'G'], shows: /READER/},
	{name: 'compare', keys: ['c'], shows: /COMPARE/},
	{name: 'compare, free scrolling, figures', keys: ['c', 'l', KEYS.shiftTab, 'G'], shows: /COMPARE/},
	{name: 'export menu', keys: ['c', 'x'], shows: /Export a report/},
	{name: 'search', keys: [KEYS.ctrl('f')], shows: /type to search/},
	{name: 'search results', keys: [KEYS.ctrl('f'), 'china innovation'], shows: /results/},
	{name: 'families', keys: ['2'], shows: /FAMILIES/},
	{name: 'family', keys: ['2', KEYS.enter], shows: /FAMILY ·/},
	{name: 'family, figures', keys: ['2', KEYS.enter, KEYS.tab, 'G'], shows: /FAMILY ·/},
	{name: 'figures ledger', keys: ['3'], shows: /FIGURES/},
	{name: 'figures, kind menu', keys: ['3', 't'], shows: /Show figures of kind/},
	{name: 'warnings', keys: ['!'], shows: /WARNINGS/},
];

describe('layout at every size', () => {
	for (const size of SIZES) {
		for (const theme of [makeTheme({NO_COLOR: '1'}), makeTheme({}, 'light')]) {
			it(`fits ${size.columns}×${size.rows} (${theme.color ? theme.name : 'no colour'}) in every view`, async () => {
				for (const view of VIEWS) {
					const app = renderSized(<App corpus={corpus} analysis={familyAnalysis} size={size} theme={theme} />, size);
					await app.waitFor(/SOURCES · 1\/5/);
					for (const k of view.keys) app.stdin.write(k);
					const f = await app.waitFor(view.shows);
					expect(widest(f), `${view.name}: widest row`).toBeLessThanOrEqual(size.columns);
					const lines = linesOf(f);
					expect(lines.length, `${view.name}: rows`).toBeLessThanOrEqual(size.rows);
					// A view taller than its room would push the status line out of the frame (Ink cuts what overflows).
					expect(lines[lines.length - 1], `${view.name}: the status line is the last row`).toMatch(/^ [A-Z]+ /);
					expect(lines.length, `${view.name}: every row drawn`).toBe(size.rows - 1);
					app.unmount();
				}
			}, 60_000);
		}
	}
});
