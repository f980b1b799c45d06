// Key bindings as data: each view maps keys to commands; the help screen and status line read the same
// table, so what is shown is what works.

export type ViewName = 'sources' | 'reader' | 'search' | 'compare' | 'figures';

export type Command =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'top'
	| 'bottom'
	| 'open'
	| 'back'
	| 'quit'
	| 'search'
	| 'help'
	| 'nextPair'
	| 'prevPair'
	| 'switchSide'
	| 'figures'
	| 'kind'
	| 'erase'
	| 'left'
	| 'right';

/** The parts of Ink's key object that bindings use. */
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
	tab?: boolean;
	backspace?: boolean;
	delete?: boolean;
	meta?: boolean;
};

export type Binding = {keys: string[]; command: Command; label: string; hint?: boolean};

// Key names: a printable character, or one of up, down, left, right, pgup, pgdn, home, end, enter, esc,
// tab, backspace, and ctrl-x for a control key.
const common: Binding[] = [
	{keys: ['/'], command: 'search', label: 'search', hint: true},
	{keys: ['?'], command: 'help', label: 'keys', hint: true},
	{keys: ['esc', 'q'], command: 'back', label: 'back', hint: true},
];

/** j/k, page, top and bottom, with the extra page keys of the view (lists and text differ). */
function movement(noun: string, pageDown: string[], pageUp: string[]): Binding[] {
	return [
		{keys: ['j', 'down'], command: 'down', label: `${noun}down`},
		{keys: ['k', 'up'], command: 'up', label: `${noun}up`},
		{keys: ['pgdn', ...pageDown], command: 'pageDown', label: 'page down'},
		{keys: ['pgup', ...pageUp], command: 'pageUp', label: 'page up'},
		{keys: ['g', 'home'], command: 'top', label: 'top'},
		{keys: ['G', 'end'], command: 'bottom', label: 'bottom'},
	];
}

const lines = movement('', ['space', 'ctrl-f', 'ctrl-d'], ['b', 'ctrl-b', 'ctrl-u']);

export const BINDINGS: Record<ViewName, Binding[]> = {
	sources: [
		{keys: ['j', 'down'], command: 'down', label: 'down'},
		{keys: ['k', 'up'], command: 'up', label: 'up'},
		{keys: ['enter'], command: 'open', label: 'read', hint: true},
		{keys: ['c'], command: 'nextPair', label: 'compare reuse', hint: true},
		{keys: ['f'], command: 'figures', label: 'figures', hint: true},
		{keys: ['/'], command: 'search', label: 'search', hint: true},
		{keys: ['?'], command: 'help', label: 'keys', hint: true},
		{keys: ['q'], command: 'quit', label: 'quit', hint: true},
	],
	reader: [
		...lines,
		{keys: ['n'], command: 'nextPair', label: 'next reused passage', hint: true},
		{keys: ['N'], command: 'prevPair', label: 'previous reused passage', hint: true},
		{keys: ['enter'], command: 'open', label: 'compare passage', hint: true},
		...common,
	],
	search: [
		{keys: ['down', 'ctrl-n'], command: 'down', label: 'next result', hint: true},
		{keys: ['up', 'ctrl-p'], command: 'up', label: 'previous result', hint: true},
		{keys: ['pgdn'], command: 'pageDown', label: 'page down'},
		{keys: ['pgup'], command: 'pageUp', label: 'page up'},
		{keys: ['enter'], command: 'open', label: 'open in reader', hint: true},
		{keys: ['backspace'], command: 'erase', label: 'delete a character'},
		{keys: ['esc'], command: 'back', label: 'close search', hint: true},
	],
	compare: [
		{keys: [']'], command: 'nextPair', label: 'next pair', hint: true},
		{keys: ['['], command: 'prevPair', label: 'previous pair', hint: true},
		{keys: ['tab'], command: 'switchSide', label: 'switch scrolling side', hint: true},
		...movement('scroll ', ['space'], ['b']),
		{keys: ['enter'], command: 'open', label: 'read side in full'},
		...common,
	],
	figures: [
		...movement('', ['space'], ['b']),
		{keys: ['tab', 'f'], command: 'kind', label: 'filter by kind', hint: true},
		{keys: ['enter'], command: 'open', label: 'open passage', hint: true},
		...common,
	],
};

/** The name of a key press in the bindings' vocabulary. */
export function keyName(input: string, key: KeyInfo): string | null {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pgup';
	if (key.pageDown) return 'pgdn';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'esc';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	if (input.length === 1) return input;
	return null;
}

export type KeyAction = {type: 'command'; command: Command} | {type: 'type'; text: string} | null;

/**
 * What a key press means in a view. In search, printable characters go to the query (as in fzf), so
 * only keys that cannot be typed are commands there.
 */
export function resolveKey(view: ViewName, input: string, key: KeyInfo): KeyAction {
	const name = keyName(input, key);
	if (
		view === 'search' &&
		!key.ctrl &&
		!key.meta &&
		input &&
		!key.return &&
		!key.tab &&
		!key.escape &&
		!key.backspace &&
		!key.delete &&
		isPrintable(input)
	) {
		return {type: 'type', text: input};
	}
	if (name === null) return null;
	const binding = BINDINGS[view].find(b => b.keys.includes(name));
	return binding ? {type: 'command', command: binding.command} : null;
}

function isPrintable(input: string): boolean {
	// eslint-disable-next-line no-control-regex
	return !/[\u0000-\u001f\u007f]/.test(input);
}

/** The key hints for a status line: the bindings marked as hints, first key each. */
export function hints(view: ViewName): {key: string; label: string}[] {
	return BINDINGS[view].filter(b => b.hint).map(b => ({key: b.keys[0]!, label: b.label}));
}
