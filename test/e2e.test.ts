// The built CLI in a real pseudo-terminal (tmux), at a fixed size, as a person would use it.
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {analyze} from '../source/core/analysis.js';
import {pairPlain} from '../source/core/report.js';
import {loadCorpus} from '../source/io/read-corpus.js';
import {buildModel, readerPairs} from '../source/state/model.js';
import {CLI, makeCorpus, scratchDir, SEED} from './helpers.js';

const socket = `churnscope-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const screen = () => tmux('capture-pane', '-p', '-t', 'app');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'app', ...k);
const type = (text: string) => tmux('send-keys', '-t', 'app', '-l', text);

/**
 * Poll the screen until it shows what is expected. A pattern or a predicate: after a resize, tmux shows
 * the old frame rewrapped until the app redraws, so a test waits for the new frame as a whole.
 */
async function waitFor(expected: RegExp | ((screen: string) => boolean), ms = 8000): Promise<string> {
	const test = typeof expected === 'function' ? expected : (s: string) => expected.test(s);
	const until = Date.now() + ms;
	let last = '';
	while (Date.now() < until) {
		last = screen();
		if (test(last)) return last;
		await new Promise(r => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${String(expected)}; screen was:\n${last}`);
}

const widest = (s: string) => Math.max(...s.split('\n').map(l => l.replace(/\s+$/, '').length));

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Wait until a file exists and `test` holds for its contents. */
async function waitForFile(path: string, test: (text: string) => boolean, ms = 8000): Promise<string> {
	const until = Date.now() + ms;
	let last = '';
	while (Date.now() < until) {
		if (existsSync(path)) {
			last = readFileSync(path, 'latin1');
			if (test(last)) return last;
		}
		await sleep(50);
	}
	throw new Error(`timed out waiting for ${path}; it held:\n${JSON.stringify(last.slice(-400))}`);
}

/**
 * A session that outlives the tests' own: killing the last session stops the tmux server, and a new
 * session started while it stops fails ("server exited unexpectedly").
 */
function keepServer(): void {
	try {
		tmux('has-session', '-t', 'keep');
	} catch {
		tmux('new-session', '-d', '-s', 'keep', 'sleep 600');
	}
}

/** Start the explorer in a fresh tmux session; returns the file its exit code is written to. */
function launch(opts: {cols?: number; rows?: number; env?: string; args?: string} = {}): string {
	const exitFile = join(scratchDir('e2e-'), 'exit');
	keepServer();
	try {
		tmux('kill-session', '-t', 'app');
	} catch {
		// none yet
	}
	tmux(
		'new-session',
		'-d',
		'-s',
		'app',
		'-x',
		String(opts.cols ?? 120),
		'-y',
		String(opts.rows ?? 40),
		`env -u CI ${opts.env ?? 'NO_COLOR=1'} node ${CLI} ${opts.args ?? ''}; echo $? > ${exitFile}; stty -a; sleep 30`,
	);
	return exitFile;
}

async function exitCode(file: string): Promise<string> {
	const until = Date.now() + 5000;
	while (!existsSync(file) && Date.now() < until) await sleep(50);
	return readFileSync(file, 'utf8').trim();
}

describe('explorer in a real terminal', () => {
	const dir = scratchDir('e2e-');
	const exitFile = join(dir, 'exit');
	afterAll(() => {
		try {
			tmux('kill-server');
		} catch {
			// already gone
		}
	});

	it('searches a misspelled word, opens a hit, compares a passage and quits cleanly', async () => {
		// CI=true makes Ink print only the last frame; a user's terminal has no CI variable.
		keepServer();
		tmux('new-session', '-d', '-s', 'app', '-x', '120', '-y', '40', `env -u CI NO_COLOR=1 node ${CLI}; echo $? > ${exitFile}; sleep 5`);
		let s = await waitFor(/SOURCES · 1\/5/);
		expect(s).toContain('CGTN: Vision 2030');
		await waitFor(/\d+ reused passages/);

		keys('C-f');
		await waitFor(/type to search/);
		type('telecomunication');
		s = await waitFor(/\/ telecomunication +\d+ results/);
		expect(s).toContain('Telecommunication Union');
		keys('Enter');
		s = await waitFor(/READER · 00[01]/);
		expect(s).toContain('International Telecommunication');

		keys('n');
		s = await waitFor(/passage \d+\/\d+: \w+ [\d.]+, (copied from|origin of) 00[01]/);
		keys('Enter');
		s = await waitFor(/COMPARE · 001 ⇄ 000/);
		expect(s).toMatch(/A 001 \(origin\).*│ +B 000/);
		expect(s).toMatch(/STATUS +FIGURE +AS IN A +AS IN B +VALUE/);
		expect(s).toMatch(/\b(same|changed|hedged|missing|added)\b/);
		const rows = s.split('\n').filter(l => l.includes(' │ '));
		expect(rows.length).toBeGreaterThan(3);

		// Back out view by view (Esc: in the search box q is a letter), then quit from home with q.
		keys('Escape');
		await waitFor(/READER · 00[01]/);
		keys('Escape');
		await waitFor(/\/ telecomunication/);
		keys('Escape');
		await waitFor(/SOURCES · 1\/5/);
		keys('q');
		const until = Date.now() + 5000;
		while (!existsSync(exitFile) && Date.now() < until) await new Promise(r => setTimeout(r, 50));
		expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
	}, 60_000);

	it('quits with ctrl-c from every view, exit 130, and leaves the alternate screen', async () => {
		const views: [string, () => Promise<unknown>][] = [
			['sources', async () => waitFor(/SOURCES · 1\/5/)],
			[
				'reader',
				async () => {
					keys('Enter');
					return waitFor(/READER · 000/);
				},
			],
			[
				'search',
				async () => {
					keys('C-f');
					type('q');
					return waitFor(/\/ q/);
				},
			],
			[
				'compare',
				async () => {
					keys('c');
					return waitFor(/COMPARE · 001 ⇄ 000/);
				},
			],
			[
				'figures',
				async () => {
					keys('f');
					return waitFor(/Figures ledger · all kinds/);
				},
			],
		];
		for (const [name, open] of views) {
			const file = launch();
			await waitFor(/SOURCES · 1\/5/);
			await waitFor(/\d+ reused passages/);
			await open();
			expect(tmux('display-message', '-p', '-t', 'app', '#{alternate_on}').trim(), name).toBe('1');
			keys('C-c');
			expect(await exitCode(file), name).toBe('130');
			expect(tmux('display-message', '-p', '-t', 'app', '#{alternate_on}').trim(), name).toBe('0');
			expect(tmux('display-message', '-p', '-t', 'app', '#{cursor_flag}').trim(), name).toBe('1');
		}
	}, 90_000);

	it('re-lays out on resize, says when the terminal is too small, and works at 40×12 without colour', async () => {
		const file = launch({cols: 120, rows: 40, env: 'TERM=dumb NO_COLOR=1'});
		await waitFor(/SOURCES · 1\/5/);
		await waitFor(/\d+ reused passages/); // c compares once the analysis is in
		keys('c');
		await waitFor(/COMPARE · 001 ⇄ 000/);
		tmux('resize-window', '-t', 'app', '-x', '60', '-y', '20');
		// The redrawn compare view: its header, both columns and the figures table, all within 60 columns.
		let s = await waitFor(s => /COMPARE · 001 ⇄ 000/.test(s) && /STATUS .*AS IN A/.test(s) && /A 001.*│ +B 000/.test(s));
		expect(widest(s)).toBeLessThanOrEqual(60);
		tmux('resize-window', '-t', 'app', '-x', '30', '-y', '10');
		await waitFor(/need 40×12, have 30×10/);
		tmux('resize-window', '-t', 'app', '-x', '40', '-y', '12');
		s = await waitFor(s => /COMPARE · 001/.test(s) && !/need 40×12/.test(s));
		expect(widest(s)).toBeLessThanOrEqual(40);
		expect(s.split('\n').filter(l => l.trim()).length).toBeLessThanOrEqual(12);
		expect(s).not.toMatch(/\x1b\[3\dm/);
		keys('Escape');
		await waitFor(/SOURCES/);
		keys('q');
		expect(await exitCode(file)).toBe('0');
	}, 60_000);

	it('takes bursts of keys, pages, sorts and filters a long list', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 200; i++)
			files[`article-${String(i).padStart(3, '0')}.txt`] =
				`# Report number ${i} on topic ${i % 7}\n\nA short text about topic ${i % 7}, written ${i} times over.\n`;
		const file = launch({args: `--corpus ${makeCorpus(files)} --no-cache`});
		await waitFor(/SOURCES · 1\/200/);
		keys('jjjjG');
		await waitFor(/SOURCES · 200\/200/);
		keys('g');
		await waitFor(/SOURCES · 1\/200/);
		keys('jjjj');
		await waitFor(/SOURCES · 5\/200/);
		// 40 rows: 38 for the view, 36 for the list; a page is 35 rows, half a page 18.
		keys('PageDown');
		await waitFor(/SOURCES · 40\/200/);
		keys('C-d');
		await waitFor(/SOURCES · 58\/200/);
		keys('PageUp');
		await waitFor(/SOURCES · 23\/200/);
		keys('End');
		let s = await waitFor(/SOURCES · 200\/200/);
		expect(s).toMatch(/› article-199\.txt/);
		keys('Home');
		await waitFor(/SOURCES · 1\/200/);
		keys('ssss'); // name → title → publisher → date → length
		s = await waitFor(/sort: length ↓/);
		keys('S');
		s = await waitFor(/sort: length ↑/);
		keys('/');
		type('topic 3');
		// Every word typed, anywhere in the file name or title.
		const matching = Array.from(
			{length: 200},
			(_, i) => `article-${String(i).padStart(3, '0')}.txt report number ${i} on topic ${i % 7}`,
		).filter(h => h.includes('topic') && h.includes('3')).length;
		s = await waitFor(new RegExp(`/ topic 3 +${matching} of 200 match`));
		keys('Enter');
		s = await waitFor(/filter "topic 3"/);
		// Esc clears the filter; the row chosen under it stays chosen.
		keys('Escape');
		s = await waitFor(s => /SOURCES · 4\/200/.test(s) && !/filter "/.test(s));
		expect(s).toMatch(/› article-003\.txt/);
		keys('q');
		expect(await exitCode(file)).toBe('0');
	}, 60_000);

	it('searches a phrase with a one-character word, and lines up a compared pair sentence by sentence', async () => {
		const file = launch();
		await waitFor(/SOURCES · 1\/5/);
		await waitFor(/\d+ reused passages/);
		keys('C-f');
		type('"Tianwen 2" asteroid');
		let s = await waitFor(/\/ "Tianwen 2" asteroid +2 results/);
		expect(s).toContain('Tianwen-2 asteroid sampling');
		keys('Escape');
		await waitFor(/SOURCES · 1\/5/);
		keys('c]');
		s = await waitFor(/COMPARE .*passage 2\/6 of 000/);
		// The WIPO sentence and its rewording start on the same screen row, the mark of a near copy between them.
		expect(s).toMatch(
			/^The World Intellectual Property Organization's Global +[≈=~] The World Intellectual Property Organization’s Global$/m,
		);
		expect(s).toMatch(
			/^China leads the world in multiple intellectual property +[≈=~] The country also leads in intellectual property indicators$/m,
		);
		keys('q');
		await waitFor(/SOURCES/);
		keys('q');
		expect(await exitCode(file)).toBe('0');
	}, 60_000);

	it('copies the pair with y as OSC 52, and exports a report it then reads back', async () => {
		const out = scratchDir('reports-');
		const file = launch({env: `NO_COLOR=1 CHURNSCOPE_EXPORT_DIR=${out}`});
		await waitFor(/SOURCES · 1\/5/);
		await waitFor(/\d+ reused passages/);
		const raw = join(scratchDir('pipe-'), 'pane.raw');
		tmux('pipe-pane', '-O', '-t', 'app', `cat > ${raw}`);
		keys('c');
		await waitFor(/COMPARE/);
		keys('y');
		await waitFor(/copied the pair \([\d,]+ characters\) via tmux buffer \+ OSC 52/);
		const corpus = loadCorpus(SEED);
		const pair = readerPairs(buildModel(corpus, analyze(corpus)), '000_3852ac365e34d611.txt')[0]!;
		const expected = pairPlain(corpus, pair);
		// The OSC 52 sequence the app wrote, wrapped for tmux's passthrough (every ESC doubled).
		const written = await waitForFile(raw, t => t.includes('\x1bPtmux;\x1b\x1b]52;c;'));
		const b64 = /\x1bPtmux;\x1b\x1b\]52;c;([A-Za-z0-9+/=]+)\x07\x1b\\/.exec(written)![1]!;
		expect(Buffer.from(b64, 'base64').toString('utf8')).toBe(expected);
		// And tmux's own buffer, which `load-buffer -w` also hands to the outer terminal's clipboard.
		expect(tmux('show-buffer')).toBe(expected);
		tmux('pipe-pane', '-t', 'app');
		keys('x');
		await waitFor(/Export a report/);
		keys('1');
		const s = await waitFor(/report on the pair written to /);
		const path = /written to (\S+\.md)/.exec(s.replace(/\n/g, ''))?.[1] ?? readdirSync(out).map(f => join(out, f))[0]!;
		const report = readFileSync(path, 'utf8');
		expect(report).toMatch(/^# churnscope report: 000\\_3852ac365e34d611\.txt copying 001\\_ceee5b9b1f5f8ff4\.txt/);
		expect(report).toContain('| origin (A) | copy (B) |');
		expect(report).toContain('| status | kind | as in A | as in B | value |');
		keys('C-c');
		expect(await exitCode(file)).toBe('130');
	}, 60_000);

	it('opens the families view, a family, and a member beside the origin', async () => {
		const file = launch();
		await waitFor(/SOURCES · 1\/5/);
		await waitFor(/\d+ reused passages/);
		keys('2');
		let s = await waitFor(/FAMILIES · 1\/\d+/);
		expect(s).toMatch(/Families · \d+ · sort: reach ↓/);
		// The family of the AI-companies passage: its origin is the CGTN release, 000 carries it.
		keys('/');
		type('domestic large models');
		s = await waitFor(/\/ domestic large models +1 of \d+ match/);
		keys('Enter', 'Enter');
		s = await waitFor(/FAMILY · member 1\/2/);
		expect(s).toMatch(/Family \d+ · reach 2 sources, 2 publishers · 2026-02-05 → 2026-02/);
		expect(s).toMatch(/#1 2026-02-05 ◆ CGTN.* origin .*◆/);
		expect(s).toMatch(/#2 2026-02 +unnamed paywalled.*000_3852ac365e34d611\.txt/);
		expect(s).toMatch(/FIGURE \(ORIGIN\) +#1 +#2/);
		expect(s).toMatch(/rank {4}top 10 += {2,}-$/m);
		keys('j');
		s = await waitFor(/FAMILY · member 2\/2/);
		expect(s).toMatch(/#2: ~ \$142 billion→\$142bn; .*- top 10/);
		keys('Enter');
		s = await waitFor(/COMPARE · 001 ⇄ 000/);
		expect(s).toMatch(
			/^Chinese artificial intelligence \(AI\) companies have +~ China’s domestic artificial intelligence sector continued$/m,
		);
		keys('Escape');
		await waitFor(/FAMILY · member 2\/2/);
		keys('C-c');
		expect(await exitCode(file)).toBe('130');
	}, 60_000);

	it('acts on keys typed before the first frame', async () => {
		const file = launch();
		keys('C-f');
		type('tele');
		const s = await waitFor(/\/ tele +\d+ results/);
		expect(s).toContain('Telecommunication');
		keys('C-c');
		expect(await exitCode(file)).toBe('130');
	}, 30_000);

	it('says in one line why a folder cannot be opened, exits 2 and leaves the terminal as it was', async () => {
		const file = launch({args: '--corpus /nonexistent/churnscope'});
		expect(await exitCode(file)).toBe('2');
		const s = await waitFor(/-?icanon/);
		expect(s).toMatch(/^churnscope: corpus folder not found: \/nonexistent\/churnscope/m);
		expect(s).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
		expect(s).toMatch(/(^|\s)icanon\b/); // line editing back on
		expect(tmux('display-message', '-p', '-t', 'app', '#{alternate_on}').trim()).toBe('0');
	}, 30_000);
});
