// What a command does in the current view: a pure function from the state (the latest one, so keys
// pressed faster than frames are drawn are never lost) to the next state. Layout-dependent data comes
// from a cache of screens for the current model and terminal size.

import type {Hit} from '../core/search.js';
import type {Pair} from '../core/reuse.js';
import {current, moveBy, reduce, type Frame, type State} from '../state/app-state.js';
import {keyName, resolveKey, type Command, type KeyInfo} from '../state/keymap.js';
import {pairsBetween, readerPairs, type Model} from '../state/model.js';
import {compareLayout, lineOf} from './layout.js';
import {compareScreen, KIND_CYCLE, ledgerRows, readerScreen, type CompareScreen, type ReaderScreen} from './screens.js';

export const SEARCH_LIMIT = 200;

/** Screens for one model and terminal size, computed once each. */
export class Screens {
	private readonly readers = new Map<string, ReaderScreen>();
	private readonly searches = new Map<string, Hit[]>();
	private readonly compares = new Map<Pair, CompareScreen>();
	constructor(
		readonly model: Model,
		readonly cols: number,
		readonly rows: number,
	) {}

	reader(source: string, pair: number | null, mark: [number, number] | null): ReaderScreen {
		const key = `${source}\0${pair}\0${mark?.join(',')}`;
		let s = this.readers.get(key);
		if (!s) {
			s = readerScreen(this.model, source, this.cols, pair, mark);
			if (this.readers.size > 64) this.readers.clear();
			this.readers.set(key, s);
		}
		return s;
	}

	/** Results for a query; none while the index is still being built (the view says so). */
	hits(query: string): Hit[] {
		if (!this.model.searcher.ready) return [];
		let h = this.searches.get(query);
		if (!h) {
			h = this.model.searcher.search(query, SEARCH_LIMIT);
			if (this.searches.size > 256) this.searches.clear();
			this.searches.set(query, h);
		}
		return h;
	}

	comparePairs(frame: Frame & {view: 'compare'}): Pair[] {
		return pairsBetween(this.model, frame.a, frame.b);
	}

	compareLayout(pair: Pair) {
		const c = this.compare(pair);
		return compareLayout(this.cols, this.rows, pair.figures.length, Math.max(c.a.length, c.b.length));
	}

	compare(pair: Pair): CompareScreen {
		let c = this.compares.get(pair);
		if (!c) {
			c = compareScreen(this.model, pair, compareLayout(this.cols, this.rows, 0).colWidth);
			this.compares.set(pair, c);
		}
		return c;
	}
}

export function compareFrame(model: Model, target: Pair): Frame {
	const list = pairsBetween(model, target.a.source, target.b.source);
	const index = Math.max(0, list.indexOf(target));
	return {view: 'compare', a: target.a.source, b: target.b.source, index, scroll: [0, 0], side: 0};
}

function readerAt(screens: Screens, source: string, at: number, mark: [number, number] | null): Frame {
	const lines = screens.reader(source, null, mark).lines;
	return {view: 'reader', source, top: Math.max(0, lineOf(lines, at) - 2), pair: null, mark};
}

/** The next state after `command`, in whichever view is on top of `state`. */
export function transition(state: State, command: Command, screens: Screens): State {
	const {model, rows} = screens;
	const frame = current(state);
	const by = moveBy(command, rows - 1);
	const push = (f: Frame) => reduce(state, {type: 'push', frame: f});
	const replace = (f: Frame) => reduce(state, {type: 'replace', frame: f});
	const move = (delta: number, max: number) => reduce(state, {type: 'move', by: delta, max});
	switch (command) {
		case 'search':
			return push({view: 'search', query: '', cursor: 0});
		case 'help':
			return reduce(state, {type: 'help'});
		case 'back':
			return reduce(state, {type: 'back'});
		case 'quit':
			return reduce(state, {type: 'quit'});
		case 'figures':
			return push({view: 'figures', cursor: 0, kind: null});
		case 'erase':
			return reduce(state, {type: 'erase'});
	}
	switch (frame.view) {
		case 'sources': {
			// Up and down belong to the list component, which reports its cursor into the state.
			const id = model.rows[frame.cursor]?.source;
			if (!id) return state;
			if (command === 'open') return push({view: 'reader', source: id, top: 0, pair: null, mark: null});
			const first = command === 'nextPair' ? readerPairs(model, id)[0] : undefined;
			return first ? push(compareFrame(model, first)) : state;
		}
		case 'reader': {
			const reader = screens.reader(frame.source, frame.pair, frame.mark);
			if (by !== null) return move(by, reader.lines.length - (rows - 1));
			if (command === 'nextPair' || command === 'prevPair') {
				if (!reader.pairs.length) return state;
				let i: number;
				if (frame.pair === null) {
					const after = reader.pairLines.findIndex(l => l >= frame.top);
					const next = after === -1 ? reader.pairs.length : after;
					i = command === 'nextPair' ? Math.min(next, reader.pairs.length - 1) : Math.max(0, next - 1);
				} else i = Math.max(0, Math.min(reader.pairs.length - 1, frame.pair + (command === 'nextPair' ? 1 : -1)));
				return replace({...frame, pair: i, top: Math.max(0, reader.pairLines[i]! - 2)});
			}
			if (command === 'open') {
				const i = frame.pair ?? reader.pairLines.findIndex(l => l >= frame.top);
				const p = reader.pairs[i];
				return p ? push(compareFrame(model, p)) : state;
			}
			return state;
		}
		case 'search': {
			const hits = screens.hits(frame.query);
			const page = Math.max(1, Math.floor(rows / 2) - 1);
			if (by !== null)
				return move(
					command === 'top' || command === 'bottom' ? by : command.startsWith('page') ? Math.sign(by) * page : by,
					hits.length - 1,
				);
			if (command === 'open') {
				const h = hits[frame.cursor];
				if (!h) return state;
				return h.kind === 'passage'
					? push(readerAt(screens, h.source, h.start, [h.start, h.end]))
					: push({view: 'reader', source: h.source, top: 0, pair: null, mark: null});
			}
			return state;
		}
		case 'compare': {
			const pairs = screens.comparePairs(frame);
			const pair = pairs[frame.index];
			if (!pair) return state;
			const screen = screens.compare(pair);
			if (by !== null) return move(by, (frame.side === 0 ? screen.a : screen.b).length - screens.compareLayout(pair).textRows);
			if (command === 'nextPair' || command === 'prevPair') {
				const index = Math.max(0, Math.min(pairs.length - 1, frame.index + (command === 'nextPair' ? 1 : -1)));
				return replace({...frame, index, scroll: [0, 0]});
			}
			if (command === 'switchSide') return replace({...frame, side: frame.side === 0 ? 1 : 0});
			if (command === 'open') {
				const s = frame.side === 0 ? pair.a : pair.b;
				return push(readerAt(screens, s.source, s.start, [s.start, s.end]));
			}
			return state;
		}
		case 'figures': {
			const list = ledgerRows(model, frame.kind);
			if (by !== null) return move(by, list.length - 1);
			if (command === 'kind') {
				const next = KIND_CYCLE[(KIND_CYCLE.indexOf(frame.kind) + 1) % KIND_CYCLE.length]!;
				return replace({...frame, kind: next, cursor: 0});
			}
			if (command === 'open') {
				const occ = list[frame.cursor]?.occurrences[0];
				return occ ? push(readerAt(screens, occ.source, occ.figure.start, [occ.figure.start, occ.figure.end])) : state;
			}
			return state;
		}
	}
}

/**
 * A key press applied to the latest state: help takes Esc, q and ? while open; in search, printable keys
 * edit the query; elsewhere the keymap names the command. Up and down on the sources view belong to its
 * list component and are left alone here.
 */
export function handleKey(state: State, input: string, key: KeyInfo, screens: Screens): State {
	// Keys typed ahead (during start-up, or faster than the terminal is read) arrive as one chunk of
	// text: each character is a key of its own, so "/tele" on the home view opens search with "tele".
	const chars = [...input];
	if (chars.length > 1 && keyName('', key) === null && !key.ctrl && !key.meta) {
		return chars.reduce((s, c) => handleKey(s, c, key, screens), state);
	}
	if (state.help) return key.escape || input === 'q' || input === '?' ? reduce(state, {type: 'help'}) : state;
	const view = current(state).view;
	const action = resolveKey(view, input, key);
	if (!action) return state;
	if (action.type === 'type') return reduce(state, {type: 'type', text: action.text});
	if (view === 'sources' && (action.command === 'up' || action.command === 'down')) return state;
	return transition(state, action.command, screens);
}
