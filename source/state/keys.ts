// Key presses as the keymap sees them: one name per key. Ink splits a chunk of input at escape
// sequences but hands over a run of plain characters ("jjjjG", three backspaces, a paste, keys typed
// during start-up) as one string; here such a run becomes one key per character, in order, so that
// no key of a burst is lost or misread.

/** The parts of Ink's key object that naming uses. */
export type KeyInfo = {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	ctrl?: boolean;
	shift?: boolean;
	tab?: boolean;
	backspace?: boolean;
	delete?: boolean;
	meta?: boolean;
};

/**
 * One key: `name` in the keymap's vocabulary (a printable character, or up, down, left, right, pgup,
 * pgdn, home, end, enter, esc, tab, shift-tab, backspace, space, ctrl-x, alt-x), and `text`, what it
 * types when a line is being edited (empty for keys that type nothing). An Alt key is also Esc followed
 * by the key, which is how terminals send it: `split` holds that reading, used where the Alt key means
 * nothing (Esc then Enter typed quickly arrive together, as Alt-Enter).
 */
export type Key = {name: string; text: string; split?: Key[]};

const key = (name: string, text = ''): Key => ({name, text});

/** The key of one character that arrived inside a run of plain characters. */
export function charKey(ch: string): Key {
	const c = ch.codePointAt(0) ?? 0;
	if (ch === '\r' || ch === '\n') return key('enter');
	if (ch === '\t') return key('tab');
	if (ch === '\x7f' || ch === '\b') return key('backspace');
	if (ch === ' ') return key('space', ' ');
	if (c >= 1 && c <= 26) return key(`ctrl-${String.fromCharCode(c + 96)}`);
	if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return key(`ctrl-${c}`);
	return key(ch, ch);
}

/** The key Ink's flags name, Alt aside; null for a run of plain characters. */
function special(input: string, info: KeyInfo): Key | null {
	if (info.upArrow) return key('up');
	if (info.downArrow) return key('down');
	if (info.leftArrow) return key(info.ctrl ? 'alt-left' : 'left');
	if (info.rightArrow) return key(info.ctrl ? 'alt-right' : 'right');
	if (info.pageUp) return key('pgup');
	if (info.pageDown) return key('pgdn');
	if (info.home) return key('home');
	if (info.end) return key('end');
	if (info.return) return key('enter');
	if (info.tab) return key(info.shift ? 'shift-tab' : 'tab');
	if (info.backspace || info.delete) return key('backspace');
	if (info.ctrl && input.length === 1) return key(`ctrl-${input.toLowerCase()}`);
	return null;
}

/**
 * The keys of one input event from Ink, in order. A special key (arrow, Enter, Tab, Esc, Backspace, a
 * control or Alt combination) is one key; a run of plain characters is one key per character.
 */
export function decodeKeys(input: string, info: KeyInfo): Key[] {
	if (info.escape) return [key('esc')];
	const base = special(input, info) ?? ([...input].length === 1 ? charKey(input) : null);
	if (info.meta && base) {
		if (base.name.startsWith('alt-')) return [base];
		return [{name: `alt-${base.name}`, text: '', split: [key('esc'), base]}];
	}
	if (base) return [base];
	if (input === '') return [];
	return [...input].map(charKey);
}
