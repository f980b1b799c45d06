import {describe, expect, it} from 'vitest';
import {
	clipboardSequence,
	copyText,
	nativeTools,
	osc52,
	screenPassthrough,
	tmuxPassthrough,
	type Runner,
} from '../../source/io/clipboard.js';

const recorder = (ok: (command: string[]) => boolean) => {
	const runs: {command: string[]; input: string}[] = [];
	const run: Runner = async (command, input) => {
		runs.push({command, input});
		return ok(command);
	};
	return {runs, run};
};

describe('clipboard', () => {
	it('writes OSC 52 with the text in base64', () => {
		expect(osc52('héllo')).toBe(`\x1b]52;c;${Buffer.from('héllo').toString('base64')}\x07`);
	});
	it('wraps it for tmux (every ESC doubled) and for screen (in pieces)', () => {
		expect(tmuxPassthrough('\x1b]52;c;aGk=\x07')).toBe('\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\');
		expect(clipboardSequence('hi', {TMUX: '/tmp/tmux-0/default,1,0'})).toBe('\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\');
		expect(clipboardSequence('hi', {STY: '1.pts'})).toBe('\x1bP\x1b]52;c;aGk=\x07\x1b\\');
		expect(screenPassthrough('x'.repeat(1000)).match(/\x1bP/g)!.length).toBe(2);
		expect(clipboardSequence('hi', {})).toBe(osc52('hi'));
	});
	it('uses the system clipboard only on the same machine', () => {
		expect(nativeTools({DISPLAY: ':0'}, 'linux')[0]).toEqual(['xclip', '-selection', 'clipboard']);
		expect(nativeTools({WAYLAND_DISPLAY: 'wayland-0'}, 'linux')[0]).toEqual(['wl-copy']);
		expect(nativeTools({}, 'darwin')).toEqual([['pbcopy']]);
		expect(nativeTools({DISPLAY: ':0', SSH_CONNECTION: '1 2 3 4'}, 'linux')).toEqual([]);
	});
	it('in tmux, fills tmux’s buffer (which sets the outer clipboard) and sends the wrapped OSC 52', async () => {
		const written: string[] = [];
		const {runs, run} = recorder(() => true);
		const how = await copyText('the pair', {env: {TMUX: 't'}, platform: 'linux', write: s => written.push(s), run});
		expect(runs).toEqual([{command: ['tmux', 'load-buffer', '-w', '-'], input: 'the pair'}]);
		expect(written).toEqual([tmuxPassthrough(osc52('the pair'))]);
		expect(how).toBe('via tmux buffer + OSC 52');
	});
	it('without a tmux program at hand, also sends the plain OSC 52 for tmux to take', async () => {
		const written: string[] = [];
		const {run} = recorder(() => false);
		await copyText('x', {env: {TMUX: 't'}, platform: 'linux', write: s => written.push(s), run});
		expect(written).toEqual([tmuxPassthrough(osc52('x')), osc52('x')]);
	});
	it('outside tmux, OSC 52 and a system tool when one works', async () => {
		const written: string[] = [];
		const {runs, run} = recorder(c => c[0] === 'xsel');
		const how = await copyText('x', {env: {DISPLAY: ':0'}, platform: 'linux', write: s => written.push(s), run});
		expect(written).toEqual([osc52('x')]);
		expect(runs.map(r => r.command[0])).toEqual(['xclip', 'xsel']);
		expect(how).toBe('via xsel + OSC 52');
	});
});
