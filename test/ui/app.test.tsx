import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {analyze} from '../../source/core/analysis.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {App} from '../../source/ui/app.js';
import {Loading, progressText} from '../../source/ui/run.js';
import {makeTheme} from '../../source/ui/theme.js';
import {SEED} from '../helpers.js';

const corpus = loadCorpus(SEED);
const analysis = analyze(corpus);
const theme = makeTheme({NO_COLOR: '1'});
const tick = (ms = 30) => new Promise(r => setTimeout(r, ms));

async function start(size = {columns: 100, rows: 34}) {
	const app = render(<App corpus={corpus} analysis={analysis} size={size} theme={theme} />);
	await tick();
	const press = async (...keys: string[]) => {
		for (const k of keys) {
			app.stdin.write(k);
			await tick(k === '\x1b' ? 80 : 30);
		}
		return app.lastFrame() ?? '';
	};
	return {...app, press, frame: () => app.lastFrame() ?? ''};
}

const ENTER = '\r';
const ESC = '\x1b';
const DOWN = '\x1b[B';
const TAB = '\t';

describe('explorer', () => {
	it('says what the analysis is doing while it runs, then drops it', async () => {
		const app = render(
			<App corpus={corpus} analysis={null} progress="comparing sentences 3/5" size={{columns: 120, rows: 20}} theme={theme} />,
		);
		await tick();
		expect(app.lastFrame()).toMatch(/SOURCES · 1\/5 · analysing reuse… comparing sentences 3\/5/);
		app.rerender(<App corpus={corpus} analysis={analysis} size={{columns: 120, rows: 20}} theme={theme} />);
		await tick();
		expect(app.lastFrame()).not.toContain('analysing');
		app.unmount();
		const loading = render(<Loading dir="/archive" progress={progressText('reading files', 1234, 10000)} onAbort={() => undefined} />);
		expect(loading.lastFrame()).toContain('Loading /archive…');
		expect(loading.lastFrame()).toContain('reading files 1,234/10,000');
		expect(progressText('lining up passages', 0, 0)).toBe('lining up passages');
		loading.unmount();
	});

	it('opens on the sources, one row each, with the keys in the status line', async () => {
		const app = await start();
		const f = app.frame();
		expect(f).toContain('5 sources');
		for (const s of corpus.sources) expect(f).toContain(s.title.slice(0, 20));
		expect(f).toContain('91%');
		expect(f).toMatch(/SOURCES · 1\/5 .*⏎ read/);
		expect(f.split('\n').length).toBeLessThanOrEqual(33);
		app.unmount();
	});

	it('reads a source, steps to a reused passage and compares it side by side', async () => {
		const app = await start();
		let f = await app.press(ENTER);
		expect(f).toContain('China marked a series of landmark achievements');
		expect(f).toMatch(/READER · 000 · line 1\//);
		f = await app.press('n', 'n');
		expect(f).toMatch(/passage 2\/6: \w+ [\d.]+ with 001/);
		f = await app.press(ENTER);
		expect(f).toContain('A 001 (origin)');
		expect(f).toContain('B 000');
		expect(f).toMatch(/The World Intellectual Property.*│ The World Intellectual Property/);
		expect(f).toMatch(/rank +10th +tenth +#10 +same/);
		expect(f).toMatch(/money +\$1\.81 trillion +— +1\.81 tn USD +missing/);
		expect(f).toMatch(/COMPARE · 001 ⇄ 000 · 3\/6/);
		f = await app.press(']');
		expect(f).toContain('Chinese artificial intelligence (AI) companies');
		expect(f).toMatch(/COMPARE · 001 ⇄ 000 · 4\/6/);
		f = await app.press('[', '[');
		expect(f).toMatch(/COMPARE · 001 ⇄ 000 · 2\/6/);
		f = await app.press(TAB);
		expect(f).toMatch(/▶ B 000/);
		f = await app.press(ESC);
		expect(f).toMatch(/READER · 000/);
		app.unmount();
	});

	it('searches as the user types, letters going to the query, and opens a hit', async () => {
		const app = await start();
		let f = await app.press('/');
		expect(f).toMatch(/type to search/);
		f = await app.press(...'telecomunication q'.split(''));
		expect(f).toContain('/ telecomunication q');
		f = await app.press('\x7f', '\x7f');
		expect(f).toMatch(/\d+ results/);
		expect(f).toContain('Telecommunication Union');
		f = await app.press(ENTER);
		expect(f).toMatch(/READER · 00[01]/);
		expect(f).toContain('International Telecommunication');
		f = await app.press(ESC);
		expect(f).toContain('/ telecomunication');
		f = await app.press(ESC);
		expect(f).toMatch(/SOURCES/);
		app.unmount();
	});

	it('shows the figures ledger with a chart of a quantity over years, filtered by kind', async () => {
		const app = await start();
		let f = await app.press('f');
		expect(f).toContain('Figures ledger');
		expect(f).toMatch(/003: rank over time/);
		expect(f).toMatch(/2012 +█+ +#34/);
		expect(f).toMatch(/money +142 bn USD +000 001/);
		f = await app.press(TAB, TAB);
		expect(f).toContain('Figures ledger — percent');
		expect(f).toContain('eight percent');
		f = await app.press(DOWN, ENTER);
		expect(f).toMatch(/READER · 004/);
		app.unmount();
	});

	it('shows the keys of the current view on ?', async () => {
		const app = await start();
		await app.press(ENTER);
		const f = await app.press('?');
		expect(f).toContain('Keys: reader');
		expect(f).toContain('next reused passage');
		expect(await app.press('?')).toMatch(/READER/);
		app.unmount();
	});

	it('says how large the terminal must be instead of drawing a broken layout', async () => {
		const app = await start({columns: 30, rows: 8});
		expect(app.frame()).toMatch(/need 40×12, have 30×8/);
		app.unmount();
	});

	it('shows a progress note while the analysis runs, with the list usable', async () => {
		const app = render(<App corpus={corpus} analysis={null} size={{columns: 100, rows: 30}} theme={theme} />);
		await tick();
		expect(app.lastFrame()).toContain('analysing reuse…');
		app.stdin.write(ENTER);
		await tick();
		expect(app.lastFrame()).toMatch(/READER · 000/);
		app.unmount();
	});

	it('browses a cached sources list while the texts load, opening nothing yet', async () => {
		const stub = {...corpus, sources: corpus.sources.map(s => ({...s, text: '', blocks: [], sentences: [], figures: []}))};
		const app = render(
			<App
				corpus={stub}
				analysis={{corpus: stub, pairs: [], families: [], repeats: [], stock: [], rows: analysis.rows}}
				preview
				size={{columns: 100, rows: 30}}
				theme={theme}
			/>,
		);
		await tick();
		expect(app.lastFrame()).toContain('loading texts…');
		expect(app.lastFrame()).toContain('91%');
		for (const k of [DOWN, ENTER, '/', 'f', 'c']) {
			app.stdin.write(k);
			await tick();
		}
		expect(app.lastFrame()).toMatch(/SOURCES · 2\/5/);
		app.unmount();
	});
});
