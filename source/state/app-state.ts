// The explorer's state: a stack of views (Esc pops one), the help overlay, and each view's position.
// A plain reducer: no React, no I/O.

import type {FigureKind} from '../core/figures.js';
import type {Command, ViewName} from './keymap.js';

export type SourcesFrame = {view: 'sources'; cursor: number};
export type ReaderFrame = {view: 'reader'; source: string; top: number; pair: number | null; mark: [number, number] | null};
export type SearchFrame = {view: 'search'; query: string; cursor: number};
export type CompareFrame = {view: 'compare'; a: string; b: string; index: number; scroll: [number, number]; side: 0 | 1};
export type FiguresFrame = {view: 'figures'; cursor: number; kind: FigureKind | null};
export type Frame = SourcesFrame | ReaderFrame | SearchFrame | CompareFrame | FiguresFrame;

export type State = {stack: Frame[]; help: boolean; quit: boolean};

export type Action =
	| {type: 'push'; frame: Frame}
	| {type: 'replace'; frame: Frame}
	| {type: 'back'}
	| {type: 'quit'}
	| {type: 'help'}
	| {type: 'type'; text: string}
	| {type: 'erase'}
	/** Move the current view's cursor (or scroll) by `by`, clamped to 0..max. */
	| {type: 'move'; by: number; max: number}
	/** A transition computed from the latest state (keys may arrive faster than frames). */
	| {type: 'apply'; next: (state: State) => State};

export const initialState: State = {stack: [{view: 'sources', cursor: 0}], help: false, quit: false};

export function current(state: State): Frame {
	return state.stack[state.stack.length - 1]!;
}

export function viewOf(state: State): ViewName {
	return current(state).view;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

export function reduce(state: State, action: Action): State {
	const top = current(state);
	const withTop = (frame: Frame): State => ({...state, stack: [...state.stack.slice(0, -1), frame]});
	switch (action.type) {
		case 'apply':
			return action.next(state);
		case 'push':
			// Search opened from search is the same search; any other view stacks.
			if (top.view === 'search' && action.frame.view === 'search') return state;
			return {...state, help: false, stack: [...state.stack, action.frame]};
		case 'replace':
			return withTop(action.frame);
		case 'back':
			if (state.help) return {...state, help: false};
			if (state.stack.length === 1) return {...state, quit: true};
			return {...state, stack: state.stack.slice(0, -1)};
		case 'quit':
			return {...state, quit: true};
		case 'help':
			return {...state, help: !state.help};
		case 'type':
			if (top.view !== 'search') return state;
			return withTop({...top, query: top.query + action.text, cursor: 0});
		case 'erase':
			if (top.view !== 'search') return state;
			return withTop({...top, query: [...top.query].slice(0, -1).join(''), cursor: 0});
		case 'move': {
			const max = Math.max(0, action.max);
			switch (top.view) {
				case 'sources':
				case 'search':
				case 'figures':
					return withTop({...top, cursor: clamp(top.cursor + action.by, 0, max)});
				case 'reader':
					return withTop({...top, top: clamp(top.top + action.by, 0, max)});
				case 'compare': {
					const scroll: [number, number] = [...top.scroll];
					scroll[top.side] = clamp(scroll[top.side] + action.by, 0, max);
					return withTop({...top, scroll});
				}
			}
		}
	}
}

/** How far a movement command moves, given the page height; null for commands that do not move. */
export function moveBy(command: Command, page: number): number | null {
	switch (command) {
		case 'up':
			return -1;
		case 'down':
			return 1;
		case 'pageUp':
			return -Math.max(1, page - 1);
		case 'pageDown':
			return Math.max(1, page - 1);
		case 'top':
			return -Number.MAX_SAFE_INTEGER;
		case 'bottom':
			return Number.MAX_SAFE_INTEGER;
		default:
			return null;
	}
}
