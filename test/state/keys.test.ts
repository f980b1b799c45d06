import {describe, expect, it} from 'vitest';
import {decodeKeys} from '../../source/state/keys.js';

const names = (input: string, info = {}) => decodeKeys(input, info).map(k => k.name);

describe('keys', () => {
	it('splits a run of plain characters into one key each, in order', () => {
		expect(names('jjjjG')).toEqual(['j', 'j', 'j', 'j', 'G']);
		// Three backspaces, a tab, Enter and ctrl-w arriving in one chunk.
		expect(names('\x7f\x7f\x7f\t\r\x17')).toEqual(['backspace', 'backspace', 'backspace', 'tab', 'enter', 'ctrl-w']);
		expect(names('a b')).toEqual(['a', 'space', 'b']);
		expect(names('中文🚀')).toEqual(['中', '文', '🚀']);
		expect(decodeKeys('a b', {}).map(k => k.text)).toEqual(['a', ' ', 'b']);
	});
	it('names the keys Ink has parsed', () => {
		expect(names('', {upArrow: true})).toEqual(['up']);
		expect(names('', {tab: true, shift: true})).toEqual(['shift-tab']);
		expect(names('', {tab: true})).toEqual(['tab']);
		expect(names('', {delete: true})).toEqual(['backspace']);
		expect(names('d', {ctrl: true})).toEqual(['ctrl-d']);
		expect(names('', {escape: true, meta: true})).toEqual(['esc']);
		expect(names('', {pageDown: true})).toEqual(['pgdn']);
		expect(names('', {leftArrow: true, ctrl: true})).toEqual(['alt-left']);
	});
	it('reads Alt as Alt, keeping Esc-then-key for where Alt means nothing', () => {
		const [altB] = decodeKeys('b', {meta: true});
		expect(altB).toMatchObject({name: 'alt-b', text: ''});
		expect(altB!.split!.map(k => k.name)).toEqual(['esc', 'b']);
		const [altEnter] = decodeKeys('', {return: true, meta: true});
		expect(altEnter!.split!.map(k => k.name)).toEqual(['esc', 'enter']);
		expect(names('', {backspace: true, meta: true})).toEqual(['alt-backspace']);
	});
});
