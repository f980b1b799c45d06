// Key bindings as data: each context (a view, or the line being typed, a menu, the help screen) maps
// key names to commands. The resolver, the status line, the help screen and the README's key table all
// read this one table, so what is shown is what works.

import type {Key} from './keys.js';

export type ViewName = 'sources' | 'families' | 'family' | 'reader' | 'search' | 'compare' | 'figures' | 'warnings';

/** Where keys go: a view, or something on top of it that takes the keys while it is open. */
export type Context = ViewName | 'results' | 'filter' | 'menu' | 'help' | 'loading';

export type Command =
	// movement in lists and text
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'halfUp'
	| 'halfDown'
	| 'top'
	| 'bottom'
	// going places
	| 'open'
	| 'back'
	| 'quit'
	| 'help'
	| 'search'
	| 'filter'
	| 'sources'
	| 'families'
	| 'figures'
	| 'warnings'
	// lists
	| 'sort'
	| 'reverse'
	| 'sortMenu'
	// reader and compare
	| 'nextPassage'
	| 'prevPassage'
	| 'whoElse'
	| 'compareFirst'
	| 'focusNext'
	| 'focusPrev'
	| 'lock'
	// figures ledger
	| 'kindNext'
	| 'kindPrev'
	| 'kindMenu'
	// taking the work out
	| 'copy'
	| 'pager'
	| 'editor'
	| 'export'
	// a line being typed
	| 'accept'
	| 'cancel'
	| 'toggleFocus'
	| 'backspace'
	| 'deleteChar'
	| 'caretLeft'
	| 'caretRight'
	| 'caretHome'
	| 'caretEnd'
	| 'wordLeft'
	| 'wordRight'
	| 'killWordLeft'
	| 'killWordRight'
	| 'killToStart'
	| 'killToEnd'
	// menus: the item numbered by the key
	| 'pick';

/** `hint`: a short label for the status line, which shows the hinted bindings in the order of the table. */
export type Binding = {keys: string[]; command: Command; label: string; hint?: string};

// ---------- pieces shared by several contexts

const listMoves: Binding[] = [
	{keys: ['j', 'down'], command: 'down', label: 'down'},
	{keys: ['k', 'up'], command: 'up', label: 'up'},
	{keys: ['pgdn', 'space'], command: 'pageDown', label: 'page down'},
	{keys: ['pgup'], command: 'pageUp', label: 'page up'},
	{keys: ['ctrl-d'], command: 'halfDown', label: 'half a page down'},
	{keys: ['ctrl-u'], command: 'halfUp', label: 'half a page up'},
	{keys: ['g', 'home'], command: 'top', label: 'first row'},
	{keys: ['G', 'end'], command: 'bottom', label: 'last row'},
];

const textMoves: Binding[] = [
	{keys: ['j', 'down'], command: 'down', label: 'scroll down a line'},
	{keys: ['k', 'up'], command: 'up', label: 'scroll up a line'},
	{keys: ['pgdn', 'space'], command: 'pageDown', label: 'page down'},
	{keys: ['pgup', 'b'], command: 'pageUp', label: 'page up'},
	{keys: ['ctrl-d'], command: 'halfDown', label: 'half a page down'},
	{keys: ['ctrl-u'], command: 'halfUp', label: 'half a page up'},
	{keys: ['g', 'home'], command: 'top', label: 'top'},
	{keys: ['G', 'end'], command: 'bottom', label: 'bottom'},
];

const listTools: Binding[] = [
	{keys: ['/'], command: 'filter', label: 'filter as you type', hint: 'filter'},
	{keys: ['s'], command: 'sort', label: 'next sort key', hint: 'sort'},
	{keys: ['S'], command: 'reverse', label: 'reverse the sort'},
	{keys: ['O'], command: 'sortMenu', label: 'choose the sort from a menu'},
];

const out: Binding[] = [
	{keys: ['y'], command: 'copy', label: 'copy to the clipboard (OSC 52)'},
	{keys: ['o'], command: 'pager', label: 'open the source in $PAGER at the line'},
	{keys: ['e'], command: 'editor', label: 'open the source in $EDITOR at the line'},
	{keys: ['x'], command: 'export', label: 'export a report (Markdown or HTML)'},
];

const global: Binding[] = [
	{keys: ['1'], command: 'sources', label: 'sources'},
	{keys: ['2'], command: 'families', label: 'families (passages and their copies)'},
	{keys: ['3'], command: 'figures', label: 'figures ledger'},
	{keys: ['ctrl-f'], command: 'search', label: 'search all passages'},
	{keys: ['!'], command: 'warnings', label: 'warnings from loading'},
	{keys: ['?'], command: 'help', label: 'keys', hint: 'keys'},
	{keys: ['esc', 'q'], command: 'back', label: 'back (a filter is cleared first; quits from the first view)', hint: 'back'},
];

/** Readline keys for a line being typed: the query, or a list's filter. */
const lineEditing: Binding[] = [
	{keys: ['backspace', 'ctrl-h'], command: 'backspace', label: 'delete the character before the caret'},
	{keys: ['ctrl-d'], command: 'deleteChar', label: 'delete the character under the caret'},
	{keys: ['ctrl-w', 'alt-backspace'], command: 'killWordLeft', label: 'delete the word before the caret'},
	{keys: ['alt-d'], command: 'killWordRight', label: 'delete the word after the caret'},
	{keys: ['ctrl-u'], command: 'killToStart', label: 'delete to the start of the line'},
	{keys: ['ctrl-k'], command: 'killToEnd', label: 'delete to the end of the line'},
	{keys: ['left', 'ctrl-b'], command: 'caretLeft', label: 'caret left'},
	{keys: ['right'], command: 'caretRight', label: 'caret right'},
	{keys: ['ctrl-a', 'home'], command: 'caretHome', label: 'caret to the start'},
	{keys: ['ctrl-e', 'end'], command: 'caretEnd', label: 'caret to the end'},
	{keys: ['alt-b', 'alt-left'], command: 'wordLeft', label: 'caret a word left'},
	{keys: ['alt-f', 'alt-right'], command: 'wordRight', label: 'caret a word right'},
];

const typingMoves: Binding[] = [
	{keys: ['down', 'ctrl-n'], command: 'down', label: 'next row', hint: 'next'},
	{keys: ['up', 'ctrl-p'], command: 'up', label: 'previous row'},
	{keys: ['pgdn'], command: 'pageDown', label: 'page down'},
	{keys: ['pgup'], command: 'pageUp', label: 'page up'},
];

export const BINDINGS: Record<Context, Binding[]> = {
	sources: [
		{keys: ['enter'], command: 'open', label: 'read the source', hint: 'read'},
		{keys: ['c'], command: 'compareFirst', label: 'compare its first reused passage', hint: 'compare'},
		{keys: ['w'], command: 'whoElse', label: 'families this source carries'},
		{keys: ['f'], command: 'figures', label: 'figures ledger'},
		...listMoves,
		...listTools,
		...out,
		...global,
	],
	families: [{keys: ['enter'], command: 'open', label: 'open the family', hint: 'open'}, ...listMoves, ...listTools, ...out, ...global],
	family: [
		{keys: ['enter'], command: 'open', label: 'compare the member with the origin', hint: 'compare'},
		{keys: ['tab'], command: 'focusNext', label: 'next pane (members, figures)', hint: 'pane'},
		{keys: ['shift-tab'], command: 'focusPrev', label: 'previous pane'},
		...listMoves,
		...out,
		...global,
	],
	reader: [
		{keys: ['n'], command: 'nextPassage', label: 'next reused passage', hint: 'next passage'},
		{keys: ['N'], command: 'prevPassage', label: 'previous reused passage'},
		{keys: ['enter'], command: 'open', label: 'compare the passage', hint: 'compare'},
		{keys: ['w'], command: 'whoElse', label: 'who else carries this passage', hint: 'who else'},
		...textMoves,
		{keys: ['/'], command: 'search', label: 'search all passages'},
		...out,
		...global,
	],
	compare: [
		{keys: [']'], command: 'nextPassage', label: 'next passage', hint: 'next'},
		{keys: ['['], command: 'prevPassage', label: 'previous passage'},
		{keys: ['tab'], command: 'focusNext', label: 'next pane (A, B, figures)', hint: 'pane'},
		{keys: ['shift-tab'], command: 'focusPrev', label: 'previous pane'},
		{keys: ['l'], command: 'lock', label: 'lined up or free scrolling', hint: 'lined up/free'},
		{keys: ['enter'], command: 'open', label: 'read the focused side in full'},
		...textMoves,
		{keys: ['/'], command: 'search', label: 'search all passages'},
		...out,
		...global,
	],
	figures: [
		{keys: ['enter'], command: 'open', label: 'read the passage that states it', hint: 'read'},
		{keys: ['tab'], command: 'kindNext', label: 'next kind of figure', hint: 'kind'},
		{keys: ['shift-tab'], command: 'kindPrev', label: 'previous kind of figure'},
		{keys: ['t'], command: 'kindMenu', label: 'choose the kind from a menu'},
		...listMoves,
		...listTools,
		...out,
		...global,
	],
	warnings: [{keys: ['enter'], command: 'open', label: 'read the source it names', hint: 'read'}, ...listMoves, ...global],
	search: [
		{keys: ['enter'], command: 'open', label: 'open the hit in the reader', hint: 'open'},
		{keys: ['tab', 'shift-tab'], command: 'toggleFocus', label: 'move to the results (list keys)', hint: 'results'},
		...typingMoves,
		...lineEditing,
		{keys: ['esc'], command: 'back', label: 'close the search', hint: 'close'},
	],
	results: [
		{keys: ['enter'], command: 'open', label: 'open the hit in the reader', hint: 'open'},
		{keys: ['tab', 'shift-tab', '/'], command: 'toggleFocus', label: 'back to the query', hint: 'query'},
		...listMoves,
		{keys: ['y'], command: 'copy', label: 'copy the passage (OSC 52)'},
		{keys: ['o'], command: 'pager', label: 'open the source in $PAGER at the line'},
		{keys: ['e'], command: 'editor', label: 'open the source in $EDITOR at the line'},
		{keys: ['?'], command: 'help', label: 'keys'},
		{keys: ['esc', 'q'], command: 'back', label: 'close the search', hint: 'close'},
	],
	filter: [
		{keys: ['enter'], command: 'accept', label: 'keep the filter, back to the list', hint: 'keep'},
		{keys: ['esc'], command: 'cancel', label: 'clear the filter', hint: 'clear'},
		...typingMoves,
		...lineEditing,
	],
	menu: [
		{keys: ['j', 'down', 'ctrl-n'], command: 'down', label: 'down'},
		{keys: ['k', 'up', 'ctrl-p'], command: 'up', label: 'up'},
		{keys: ['enter'], command: 'open', label: 'choose', hint: 'choose'},
		{keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], command: 'pick', label: 'choose the item of that number'},
		{keys: ['esc', 'q'], command: 'back', label: 'close the menu', hint: 'close'},
	],
	loading: [
		{keys: ['q'], command: 'quit', label: 'stop loading and quit', hint: 'quit'},
		{keys: ['esc'], command: 'back', label: 'the same: there is nothing to go back to yet', hint: 'quit'},
	],
	help: [
		{keys: ['j', 'down'], command: 'down', label: 'scroll down', hint: 'scroll'},
		{keys: ['k', 'up'], command: 'up', label: 'scroll up'},
		{keys: ['pgdn', 'space'], command: 'pageDown', label: 'page down'},
		{keys: ['pgup'], command: 'pageUp', label: 'page up'},
		{keys: ['esc', 'q', '?'], command: 'back', label: 'close the keys', hint: 'close'},
	],
};

/** Contexts where a key that types something, and is bound to nothing, is typed into a line. */
export const TYPING: ReadonlySet<Context> = new Set<Context>(['search', 'filter']);

export type Resolved = {type: 'command'; command: Command} | {type: 'type'; text: string} | null;

/** What a key means in a context: a command, a character to type, or nothing. */
export function resolve(context: Context, key: Key): Resolved {
	const binding = BINDINGS[context].find(b => b.keys.includes(key.name));
	if (binding) return {type: 'command', command: binding.command};
	if (TYPING.has(context) && key.text) return {type: 'type', text: key.text};
	return null;
}

/** The key hints for the status line: the bindings marked as hints, first key each. */
export function hints(context: Context): {key: string; label: string}[] {
	return BINDINGS[context].filter(b => b.hint).map(b => ({key: b.keys[0]!, label: b.hint!}));
}

const KEY_LABELS: Record<string, string> = {
	enter: 'Enter',
	esc: 'Esc',
	tab: 'Tab',
	'shift-tab': 'Shift-Tab',
	down: '↓',
	up: '↑',
	left: '←',
	right: '→',
	pgdn: 'PgDn',
	pgup: 'PgUp',
	home: 'Home',
	end: 'End',
	space: 'Space',
	backspace: 'Backspace',
	'alt-left': 'alt-←',
	'alt-right': 'alt-→',
};

/** How a key is written for people (help screen, status line, README). */
export function keyLabel(k: string): string {
	return KEY_LABELS[k] ?? k;
}

export const CONTEXT_TITLES: Record<Context, string> = {
	sources: 'Sources (the first view)',
	families: 'Families: each passage and every copy of it',
	family: 'One family: members, figures, timeline',
	reader: 'Reader',
	compare: 'Compare: a copy lined up with its origin',
	figures: 'Figures ledger',
	warnings: 'Warnings from loading',
	search: 'Search (typing the query)',
	results: 'Search results',
	filter: 'Filtering a list (after /)',
	menu: 'Menus (sort, export, kind)',
	help: 'This help',
	loading: 'While a corpus loads (before the first view)',
};

/** The order contexts are documented in. */
export const CONTEXT_ORDER: Context[] = [
	'sources',
	'families',
	'family',
	'reader',
	'compare',
	'figures',
	'search',
	'results',
	'filter',
	'warnings',
	'menu',
	'help',
	'loading',
];

/** The lines of the help screen for one context: keys, then what they do. */
export function helpLines(context: Context): [string, string][] {
	return BINDINGS[context].map(b => [b.keys.map(keyLabel).join(', '), b.label]);
}

/** Bindings several contexts share, documented once each in the README. */
const GROUPS: {title: string; bindings: Binding[]}[] = [
	{title: 'Everywhere, except while typing', bindings: global},
	{title: 'Moving in a list', bindings: listMoves},
	{title: 'Sorting and filtering a list', bindings: listTools},
	{title: 'Moving in a text', bindings: textMoves},
	{title: 'Taking the work out', bindings: out},
	{title: 'Editing the line being typed', bindings: lineEditing},
	{title: 'Moving in the list while typing', bindings: typingMoves},
];

const CONTEXT_NAMES: Record<Context, string> = {
	sources: 'sources',
	families: 'families',
	family: 'family',
	reader: 'reader',
	compare: 'compare',
	figures: 'figures ledger',
	warnings: 'warnings',
	search: 'search',
	results: 'search results',
	filter: 'list filter',
	menu: 'menus',
	help: 'help',
	loading: 'loading',
};

function table(bindings: Binding[]): string[] {
	const out = ['| keys | does |', '|---|---|'];
	for (const b of bindings) {
		const keys = b.keys.map(k => '`' + (k === '|' ? '\\|' : keyLabel(k)) + '`').join(' ');
		out.push(`| ${keys} | ${b.label} |`);
	}
	return out;
}

/**
 * The README's key tables, generated from the bindings (a test keeps the README equal to this): the
 * groups several views share, each once with where it applies, then what each view adds.
 */
export function keyTableMarkdown(): string {
	const out: string[] = [];
	const grouped = new Set(GROUPS.flatMap(g => g.bindings));
	for (const g of GROUPS) {
		const where = CONTEXT_ORDER.filter(c => BINDINGS[c].includes(g.bindings[0]!)).map(c => CONTEXT_NAMES[c]);
		out.push(`**${g.title}** (${where.join(', ')})`, '', ...table(g.bindings), '');
	}
	for (const c of CONTEXT_ORDER) {
		const own = BINDINGS[c].filter(b => !grouped.has(b));
		if (own.length) out.push(`**${CONTEXT_TITLES[c]}**`, '', ...table(own), '');
	}
	out.push('ctrl-c quits from anywhere (exit code 130); ctrl-z suspends (`fg` comes back).');
	return out.join('\n');
}
