// The root component: every key goes through one path (Ink's input, split into single keys, the
// keymap of the context that has the keys, the controller, the state); the view on top is drawn from
// the state, with a menu or the help over it and the status line below; requests for the outside world
// (copy, open, export) are carried out after the frame, through the I/O the app is given.

import type React from 'react';
import {useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import type {Analysis, SourceRow} from '../core/analysis.js';
import type {ReportTarget} from '../core/report.js';
import type {Corpus} from '../core/source.js';
import {Searcher, searchDocs} from '../core/search.js';
import {contextOf, current, initialState, reduce, type State} from '../state/app-state.js';
import {decodeKeys} from '../state/keys.js';
import {buildModel, familyById, readerPairs} from '../state/model.js';
import {Help, Menu, menuHeight, StatusBar} from './components.js';
import {currentMenuItems, handleKeys, keepSourceSelected, Screens, where} from './controller.js';
import {planEffect, type OpenPlan} from './effects.js';
import {MIN_COLUMNS, MIN_ROWS} from './layout.js';
import {MENU_TITLES} from './menus.js';
import {makeTheme, type Theme} from './theme.js';
import {CompareView} from './views/compare-view.js';
import {FamiliesView} from './views/families-view.js';
import {FamilyView} from './views/family-view.js';
import {FiguresView} from './views/figures-view.js';
import {ReaderView} from './views/reader-view.js';
import {SearchView} from './views/search-view.js';
import {SourcesView} from './views/sources-view.js';
import {WarningsView} from './views/warnings-view.js';

export type Size = {columns: number; rows: number};

/** What the explorer does outside itself. Each returns the words for the status line. */
export type ExplorerIO = {
	copy(text: string): Promise<string>;
	/** Run the pager or editor on a file at a line, with the app suspended; `repaint` redraws the app afterwards. */
	open(plan: OpenPlan, repaint: (prefix: string) => void): string;
	/** Write a report; returns where it went. */
	save(name: string, target: ReportTarget, format: 'md' | 'html'): Promise<string>;
};

/** What the status says while the texts behind a cached sources list load. */
const loadingTexts = (progress: string | undefined) => `loading texts…${progress ? ` ${progress}` : ''}`;

/** I/O that does nothing (for previews and tests that do not look at it). */
export const NO_IO: ExplorerIO = {
	copy: async () => 'clipboard not available',
	open: () => 'no terminal to open it in',
	save: async name => name,
};

const sizeOf = (stdout: NodeJS.WriteStream): Size => ({columns: stdout.columns || 80, rows: stdout.rows || 24});

function useTerminalSize(fixed?: Size): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState<Size>(() => sizeOf(stdout));
	useEffect(() => {
		if (fixed) return;
		const onResize = () => setSize(sizeOf(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed]);
	return fixed ?? size;
}

export type AppProps = {
	corpus: Corpus;
	analysis: Analysis | null;
	size?: Size;
	theme?: Theme;
	initial?: State;
	onAbort?: () => void;
	/** ctrl-z: give the terminal back and stop until `fg` (ui/terminal.tsx). */
	onSuspend?: () => void;
	/** The sources list only (from the cache) while the texts load: browsing and quitting work, nothing opens. */
	preview?: boolean;
	/**
	 * With `preview` and no analysis: the sources list of the files read so far, each row as its file alone gives
	 * it (a first launch lists the files as they are read; their reuse shows as … until it is found).
	 */
	listed?: SourceRow[];
	/** What the analysis is doing while it runs, for the status line. */
	progress?: string;
	io?: ExplorerIO;
	/** The clock for report names (tests fix it). */
	now?: () => Date;
};

export function App({
	corpus,
	analysis,
	size: fixedSize,
	theme: givenTheme,
	initial,
	onAbort,
	onSuspend,
	preview = false,
	listed,
	progress,
	io = NO_IO,
	now = () => new Date(),
}: AppProps) {
	const {exit} = useApp();
	const {write} = useStdout();
	const size = useTerminalSize(fixedSize);
	const theme = useMemo(() => givenTheme ?? makeTheme(), [givenTheme]);
	// One search index per corpus, built on first use (the analysis arriving later does not rebuild it).
	const searcher = useMemo(() => {
		let s: Searcher | undefined;
		return () => (s ??= new Searcher(searchDocs(corpus.sources)));
	}, [corpus]);
	const model = useMemo(() => buildModel(corpus, analysis, searcher, listed), [corpus, analysis, searcher, listed]);
	const [state, dispatch] = useReducer(reduce, initial ?? initialState);
	const frame = current(state);
	const cols = size.columns;
	// The status bar takes one line, and one is left free below it so a frame never fills the terminal
	// (Ink redraws a full-height frame from scratch, which flickers).
	const viewRows = Math.max(1, size.rows - 2);
	const screens = useMemo(() => new Screens(model, cols, viewRows, preview), [model, cols, viewRows, preview]);
	// The handler reads the latest screens through a ref, so that a key never acts on a layout a resize replaced.
	const screensRef = useRef(screens);
	screensRef.current = screens;
	// When the model changes under the lists (rows arriving, then the corpus and its reuse), the sources lists
	// stay on the source they had selected.
	const shown = useRef(screens);
	useLayoutEffect(() => {
		const before = shown.current;
		shown.current = screens;
		if (before.model !== screens.model) dispatch({type: 'apply', next: s => keepSourceSelected(s, before, screens)});
	}, [screens]);
	const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;

	useEffect(() => {
		if (state.quit) exit();
	}, [state.quit, exit]);

	// Requests for the outside world, carried out once the frame that asked for them is drawn.
	const running = useRef(new Set<number>());
	useEffect(() => {
		for (const effect of state.effects) {
			if (running.current.has(effect.id)) continue;
			running.current.add(effect.id);
			const plan = planEffect(effect, model, now());
			const settle = (flash: string) => {
				running.current.delete(effect.id);
				dispatch({type: 'settle', ids: [effect.id], flash});
			};
			if (plan.type === 'fail') settle(plan.message);
			else if (plan.type === 'copy')
				io.copy(plan.text).then(
					how => settle(`copied ${plan.what} (${plan.text.length.toLocaleString('en-US')} characters) ${how}`),
					(error: Error) => settle(`could not copy: ${error.message}`),
				);
			else if (plan.type === 'open') settle(io.open(plan.open, write));
			else
				io.save(plan.name, plan.target, plan.format).then(
					path => settle(`report on ${plan.what} written to ${path}`),
					(error: Error) => settle(`could not write the report: ${error.message}`),
				);
		}
	}, [state.effects, model, io, now, write]);

	// The search index is built when search is first opened, in short slices between frames, so that
	// neither typing nor browsing waits on a large corpus (the search view says it is indexing).
	const [, setIndexed] = useState(false);
	const searching = frame.view === 'search';
	const [wantIndex, setWantIndex] = useState(false);
	if (searching && !wantIndex) setWantIndex(true);
	useEffect(() => {
		if (preview || !wantIndex) return;
		let timer: NodeJS.Timeout | undefined;
		const searcher = model.searcher;
		const step = () => {
			if (searcher.prepare(8)) setIndexed(true);
			else timer = setTimeout(step, 0);
		};
		timer = setTimeout(step, 0);
		return () => clearTimeout(timer);
	}, [model, preview, wantIndex]);

	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			// Quit from anywhere, as an abort (exit 130, as fzf).
			onAbort?.();
			exit();
			return;
		}
		if (key.ctrl && input === 'z') {
			// Suspend from anywhere, as a shell's job control does in a terminal not in raw mode.
			onSuspend?.();
			return;
		}
		const keys = decodeKeys(input, key);
		if (tooSmall) {
			if (keys.some(k => k.name === 'q' || k.name === 'esc')) dispatch({type: 'apply', next: s => ({...s, quit: true})});
			return;
		}
		dispatch({type: 'apply', next: s => handleKeys(s, keys, screensRef.current)});
	});

	if (tooSmall) {
		return (
			<Box flexDirection="column">
				<Text {...theme.roles.error}>Terminal too small:</Text>
				<Text>{`need ${MIN_COLUMNS}×${MIN_ROWS}, have ${size.columns}×${size.rows}`}</Text>
				<Text>enlarge it or press q</Text>
			</Box>
		);
	}

	const menuItems = currentMenuItems(state, screens);
	const menuRows = state.overlay?.type === 'menu' ? menuHeight(menuItems.length, viewRows - 1) : 0;
	const rows = viewRows - menuRows;
	const view =
		state.overlay?.type === 'help' ? (
			<Help theme={theme} context={contextOf({...state, overlay: null})} cols={cols} rows={viewRows} top={state.overlay.top} />
		) : (
			renderView(state, screens, theme, cols, rows, preview ? loadingTexts(progress) : undefined)
		);
	const warnings = screens.warnings().length;
	return (
		<Box flexDirection="column" height={size.rows - 1} width={cols}>
			{view}
			{state.overlay?.type === 'menu' ? (
				<Menu
					title={MENU_TITLES[state.overlay.menu]}
					labels={menuItems.map(i => i.label)}
					cursor={state.overlay.cursor}
					cols={cols}
					rows={menuRows}
					theme={theme}
				/>
			) : null}
			<StatusBar
				theme={theme}
				cols={cols}
				context={contextOf(state)}
				view={frame.view}
				where={where(state, screens)}
				busy={preview ? loadingTexts(progress) : analysis ? undefined : `analysing reuse…${progress ? ` ${progress}` : ''}`}
				warnings={warnings}
				flash={state.flash}
			/>
		</Box>
	);
}

function renderView(state: State, screens: Screens, theme: Theme, cols: number, rows: number, busy?: string): React.ReactNode {
	const frame = current(state);
	const {model} = screens;
	const nothing = (
		<Box height={rows}>
			<Text>Nothing to show here.</Text>
		</Box>
	);
	switch (frame.view) {
		case 'sources':
			return <SourcesView model={model} theme={theme} cols={cols} rows={rows} frame={frame} order={screens.order(frame)} busy={busy} />;
		case 'families':
			return <FamiliesView model={model} theme={theme} cols={cols} rows={rows} frame={frame} order={screens.order(frame)} />;
		case 'family': {
			const family = familyById(model, frame.id);
			const screen = screens.family(frame.id);
			return family && screen ? (
				<FamilyView theme={theme} cols={cols} rows={rows} frame={frame} family={family} screen={screen} />
			) : (
				nothing
			);
		}
		case 'reader':
			return (
				<ReaderView
					model={model}
					theme={theme}
					cols={cols}
					rows={rows}
					frame={frame}
					screen={screens.reader(frame.source, frame.passage, frame.mark)}
				/>
			);
		case 'search':
			return (
				<SearchView
					model={model}
					theme={theme}
					cols={cols}
					rows={rows}
					frame={frame}
					hits={screens.hits(frame.query.text)}
					indexing={!model.searcher.ready}
				/>
			);
		case 'compare': {
			const pairs = readerPairs(model, frame.source);
			const pair = pairs[frame.index];
			return pair ? (
				<CompareView
					model={model}
					theme={theme}
					cols={cols}
					rows={rows}
					frame={frame}
					pair={pair}
					screen={screens.compare(pair)}
					count={pairs.length}
				/>
			) : (
				nothing
			);
		}
		case 'figures':
			return <FiguresView model={model} theme={theme} cols={cols} rows={rows} frame={frame} order={screens.order(frame)} />;
		case 'warnings':
			return <WarningsView theme={theme} cols={cols} rows={rows} frame={frame} warnings={screens.warnings()} />;
	}
}
