import {describe, expect, it} from 'vitest';
import {BINDINGS, hints, keyName, resolveKey, type ViewName} from '../../source/state/keymap.js';

describe('keymap', () => {
	it('names keys', () => {
		expect(keyName('', {upArrow: true})).toBe('up');
		expect(keyName('n', {ctrl: true})).toBe('ctrl-n');
		expect(keyName(' ', {})).toBe('space');
		expect(keyName('G', {})).toBe('G');
		expect(keyName('', {return: true})).toBe('enter');
	});
	it('maps keys to commands per view', () => {
		expect(resolveKey('reader', 'j', {})).toEqual({type: 'command', command: 'down'});
		expect(resolveKey('reader', 'n', {})).toEqual({type: 'command', command: 'nextPair'});
		expect(resolveKey('compare', ']', {})).toEqual({type: 'command', command: 'nextPair'});
		expect(resolveKey('compare', '', {tab: true})).toEqual({type: 'command', command: 'switchSide'});
		expect(resolveKey('sources', 'q', {})).toEqual({type: 'command', command: 'quit'});
		expect(resolveKey('reader', 'q', {})).toEqual({type: 'command', command: 'back'});
		expect(resolveKey('reader', 'z', {})).toBeNull();
	});
	it('sends letters to the query while searching, and keeps control keys as commands', () => {
		for (const ch of ['j', 'k', 'q', 'n', '/', '?', 'G', ' ', '中']) expect(resolveKey('search', ch, {})).toEqual({type: 'type', text: ch});
		expect(resolveKey('search', 'n', {ctrl: true})).toEqual({type: 'command', command: 'down'});
		expect(resolveKey('search', 'p', {ctrl: true})).toEqual({type: 'command', command: 'up'});
		expect(resolveKey('search', '', {escape: true})).toEqual({type: 'command', command: 'back'});
		expect(resolveKey('search', '', {backspace: true})).toEqual({type: 'command', command: 'erase'});
		expect(resolveKey('search', '', {return: true})).toEqual({type: 'command', command: 'open'});
	});
	it('has no key bound twice in one view, and hints for every view', () => {
		for (const view of Object.keys(BINDINGS) as ViewName[]) {
			const keys = BINDINGS[view].flatMap(b => b.keys);
			expect(new Set(keys).size, view).toBe(keys.length);
			expect(hints(view).length, view).toBeGreaterThan(1);
		}
	});
});
