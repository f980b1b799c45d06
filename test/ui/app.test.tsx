import {describe, expect, it} from 'vitest';
import {pairPlain} from '../../source/core/report.js';
import {buildModel, readerPairs} from '../../source/state/model.js';
import {App, type ExplorerIO} from '../../source/ui/app.js';
import type {OpenPlan} from '../../source/ui/effects.js';
import {Loading, progressText} from '../../source/ui/run.js';
import {compareScreen} from '../../source/ui/screens.js';
import {makeTheme} from '../../source/ui/theme.js';
import {analyze} from '../../source/core/analysis.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {makeCorpus} from '../helpers.js';
import {analysis, big, corpus, FAMILY, familyAnalysis, figurePair} from './fixtures.js';
import {KEYS, linesOf, renderSized} from './harness.js';

const theme = makeTheme({NO_COLOR: '1'});
const start = (size = {columns: 100, rows: 34}, props: Partial<Parameters<typeof App>[0]> = {}) =>
	renderSized(<App corpus={corpus} analysis={analysis} size={size} theme={theme} {...props} />, size);

/** I/O that records what the app asked of it. */
function recordingIO() {
	const calls: {copy: string[]; open: OpenPlan[]; save: string[]} = {copy: [], open: [], save: []};
	const io: ExplorerIO = {
		copy: async text => {
			calls.copy.push(text);
			return 'via OSC 52';
		},
		open: plan => {
			calls.open.push(plan);
			return `less closed (${plan.source}, line ${plan.line})`;
		},
		save: async (name, target, format) => {
			calls.save.push(`${name} ${target.kind} ${format}`);
			return `/reports/${name}`;
		},
	};
	return {io, calls};
}

describe('explorer', () => {
	it('says what the analysis is doing while it runs, then drops it', async () => {
		const size = {columns: 120, rows: 20};
		const app = renderSized(<App corpus={corpus} analysis={null} progress="comparing sentences 3/5" size={size} theme={theme} />, size);
		await app.waitFor(/SOURCES · 1\/5 · analysing reuse… comparing sentences 3\/5/);
		app.rerender(<App corpus={corpus} analysis={analysis} size={size} theme={theme} />);
		await app.waitFor(f => /SOURCES · 1\/5/.test(f) && !f.includes('analysing'));
		app.unmount();
		const loading = renderSized(
			<Loading dir="/archive" progress={progressText('reading files', 1234, 10000)} onAbort={() => undefined} />,
			size,
		);
		await loading.waitFor(/Loading \/archive…[\s\S]*reading files 1,234\/10,000/);
		expect(progressText('lining up passages', 0, 0)).toBe('lining up passages');
		loading.unmount();
	});

	it('stops loading on q, Esc and ctrl-c, through the keymap (ctrl-c as an abort)', async () => {
		const size = {columns: 80, rows: 12};
		for (const [key, aborts] of [
			['q', false],
			[KEYS.esc, false],
			['\x03', true],
		] as const) {
			let aborted = false;
			const loading = renderSized(
				<Loading
					dir="/archive"
					onAbort={() => {
						aborted = true;
					}}
				/>,
				size,
			);
			await loading.waitFor(/Loading \/archive…/);
			loading.stdin.write(key);
			await loading.exited();
			expect(aborted, JSON.stringify(key)).toBe(aborts);
			loading.unmount();
		}
	});

	it('opens on the sources, full file names, one row each, with the keys in the status line', async () => {
		const app = start();
		const f = await app.waitFor(/SOURCES · 1\/5/);
		for (const s of corpus.sources) expect(f).toContain(s.id);
		expect(f).toContain('91%');
		expect(f).toMatch(/sort: file name ↑/);
		expect(f).toMatch(/SOURCES · 1\/5 .*\? keys +Enter read/);
		expect(linesOf(f).length).toBeLessThanOrEqual(33);
		app.unmount();
	});

	it('takes a burst of keys written at once, every one of them', async () => {
		const app = start();
		await app.waitFor(/SOURCES · 1\/5/);
		app.stdin.write('jjjjGkk');
		await app.waitFor(/SOURCES · 3\/5/);
		// Search typed in one write: ctrl-f, the query, three backspaces, more letters.
		app.stdin.write('\x06telecomx\x7f\x7f\x7fomunication');
		const f = await app.waitFor(/\/ telecomunication +\d+ results/);
		expect(f).toContain('Telecommunication Union');
		app.unmount();
	});

	it('pages a long list and goes to either end', async () => {
		const {corpus: many, analysis: manyAnalysis} = big(1000);
		const size = {columns: 80, rows: 24};
		const app = renderSized(<App corpus={many} analysis={manyAnalysis} size={size} theme={theme} />, size);
		await app.waitFor(/SOURCES · 1\/1000/);
		// 22 rows for the view, of which 20 are the list: a page moves 19.
		await app.press([KEYS.pgdn], /SOURCES · 20\/1000/);
		await app.press([KEYS.pgdn], /SOURCES · 39\/1000/);
		await app.press([KEYS.pgup], /SOURCES · 20\/1000/);
		await app.press([KEYS.ctrl('d')], /SOURCES · 30\/1000/);
		await app.press([KEYS.ctrl('u')], /SOURCES · 20\/1000/);
		let f = await app.press([KEYS.end], /SOURCES · 1000\/1000/);
		expect(f).toMatch(/› doc-zz\.txt/); // the last file name in order
		f = await app.press(['j'], /SOURCES · 1000\/1000/);
		f = await app.press([KEYS.home], /SOURCES · 1\/1000/);
		expect(f).toMatch(/› doc-a\.txt/);
		app.unmount();
	});

	it('reads a source to its last line', async () => {
		const app = start({columns: 80, rows: 16});
		await app.waitFor(/SOURCES/);
		await app.press([KEYS.enter], /READER · 000/);
		const last = corpus.sources[0]!.text.trim().split('\n').pop()!.trim();
		const f = await app.press(['G'], f => f.includes(last.slice(-30)));
		expect(f).toMatch(/line \d+\/\d+/);
		app.unmount();
	});

	it('lines a copy up with its origin: an aligned pair of sentences starts on one row', async () => {
		const app = start({columns: 120, rows: 40});
		await app.waitFor(/SOURCES/);
		const f = await app.press(['c'], /COMPARE/);
		const pair = readerPairs(buildModel(corpus, analysis), '000_3852ac365e34d611.txt')[0]!;
		const cols = Math.floor((120 - 3) / 2);
		const screen = compareScreen(buildModel(corpus, analysis), pair, cols);
		const lines = linesOf(f);
		expect(screen.partRows.length).toBeGreaterThan(0);
		for (const part of screen.partRows.filter(p => p.row < 20)) {
			const a = corpus.sources.find(s => s.id === pair.a.source)!.sentences[part.a]!.text.slice(0, 20);
			const b = corpus.sources.find(s => s.id === pair.b.source)!.sentences[part.b]!.text.slice(0, 20);
			const row = lines.find(l => l.includes(a.replace(/\s+/g, ' ').trim().slice(0, 15)));
			expect(row, `the row of A's sentence ${part.a}`).toBeDefined();
			expect(row).toContain(b.replace(/\s+/g, ' ').trim().slice(0, 15));
		}
		expect(f).toMatch(/legend: shared +changed +only in A +only in B/);
		expect(f).toMatch(/passage 1\/6 of 000/);
		app.unmount();
	});

	it('reads, steps to a reused passage and compares it; Esc goes back where it came from', async () => {
		const app = start();
		await app.waitFor(/SOURCES/);
		let f = await app.press([KEYS.enter], /READER · 000 · line 1\//);
		expect(f).toContain('China marked a series of landmark achievements');
		f = await app.press(['n', 'n'], /passage 2\/6: \w+ [\d.]+, copied from 001/);
		f = await app.press([KEYS.enter], /COMPARE .*passage 2\/6 of 000/);
		expect(f).toContain('A 001 (origin)');
		expect(f).toMatch(/rank +10th +tenth +#10/);
		f = await app.press([']'], /passage 3\/6 of 000/);
		f = await app.press(['[', '['], /passage 1\/6 of 000/);
		f = await app.press([KEYS.tab], /▶ B 000/);
		f = await app.press([KEYS.esc], /READER · 000 .*passage 2\/6/);
		app.unmount();
	});

	it('searches a phrase with a one-character word, and opens a hit', async () => {
		const app = start();
		await app.waitFor(/SOURCES/);
		await app.press([KEYS.ctrl('f')], /type to search/);
		let f = await app.press(['Tianwen 2'], /\/ Tianwen 2 +2 results/);
		expect(f).toContain('Tianwen‑2 asteroid');
		f = await app.press([KEYS.ctrl('u'), '"long march" ?'], /\/ "long march" \? +\d+ results?/);
		f = await app.press([KEYS.enter], /READER/);
		expect(f).toContain('Long March');
		await app.press([KEYS.esc], /\/ "long march" \?/);
		await app.press([KEYS.esc], /SOURCES/);
		app.unmount();
	});

	it('copies, opens and exports through its I/O, saying what happened', async () => {
		const {io, calls} = recordingIO();
		const app = start({columns: 120, rows: 30}, {io, now: () => new Date(2026, 1, 5, 10, 15, 0)});
		await app.waitFor(/SOURCES/);
		await app.press(['c'], /COMPARE/);
		let f = await app.press(['y'], /copied the pair \([\d,]+ characters\) via OSC 52/);
		const pair = readerPairs(buildModel(corpus, analysis), '000_3852ac365e34d611.txt')[0]!;
		expect(calls.copy).toEqual([pairPlain(corpus, pair)]);
		f = await app.press(['e'], /less closed \(001_ceee5b9b1f5f8ff4\.txt, line \d+\)/);
		expect(calls.open[0]).toMatchObject({program: 'editor', source: '001_ceee5b9b1f5f8ff4.txt', text: null});
		expect(calls.open[0]!.path).toMatch(/corpus\/001_ceee5b9b1f5f8ff4\.txt$/);
		f = await app.press(['x'], /Export a report/);
		expect(f).toMatch(/this pair as Markdown[\s\S]*this pair as HTML[\s\S]*the whole corpus as HTML/);
		f = await app.press(['2'], /report on the pair written to \/reports\/churnscope-pair-000-3852ac365e34d611-1-20260205-101500\.html/);
		expect(calls.save).toEqual(['churnscope-pair-000-3852ac365e34d611-1-20260205-101500.html pair html']);
		app.unmount();
	});

	it('shows a family: members by date with a timeline, and the figure matrix marked by symbols', async () => {
		const size = {columns: 120, rows: 30};
		const app = renderSized(<App corpus={corpus} analysis={familyAnalysis} size={size} theme={theme} />, size);
		await app.waitFor(/SOURCES/);
		let f = await app.press(['2'], /FAMILIES · 1\/2/);
		expect(f).toMatch(/› +3 +3 2026-02-05 .*CGTN/);
		f = await app.press([KEYS.enter], /Family 7 · reach 3 sources, 3 publishers · 2026-02-05 → 2026/);
		expect(f).toMatch(/#1 2026-02-05 +◆ CGTN.* origin .*◆/);
		expect(f).toMatch(/#2 2026-02 +unnamed paywalled.* near|paraphrase/);
		expect(f).toMatch(/#3 2026 +— .*paraphrase +0\.41/);
		// The timeline: the origin's mark at the left of the axis, the year-dated member's span across it.
		expect(f).toMatch(/2026-01-01 +2026-12-31/); // the axis spans the year the third member is dated by
		expect(f).toMatch(/◆─/);
		expect(f).toMatch(/●━━/);
		expect(f).toMatch(/FIGURE \(ORIGIN\) +#1 +#2 +#3/);
		expect(f).toMatch(/count {3}200 += {2,}= {2,}-$/m);
		expect(f).toContain('= same ≠ changed ~ hedged - missing + added');
		f = await app.press(['j', 'j'], /member 3\/3/);
		expect(f).toMatch(/#3: - /);
		f = await app.press([KEYS.enter], /COMPARE .*001 ⇄ 004/);
		await app.press([KEYS.esc], /FAMILY · member 3\/3/);
		app.unmount();
	});

	it('opens “who else carries this?” from a passage in the reader', async () => {
		const size = {columns: 100, rows: 30};
		const app = renderSized(<App corpus={corpus} analysis={familyAnalysis} size={size} theme={theme} />, size);
		await app.waitFor(/SOURCES/);
		await app.press([KEYS.enter], /READER · 000/);
		const index = readerPairs(buildModel(corpus, familyAnalysis), figurePair.b.source).findIndex(p => p.family === FAMILY);
		await app.press(Array(index + 1).fill('n'), new RegExp(`passage ${index + 1}/`));
		await app.press(['w'], /Family 7 .*reach 3/);
		await app.waitFor(/FAMILY · member 2\/3/);
		app.unmount();
	});

	it('counts the warnings from loading in the status line and lists them on !', async () => {
		const warned = {...corpus, warnings: ['skipped big.txt: over 5 MB']};
		const size = {columns: 100, rows: 20};
		const app = renderSized(<App corpus={warned} analysis={analysis} size={size} theme={theme} />, size);
		const n = 1 + corpus.sources.reduce((t, s) => t + s.warnings.length, 0);
		await app.waitFor(new RegExp(`⚠ ${n} \\(!\\)`));
		const f = await app.press(['!'], /Warnings from loading/);
		expect(f).toContain('skipped big.txt: over 5 MB');
		app.unmount();
	});

	it('shows the keys of the current view on ?, from the keymap', async () => {
		const app = start();
		await app.waitFor(/SOURCES/);
		await app.press([KEYS.enter], /READER/);
		const f = await app.press(['?'], /Keys: Reader/);
		expect(f).toContain('next reused passage');
		expect(f).toContain('who else carries this passage');
		await app.press(['?'], /READER · 000/);
		app.unmount();
	});

	it('says how large the terminal must be instead of drawing a broken layout, and re-lays out on resize', async () => {
		const size = {columns: 30, rows: 8};
		const app = renderSized(<App corpus={corpus} analysis={analysis} theme={theme} />, size);
		await app.waitFor(/need 40×12, have 30×8/);
		app.resize(60, 20);
		const f = await app.waitFor(/SOURCES · 1\/5/);
		expect(linesOf(f).every(l => l.length <= 60)).toBe(true);
		app.unmount();
	});

	it('browses a cached sources list while the texts load, opening nothing yet', async () => {
		const stub = {...corpus, sources: corpus.sources.map(s => ({...s, text: '', blocks: [], sentences: [], figures: []}))};
		const size = {columns: 100, rows: 30};
		const app = renderSized(
			<App
				corpus={stub}
				analysis={{...analysis, corpus: stub, pairs: [], families: [], rows: analysis.rows}}
				preview
				progress="reading files 3/5"
				size={size}
				theme={theme}
			/>,
			size,
		);
		// How far the texts have been read, in the status.
		await app.waitFor(/loading texts… reading files 3\/5/);
		app.stdin.write(KEYS.down);
		await app.waitFor(/SOURCES · 2\/5/);
		// Keys that would open something say the texts are still loading, and open nothing.
		app.stdin.write('\rcfw');
		const said = await app.waitFor(/texts are still loading/);
		expect(said).toMatch(/› 001_/);
		expect(said).not.toMatch(/READER|FIGURES|COMPARE/);
		app.stdin.write('s');
		const f = await app.waitFor(/sort: title/);
		expect(f).toMatch(/SOURCES/);
		app.unmount();
	});

	it('lists the files read so far on a first launch, their reuse shown as not yet known', async () => {
		const stub = {...corpus, sources: corpus.sources.slice(0, 3).map(s => ({...s, text: '', blocks: [], sentences: [], figures: []}))};
		// Rows as the files alone give them: words and figures known, reuse not.
		const listed = analysis.rows.slice(0, 3).map(r => ({...r, reused: 0, reach: 0, copiedFrom: [], copiedBy: []}));
		const size = {columns: 100, rows: 20};
		const app = renderSized(
			<App corpus={stub} analysis={null} listed={listed} preview progress="reading files 3/5" size={size} theme={theme} />,
			size,
		);
		const f = await app.waitFor(/SOURCES · 1\/3 · loading texts… reading files 3\/5/);
		const line = linesOf(f).find(l => l.includes(listed[1]!.source.slice(0, 8)))!;
		expect(line).toContain(String(listed[1]!.words));
		expect(line).toContain(String(listed[1]!.figures));
		expect(line).toMatch(/…\s+…/);
		expect(line).not.toMatch(/\d%/);
		// Browsing works; nothing opens until the texts are in.
		app.stdin.write('j');
		await app.waitFor(/SOURCES · 2\/3/);
		app.stdin.write(KEYS.enter);
		// It says so, rather than doing nothing.
		expect(await app.waitFor(/texts are still loading/)).not.toMatch(/READER/);
		app.unmount();
	});

	it('shows file names, titles and text from files only through the sanitiser', async () => {
		const release = corpus.sources[1]!.text;
		const evil = '\x1b]52;c;aGk=\x07\u202eevil\x1b[2J';
		const dir = makeCorpus({
			[`a${evil}.txt`]: `# Title ${evil}\n\n${release}`,
			'b.txt': `# Copy\n\n${release.slice(0, 1500)}`,
			'churnscope.json': JSON.stringify({
				sources: {[`a${evil}.txt`]: {publisher: `Pub ${evil}`, date: '2026-01-01'}, 'b.txt': {date: '2026-02-01'}},
			}),
		});
		const hostile = loadCorpus(dir);
		const size = {columns: 120, rows: 30};
		const app = renderSized(<App corpus={hostile} analysis={analyze(hostile)} size={size} theme={theme} />, size);
		const frames: string[] = [await app.waitFor(/SOURCES · 1\/2/)];
		// The copy's reader: its legend names the hostile source.
		frames.push(await app.press(['j', KEYS.enter], /READER · b/));
		frames.push(await app.press(['n', KEYS.enter], /COMPARE/));
		frames.push(await app.press([KEYS.esc, KEYS.esc, '2'], /FAMILIES/));
		frames.push(await app.press([KEYS.enter], /FAMILY ·/));
		for (const f of frames) {
			expect(f).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e]/);
			expect(f).toContain('^[');
		}
		app.unmount();
	});
});
