// Runs the explorer in the terminal: alternate screen in, sources shown as soon as the corpus is loaded,
// reuse analysed after the first frame, and the terminal restored however the app ends.

import React from 'react';
import {render} from 'ink';
import {analyze} from '../core/analysis.js';
import {loadCorpus, type LoadOptions} from '../core/corpus.js';
import {App} from './app.js';

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

export async function runExplorer(dir: string, opts: LoadOptions): Promise<number> {
	const corpus = loadCorpus(dir, opts);
	if (corpus.sources.length === 0) {
		const why = corpus.warnings.length ? `: ${corpus.warnings[0]}` : '';
		process.stderr.write(`churnscope: no readable text files in ${dir}${why}\n`);
		return 2;
	}
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		process.stdout.write(LEAVE_ALT + SHOW_CURSOR);
	};
	process.stdout.write(ENTER_ALT);
	process.once('exit', restore);
	for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			restore();
			process.exit(128 + (signal === 'SIGTERM' ? 15 : 1));
		});
	}
	const instance = render(<App corpus={corpus} analysis={null} />, {exitOnCtrlC: true, patchConsole: false});
	// Let the first frame reach the terminal, then analyse.
	setTimeout(() => {
		const analysis = analyze(corpus);
		instance.rerender(<App corpus={corpus} analysis={analysis} />);
	}, 10);
	try {
		await instance.waitUntilExit();
	} finally {
		instance.unmount();
		restore();
	}
	for (const w of corpus.warnings) process.stderr.write(`churnscope: warning: ${w}\n`);
	return 0;
}
