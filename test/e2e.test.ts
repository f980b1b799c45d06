// The built CLI in a real pseudo-terminal (tmux), at a fixed size, as a person would use it.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI, scratchDir} from './helpers.js';

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

/** Start the explorer in a fresh tmux session; returns the file its exit code is written to. */
function launch(opts: {cols?: number; rows?: number; env?: string; args?: string} = {}): string {
	const exitFile = join(scratchDir('e2e-'), 'exit');
	// A session that outlives 'app': killing the server's only session ends the server, and a new
	// session started at that moment fails with "server exited unexpectedly" (seen under load).
	try {
		tmux('has-session', '-t', 'keeper');
	} catch {
		tmux('new-session', '-d', '-s', 'keeper');
	}
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
		tmux('new-session', '-d', '-s', 'app', '-x', '120', '-y', '40', `env -u CI NO_COLOR=1 node ${CLI}; echo $? > ${exitFile}; sleep 5`);
		let s = await waitFor(/SOURCES · 1\/5/);
		expect(s).toContain('CGTN: Vision 2030');
		await waitFor(/\d+ reused passages/);

		keys('/');
		await waitFor(/type to search/);
		type('telecomunication');
		s = await waitFor(/\/ telecomunication +\d+ results/);
		expect(s).toContain('Telecommunication Union');
		keys('Enter');
		s = await waitFor(/READER · 00[01]/);
		expect(s).toContain('International Telecommunication');

		keys('n');
		s = await waitFor(/passage \d+\/\d+: \w+ [\d.]+ with 00[01]/);
		keys('Enter');
		s = await waitFor(/COMPARE · 001 ⇄ 000/);
		expect(s).toMatch(/A 001 \(origin\).*│ +B 000/);
		expect(s).toMatch(/FIGURE +AS IN A +AS IN B +VALUE +STATUS/);
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
					keys('/');
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
					return waitFor(/FIGURES · all/);
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
		let s = await waitFor(s => /COMPARE · 001 ⇄ 000/.test(s) && /FIGURE +AS IN A/.test(s) && /A 001.*│ +B 000/.test(s));
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

	it('acts on keys typed before the first frame', async () => {
		const file = launch();
		keys('/');
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
