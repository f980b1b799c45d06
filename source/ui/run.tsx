// Runs the explorer in the terminal: alternate screen in, a first frame at once, the corpus loaded and
// analysed on a worker thread (the sources list is usable as soon as it is loaded), and the terminal
// restored however the app ends.

import React from 'react';
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {Worker} from 'node:worker_threads';
import {render, Text, useApp, useInput} from 'ink';
import {sourceRows, type Analysis} from '../core/analysis.js';
import type {Preview} from '../core/cache.js';
import {CorpusError, loadCorpus, type Corpus, type LoadOptions} from '../core/corpus.js';
import type {WorkerMessage, WorkerRequest} from '../worker.js';
import {App} from './app.js';

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

export async function runExplorer(dir: string, options: LoadOptions & {cache?: boolean}): Promise<number> {
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

	// A small corpus is read here, at once; a large one on the worker, so the first frame does not wait.
	let corpus: Corpus | null = null;
	let failure: string | null = null;
	if (isSmall(dir)) {
		try {
			corpus = loadCorpus(dir, options);
		} catch (error) {
			restore();
			process.stderr.write(`churnscope: ${error instanceof CorpusError ? error.message : (error as Error).message}\n`);
			return 2;
		}
	}
	const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: {dir, options, corpus} satisfies WorkerRequest});
	let aborted = false;
	const onAbort = () => {
		aborted = true;
	};
	const first = corpus ? <App corpus={corpus} analysis={null} onAbort={onAbort} /> : <Loading dir={dir} onAbort={onAbort} />;
	const instance = render(first, {exitOnCtrlC: false, patchConsole: false});
	worker.on('message', (m: WorkerMessage) => {
		if (m.type === 'error') {
			failure = m.message;
			instance.unmount();
			return;
		}
		if (m.type === 'preview') {
			// The sources list from the cache, browsable while the texts load.
			if (corpus) return;
			const stub = previewCorpus(dir, m.preview);
			instance.rerender(<App corpus={stub} analysis={{corpus: stub, pairs: [], rows: m.preview.rows}} preview onAbort={onAbort} />);
			return;
		}
		if (m.type === 'corpus') {
			if (corpus) return;
			corpus = m.corpus;
			if (corpus.sources.length === 0) {
				failure = `no readable text files in ${dir}${corpus.warnings.length ? `: ${corpus.warnings[0]}` : ''}`;
				instance.unmount();
				return;
			}
			instance.rerender(<App corpus={corpus} analysis={null} onAbort={onAbort} />);
			return;
		}
		if (corpus) {
			const analysis: Analysis = {corpus, pairs: m.pairs, rows: sourceRows(corpus.sources, m.pairs)};
			instance.rerender(<App corpus={corpus} analysis={analysis} onAbort={onAbort} />);
		}
	});
	worker.on('error', error => {
		failure = `analysis failed: ${error.message}`;
		instance.unmount();
	});
	try {
		await instance.waitUntilExit();
	} finally {
		await worker.terminate();
		instance.unmount();
		restore();
	}
	if (failure) {
		process.stderr.write(`churnscope: ${failure}\n`);
		return 2;
	}
	const loaded = corpus as Corpus | null;
	for (const w of loaded?.warnings ?? []) process.stderr.write(`churnscope: warning: ${w}\n`);
	for (const src of loaded?.sources ?? []) for (const w of src.warnings) process.stderr.write(`churnscope: warning: ${src.id}: ${w}\n`);
	return aborted ? 130 : 0;
}

function Loading({dir, onAbort}: {dir: string; onAbort: () => void}) {
	const {exit} = useApp();
	useInput((input, key) => {
		if (key.ctrl && input === 'c') onAbort();
		if (input === 'q' || key.escape || (key.ctrl && input === 'c')) exit();
	});
	return <Text dimColor>{`Loading ${dir}… (q to quit)`}</Text>;
}

/** Whether a folder is small enough to read before the first frame: a few hundred files, a few MB. */
function isSmall(dir: string, maxFiles = 300, maxBytes = 4 * 1024 * 1024): boolean {
	let files = 0;
	let bytes = 0;
	const walk = (d: string, depth: number): boolean => {
		let entries;
		try {
			entries = readdirSync(d, {withFileTypes: true});
		} catch {
			return true;
		}
		for (const e of entries) {
			if (e.isDirectory()) {
				if (depth > 8 || !walk(join(d, e.name), depth + 1)) return false;
			} else if (++files > maxFiles) return false;
			else {
				try {
					bytes += statSync(join(d, e.name)).size;
				} catch {
					// unreadable: the loader will say so
				}
				if (bytes > maxBytes) return false;
			}
		}
		return true;
	};
	return walk(dir, 0);
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
			figures: [],
			warnings: [],
			sameAs: null,
		})),
	};
}
