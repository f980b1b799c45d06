// The explorer's state: a stack of views (Esc pops one, so it always returns exactly where the user
// came from), what lies on top of the view (help, a menu), a message for the status line, and the
// requests for the outside world (copy, open, export) that the app carries out after the frame.
// Plain data and pure functions: no React, no I/O.

import type {FigureKind} from '../core/figures.js';
import type {Context, ViewName} from './keymap.js';
import {emptyLine, type Line} from './line-edit.js';
import {listStart, type ListPos} from './list.js';
import type {FamilySort, LedgerSort, SourceSort} from './model.js';

/** What every list view keeps: cursor, sort, filter, and whether the filter is being typed. */
export type ListState<S extends string> = {list: ListPos; sort: S; reverse: boolean; filter: Line; typing: boolean};

export type SourcesFrame = {view: 'sources'} & ListState<SourceSort>;
export type FamiliesFrame = {view: 'families'; source: string | null} & ListState<FamilySort>;
export type FamilyPane = 'members' | 'figures';
export type FamilyFrame = {view: 'family'; id: number; list: ListPos; pane: FamilyPane; figTop: number};
export type ReaderFrame = {view: 'reader'; source: string; top: number; passage: number | null; mark: [number, number] | null};
export type SearchFrame = {view: 'search'; query: Line; list: ListPos; focus: 'query' | 'results'};
/** 0: side A (the origin), 1: side B (the copy), 2: the figures table. */
export type ComparePane = 0 | 1 | 2;
export type CompareFrame = {
	view: 'compare';
	/** The source whose passages ] and [ step through, and `index` among them (the reader's numbering). */
	source: string;
	index: number;
	/** Lined up: both sides scroll together (`scroll[0]`); free: each side its own. */
	locked: boolean;
	scroll: [number, number];
	pane: ComparePane;
	figTop: number;
};
export type FiguresFrame = {view: 'figures'; kind: FigureKind | null} & ListState<LedgerSort>;
export type WarningsFrame = {view: 'warnings'; list: ListPos};
export type Frame = SourcesFrame | FamiliesFrame | FamilyFrame | ReaderFrame | SearchFrame | CompareFrame | FiguresFrame | WarningsFrame;

export type MenuKind = 'sort' | 'export' | 'kind';
export type Overlay = {type: 'help'; top: number} | {type: 'menu'; menu: MenuKind; cursor: number};

/** What a report covers. */
export type ReportScope =
	| {kind: 'pair'; source: string; index: number}
	| {kind: 'family'; id: number}
	| {kind: 'source'; source: string}
	| {kind: 'corpus'};
export type ReportFormat = 'md' | 'html';

/** A request for the outside world, carried out by the app once the frame is drawn. */
export type Effect =
	| {id: number; type: 'copy'; text: string; what: string}
	| {id: number; type: 'open'; program: 'pager' | 'editor'; source: string; offset: number}
	| {id: number; type: 'export'; scope: ReportScope; format: ReportFormat};
/** An effect as a request, before the state numbers it. */
export type EffectRequest = Effect extends infer E ? (E extends {id: number} ? Omit<E, 'id'> : never) : never;

export type State = {
	stack: Frame[];
	overlay: Overlay | null;
	quit: boolean;
	/** A one-line message for the status line (what was copied, where a report went); cleared by the next key. */
	flash: string | null;
	effects: Effect[];
	nextEffect: number;
};

export const sourcesFrame = (): SourcesFrame => ({
	view: 'sources',
	list: listStart,
	sort: 'name',
	reverse: false,
	filter: emptyLine,
	typing: false,
});
export const familiesFrame = (source: string | null = null): FamiliesFrame => ({
	view: 'families',
	source,
	list: listStart,
	sort: 'reach',
	reverse: false,
	filter: emptyLine,
	typing: false,
});
export const figuresFrame = (): FiguresFrame => ({
	view: 'figures',
	kind: null,
	list: listStart,
	sort: 'spread',
	reverse: false,
	filter: emptyLine,
	typing: false,
});
export const searchFrame = (): SearchFrame => ({view: 'search', query: emptyLine, list: listStart, focus: 'query'});
export const readerFrame = (source: string, top = 0, mark: [number, number] | null = null): ReaderFrame => ({
	view: 'reader',
	source,
	top,
	passage: null,
	mark,
});
export const compareFrame = (source: string, index: number): CompareFrame => ({
	view: 'compare',
	source,
	index,
	locked: true,
	scroll: [0, 0],
	pane: 0,
	figTop: 0,
});
export const familyFrame = (id: number, member = 0): FamilyFrame => ({
	view: 'family',
	id,
	list: {cursor: member, top: 0},
	pane: 'members',
	figTop: 0,
});

export const initialState: State = {stack: [sourcesFrame()], overlay: null, quit: false, flash: null, effects: [], nextEffect: 1};

export function current(state: State): Frame {
	return state.stack[state.stack.length - 1]!;
}

export function viewOf(state: State): ViewName {
	return current(state).view;
}

/** Which keymap context has the keys now. */
export function contextOf(state: State): Context {
	if (state.overlay) return state.overlay.type;
	const f = current(state);
	if (f.view === 'search') return f.focus === 'query' ? 'search' : 'results';
	if ((f.view === 'sources' || f.view === 'families' || f.view === 'figures') && f.typing) return 'filter';
	return f.view;
}

/** The state with the top frame replaced. */
export function replaceTop(state: State, frame: Frame): State {
	return {...state, stack: [...state.stack.slice(0, -1), frame]};
}

/**
 * The state with a view opened on top. Opening a list view that is already open lower down goes back
 * to it instead of stacking a second copy (so 1, 2, 1, 2 does not grow the stack); search opened from
 * search is the same search.
 */
export function push(state: State, frame: Frame): State {
	const top = current(state);
	if (
		top.view === frame.view &&
		(frame.view === 'search' || frame.view === 'sources' || frame.view === 'figures' || frame.view === 'warnings')
	)
		return state;
	if (frame.view === 'sources' || frame.view === 'figures' || frame.view === 'warnings') {
		const at = state.stack.findIndex(f => f.view === frame.view);
		if (at >= 0) return {...state, overlay: null, stack: state.stack.slice(0, at + 1)};
	}
	return {...state, overlay: null, stack: [...state.stack, frame]};
}

/** Back one step: close what lies on top, else pop the view; on the first view, quit. */
export function back(state: State): State {
	if (state.overlay) return {...state, overlay: null};
	if (state.stack.length === 1) return {...state, quit: true};
	return {...state, stack: state.stack.slice(0, -1)};
}

export function withFlash(state: State, flash: string | null): State {
	return state.flash === flash ? state : {...state, flash};
}

/** Queue a request for the outside world. */
export function request(state: State, effect: EffectRequest): State {
	return {...state, effects: [...state.effects, {...effect, id: state.nextEffect} as Effect], nextEffect: state.nextEffect + 1};
}

/** Drop the effects that have been carried out, and say what came of them. */
export function settle(state: State, ids: number[], flash: string | null): State {
	const done = new Set(ids);
	return {...state, effects: state.effects.filter(e => !done.has(e.id)), flash: flash ?? state.flash};
}

export type Action = {type: 'apply'; next: (state: State) => State} | {type: 'settle'; ids: number[]; flash: string | null};

/** The reducer: a transition computed from the latest state (keys may arrive faster than frames), or effects settled. */
export function reduce(state: State, action: Action): State {
	return action.type === 'apply' ? action.next(state) : settle(state, action.ids, action.flash);
}
