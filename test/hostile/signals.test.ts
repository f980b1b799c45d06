// Signals in a real terminal (tmux): INT, QUIT, TERM and HUP sent by `kill` give the terminal back (no
// alternate screen, cursor shown, line editing on) and end with 128 + the signal's number; ctrl-z (and
// SIGTSTP) leave the alternate screen and raw mode, and `fg` takes both again and redraws.
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI, scratchDir} from '../helpers.js';
import {tmuxServer} from './tmux.js';

const tmux = tmuxServer('signals');
afterAll(() => tmux.kill());

const NUMBERS = {SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15} as const;

/** The explorer in the pane; its pid, exit code and the terminal's modes after it go to files. */
function launch() {
	const dir = scratchDir('signals-');
	const files = {pid: join(dir, 'pid'), exit: join(dir, 'exit'), stty: join(dir, 'stty')};
	tmux.launch(
		`sh -c 'echo $$ > ${files.pid}; exec env -u CI NO_COLOR=1 node ${CLI}'; echo $? > ${files.exit}; stty -a > ${files.stty}.tmp; echo >> ${files.stty}.tmp; mv ${files.stty}.tmp ${files.stty}; sleep 30`,
	);
	return files;
}

describe('signals in a real terminal', () => {
	for (const [signal, number] of Object.entries(NUMBERS)) {
		it(`${signal} from kill restores the terminal and exits ${128 + number}`, async () => {
			const files = launch();
			await tmux.waitFor(/SOURCES · 1\/5/);
			expect(tmux.pane('#{alternate_on}')).toBe('1');
			process.kill(Number(await tmux.fileOf(files.pid)), signal);
			expect(await tmux.fileOf(files.exit)).toBe(String(128 + number));
			const stty = await tmux.fileOf(files.stty);
			expect(stty).toMatch(/(^|\s)icanon\b/);
			expect(stty).toMatch(/(^|\s)echo\b/);
			expect(tmux.pane('#{alternate_on}')).toBe('0');
			expect(tmux.pane('#{cursor_flag}')).toBe('1');
		}, 30_000);
	}

	for (const how of ['ctrl-z', 'SIGTSTP']) {
		it(`${how} leaves the alternate screen and raw mode; fg takes both again and redraws`, async () => {
			const dir = scratchDir('signals-');
			const pidFile = join(dir, 'pid');
			tmux.launch('env -u CI PS1="$ " bash --norc --noprofile -i');
			await tmux.waitFor(/^\$ ?$/m);
			tmux.type(`sh -c 'echo $$ > ${pidFile}; exec env NO_COLOR=1 node ${CLI}'`);
			tmux.keys('Enter');
			await tmux.waitFor(/SOURCES · 1\/5/);
			await tmux.waitFor(/\d+ reused passages/);
			if (how === 'ctrl-z') tmux.keys('C-z');
			else process.kill(Number(await tmux.fileOf(pidFile)), 'SIGTSTP');
			await tmux.waitFor(/Stopped/);
			expect(tmux.pane('#{alternate_on}')).toBe('0');
			expect(tmux.pane('#{cursor_flag}')).toBe('1');
			tmux.type('stty -a | grep -o -w -e -icanon -e icanon -e -echo -e echo | sort -u | tr "\\n" " "; echo');
			tmux.keys('Enter');
			await tmux.waitFor(/^echo icanon ?$/m);

			tmux.type('fg');
			tmux.keys('Enter');
			// The whole frame again, on the alternate screen: not only what changed.
			await tmux.waitFor(() => tmux.pane('#{alternate_on}') === '1' && /SOURCES · 1\/5/.test(tmux.screen()) && /› 000/.test(tmux.screen()));
			// Raw mode again: j moves at once, unechoed, without Enter.
			tmux.keys('j');
			const s = await tmux.waitFor(/› 001/);
			expect(s).not.toMatch(/^j$/m);
			tmux.keys('q');
			await tmux.waitFor(() => tmux.pane('#{alternate_on}') === '0' && /^\$ ?$/m.test(tmux.screen()));
			tmux.type('echo "exit=$?"');
			tmux.keys('Enter');
			await tmux.waitFor(/^exit=0$/m);
		}, 45_000);
	}
});
