// What a key does: a pure function from the latest state (so that keys arriving faster than frames are
// never lost) and one key to the next state. The keymap names the command for the context that has the
// keys; this module carries it out in the view on top. Layout-dependent data (how many rows a page is,
// how long a text is once wrapped) comes from a cache of screens for the current model and terminal size.

import {sideOf} from '../core/analysis.js';
import type {FigureKind} from '../core/figures.js';
import {QuerySearch} from '../core/query.js';
import {familyPlain, pairPlain, passagePlain} from '../core/report.js';
import type {Hit} from '../core/search.js';
import type {Pair} from '../core/types.js';
import {
	back,
	compareFrame,
	contextOf,
	current,
	familiesFrame,
	familyFrame,
	figuresFrame,
	push,
	readerFrame,
	replaceTop,
	request,
	searchFrame,
	sourcesFrame,
	type CompareFrame,
	type FamiliesFrame,
	type FamilyFrame,
	type FiguresFrame,
	type Frame,
	type ListState,
	type MenuKind,
	type ReaderFrame,
	type SearchFrame,
	type SourcesFrame,
	type State,
	type WarningsFrame,
} from '../state/app-state.js';
import type {Key} from '../state/keys.js';
import {helpLines, resolve, type Command} from '../state/keymap.js';
import {editLine, emptyLine, type Edit} from '../state/line-edit.js';
import {clampList, moveList, type Motion} from '../state/list.js';
import {
	familiesOf,
	familyAt,
	familyById,
	FAMILY_SORTS,
	LEDGER_SORTS,
	listOrder,
	memberPair,
	readerPairs,
	SORT_LABELS,
	SOURCE_SORTS,
	type AnySort,
	type ListQuery,
	type Model,
} from '../state/model.js';
import {compareLayout, familyLayout, lineOf, listLayout, readerLayout} from './layout.js';
import {menuItems, type MenuItem} from './menus.js';
import {compareScreen, familyScreen, readerScreen, type CompareScreen, type FamilyScreen, type ReaderScreen} from './screens.js';

export const SEARCH_LIMIT = 200;
export const KIND_CYCLE: (FigureKind | null)[] = [null, 'money', 'percent', 'count', 'rank', 'ratio', 'date', 'period', 'duration'];

/** One line of the warnings view: the message, and the source it names (if any). */
export type Warning = {source: string | null; text: string};

export function warningsOf(model: Model): Warning[] {
	return [
		...model.corpus.warnings.map(text => ({source: null, text})),
		...model.corpus.sources.flatMap(s => s.warnings.map(text => ({source: s.id, text: `${s.id}: ${text}`}))),
	];
}

/** Screens for one model and terminal size (`rows`: the rows a view has, without the status line), computed once each. */
export class Screens {
	private readonly readers = new Map<string, ReaderScreen>();
	private readonly searches = new Map<string, Hit[]>();
	private readonly compares = new Map<Pair, CompareScreen>();
	private readonly families = new Map<number, FamilyScreen>();
	private query: QuerySearch | null = null;
	private warningList: Warning[] | null = null;
	constructor(
		readonly model: Model,
		readonly cols: number,
		readonly rows: number,
		/** The cached sources list while the texts load: browsing works, nothing opens. */
		readonly preview = false,
	) {}

	reader(source: string, passage: number | null, mark: [number, number] | null): ReaderScreen {
		const key = `${source}\0${passage}\0${mark?.join(',')}`;
		let s = this.readers.get(key);
		if (!s) {
			s = readerScreen(this.model, source, this.cols, passage, mark);
			if (this.readers.size > 64) this.readers.clear();
			this.readers.set(key, s);
		}
		return s;
	}

	/** Results for a query; none while the index is still being built (the view says so). */
	hits(query: string): Hit[] {
		if (!query.trim() || !this.model.searcher.ready) return [];
		let h = this.searches.get(query);
		if (!h) {
			this.query ??= new QuerySearch(this.model.searcher, this.model.corpus.sources);
			h = this.query.search(query, SEARCH_LIMIT);
			if (this.searches.size > 256) this.searches.clear();
			this.searches.set(query, h);
		}
		return h;
	}

	compare(pair: Pair): CompareScreen {
		let c = this.compares.get(pair);
		if (!c) {
			c = compareScreen(this.model, pair, compareLayout(this.cols, this.rows, 0).colWidth);
			this.compares.set(pair, c);
		}
		return c;
	}

	compareLayout(frame: CompareFrame, pair: Pair) {
		const c = this.compare(pair);
		const text = frame.locked ? c.rows.length : Math.max(c.a.length, c.b.length);
		return compareLayout(this.cols, this.rows, c.figures.length, text);
	}

	family(id: number): FamilyScreen | null {
		let f = this.families.get(id);
		if (!f) {
			const family = familyById(this.model, id);
			if (!family) return null;
			f = familyScreen(this.model, family);
			this.families.set(id, f);
		}
		return f;
	}

	warnings(): Warning[] {
		this.warningList ??= warningsOf(this.model);
		return this.warningList;
	}

	/** The rows of a list view, in order (indexes into the model's rows, families or ledger). */
	order(frame: SourcesFrame | FamiliesFrame | FiguresFrame): number[] {
		return listOrder(this.model, listQuery(frame));
	}

	get listRows(): number {
		return listLayout(this.rows).listRows;
	}
}

export function listQuery(frame: SourcesFrame | FamiliesFrame | FiguresFrame): ListQuery {
	const base = {sort: frame.sort, reverse: frame.reverse, filter: frame.filter.text};
	if (frame.view === 'sources') return {list: 'sources', ...base};
	if (frame.view === 'families') return {list: 'families', ...base, source: frame.source};
	return {list: 'ledger', ...base, kind: frame.kind};
}

/** Search results take two lines each, under the query line. */
export function searchRows(rows: number): number {
	return Math.max(1, Math.floor((rows - 1) / 2));
}

const MOTIONS: Partial<Record<Command, Motion>> = {
	up: 'up',
	down: 'down',
	pageUp: 'pageUp',
	pageDown: 'pageDown',
	halfUp: 'halfUp',
	halfDown: 'halfDown',
	top: 'top',
	bottom: 'bottom',
};

const EDITS: Partial<Record<Command, Edit>> = {
	backspace: 'backspace',
	deleteChar: 'delete',
	caretLeft: 'left',
	caretRight: 'right',
	caretHome: 'home',
	caretEnd: 'end',
	wordLeft: 'wordLeft',
	wordRight: 'wordRight',
	killWordLeft: 'killWordLeft',
	killWordRight: 'killWordRight',
	killToStart: 'killToStart',
	killToEnd: 'killToEnd',
};

/** How far a motion scrolls a text of `length` lines with `rows` on screen, from `top`. */
export function scrollText(top: number, motion: Motion, length: number, rows: number): number {
	const max = Math.max(0, length - rows);
	const page = Math.max(1, rows - 1);
	const half = Math.max(1, Math.floor(rows / 2));
	const by: Record<Motion, number> = {
		up: -1,
		down: 1,
		pageUp: -page,
		pageDown: page,
		halfUp: -half,
		halfDown: half,
		top: -Number.MAX_SAFE_INTEGER,
		bottom: Number.MAX_SAFE_INTEGER,
	};
	return Math.max(0, Math.min(max, top + by[motion]));
}

/** Apply the keys of one input event in order, each to the state the one before left. */
export function handleKeys(state: State, keys: Key[], screens: Screens): State {
	return keys.reduce((s, k) => handleKey(s, k, screens), state);
}

/** One key: the keymap names a command for the context that has the keys, or a character to type. */
export function handleKey(state: State, key: Key, screens: Screens): State {
	const s = state.flash ? {...state, flash: null} : state;
	const resolved = resolve(contextOf(s), key);
	if (!resolved) return key.split ? handleKeys(s, key.split, screens) : s;
	if (resolved.type === 'type') return editTyped(s, 'insert', resolved.text);
	return run(s, resolved.command, screens, key.name);
}

/** Commands that work on the cached sources list while the texts load. */
const PREVIEW_COMMANDS = new Set<Command>([
	...(Object.keys(MOTIONS) as Command[]),
	...(Object.keys(EDITS) as Command[]),
	'back',
	'quit',
	'help',
	'sort',
	'reverse',
	'sortMenu',
	'filter',
	'accept',
	'cancel',
	'warnings',
]);

/** What a key that opens something says while only the sources list is in (the texts still loading). */
const stillLoading = (state: State): State => ({...state, flash: 'the texts are still loading: this opens once they are in'});

/** Carry out a command; `key` is the key that named it (a menu's number). */
export function run(state: State, command: Command, screens: Screens, key = ''): State {
	if (screens.preview && !PREVIEW_COMMANDS.has(command) && command !== 'pick' && command !== 'open') return stillLoading(state);
	if (state.overlay?.type === 'help') return helpCommand(state, command, screens);
	if (state.overlay?.type === 'menu') return menuCommand(state, command, screens, key);
	switch (command) {
		case 'help':
			return {...state, overlay: {type: 'help', top: 0}};
		case 'quit':
			return {...state, quit: true};
		case 'search':
			return push(state, searchFrame());
		case 'sources':
			return push(state, sourcesFrame());
		case 'families': {
			const top = current(state);
			return top.view === 'families' && top.source === null ? state : push(state, familiesFrame());
		}
		case 'figures':
			return push(state, figuresFrame());
		case 'warnings':
			return push(state, {view: 'warnings', list: {cursor: 0, top: 0}});
		default:
			break;
	}
	const frame = current(state);
	switch (frame.view) {
		case 'sources':
			return sourcesCommand(state, frame, command, screens);
		case 'families':
			return familiesCommand(state, frame, command, screens);
		case 'family':
			return familyCommand(state, frame, command, screens);
		case 'reader':
			return readerCommand(state, frame, command, screens);
		case 'search':
			return searchCommand(state, frame, command, screens);
		case 'compare':
			return compareCommand(state, frame, command, screens);
		case 'figures':
			return figuresCommand(state, frame, command, screens);
		case 'warnings':
			return warningsCommand(state, frame, command, screens);
	}
}

// ---------- help and menus

function helpCommand(state: State, command: Command, screens: Screens): State {
	if (state.overlay?.type !== 'help') return state;
	const motion = MOTIONS[command];
	if (motion) {
		const lines = helpLines(contextOf({...state, overlay: null})).length + 1;
		return {...state, overlay: {type: 'help', top: scrollText(state.overlay.top, motion, lines, Math.max(1, screens.rows - 2))}};
	}
	return command === 'back' || command === 'help' ? {...state, overlay: null} : state;
}

/**
 * The sources lists of the stack kept on the source they had selected when the model changes under them (a
 * first launch's list filling as the files are read, then the corpus and its reuse arriving, re-sorting it):
 * the row may move, the selection stays on it, at the same place on screen where it can. A source no longer
 * listed leaves the cursor where it was.
 */
export function keepSourceSelected(state: State, before: Screens, after: Screens): State {
	let changed = false;
	const stack = state.stack.map(f => {
		if (f.view !== 'sources') return f;
		const was = before.order(f)[f.list.cursor];
		const id = was === undefined ? undefined : before.model.rows[was]?.source;
		if (id === undefined) return f;
		const order = after.order(f);
		const rows = after.model.rows;
		const at = order.findIndex(i => rows[i]?.source === id);
		if (at < 0 || at === f.list.cursor) return f;
		changed = true;
		const offset = f.list.cursor - f.list.top;
		return {...f, list: clampList({cursor: at, top: at - offset}, order.length, after.listRows)};
	});
	return changed ? {...state, stack} : state;
}

/** Where the cursor is, for the menus that depend on it (export this family, this source). */
function menuTarget(state: State, screens: Screens): {source?: string; family?: number | null} {
	const f = current(state);
	const model = screens.model;
	switch (f.view) {
		case 'sources': {
			const i = screens.order(f)[f.list.cursor];
			return {source: i === undefined ? undefined : model.rows[i]?.source};
		}
		case 'families': {
			const i = screens.order(f)[f.list.cursor];
			return {family: i === undefined ? null : (model.families[i]?.id ?? null)};
		}
		case 'family':
			return {family: f.id};
		case 'reader':
			return {source: f.source};
		case 'compare': {
			const pair = readerPairs(model, f.source)[f.index];
			return {family: pair?.family ?? null};
		}
		default:
			return {};
	}
}

export function openMenu(state: State, menu: MenuKind, screens: Screens): State {
	const f = current(state);
	let cursor = 0;
	const items = menuItems(state, menu, menuTarget(state, screens));
	if (menu === 'sort' && 'sort' in f)
		cursor = Math.max(
			0,
			items.findIndex(i => i.type === 'sort' && i.sort === f.sort),
		);
	if (menu === 'kind' && f.view === 'figures')
		cursor = Math.max(
			0,
			items.findIndex(i => i.type === 'kind' && i.kind === f.kind),
		);
	return {...state, overlay: {type: 'menu', menu, cursor}};
}

export function currentMenuItems(state: State, screens: Screens): MenuItem[] {
	return state.overlay?.type === 'menu' ? menuItems({...state, overlay: null}, state.overlay.menu, menuTarget(state, screens)) : [];
}

function menuCommand(state: State, command: Command, screens: Screens, key: string): State {
	if (state.overlay?.type !== 'menu') return state;
	const items = currentMenuItems(state, screens);
	const cursor = state.overlay.cursor;
	if (command === 'back') return {...state, overlay: null};
	if (command === 'up' || command === 'down') {
		const next = Math.max(0, Math.min(items.length - 1, cursor + (command === 'up' ? -1 : 1)));
		return {...state, overlay: {...state.overlay, cursor: next}};
	}
	const pick = command === 'open' ? cursor : command === 'pick' ? Number(key) - 1 : -1;
	const item = items[pick];
	if (!item) return state;
	return choose({...state, overlay: null}, item, screens);
}

function choose(state: State, item: MenuItem, screens: Screens): State {
	const f = current(state);
	if (item.type === 'export') return request(state, {type: 'export', scope: item.scope, format: item.format});
	if (item.type === 'kind' && f.view === 'figures') return keepSelection(state, f, {...f, kind: item.kind}, screens);
	if (item.type === 'sort' && (f.view === 'sources' || f.view === 'families' || f.view === 'figures'))
		return keepSelection(state, f, {...f, sort: item.sort, reverse: false} as typeof f, screens);
	return state;
}

// ---------- lists: movement, sort, filter

type ListFrame = SourcesFrame | FamiliesFrame | FiguresFrame;

/** The frame after a change of order or filter, with the cursor on the same row where that row is still listed. */
function keepSelection(state: State, before: ListFrame, after: ListFrame, screens: Screens): State {
	const was = screens.order(before)[before.list.cursor];
	const order = screens.order(after);
	const at = was === undefined ? -1 : order.indexOf(was);
	const cursor = Math.max(0, at);
	const list = clampList({cursor, top: after.list.top}, order.length, screens.listRows);
	return replaceTop(state, {...after, list} as Frame);
}

const NEXT_SORT: Record<ListFrame['view'], readonly AnySort[]> = {sources: SOURCE_SORTS, families: FAMILY_SORTS, figures: LEDGER_SORTS};

/** The commands every list view shares; null when the command is not one of them. */
function listCommand(state: State, frame: ListFrame, command: Command, screens: Screens): State | null {
	const order = screens.order(frame);
	const motion = MOTIONS[command];
	if (motion) return replaceTop(state, {...frame, list: moveList(frame.list, motion, order.length, screens.listRows)});
	switch (command) {
		case 'sort': {
			const sorts = NEXT_SORT[frame.view];
			const next = sorts[(sorts.indexOf(frame.sort) + 1) % sorts.length]!;
			return keepSelection(state, frame, {...frame, sort: next, reverse: false} as ListFrame, screens);
		}
		case 'reverse':
			return keepSelection(state, frame, {...frame, reverse: !frame.reverse}, screens);
		case 'sortMenu':
			return openMenu(state, 'sort', screens);
		case 'filter':
			return replaceTop(state, {...frame, typing: true});
		case 'accept':
			return replaceTop(state, {...frame, typing: false});
		case 'cancel':
			return keepSelection(state, frame, {...frame, typing: false, filter: emptyLine}, screens);
		case 'back':
			// A filter is cleared before the view is left.
			if (frame.filter.text) return keepSelection(state, frame, {...frame, filter: emptyLine}, screens);
			return back(state);
		case 'export':
			return openMenu(state, 'export', screens);
		default:
			return null;
	}
}

/** A line edit in the context that has the keys: the search query, or a list's filter. */
function editTyped(state: State, edit: Edit, text: string): State {
	const f = current(state);
	if (f.view === 'search') {
		const query = editLine(f.query, edit, text);
		if (query.text === f.query.text) return replaceTop(state, {...f, query});
		return replaceTop(state, {...f, query, list: {cursor: 0, top: 0}});
	}
	if (f.view === 'sources' || f.view === 'families' || f.view === 'figures') {
		const filter = editLine(f.filter, edit, text);
		if (filter.text === f.filter.text) return replaceTop(state, {...f, filter});
		// The cursor goes to the first row that matches, as in fzf.
		const next = {...f, filter, list: {cursor: 0, top: 0}};
		return replaceTop(state, next);
	}
	return state;
}

function lineEdit(state: State, command: Command): State | null {
	const edit = EDITS[command];
	return edit ? editTyped(state, edit, '') : null;
}

// ---------- taking work out

function copy(state: State, text: string, what: string): State {
	return request(state, {type: 'copy', text, what});
}

function open(state: State, command: Command, source: string, offset: number): State | null {
	if (command !== 'pager' && command !== 'editor') return null;
	return request(state, {type: 'open', program: command, source, offset});
}

// ---------- the views

function sourcesCommand(state: State, frame: SourcesFrame, command: Command, screens: Screens): State {
	const {model} = screens;
	const i = screens.order(frame)[frame.list.cursor];
	const id = i === undefined ? undefined : model.rows[i]?.source;
	if (command === 'open' && screens.preview) return stillLoading(state);
	const edited = lineEdit(state, command);
	if (edited) return edited;
	const listed = listCommand(state, frame, command, screens);
	if (listed) return listed;
	if (!id) return state;
	switch (command) {
		case 'open':
			return push(state, readerFrame(id));
		case 'compareFirst':
			return readerPairs(model, id).length
				? push(state, compareFrame(id, 0))
				: {...state, flash: model.analysis ? `${id} shares no passage with another source` : 'the reuse analysis is still running'};
		case 'whoElse':
			return familiesOf(model, id).length ? push(state, familiesFrame(id)) : {...state, flash: `no family has a member in ${id}`};
		case 'copy': {
			const src = model.byId.get(id)!;
			return copy(state, passagePlain(src, 0, src.text.length), id);
		}
		default:
			return open(state, command, id, 0) ?? state;
	}
}

function familiesCommand(state: State, frame: FamiliesFrame, command: Command, screens: Screens): State {
	const {model} = screens;
	const edited = lineEdit(state, command);
	if (edited) return edited;
	const listed = listCommand(state, frame, command, screens);
	if (listed) return listed;
	const i = screens.order(frame)[frame.list.cursor];
	const family = i === undefined ? undefined : model.families[i];
	if (!family) return state;
	const origin = family.members[family.origin]!;
	switch (command) {
		case 'open': {
			const member = frame.source
				? Math.max(
						0,
						family.members.findIndex(m => m.source === frame.source),
					)
				: family.origin;
			return push(state, familyFrame(family.id, member));
		}
		case 'copy':
			return copy(state, familyPlain(family), `family ${family.id}`);
		default:
			return open(state, command, origin.source, origin.start) ?? state;
	}
}

function familyCommand(state: State, frame: FamilyFrame, command: Command, screens: Screens): State {
	const {model} = screens;
	const family = familyById(model, frame.id);
	const screen = screens.family(frame.id);
	if (!family || !screen) return command === 'back' ? back(state) : state;
	const {memberRows, matrixRows} = familyLayout(screens.rows, family.members.length, screen.matrix.length);
	const motion = MOTIONS[command];
	if (motion) {
		if (frame.pane === 'figures')
			return replaceTop(state, {...frame, figTop: scrollText(frame.figTop, motion, screen.matrix.length, matrixRows)});
		return replaceTop(state, {...frame, list: moveList(frame.list, motion, family.members.length, memberRows)});
	}
	const member = family.members[frame.list.cursor]!;
	switch (command) {
		case 'focusNext':
		case 'focusPrev':
			return replaceTop(state, {...frame, pane: frame.pane === 'members' ? 'figures' : 'members'});
		case 'open': {
			const pair = memberPair(model, family, member);
			if (pair) {
				const index = readerPairs(model, member.source).indexOf(pair);
				return push(state, compareFrame(member.source, Math.max(0, index)));
			}
			return push(state, readerAt(screens, member.source, member.start, [member.start, member.end]));
		}
		case 'copy':
			return copy(state, familyPlain(family), `family ${family.id}`);
		case 'export':
			return openMenu(state, 'export', screens);
		case 'back':
			return back(state);
		default:
			return open(state, command, member.source, member.start) ?? state;
	}
}

/** The reader opened at an offset, with a range marked, the offset's line two below the top. */
export function readerAt(screens: Screens, source: string, at: number, mark: [number, number] | null): ReaderFrame {
	const lines = screens.reader(source, null, mark).lines;
	return readerFrame(source, Math.max(0, lineOf(lines, at) - 2), mark);
}

function readerCommand(state: State, frame: ReaderFrame, command: Command, screens: Screens): State {
	const {model} = screens;
	const reader = screens.reader(frame.source, frame.passage, frame.mark);
	const {textRows} = readerLayout(screens.rows, reader.legend.length > 0);
	const motion = MOTIONS[command];
	if (motion) return replaceTop(state, {...frame, top: scrollText(frame.top, motion, reader.lines.length, textRows)});
	const src = model.byId.get(frame.source)!;
	/** The passage the keys act on: the one stepped to, else the first one on screen. */
	const focused = (): number => {
		if (frame.passage !== null) return frame.passage;
		const i = reader.pairLines.findIndex(l => l >= frame.top && l < frame.top + textRows);
		return i;
	};
	const topOffset = reader.lines[frame.top]?.start ?? 0;
	switch (command) {
		case 'nextPassage':
		case 'prevPassage': {
			if (!reader.pairs.length) return {...state, flash: 'no reused passage in this source'};
			let i: number;
			if (frame.passage === null) {
				const after = reader.pairLines.findIndex(l => l >= frame.top);
				const next = after === -1 ? reader.pairs.length : after;
				i = command === 'nextPassage' ? Math.min(next, reader.pairs.length - 1) : Math.max(0, next - 1);
			} else i = Math.max(0, Math.min(reader.pairs.length - 1, frame.passage + (command === 'nextPassage' ? 1 : -1)));
			return replaceTop(state, {...frame, passage: i, top: Math.max(0, reader.pairLines[i]! - 2)});
		}
		case 'open': {
			const i = focused();
			return i >= 0 && reader.pairs[i] ? push(state, compareFrame(frame.source, i)) : {...state, flash: 'no reused passage on screen'};
		}
		case 'whoElse': {
			const i = focused();
			const p = reader.pairs[i];
			const side = p ? sideOf(p, frame.source) : null;
			const found = side ? familyAt(model, frame.source, side.start, side.end) : familyAt(model, frame.source, topOffset, topOffset);
			if (found) return push(state, familyFrame(found.family.id, found.member));
			return {...state, flash: model.families.length ? 'no other source carries this passage' : 'no families in this analysis'};
		}
		case 'copy': {
			const p = reader.pairs[focused()];
			const side = p ? sideOf(p, frame.source) : null;
			if (side) return copy(state, passagePlain(src, side.start, side.end), 'the passage');
			const block = src.blocks.find(b => b.end > topOffset) ?? src.blocks[0];
			return block ? copy(state, passagePlain(src, block.start, block.end), 'the paragraph') : state;
		}
		case 'export':
			return openMenu(state, 'export', screens);
		case 'back':
			return back(state);
		default: {
			const p = reader.pairs[focused()];
			return open(state, command, frame.source, p ? sideOf(p, frame.source).start : topOffset) ?? state;
		}
	}
}

function searchCommand(state: State, frame: SearchFrame, command: Command, screens: Screens): State {
	const hits = screens.hits(frame.query.text);
	const rows = searchRows(screens.rows);
	const motion = MOTIONS[command];
	if (motion) return replaceTop(state, {...frame, list: moveList(frame.list, motion, hits.length, rows)});
	const edited = lineEdit(state, command);
	if (edited) return edited;
	const h = hits[frame.list.cursor];
	switch (command) {
		case 'toggleFocus':
			return replaceTop(state, {...frame, focus: frame.focus === 'query' ? 'results' : 'query'});
		case 'back':
			return back(state);
		case 'open':
			if (!h) return state;
			return push(state, h.kind === 'passage' ? readerAt(screens, h.source, h.start, [h.start, h.end]) : readerFrame(h.source));
		case 'copy': {
			const src = h ? screens.model.byId.get(h.source) : undefined;
			return src && h ? copy(state, passagePlain(src, h.start, h.kind === 'passage' ? h.end : src.text.length), 'the passage') : state;
		}
		default:
			return h ? (open(state, command, h.source, h.start) ?? state) : state;
	}
}

/** The row of the lined-up view where side `side`'s line `line` is (for switching between lined-up and free scrolling). */
function rowOfLine(screen: CompareScreen, side: 0 | 1, line: number): number {
	let seen = 0;
	for (let r = 0; r < screen.rows.length; r++) {
		const l = side === 0 ? screen.rows[r]!.a : screen.rows[r]!.b;
		if (l) {
			if (seen === line) return r;
			seen++;
		}
	}
	return Math.max(0, screen.rows.length - 1);
}

/** The line of side `side` shown at or after row `row` of the lined-up view. */
function lineAtRow(screen: CompareScreen, side: 0 | 1, row: number): number {
	let seen = 0;
	for (let r = 0; r < screen.rows.length && r < row; r++) if (side === 0 ? screen.rows[r]!.a : screen.rows[r]!.b) seen++;
	return seen;
}

function compareCommand(state: State, frame: CompareFrame, command: Command, screens: Screens): State {
	const {model} = screens;
	const pairs = readerPairs(model, frame.source);
	const pair = pairs[frame.index];
	if (!pair) return command === 'back' ? back(state) : state;
	const screen = screens.compare(pair);
	const layout = screens.compareLayout(frame, pair);
	const motion = MOTIONS[command];
	if (motion) {
		if (frame.pane === 2)
			return replaceTop(state, {...frame, figTop: scrollText(frame.figTop, motion, screen.figures.length, layout.tableRows)});
		if (frame.locked)
			return replaceTop(state, {...frame, scroll: [scrollText(frame.scroll[0], motion, screen.rows.length, layout.textRows), 0]});
		const side = frame.pane;
		const scroll: [number, number] = [...frame.scroll];
		scroll[side] = scrollText(scroll[side], motion, (side === 0 ? screen.a : screen.b).length, layout.textRows);
		return replaceTop(state, {...frame, scroll});
	}
	const focusedSide = frame.pane === 1 ? pair.b : pair.a;
	switch (command) {
		case 'nextPassage':
		case 'prevPassage': {
			const index = Math.max(0, Math.min(pairs.length - 1, frame.index + (command === 'nextPassage' ? 1 : -1)));
			return index === frame.index ? state : replaceTop(state, {...frame, index, scroll: [0, 0], figTop: 0});
		}
		case 'focusNext':
		case 'focusPrev': {
			const pane = ((frame.pane + (command === 'focusNext' ? 1 : 2)) % 3) as 0 | 1 | 2;
			return replaceTop(state, {...frame, pane});
		}
		case 'lock': {
			if (frame.locked) {
				const row = frame.scroll[0];
				return replaceTop(state, {...frame, locked: false, scroll: [lineAtRow(screen, 0, row), lineAtRow(screen, 1, row)]});
			}
			const side = frame.pane === 1 ? 1 : 0;
			const row = Math.min(rowOfLine(screen, side, frame.scroll[side]), Math.max(0, screen.rows.length - layout.textRows));
			return replaceTop(state, {...frame, locked: true, scroll: [row, 0]});
		}
		case 'open':
			return push(state, readerAt(screens, focusedSide.source, focusedSide.start, [focusedSide.start, focusedSide.end]));
		case 'copy':
			return copy(state, pairPlain(model.corpus, pair), 'the pair');
		case 'export':
			return openMenu(state, 'export', screens);
		case 'back':
			return back(state);
		default:
			return open(state, command, focusedSide.source, focusedSide.start) ?? state;
	}
}

function figuresCommand(state: State, frame: FiguresFrame, command: Command, screens: Screens): State {
	const {model} = screens;
	const edited = lineEdit(state, command);
	if (edited) return edited;
	const listed = listCommand(state, frame, command, screens);
	if (listed) return listed;
	switch (command) {
		case 'kindNext':
		case 'kindPrev': {
			const step = command === 'kindNext' ? 1 : KIND_CYCLE.length - 1;
			const kind = KIND_CYCLE[(KIND_CYCLE.indexOf(frame.kind) + step) % KIND_CYCLE.length]!;
			return replaceTop(state, {...frame, kind, list: {cursor: 0, top: 0}});
		}
		case 'kindMenu':
			return openMenu(state, 'kind', screens);
		default:
			break;
	}
	const i = screens.order(frame)[frame.list.cursor];
	const row = i === undefined ? undefined : model.ledger[i];
	const occ = row?.occurrences[0];
	if (!row || !occ) return state;
	switch (command) {
		case 'open':
			return push(state, readerAt(screens, occ.source, occ.figure.start, [occ.figure.start, occ.figure.end]));
		case 'copy': {
			const lines = [
				`${row.kind}: ${row.value}`,
				...row.occurrences.map(o => `  ${o.source}: ${o.figure.text}`),
				...row.changed.map(c => `  changed: ${c}`),
			];
			return copy(state, lines.join('\n') + '\n', `the figure ${row.value}`);
		}
		default:
			return open(state, command, occ.source, occ.figure.start) ?? state;
	}
}

function warningsCommand(state: State, frame: WarningsFrame, command: Command, screens: Screens): State {
	const list = screens.warnings();
	const motion = MOTIONS[command];
	if (motion) return replaceTop(state, {...frame, list: moveList(frame.list, motion, list.length, screens.listRows)});
	if (command === 'back') return back(state);
	const w = list[frame.list.cursor];
	if (command === 'open' && w?.source && screens.model.byId.get(w.source)?.text) return push(state, readerFrame(w.source));
	return state;
}

/** Where the view on top is, for the status line ("3/120", "line 12/40", "passage 2/6"). */
export function where(state: State, screens: Screens): string {
	const f = current(state);
	const {model} = screens;
	const short = (id: string) => model.short.get(id) ?? id;
	switch (f.view) {
		case 'sources':
		case 'families':
		case 'figures': {
			const n = screens.order(f).length;
			return n ? `${f.list.cursor + 1}/${n}` : '0/0';
		}
		case 'family': {
			const family = familyById(model, f.id);
			return family ? `member ${f.list.cursor + 1}/${family.members.length}` : '';
		}
		case 'reader': {
			const r = screens.reader(f.source, f.passage, f.mark);
			const passage = f.passage === null ? '' : ` · passage ${f.passage + 1}/${r.pairs.length}`;
			return `${short(f.source)} · line ${Math.min(r.lines.length, f.top + 1)}/${r.lines.length}${passage}`;
		}
		case 'search': {
			const n = screens.hits(f.query.text).length;
			return n ? `${f.list.cursor + 1}/${n}` : 'no results';
		}
		case 'compare': {
			const pairs = readerPairs(model, f.source);
			const p = pairs[f.index];
			return p ? `${short(p.a.source)} ⇄ ${short(p.b.source)} · passage ${f.index + 1}/${pairs.length} of ${short(f.source)}` : '';
		}
		case 'warnings':
			return `${screens.warnings().length ? f.list.cursor + 1 : 0}/${screens.warnings().length}`;
	}
}

export function sortLabel(frame: ListState<AnySort>): string {
	return SORT_LABELS[frame.sort];
}
