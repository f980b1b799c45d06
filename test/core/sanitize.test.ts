import {describe, expect, it} from 'vitest';
import {sanitize} from '../../source/core/sanitize.js';

describe('sanitize', () => {
	it('shows escape sequences, C1 controls and bidi overrides as visible text', () => {
		expect(sanitize('a\x1b]0;pwned\x07b')).toBe('a^[]0;pwned^Gb');
		expect(sanitize('x\x9b31my')).toBe('x\\u009b31my');
		expect(sanitize('abc\u202Edef')).toBe('abc\\u202edef');
		expect(sanitize('\x7f')).toBe('^?');
	});
	it('escapes line feeds and tabs in names, keeps them in text bodies when asked', () => {
		expect(sanitize('evil\nname.txt')).toBe('evil\\nname.txt');
		expect(sanitize('one\ntwo\tthree', {newlines: true, tabs: true})).toBe('one\ntwo\tthree');
	});
	it('leaves ordinary text, including wide and non-Latin characters, as it is', () => {
		for (const s of ['plain', 'Café – “quoted” — 2025年11月5日', 'Москва', '\u200Fمرحبا']) expect(sanitize(s)).toBe(s);
	});
});
