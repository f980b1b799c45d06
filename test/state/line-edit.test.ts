import {describe, expect, it} from 'vitest';
import {editLine, lineOf, type Edit, type Line} from '../../source/state/line-edit.js';

const run = (line: Line, ...edits: (Edit | [Edit, string])[]) =>
	edits.reduce((l, e) => (Array.isArray(e) ? editLine(l, e[0], e[1]) : editLine(l, e)), line);

describe('line editing', () => {
	it('inserts at the caret and deletes around it', () => {
		let l = run(lineOf('helo'), 'left', ['insert', 'l']);
		expect(l).toEqual({text: 'hello', caret: 4});
		l = run(l, 'backspace', 'backspace');
		expect(l).toEqual({text: 'heo', caret: 2});
		expect(run(l, 'delete')).toEqual({text: 'he', caret: 2});
		expect(run(lineOf(''), 'backspace')).toEqual({text: '', caret: 0});
	});
	it('deletes words back to the space (ctrl-w) and to either end (ctrl-u, ctrl-k)', () => {
		expect(run(lineOf('source:cgtn long march'), 'killWordLeft')).toEqual({text: 'source:cgtn long ', caret: 17});
		expect(run(lineOf('source:cgtn long '), 'killWordLeft')).toEqual({text: 'source:cgtn ', caret: 12});
		expect(run(lineOf('source:cgtn '), 'killWordLeft')).toEqual({text: '', caret: 0});
		expect(run(lineOf('abc def'), 'wordLeft', 'killToStart')).toEqual({text: 'def', caret: 0});
		expect(run(lineOf('abc def'), 'wordLeft', 'killToEnd')).toEqual({text: 'abc ', caret: 4});
		expect(run(lineOf('abc def'), 'home', 'killWordRight')).toEqual({text: ' def', caret: 0});
	});
	it('moves by words (alt-b, alt-f) and to the ends (ctrl-a, ctrl-e)', () => {
		const l = lineOf('Tianwen 2 asteroid');
		expect(run(l, 'wordLeft').caret).toBe(10);
		expect(run(l, 'wordLeft', 'wordLeft').caret).toBe(8);
		expect(run(l, 'home', 'wordRight').caret).toBe(7);
		expect(run(l, 'home').caret).toBe(0);
		expect(run(l, 'home', 'end').caret).toBe(18);
		expect(run(l, 'right').caret).toBe(18);
	});
	it('counts the caret in characters, not UTF-16 units', () => {
		const l = run(lineOf('a🚀'), 'backspace');
		expect(l).toEqual({text: 'a', caret: 1});
		expect(run(lineOf('中文'), 'left', ['insert', 'x'])).toEqual({text: '中x文', caret: 2});
	});
});
