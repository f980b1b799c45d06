// The root component: picks the view on top of the stack, turns keys into commands through the keymap
// and hands them to the controller, and draws the status line. Views only render.

import type React from 'react';
import {useEffect, useMemo, useReducer, useState} from 'react';
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import type {Analysis} from '../core/analysis.js';
import type {Corpus} from '../core/source.js';
import {Searcher, searchDocs} from '../core/search.js';
import {current, initialState, reduce, type Frame, type State} from '../state/app-state.js';
import {buildModel, type Model} from '../state/model.js';
import {Help, StatusBar} from './components.js';
import {handleKey, Screens} from './controller.js';
import {MIN_COLUMNS, MIN_ROWS} from './layout.js';
import {ledgerRows} from './screens.js';
import {makeTheme, type Theme} from './theme.js';
import {CompareView, FiguresView, ReaderView, SearchView, SourcesView} from './views.js';

export type Size = {columns: number; rows: number};

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
	/** The sources list only (from the cache) while the texts load: browsing and quitting work, nothing opens. */
	preview?: boolean;
	/** What the analysis is doing while it runs, for the status line. */
	progress?: string;
};

export function App({corpus, analysis, size: fixedSize, theme: givenTheme, initial, onAbort, preview = false, progress}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const theme = useMemo(() => givenTheme ?? makeTheme(), [givenTheme]);
	// One search index per corpus, built on first use (the analysis arriving later does not rebuild it).
	const searcher = useMemo(() => {
		let s: Searcher | undefined;
		return () => (s ??= new Searcher(searchDocs(corpus.sources)));
	}, [corpus]);
	const model = useMemo(() => buildModel(corpus, analysis, searcher), [corpus, analysis, searcher]);
	const [state, dispatch] = useReducer(reduce, initial ?? initialState);
	const frame = current(state);
	const cols = size.columns;
	// The status bar takes one line, and one is left free below it so a frame never fills the terminal
	// (Ink redraws a full-height frame from scratch, which flickers).
	const viewRows = Math.max(1, size.rows - 2);
	const screens = useMemo(() => new Screens(model, cols, viewRows), [model, cols, viewRows]);
	const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;

	useEffect(() => {
		if (state.quit) exit();
	}, [state.quit, exit]);

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
		if (tooSmall) {
			if (input === 'q' || key.escape) dispatch({type: 'quit'});
			return;
		}
		if (preview && !(key.upArrow || key.downArrow || input === 'j' || input === 'k' || input === 'q' || input === '?' || key.escape))
			return;
		dispatch({type: 'apply', next: s => handleKey(s, input, key, screens)});
	});

	if (tooSmall) {
		return (
			<Box flexDirection="column">
				<Text {...theme.roles['error']}>Terminal too small:</Text>
				<Text>{`need ${MIN_COLUMNS}×${MIN_ROWS}, have ${size.columns}×${size.rows}`}</Text>
				<Text>enlarge it or press q</Text>
			</Box>
		);
	}

	const viewSize = {cols, rows: viewRows};
	const hits = frame.view === 'search' ? screens.hits(frame.query) : [];
	const comparePairs = frame.view === 'compare' ? screens.comparePairs(frame) : [];
	const pair = frame.view === 'compare' ? comparePairs[frame.index] : undefined;
	const reader = frame.view === 'reader' ? screens.reader(frame.source, frame.pair, frame.mark) : null;
	let view: React.ReactNode;
	if (state.help) view = <Help theme={theme} view={frame.view} cols={cols} rows={viewRows} />;
	else if (frame.view === 'sources') {
		view = (
			<SourcesView
				model={model}
				theme={theme}
				size={viewSize}
				cursor={frame.cursor}
				focused
				preview={preview}
				onHighlight={i =>
					dispatch({
						type: 'apply',
						next: s => (current(s).view === 'sources' ? reduce(s, {type: 'replace', frame: {view: 'sources', cursor: i}}) : s),
					})
				}
				onSelect={() => {
					// Enter is handled with the other keys, against the latest state.
				}}
			/>
		);
	} else if (frame.view === 'reader' && reader)
		view = <ReaderView model={model} theme={theme} size={viewSize} frame={frame} screen={reader} />;
	else if (frame.view === 'search')
		view = <SearchView model={model} theme={theme} size={viewSize} frame={frame} hits={hits} indexing={!model.searcher.ready} />;
	else if (frame.view === 'compare' && pair)
		view = (
			<CompareView
				model={model}
				theme={theme}
				size={viewSize}
				frame={frame}
				pair={pair}
				screen={screens.compare(pair)}
				count={comparePairs.length}
			/>
		);
	else if (frame.view === 'figures') view = <FiguresView model={model} theme={theme} size={viewSize} frame={frame} />;
	else
		view = (
			<Box height={viewRows}>
				<Text>Nothing to show here.</Text>
			</Box>
		);

	return (
		<Box flexDirection="column" height={size.rows - 1} width={cols}>
			{view}
			<StatusBar
				theme={theme}
				cols={cols}
				view={frame.view}
				where={where(model, frame, reader?.lines.length ?? 0, hits.length, comparePairs.length)}
				busy={preview ? 'loading texts…' : analysis ? undefined : `analysing reuse…${progress ? ` ${progress}` : ''}`}
			/>
		</Box>
	);
}

function where(model: Model, frame: Frame, lines: number, hits: number, pairs: number): string {
	const short = (id: string) => model.short.get(id) ?? id;
	switch (frame.view) {
		case 'sources':
			return `${frame.cursor + 1}/${model.rows.length}`;
		case 'reader':
			return `${short(frame.source)} · line ${Math.min(lines, frame.top + 1)}/${lines}`;
		case 'search':
			return hits ? `${frame.cursor + 1}/${hits}` : 'no results';
		case 'compare':
			return `${short(frame.a)} ⇄ ${short(frame.b)} · ${frame.index + 1}/${pairs}`;
		case 'figures':
			return `${frame.kind ?? 'all'} · ${frame.cursor + 1}/${ledgerRows(model, frame.kind).length}`;
	}
}
