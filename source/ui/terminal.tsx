// The explorer's hold on the terminal: the alternate screen and raw mode, given back however the process
// ends, and around a suspension.
// - SIGINT, SIGQUIT, SIGTERM and SIGHUP (sent by `kill`, or by a closing terminal) restore the terminal and
//   end the process with 128 + the signal's number; so does any exit.
// - Suspension: in raw mode ctrl-z is a key, not a signal, so the app's key handler suspends; SIGTSTP
//   sent by `kill` does the same. The alternate screen and raw mode are left, then the process stops as
//   the shell expects (SIGTSTP with its default action). SIGCONT (`fg`) enters both again and redraws the
//   whole frame: the screen the app comes back to is blank, and Ink draws only what changed.

import type React from 'react';
import {useEffect} from 'react';
import {useStdout} from 'ink';

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';

const ENDING = {SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15} as const;

type Tty = {stdin: Pick<NodeJS.ReadStream, 'setRawMode' | 'isTTY'>; stdout: Pick<NodeJS.WriteStream, 'write'>};

export type Terminal = {
	/** Leave the alternate screen and raw mode, show the cursor; once, however often it is called. */
	restore(): void;
	/** Give the terminal back and stop the process until `fg`. */
	suspend(): void;
	/** Called after a resumption, once the terminal is taken again: draw everything. */
	onResume(listener: () => void): () => void;
	/** Remove the signal handlers (after `restore`, when the explorer has ended). */
	release(): void;
};

/**
 * Take the terminal: alternate screen in, and the handlers above installed. `exit` ends the process
 * (process.exit, replaced in tests).
 */
export function takeTerminal(tty: Tty = process, exit: (code: number) => void = code => process.exit(code)): Terminal {
	let restored = false;
	const listeners = new Set<() => void>();
	const raw = (on: boolean) => {
		if (tty.stdin.isTTY) tty.stdin.setRawMode(on);
	};
	const restore = () => {
		if (restored) return;
		restored = true;
		raw(false);
		tty.stdout.write(LEAVE_ALT + SHOW_CURSOR);
	};
	const ending = Object.entries(ENDING).map(([signal, number]) => {
		const handler = () => {
			restore();
			exit(128 + number);
		};
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	const onStop = () => suspend();
	const onContinue = () => {
		if (restored) return;
		process.on('SIGTSTP', onStop);
		raw(true);
		tty.stdout.write(ENTER_ALT + HIDE_CURSOR);
		for (const l of listeners) l();
	};
	function suspend() {
		if (restored) return;
		raw(false);
		tty.stdout.write(LEAVE_ALT + SHOW_CURSOR);
		// Without our handler, SIGTSTP takes its default action: the process stops, and the shell says so.
		process.removeListener('SIGTSTP', onStop);
		process.kill(process.pid, 'SIGTSTP');
	}
	process.on('SIGTSTP', onStop);
	process.on('SIGCONT', onContinue);
	process.once('exit', restore);
	tty.stdout.write(ENTER_ALT);
	return {
		restore,
		suspend,
		onResume(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		release() {
			for (const [signal, handler] of ending) process.removeListener(signal, handler);
			process.removeListener('SIGTSTP', onStop);
			process.removeListener('SIGCONT', onContinue);
			process.removeListener('exit', restore);
		},
	};
}

/**
 * Wraps the app: after `fg` the whole last frame is written again (Ink's stdout write clears what it drew
 * and draws it anew). ctrl-z itself is a key like the others: the app's one key handler calls suspend().
 */
export function Resumable({terminal, children}: {terminal: Terminal; children: React.ReactNode}) {
	const {write} = useStdout();
	useEffect(() => terminal.onResume(() => write('')), [terminal, write]);
	return children;
}
