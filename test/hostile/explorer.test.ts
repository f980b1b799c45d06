// The explorer on hostile input in a real terminal (tmux): escape sequences in texts, titles and file
// names change neither the terminal's title nor its clipboard (OSC 52), and a sidecar that is a named
// pipe neither hangs the load nor keeps q from quitting.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI, makeCorpus, scratchDir} from '../helpers.js';
import {hostileCorpus} from './hostile-corpus.js';
import {tmuxServer} from './tmux.js';

const tmux = tmuxServer('explorer');
// Let applications write tmux's clipboard with OSC 52 and set the pane title (as many terminals do), so
// that a sequence reaching the terminal would show.
tmux.run('set-option', '-g', 'set-clipboard', 'on');
tmux.run('set-option', '-g', 'allow-rename', 'on');
afterAll(() => tmux.kill());

const buffers = () => tmux.run('list-buffers', '-F', '#{buffer_name}: #{buffer_sample}').trim();

describe('the explorer on hostile input', () => {
	it('lets no text, title or file name set the terminal title or write the clipboard', async () => {
		const {dir} = hostileCorpus();
		const exit = join(scratchDir('explorer-'), 'exit');
		tmux.launch(`env -u CI NO_COLOR=1 node ${CLI} --corpus '${dir}' --no-cache; echo $? > ${exit}; sleep 30`);
		await tmux.waitFor(/SOURCES · 1\/4/);
		await tmux.waitFor(/\d+ reused passages/);
		const title = tmux.pane('#{pane_title}');
		expect(title).not.toMatch(/PWNED/);
		const visit = async (keys: string[], expected: RegExp) => {
			tmux.keys(...keys);
			await tmux.waitFor(expected);
			expect(tmux.pane('#{pane_title}')).toBe(title);
			expect(buffers()).toBe('');
		};
		// Each source's row, the reader and compare view of the file with the hostile name, search, figures.
		await visit(['j'], /SOURCES · 2\/4/);
		await visit(['j'], /SOURCES · 3\/4/);
		await visit(['j'], /SOURCES · 4\/4/);
		await visit(['Enter'], /READER/);
		expect(tmux.screen()).toContain('^[]0;PWNED-TITLE^G'); // shown, as text
		await visit(['n'], /passage 1\//);
		await visit(['Enter'], /COMPARE/);
		await visit(['/'], /type to search|indexing/);
		tmux.type('P');
		await visit([], /\/ P +\d+ results?/);
		await visit(['Escape'], /COMPARE/);
		await visit(['Escape'], /READER/);
		await visit(['Escape'], /SOURCES/);
		await visit(['f'], /FIGURES/);
		await visit(['Escape'], /SOURCES/);
		tmux.keys('q');
		expect(await tmux.fileOf(exit)).toBe('0');
		expect(tmux.pane('#{pane_title}')).toBe(title);
		expect(buffers()).toBe('');
	}, 60_000);

	it('loads past a sidecar that is a named pipe, and quits with q', async () => {
		const dir = makeCorpus({'a.txt': 'Harbour news\nThe harbour authority approved a new container terminal on Tuesday.\n'});
		expect(spawnSync('mkfifo', [join(dir, 'churnscope.json')]).status).toBe(0);
		const exit = join(scratchDir('explorer-'), 'exit');
		tmux.launch(`env -u CI NO_COLOR=1 node ${CLI} --corpus '${dir}' --no-cache; echo $? > ${exit}; sleep 30`);
		await tmux.waitFor(/SOURCES · 1\/1/);
		tmux.keys('q');
		expect(await tmux.fileOf(exit)).toBe('0');
		expect(tmux.screen()).toContain('churnscope: warning: churnscope.json: a named pipe, not a regular file');
	}, 30_000);
});
