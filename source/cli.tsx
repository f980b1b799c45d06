#!/usr/bin/env node
// Entry point: flags, then either a non-interactive subcommand or the explorer. Ink is imported only
// for the explorer, so the subcommands start fast and run without a terminal.

import {closeSync, openSync, writeSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import meow from 'meow';
import {startAnalysis} from './threads/analysis-thread.js';
import {runCommand, SUBCOMMANDS, validKind, type Subcommand} from './commands/index.js';
import {validFormat} from './commands/report.js';
import {isThemeName} from './ui/theme.js';
import {message, warnAll} from './io/messages.js';
import {writeChunks} from './io/write.js';
import {analysisOf} from './core/analysis.js';
import {loadAnalysed} from './io/cache.js';
import type {Corpus} from './core/source.js';
import {CorpusError, DEFAULT_MAX_BYTES, loadCorpus} from './io/read-corpus.js';

const cli = meow(
	`
	Usage
	  $ churnscope [--corpus DIR]              open the explorer (needs a terminal)
	  $ churnscope sources  [--json]           list the sources and how much of each is reused
	  $ churnscope search QUERY [--json]       fuzzy search of passages, best first
	  $ churnscope pairs    [--json]           reused passages, paired with their origin
	  $ churnscope figures  [--json] [--kind K] figures (money, percent, count, rank, ratio, date)
	  $ churnscope report   [--format md|html] [--out FILE]  the corpus as a report to send

	Options
	  --corpus, -c DIR   corpus folder (default: the bundled seed corpus)
	  --json             machine-readable output
	  --limit N          at most N search results (default 20)
	  --kind K           figures of one kind only
	  --source FILE      pairs or figures of one source only
	  --max-bytes N      skip files larger than N bytes (default ${DEFAULT_MAX_BYTES})
	  --no-cache         neither read nor write the analysis cache (~/.cache/churnscope)
	  --theme T          the explorer's palette: dark (default) or light (also CHURNSCOPE_THEME,
	                     or guessed from COLORFGBG); NO_COLOR turns colour off
	  --format F         report format: md (default) or html
	  --out FILE         write the report to FILE instead of the standard output

	Exit codes: 0 results, 1 none, 2 bad usage or unreadable input.
`,
	{
		importMeta: import.meta,
		allowUnknownFlags: false,
		flags: {
			corpus: {type: 'string', shortFlag: 'c'},
			json: {type: 'boolean', default: false},
			limit: {type: 'number'},
			kind: {type: 'string'},
			source: {type: 'string'},
			maxBytes: {type: 'number'},
			cache: {type: 'boolean', default: true},
			theme: {type: 'string'},
			format: {type: 'string'},
			out: {type: 'string'},
		},
	},
);

const fail = (text: string): never => {
	message(text);
	process.exit(2);
};

const corpusDir = cli.flags.corpus ?? fileURLToPath(new URL('../corpus', import.meta.url));
const [sub, ...args] = cli.input;

if (sub !== undefined && !(SUBCOMMANDS as readonly string[]).includes(sub)) {
	fail(`unknown command "${sub}"; use one of: ${SUBCOMMANDS.join(', ')} (see --help)`);
}
if (!validKind(cli.flags.kind)) fail(`unknown figure kind "${cli.flags.kind}"; use money, percent, count, rank, ratio or date`);
if (sub === 'search' && args.join(' ').trim() === '') fail('search needs a query: churnscope search QUERY');
if (cli.flags.limit !== undefined && !(cli.flags.limit > 0)) fail('--limit must be a positive number');
if (cli.flags.maxBytes !== undefined && !(cli.flags.maxBytes > 0)) fail('--max-bytes must be a positive number');
if (cli.flags.theme !== undefined && !isThemeName(cli.flags.theme)) fail(`unknown theme "${cli.flags.theme}"; use dark or light`);
if (!validFormat(cli.flags.format)) fail(`unknown report format "${cli.flags.format}"; use md or html`);

const interactive = sub === undefined;
if (interactive && !(process.stdin.isTTY && process.stdout.isTTY)) {
	fail('no terminal for the explorer; use a subcommand: churnscope sources|search QUERY|pairs|figures [--json]');
}

try {
	if (interactive) {
		// Raw mode at once, not when Ink mounts its input hook: keys typed during start-up then wait for
		// the app unechoed, instead of being echoed over the screen by the terminal's line editing.
		process.stdin.setRawMode(true);
		// The corpus is read on the analysis thread while Ink loads here.
		const thread = startAnalysis(corpusDir, {maxBytes: cli.flags.maxBytes, cache: cli.flags.cache});
		const {runExplorer} = await import('./ui/run.js');
		process.exitCode = await runExplorer(corpusDir, thread, {theme: isThemeName(cli.flags.theme) ? cli.flags.theme : undefined});
	} else {
		// Sources and pairs need the reuse analysis: from the cache when the files are unchanged.
		const options = {maxBytes: cli.flags.maxBytes, cache: cli.flags.cache};
		const needsPairs = sub === 'sources' || sub === 'pairs' || sub === 'report';
		const analysed = needsPairs ? loadAnalysed(corpusDir, options) : null;
		const corpus: Corpus = analysed?.corpus ?? loadCorpus(corpusDir, options);
		warnAll(corpus);
		if (corpus.sources.length === 0) fail(`no readable text files in ${corpusDir}`);
		const out = runCommand(
			sub as Subcommand,
			args,
			corpus,
			{
				json: cli.flags.json,
				limit: cli.flags.limit,
				kind: cli.flags.kind,
				source: cli.flags.source,
				color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
				format: cli.flags.format === 'html' ? 'html' : 'md',
			},
			analysed ? analysisOf(corpus, analysed.pairs) : undefined,
		);
		// `report --out FILE` writes the file (opened first, so that a path that cannot be written is said
		// at once); everything else goes to the standard output.
		const outFile = sub === 'report' && cli.flags.out ? cli.flags.out : null;
		if (outFile) {
			let fd = -1;
			try {
				fd = openSync(outFile, 'w');
			} catch (error) {
				fail(`cannot write ${outFile}: ${(error as Error).message}`);
			}
			for (const chunk of out.chunks) writeSync(fd, chunk);
			closeSync(fd);
		} else await writeChunks(process.stdout, out.chunks);
		process.exitCode = out.code;
	}
} catch (error) {
	fail(error instanceof CorpusError ? error.message : `unexpected error: ${(error as Error).message}`);
}
