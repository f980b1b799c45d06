import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {BINDINGS, CONTEXT_ORDER, hints, keyTableMarkdown, resolve, TYPING, type Context} from '../../source/state/keymap.js';
import {charKey} from '../../source/state/keys.js';
import {ROOT} from '../helpers.js';

const k = (name: string, text = '') => ({name, text});

describe('keymap', () => {
	it('maps keys to commands per context', () => {
		expect(resolve('reader', k('j'))).toEqual({type: 'command', command: 'down'});
		expect(resolve('reader', k('n'))).toEqual({type: 'command', command: 'nextPassage'});
		expect(resolve('reader', k('w'))).toEqual({type: 'command', command: 'whoElse'});
		expect(resolve('compare', k(']'))).toEqual({type: 'command', command: 'nextPassage'});
		expect(resolve('compare', k('shift-tab'))).toEqual({type: 'command', command: 'focusPrev'});
		expect(resolve('figures', k('shift-tab'))).toEqual({type: 'command', command: 'kindPrev'});
		expect(resolve('sources', k('s'))).toEqual({type: 'command', command: 'sort'});
		expect(resolve('sources', k('S'))).toEqual({type: 'command', command: 'reverse'});
		expect(resolve('families', k('ctrl-d'))).toEqual({type: 'command', command: 'halfDown'});
		expect(resolve('sources', k('/'))).toEqual({type: 'command', command: 'filter'});
		expect(resolve('reader', k('z'))).toBeNull();
	});
	it('types printable keys into the line being edited, ? and q included, and keeps readline keys as commands', () => {
		for (const ch of ['j', 'k', 'q', 'n', '/', '?', 'G', '中', '2', '"', '>', '%']) {
			expect(resolve('search', charKey(ch)), ch).toEqual({type: 'type', text: ch});
			expect(resolve('filter', charKey(ch)), ch).toEqual({type: 'type', text: ch});
		}
		expect(resolve('search', charKey(' '))).toEqual({type: 'type', text: ' '});
		expect(resolve('search', k('ctrl-w'))).toEqual({type: 'command', command: 'killWordLeft'});
		expect(resolve('search', k('ctrl-u'))).toEqual({type: 'command', command: 'killToStart'});
		expect(resolve('search', k('ctrl-a'))).toEqual({type: 'command', command: 'caretHome'});
		expect(resolve('search', k('ctrl-e'))).toEqual({type: 'command', command: 'caretEnd'});
		expect(resolve('search', k('alt-b'))).toEqual({type: 'command', command: 'wordLeft'});
		expect(resolve('search', k('alt-f'))).toEqual({type: 'command', command: 'wordRight'});
		expect(resolve('search', k('down'))).toEqual({type: 'command', command: 'down'});
		expect(resolve('search', k('esc'))).toEqual({type: 'command', command: 'back'});
		expect(resolve('filter', k('esc'))).toEqual({type: 'command', command: 'cancel'});
		expect(resolve('results', k('j'))).toEqual({type: 'command', command: 'down'});
	});
	it('types nothing outside a line being edited', () => {
		for (const c of Object.keys(BINDINGS) as Context[]) if (!TYPING.has(c)) expect(resolve(c, charKey('Z')), c).toBeNull();
	});
	it('binds no key twice in one context, and gives every context hints', () => {
		for (const c of Object.keys(BINDINGS) as Context[]) {
			const keys = BINDINGS[c].flatMap(b => b.keys);
			expect(new Set(keys).size, c).toBe(keys.length);
			expect(hints(c).length, c).toBeGreaterThan(1);
		}
		expect(CONTEXT_ORDER.slice().sort()).toEqual((Object.keys(BINDINGS) as Context[]).sort());
	});
	it('is the key table of the README, generated from these bindings', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const m = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme);
		expect(m, 'README has the generated key table between its markers').not.toBeNull();
		expect(m![1]).toBe(keyTableMarkdown());
	});
});
