// The explorer on a passim run (test/fixtures/passim/run) in a real pseudo-terminal (tmux): its sources,
// the families passim found as reused passages, and the compare view of one of them.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI, ROOT, scratchDir} from './helpers.js';

const RUN = join(ROOT, 'test', 'fixtures', 'passim', 'run');
const socket = `churnscope-passim-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const screen = () => tmux('capture-pane', '-p', '-t', 'app');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'app', ...k);

async function waitFor(expected: RegExp, ms = 8000): Promise<string> {
	const until = Date.now() + ms;
	let last = '';
	while (Date.now() < until) {
		last = screen();
		if (expected.test(last)) return last;
		await new Promise(r => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${String(expected)}; screen was:\n${last}`);
}

describe('explorer on a passim run', () => {
	afterAll(() => {
		try {
			tmux('kill-server');
		} catch {
			// already gone
		}
	});

	it("lists the run's sources, compares a copy with its origin from passim's cluster, and quits", async () => {
		const exitFile = join(scratchDir('e2e-'), 'exit');
		tmux(
			'new-session',
			'-d',
			'-s',
			'app',
			'-x',
			'120',
			'-y',
			'40',
			`env -u CI NO_COLOR=1 node ${CLI} --corpus ${RUN}; echo $? > ${exitFile}; sleep 5`,
		);
		let s = await waitFor(/SOURCES · 1\/4/);
		s = await waitFor(/Sources · 4 · 2 reused passages/);
		expect(s).toMatch(/President Xi Jinping’s 2025 New.* +advomag\.com .* 98%/);
		expect(s).toMatch(/Chinese President Xi Jinping's 2.* 2024-12-31 .* 96%/);
		keys('j');
		keys('c');
		s = await waitFor(/COMPARE · xi-newy…025--vuink\.com ⇄ xi-newy…5--advomag\.com/);
		// The cluster's origin is its dated member, vuink (2024-12-31); advomag is a copy of it.
		expect(s).toMatch(/A xi-newy…025--vuink\.com · Chinese President Xi Jinping.* │ +B xi-newy…5--advomag\.com · President Xi Jinping’s/);
		expect(s).toMatch(
			/On New Year's eve, Chinese President Xi Jinping delivered +[=≈~] On New Year’s eve, Chinese President Xi Jinping delivered/,
		);
		expect(s).toMatch(/= same +money +130 trillion yuan +130 trillion yuan +130 tn CNY/);
		keys('Escape');
		await waitFor(/SOURCES · 2\/4/);
		keys('q');
		const until = Date.now() + 5000;
		while (!existsSync(exitFile) && Date.now() < until) await new Promise(r => setTimeout(r, 50));
		expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
	}, 60_000);
});
