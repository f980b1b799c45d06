// Runs the explorer in the terminal: alternate screen in, a first frame as soon as the analysis thread
// (started by the CLI before Ink was loaded) has read the corpus, or a loading line if that takes long;
// the sources list is usable as soon as it is loaded, and the terminal is restored however the app ends.

import {Box, render, Text, useApp, useInput} from 'ink';
import {decodeKeys} from '../state/keys.js';
import {resolve} from '../state/keymap.js';
import type {AnalysisThread} from '../threads/analysis-thread.js';
import {analysisOf, type Analysis, type SourceRow} from '../core/analysis.js';
import {report} from '../core/report.js';
import type {Preview} from '../io/cache.js';
import {copyText, runWithInput} from '../io/clipboard.js';
import {exportDir, openAt, saveReport} from '../io/external.js';
import type {Corpus} from '../core/source.js';
import {message, warnAll} from '../io/messages.js';
import {App, type ExplorerIO} from './app.js';
import {fit} from './layout.js';
import {Resumable, takeTerminal} from './terminal.js';
import {makeTheme, type ThemeName} from './theme.js';

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
/** How long the first frame waits for the corpus before it shows a loading line instead. */
const FIRST_FRAME_WAIT_MS = 200;

const HIDE_CURSOR = '\x1b[?25l';
const CLEAR = '\x1b[2J\x1b[H';

export type ExplorerOptions = {theme?: ThemeName};

/** The explorer's way out: the clipboard, the pager and editor, report files. */
export function terminalIO(corpus: () => Corpus | null, analysis: () => Analysis | null): ExplorerIO {
	return {
		copy: text => copyText(text, {env: process.env, platform: process.platform, write: s => process.stdout.write(s), run: runWithInput}),
		open: (plan, repaint) =>
			openAt(
				plan,
				{
					suspend: () => {
						process.stdout.write(LEAVE_ALT + SHOW_CURSOR);
						process.stdin.setRawMode(false);
					},
					resume: () => {
						process.stdin.setRawMode(true);
						// Ink redraws the whole frame after what it is given to write.
						repaint(ENTER_ALT + CLEAR + HIDE_CURSOR);
					},
				},
				process.env,
			),
		save: async (name, target, format) => {
			const c = corpus();
			const a = analysis();
			if (!c || !a) throw new Error('the corpus is still loading');
			return saveReport(
				exportDir(process.env, process.cwd(), c.dir),
				name,
				report(c, a, target, {format, generated: new Date().toISOString()}),
			);
		},
	};
}

export async function runExplorer(dir: string, thread: AnalysisThread, options: ExplorerOptions = {}): Promise<number> {
	// Alternate screen in; given back on any exit and signal, and around ctrl-z (ui/terminal.tsx).
	const terminal = takeTerminal();
	// An error that escapes everything still leaves the terminal as it was found, then is reported.
	process.once('uncaughtException', error => {
		terminal.restore();
		message(`unexpected error: ${error.message}`);
		process.exit(2);
	});
	const theme = makeTheme(process.env, options.theme);

	// What the analysis thread has told us so far; each message redraws.
	let corpus: Corpus | null = null;
	/** Made once: a new analysis object each redraw rebuilt the model of every row (90 ms at 10,000), at each progress message. */
	let preview: {corpus: Corpus; analysis: Analysis | null; listed?: SourceRow[]} | null = null;
	let analysis: Analysis | null = null;
	/** What the analysis thread is doing, until the pairs are in. */
	let progress: string | undefined;
	let failure: string | null = null;
	let aborted = false;
	const onAbort = () => {
		aborted = true;
	};
	const io = terminalIO(
		() => corpus,
		() => analysis,
	);
	const view = () => {
		if (corpus) {
			return (
				<App corpus={corpus} analysis={analysis} progress={progress} onAbort={onAbort} onSuspend={terminal.suspend} theme={theme} io={io} />
			);
		}
		if (preview) {
			// The sources list from the cache, browsable while the texts load.
			return (
				<App
					corpus={preview.corpus}
					analysis={preview.analysis}
					listed={preview.listed}
					preview
					progress={progress}
					onAbort={onAbort}
					onSuspend={terminal.suspend}
					theme={theme}
				/>
			);
		}
		return <Loading dir={dir} progress={progress} onAbort={onAbort} />;
	};

	let redraw = () => {};
	let settle = () => {};
	const first = new Promise<void>(resolve => {
		settle = resolve;
	});
	thread.listen(m => {
		if (m.type === 'progress') {
			// Progress alone does not make the first frame: a small corpus is read before it matters.
			progress = progressText(m.stage, m.done, m.total);
			redraw();
			return;
		}
		if (m.type === 'error') failure = m.message;
		else if (m.type === 'preview') {
			const shown = previewCorpus(dir, m.preview);
			// A list of the files read so far knows no reuse yet: listed without an analysis, its reuse shown as ….
			preview = m.preview.reading
				? {corpus: shown, analysis: null, listed: m.preview.rows}
				: {corpus: shown, analysis: {corpus: shown, pairs: [], families: [], repeats: [], stock: [], rows: m.preview.rows}};
		} else if (m.type === 'reuse') {
			// The worker sends the corpus first: the reuse always finds it here.
			if (corpus) analysis = analysisOf(corpus, m.reuse);
			progress = undefined;
		} else if (m.corpus.sources.length === 0) {
			failure = `no readable text files in ${dir}${m.corpus.warnings.length ? `: ${m.corpus.warnings[0]}` : ''}`;
		} else corpus = m.corpus;
		settle();
		redraw();
	});
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([first, new Promise<void>(resolve => (timer = setTimeout(resolve, FIRST_FRAME_WAIT_MS)))]);
	clearTimeout(timer);

	if (!failure) {
		const framed = () => <Resumable terminal={terminal}>{view()}</Resumable>;
		const instance = render(framed(), {exitOnCtrlC: false, patchConsole: false, maxFps: 60});
		redraw = () => (failure ? instance.unmount() : instance.rerender(framed()));
		try {
			await instance.waitUntilExit();
		} finally {
			instance.unmount();
		}
	}
	await thread.terminate();
	terminal.restore();
	terminal.release();
	if (failure) {
		message(failure);
		return 2;
	}
	const loaded = corpus as Corpus | null;
	if (loaded) warnAll(loaded);
	return aborted ? 130 : 0;
}

export function progressText(stage: string, done: number, total: number): string {
	return total > 0 ? `${stage} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` : stage;
}

export function Loading({dir, progress, onAbort}: {dir: string; progress?: string; onAbort: () => void}) {
	const {exit} = useApp();
	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			onAbort();
			exit();
			return;
		}
		// Through the one keymap, as every view's keys: q and Esc stop the load and quit.
		if (decodeKeys(input, key).some(k => resolve('loading', k) !== null)) exit();
	});
	return (
		<Box flexDirection="column">
			<Text dimColor>{fit(`Loading ${dir}… (q to quit)`, process.stdout.columns || 80)}</Text>
			{progress ? <Text>{progress}</Text> : null}
		</Box>
	);
}

/** A corpus of metadata only, from a cached sources list: enough to draw and browse the list. */
function previewCorpus(dir: string, preview: Preview): Corpus {
	return {
		dir,
		warnings: preview.warnings,
		sources: preview.rows.map(r => ({
			id: r.source,
			title: r.title,
			publisher: r.publisher,
			date: r.date,
			url: null,
			text: '',
			encoding: '',
			bytes: 0,
			words: r.words,
			blocks: [],
			sentences: [],
			language: null,
			figures: [],
			furnitureFigures: [],
			warnings: [],
			sameAs: null,
		})),
	};
}
