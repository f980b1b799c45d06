// A line being typed (the search query, a list filter), edited with the readline keys a shell user
// has in their fingers. Pure: a line and an edit in, a line out. The caret counts code points, so a
// CJK character or an emoji is one step, never half of one.

export type Line = {text: string; caret: number};

export type Edit =
	| 'insert'
	| 'backspace'
	| 'delete'
	| 'left'
	| 'right'
	| 'home'
	| 'end'
	| 'wordLeft'
	| 'wordRight'
	| 'killWordLeft'
	| 'killWordRight'
	| 'killToStart'
	| 'killToEnd';

export const emptyLine: Line = {text: '', caret: 0};

export function lineOf(text: string): Line {
	return {text, caret: [...text].length};
}

const isWordChar = (c: string) => /[\p{L}\p{N}_]/u.test(c);

/** The start of the word before `at` (skipping the non-word characters just before it). */
function wordStart(chars: string[], at: number): number {
	let i = at;
	while (i > 0 && !isWordChar(chars[i - 1]!)) i--;
	while (i > 0 && isWordChar(chars[i - 1]!)) i--;
	return i;
}

/** The end of the word after `at`. */
function wordEnd(chars: string[], at: number): number {
	let i = at;
	while (i < chars.length && !isWordChar(chars[i]!)) i++;
	while (i < chars.length && isWordChar(chars[i]!)) i++;
	return i;
}

/** ctrl-w erases back to the previous whitespace, as in a shell (so "source:cgtn" goes in one). */
function spaceWordStart(chars: string[], at: number): number {
	let i = at;
	while (i > 0 && /\s/.test(chars[i - 1]!)) i--;
	while (i > 0 && !/\s/.test(chars[i - 1]!)) i--;
	return i;
}

export function editLine(line: Line, edit: Edit, text = ''): Line {
	const chars = [...line.text];
	const at = Math.max(0, Math.min(chars.length, line.caret));
	const make = (c: string[], caret: number): Line => ({text: c.join(''), caret});
	switch (edit) {
		case 'insert': {
			const add = [...text];
			return make([...chars.slice(0, at), ...add, ...chars.slice(at)], at + add.length);
		}
		case 'backspace':
			return at === 0 ? line : make([...chars.slice(0, at - 1), ...chars.slice(at)], at - 1);
		case 'delete':
			return at >= chars.length ? line : make([...chars.slice(0, at), ...chars.slice(at + 1)], at);
		case 'left':
			return {...line, caret: Math.max(0, at - 1)};
		case 'right':
			return {...line, caret: Math.min(chars.length, at + 1)};
		case 'home':
			return {...line, caret: 0};
		case 'end':
			return {...line, caret: chars.length};
		case 'wordLeft':
			return {...line, caret: wordStart(chars, at)};
		case 'wordRight':
			return {...line, caret: wordEnd(chars, at)};
		case 'killWordLeft': {
			const from = spaceWordStart(chars, at);
			return make([...chars.slice(0, from), ...chars.slice(at)], from);
		}
		case 'killWordRight': {
			const to = wordEnd(chars, at);
			return make([...chars.slice(0, at), ...chars.slice(to)], at);
		}
		case 'killToStart':
			return make(chars.slice(at), 0);
		case 'killToEnd':
			return make(chars.slice(0, at), at);
	}
}
