// A tmux server of its own for one test file: launch a command in a pane of a given size, read the screen
// and the pane's state, wait for a condition (never for a fixed time).
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';

export type Tmux = {
	run(...args: string[]): string;
	/** Start `command` in the pane 'app' (replacing the one before). */
	launch(command: string, size?: {cols: number; rows: number}): void;
	screen(): string;
	/** A pane variable, e.g. `#{alternate_on}`, `#{pane_title}`. */
	pane(format: string): string;
	keys(...keys: string[]): void;
	type(text: string): void;
	waitFor(what: RegExp | (() => boolean), ms?: number): Promise<string>;
	/** The contents of a file once it exists (an exit code, a pid). */
	fileOf(path: string, ms?: number): Promise<string>;
	kill(): void;
};

export function tmuxServer(name: string): Tmux {
	const socket = `churnscope-${name}-${process.pid}`;
	const run = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	const screen = () => run('capture-pane', '-p', '-t', 'app');
	const until = async (test: () => boolean, ms: number, what: string) => {
		const end = Date.now() + ms;
		while (Date.now() < end) {
			if (test()) return;
			await new Promise(r => setTimeout(r, 50));
		}
		throw new Error(`timed out waiting for ${what}; screen was:\n${screen()}`);
	};
	// A session that outlives 'app', so that replacing 'app' never ends the server.
	run('new-session', '-d', '-s', 'keeper');
	return {
		run,
		launch(command, size = {cols: 120, rows: 40}) {
			try {
				run('kill-session', '-t', 'app');
			} catch {
				// none yet
			}
			run('new-session', '-d', '-s', 'app', '-x', String(size.cols), '-y', String(size.rows), command);
		},
		screen,
		pane: format => run('display-message', '-p', '-t', 'app', format).trim(),
		keys: (...keys) => void run('send-keys', '-t', 'app', ...keys),
		type: text => void run('send-keys', '-t', 'app', '-l', text),
		async waitFor(what, ms = 10_000) {
			const test = typeof what === 'function' ? what : () => what.test(screen());
			await until(test, ms, String(what));
			return screen();
		},
		async fileOf(path, ms = 10_000) {
			await until(() => existsSync(path) && readFileSync(path, 'utf8').endsWith('\n'), ms, path);
			return readFileSync(path, 'utf8').trim();
		},
		kill() {
			try {
				run('kill-server');
			} catch {
				// already gone
			}
		},
	};
}
