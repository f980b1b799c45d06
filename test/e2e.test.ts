// The built CLI in a real pseudo-terminal (tmux), at a fixed size, as a person would use it.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI} from './helpers.js';

const socket = `churnscope-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const screen = () => tmux('capture-pane', '-p', '-t', 'app');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'app', ...k);
const type = (text: string) => tmux('send-keys', '-t', 'app', '-l', text);

async function waitFor(pattern: RegExp, ms = 8000): Promise<string> {
	const until = Date.now() + ms;
	let last = '';
	while (Date.now() < until) {
		last = screen();
		if (pattern.test(last)) return last;
		await new Promise(r => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${pattern}; screen was:\n${last}`);
}

describe('explorer in a real terminal', () => {
	const dir = mkdtempSync(join(tmpdir(), 'churnscope-e2e-'));
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
		expect(s).toMatch(/\b(same|changed|only in A|only in B)\b/);
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
});
