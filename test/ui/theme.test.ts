import {describe, expect, it} from 'vitest';
import {buildModel} from '../../source/state/model.js';
import {readerScreen} from '../../source/ui/screens.js';
import {makeTheme, styleOf, themeName} from '../../source/ui/theme.js';
import {chartLines} from '../../source/ui/views/figures-view.js';
import {analysis, corpus} from './fixtures.js';

describe('palettes', () => {
	it('chooses light or dark from the flag, then the environment, then the terminal', () => {
		expect(themeName('light', {})).toBe('light');
		expect(themeName(undefined, {CHURNSCOPE_THEME: 'light', COLORFGBG: '15;0'})).toBe('light');
		expect(themeName(undefined, {COLORFGBG: '0;15'})).toBe('light');
		expect(themeName(undefined, {COLORFGBG: '0;default;7'})).toBe('light');
		expect(themeName(undefined, {COLORFGBG: '15;0'})).toBe('dark');
		expect(themeName(undefined, {})).toBe('dark');
		expect(themeName('sepia', {})).toBe('dark');
	});
	it('uses no colour that vanishes on a light background', () => {
		const light = makeTheme({}, 'light');
		// Text on its own background (the status line) may be white; text on the terminal's may not.
		const colours = [...Object.values(light.roles), ...light.sources]
			.filter(s => !s.backgroundColor)
			.map(s => s.color)
			.filter(Boolean);
		for (const c of colours) expect(c).not.toMatch(/^(white|whiteBright|yellow|yellowBright|cyanBright|greenBright)$/);
	});
	it('makes every distinction without colour too', () => {
		const mono = makeTheme({NO_COLOR: '1'});
		expect(mono.color).toBe(false);
		const look = (role: string) => JSON.stringify(styleOf(mono, [role]));
		// Shared, changed and one-side-only words; the figure statuses: each looks different.
		expect(new Set(['shared', 'diffChanged', 'onlyA'].map(look)).size).toBe(3);
		expect(new Set(['same', 'changed', 'hedged', 'missing', 'added'].map(look)).size).toBe(5);
		expect(makeTheme({TERM: 'dumb'}).color).toBe(false);
	});
});

describe('the reader', () => {
	it('does not dim a copied paragraph as boilerplate', () => {
		// A passage that is both shared and (by a guess of the boilerplate rules) furniture is shown as shared.
		const theme = makeTheme({}, 'dark');
		expect(styleOf(theme, ['boilerplate', 'source:1']).dimColor).toBeUndefined();
		expect(styleOf(theme, ['boilerplate']).dimColor).toBe(true);
		const model = buildModel(corpus, analysis);
		const screen = readerScreen(model, '000_3852ac365e34d611.txt', 100, null, null);
		const shared = screen.lines.flatMap(l => l.segs).filter(s => s.roles.some(r => r.startsWith('source:')));
		expect(shared.length).toBeGreaterThan(0);
		for (const s of shared) expect(styleOf(theme, s.roles).dimColor).toBeUndefined();
		expect(screen.legend.map(l => l.source)).toEqual(['001_ceee5b9b1f5f8ff4.txt']);
	});
});

describe('the figures chart', () => {
	it('draws a better rank as a longer bar, and shows only the kind the ledger is filtered to', () => {
		const model = buildModel(corpus, analysis);
		const lines = chartLines(model, 100, 20, null);
		expect(lines[0]!.text).toMatch(/rank over time \(longer bar: higher rank\)/);
		const bar = (year: number) => lines.find(l => l.text.includes(`  ${year}  `))!.text.match(/█+/)![0].length;
		// China rose from 34th (2012) to 11th (2024): the 2024 bar is the longer.
		expect(bar(2024)).toBeGreaterThan(bar(2019));
		expect(bar(2019)).toBeGreaterThan(bar(2012));
		for (const kind of ['money', 'percent', 'rank'] as const)
			for (const l of chartLines(model, 100, 20, kind).filter(x => x.title)) expect(l.text).toContain(`: ${kind}`);
		expect(chartLines(model, 100, 20, 'ratio')).toEqual([]);
	});
});
