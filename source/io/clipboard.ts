// Copying text to the user's clipboard from a terminal program, wherever it runs:
// - OSC 52 (`ESC ] 52 ; c ; base64 BEL`): the terminal sets its clipboard; works over ssh.
// - Inside tmux, an application's OSC 52 is ignored unless `set-clipboard on` (the default is
//   `external`). So the text goes to `tmux load-buffer -w -`, which fills tmux's paste buffer and, with
//   the default setting, has tmux send OSC 52 to the outer terminal itself; the OSC 52 is also sent
//   wrapped in tmux's DCS passthrough (`ESC P tmux; … ESC \`, every ESC doubled), which tmux forwards
//   as it is when `allow-passthrough on`. Inside GNU screen, the passthrough is `ESC P … ESC \` in
//   pieces of at most 768 bytes.
// - On the same machine (not over ssh), a system clipboard tool as well, when there is one: pbcopy,
//   wl-copy, xclip or xsel.

import {spawn} from 'node:child_process';

export function osc52(text: string): string {
	return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/** A sequence wrapped so that tmux passes it to the outer terminal (with `allow-passthrough on`). */
export function tmuxPassthrough(sequence: string): string {
	return `\x1bPtmux;${sequence.replace(/\x1b/g, '\x1b\x1b')}\x1b\\`;
}

/** A sequence wrapped for GNU screen's passthrough, which takes at most 768 bytes per DCS. */
export function screenPassthrough(sequence: string): string {
	let out = '';
	for (let i = 0; i < sequence.length; i += 768) out += `\x1bP${sequence.slice(i, i + 768)}\x1b\\`;
	return out;
}

/** The OSC 52 sequence for this terminal: plain, or wrapped for tmux or screen. */
export function clipboardSequence(text: string, env: NodeJS.ProcessEnv): string {
	const seq = osc52(text);
	if (env['TMUX']) return tmuxPassthrough(seq);
	if (env['STY']) return screenPassthrough(seq);
	return seq;
}

/** The system clipboard tools to try, first that works wins (none over ssh: the clipboard there is the remote machine's). */
export function nativeTools(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[][] {
	if (env['SSH_CONNECTION'] || env['SSH_TTY']) return [];
	if (platform === 'darwin') return [['pbcopy']];
	if (platform === 'win32') return [['clip']];
	const tools: string[][] = [];
	if (env['WAYLAND_DISPLAY']) tools.push(['wl-copy']);
	if (env['DISPLAY']) tools.push(['xclip', '-selection', 'clipboard'], ['xsel', '--clipboard', '--input']);
	return tools;
}

/** Runs a program with `input` on its stdin; true when it exits 0 within a second. */
export type Runner = (command: string[], input: string) => Promise<boolean>;

export const runWithInput: Runner = (command, input) =>
	new Promise(resolve => {
		let done = false;
		const finish = (ok: boolean) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			resolve(ok);
		};
		const child = spawn(command[0]!, command.slice(1), {stdio: ['pipe', 'ignore', 'ignore']});
		// Some tools (xclip) stay behind to serve the selection: not waiting for them beyond a second.
		const timer = setTimeout(() => finish(true), 1000);
		child.on('error', () => finish(false));
		child.on('exit', code => finish(code === 0));
		child.stdin.on('error', () => finish(false));
		child.stdin.end(input);
	});

export type ClipboardDeps = {env: NodeJS.ProcessEnv; platform: NodeJS.Platform; write: (s: string) => void; run: Runner};

/** Copy `text` every way that applies here; returns how, for the status line. */
export async function copyText(text: string, deps: ClipboardDeps): Promise<string> {
	const ways: string[] = [];
	if (deps.env['TMUX'] && (await deps.run(['tmux', 'load-buffer', '-w', '-'], text))) ways.push('tmux buffer');
	// Inside tmux the wrapped sequence reaches the terminal with allow-passthrough; without a tmux
	// binary at hand, the plain one reaches tmux itself (set-clipboard on).
	deps.write(clipboardSequence(text, deps.env));
	if (deps.env['TMUX'] && !ways.length) deps.write(osc52(text));
	ways.push('OSC 52');
	for (const tool of nativeTools(deps.env, deps.platform)) {
		if (await deps.run(tool, text)) {
			ways.unshift(tool[0]!);
			break;
		}
	}
	return `via ${ways.join(' + ')}`;
}
