// Rendering the explorer in a terminal of a given size, in memory: ink-testing-library's streams are
// 100 columns wide with no height, so these are the same streams with a size. Tests wait for the frame
// they expect instead of sleeping for a fixed time.

import {EventEmitter} from 'node:events';
import type {ReactElement} from 'react';
import {render} from 'ink';
import stringWidth from 'string-width';

class Stdout extends EventEmitter {
	frames: string[] = [];
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
	lastFrame = () => this.frames[this.frames.length - 1] ?? '';
}

class Stdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = () => {
		const d = this.data;
		this.data = null;
		return d;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export const KEYS = {
	enter: '\r',
	esc: '\x1b',
	tab: '\t',
	shiftTab: '\x1b[Z',
	up: '\x1b[A',
	down: '\x1b[B',
	left: '\x1b[D',
	right: '\x1b[C',
	pgdn: '\x1b[6~',
	pgup: '\x1b[5~',
	home: '\x1b[H',
	end: '\x1b[F',
	backspace: '\x7f',
	ctrl: (c: string) => String.fromCharCode(c.toLowerCase().charCodeAt(0) - 96),
	alt: (c: string) => `\x1b${c}`,
} as const;

/** Rows of a frame, without the trailing empty line Ink leaves. */
export const linesOf = (frame: string) => frame.replace(/\n$/, '').split('\n');
/** The widest row of a frame, in terminal columns. */
export const widest = (frame: string) => Math.max(0, ...linesOf(frame).map(l => stringWidth(l)));

export type Rendered = ReturnType<typeof renderSized>;

export function renderSized(node: ReactElement, size: {columns: number; rows: number}) {
	const stdout = new Stdout(size.columns, size.rows);
	const stderr = new Stdout(size.columns, size.rows);
	const stdin = new Stdin();
	const instance = render(node, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const frame = () => stdout.lastFrame();
	/** Wait until the frame satisfies `test` (a pattern or a predicate); fails with the last frame. */
	const waitFor = async (test: RegExp | ((frame: string) => boolean), ms = 3000): Promise<string> => {
		const ok = typeof test === 'function' ? test : (f: string) => test.test(f);
		const until = Date.now() + ms;
		while (Date.now() < until) {
			if (ok(frame())) return frame();
			await new Promise(r => setTimeout(r, 5));
		}
		throw new Error(`timed out waiting for ${String(test)}; the frame was:\n${frame()}`);
	};
	/** Write keys (each a separate write) and wait until the frame shows `then`. */
	const press = async (keys: string[], then: RegExp | ((frame: string) => boolean)) => {
		for (const k of keys) stdin.write(k);
		return waitFor(then);
	};
	return {
		stdin,
		stdout,
		frame,
		waitFor,
		press,
		rerender: instance.rerender,
		/** Resolves when the app exits (ink's useApp().exit). */
		exited: () => instance.waitUntilExit(),
		unmount: () => {
			instance.unmount();
			instance.cleanup();
		},
		resize(columns: number, rows: number) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
		},
	};
}
