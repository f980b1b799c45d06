#!/usr/bin/env node
// Entry point: flags, then either a non-interactive subcommand or the explorer. Ink is imported only
// for the explorer, so the subcommands start fast and run without a terminal.

import {fileURLToPath} from 'node:url';
import meow from 'meow';
import {startAnalysis} from './threads/analysis-thread.js';
import {runCommand, SUBCOMMANDS, validKind, type Subcommand} from './commands/index.js';
import {validReportFormat} from './commands/report.js';
import {isThemeName} from './ui/theme.js';
import {message, warnAll} from './io/messages.js';
import {writeChunks, writeFileChunks} from './io/write.js';
import {validFormat} from './commands/export.js';
import {analysePassim, isPassimFolder} from './io/passim.js';
import {analysisOf} from './core/analysis.js';
import {loadAnalysed} from './io/cache.js';
import type {Corpus} from './core/source.js';
import {CorpusError, DEFAULT_MAX_BYTES} from './io/read-corpus.js';
import {readCorpusParallel} from './io/read-parallel.js';

const cli = meow(
	`
	Usage
	  $ churnscope [--corpus DIR]              open the explorer (needs a terminal)
	  $ churnscope sources  [--json]           list the sources and how much of each is reused
	  $ churnscope search QUERY [--json]       fuzzy search of passages, best first
	  $ churnscope pairs    [--json] [--all]   each copy of a passage against its origin (--all: every pair of copies)
	  $ churnscope families [--json] [--min-reach N] [--source FILE]
	                                           passages and every copy of them, most carried first
	  $ churnscope figures  [--json] [--kind K] figures (money, percent, count, rank, ratio, date)
	  $ churnscope report   [--format md|html] [--out FILE]  the corpus as a report to send
	  $ churnscope export --format passim [--out FILE]   the corpus as passim's input (JSON lines)

	Options
	  --corpus, -c DIR   corpus folder, or a passim run: its input and output (default: the seed corpus)
	  --json             machine-readable output
	  --limit N          at most N search results (default 20)
	  --kind K           figures of one kind only
	  --source FILE      pairs, families or figures of one source only
	  --min-reach N      families carried by at least N sources (default 2)
	  --all              pairs: every pair of sources that share a passage
	  --max-bytes N      skip files larger than N bytes (default ${DEFAULT_MAX_BYTES})
	  --no-cache         neither read nor write the analysis cache (~/.cache/churnscope)
	  --theme T          the explorer's palette: dark (default) or light (also CHURNSCOPE_THEME,
	                     or guessed from COLORFGBG); NO_COLOR turns colour off
	  --format F         export: passim; report: md (default) or html
	  --out, -o FILE     export, report: write to FILE instead of standard output

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
			minReach: {type: 'number'},
			all: {type: 'boolean', default: false},
			maxBytes: {type: 'number'},
			cache: {type: 'boolean', default: true},
			theme: {type: 'string'},
			format: {type: 'string'},
			out: {type: 'string', shortFlag: 'o'},
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
if (cli.flags.minReach !== undefined && !(Number.isInteger(cli.flags.minReach) && cli.flags.minReach >= 2))
	fail('--min-reach must be a whole number, 2 or more');
if (cli.flags.maxBytes !== undefined && !(cli.flags.maxBytes > 0)) fail('--max-bytes must be a positive number');
if (cli.flags.theme !== undefined && !isThemeName(cli.flags.theme)) fail(`unknown theme "${cli.flags.theme}"; use dark or light`);
if (sub === 'export' && !validFormat(cli.flags.format)) fail('export needs --format passim (the one format it writes)');
if (sub === 'report' && !validReportFormat(cli.flags.format)) fail(`unknown report format "${cli.flags.format}"; use md or html`);
if (sub !== 'export' && sub !== 'report' && (cli.flags.format !== undefined || cli.flags.out !== undefined))
	fail('--format and --out are for export and report');

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
		const needsPairs = sub === 'sources' || sub === 'pairs' || sub === 'families' || sub === 'report';
		// A passim run brings its own reuse analysis: its clusters.
		const passim = isPassimFolder(corpusDir) ? await analysePassim(corpusDir, options) : null;
		const analysed = passim ? null : needsPairs ? await loadAnalysed(corpusDir, options) : null;
		const corpus: Corpus =
			passim?.corpus ?? analysed?.corpus ?? (await readCorpusParallel(corpusDir, {...options, features: false})).corpus;
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
				format: validFormat(cli.flags.format) ? cli.flags.format : undefined,
				reportFormat: cli.flags.format === 'html' ? 'html' : 'md',
			},
			passim ?? (analysed ? analysisOf(corpus, analysed.reuse) : undefined),
		);
		const file = cli.flags.out;
		if (file)
			await writeFileChunks(file, out.chunks).catch((e: NodeJS.ErrnoException) => fail(`cannot write ${file} (${e.code ?? e.message})`));
		else await writeChunks(process.stdout, out.chunks);
		process.exitCode = out.code;
	}
} catch (error) {
	fail(error instanceof CorpusError ? error.message : `unexpected error: ${(error as Error).message}`);
}
