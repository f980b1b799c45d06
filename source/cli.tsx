#!/usr/bin/env node
// Entry point: flags, then either a non-interactive subcommand or the explorer. Ink is imported only
// for the explorer, so the subcommands start fast and run without a terminal.

import {fileURLToPath} from 'node:url';
import meow from 'meow';
import {startAnalysis} from './threads/analysis-thread.js';
import {runCommand, SUBCOMMANDS, validKind, type Subcommand} from './commands/index.js';
import {FIGURE_KINDS} from './core/figures.js';
import {validReportFormat} from './commands/report.js';
import {isThemeName} from './ui/theme.js';
import {message, warnAll} from './io/messages.js';
import {writeChunks, writeFailure, writeFileChunks} from './io/write.js';
import {validFormat} from './commands/export.js';
import {analysePassim, isPassimFolder} from './io/passim.js';
import {analysisOf} from './core/analysis.js';
import {loadAnalysed} from './io/cache.js';
import type {Corpus} from './core/source.js';
import {CorpusError, DEFAULT_MAX_BYTES} from './io/read-corpus.js';
import {readCorpusParallel} from './io/read-parallel.js';

// Nothing is left to say when stderr itself is a closed pipe.
process.stderr.on('error', () => {});

const fail = (text: string): never => {
	message(text);
	process.exit(2);
};

const HELP = `
	Usage
	  $ churnscope [--corpus DIR]              open the explorer (needs a terminal)
	  $ churnscope sources  [--json]           list the sources and how much of each is reused
	  $ churnscope search QUERY [--json]       fuzzy search of passages, best first
	  $ churnscope pairs    [--json] [--all]   each copy of a passage against its origin (--all: every pair of copies)
	  $ churnscope families [--json] [--min-reach N] [--source FILE]
	                                           passages and every copy of them, most carried first
	  $ churnscope figures  [--json] [--kind K] figures (money, percent, count, rank, ratio, date, period, duration)
	  $ churnscope report   [--format md|html] [--out FILE]  the corpus as a report to send
	  $ churnscope export --format passim [--out FILE]   the corpus as passim's input (JSON lines)

	Options
	  --corpus, -c DIR   corpus folder, or a passim run: its input and output (default: the seed corpus)
	  --json             machine-readable output (a JSON array, written as it is made)
	  --jsonl            machine-readable output, one JSON object a line
	  --limit N          at most N search results (default 20)
	  --kind K           figures of one kind only
	  --source FILE      pairs, families or figures of one source only
	  --min-reach N      families carried by at least N sources (default 2)
	  --all              pairs: every pair of sources that share a passage
	  --max-bytes N      skip files larger than N bytes (default ${DEFAULT_MAX_BYTES})
	  --follow           follow links that lead out of the corpus folder
	  --no-cache         neither read nor write the analysis cache (~/.cache/churnscope)
	  --cache-size SIZE  keep the cache under SIZE (e.g. 200M, 2G; default 512M or 8× the corpus)
	  --theme T          the explorer's palette: dark (default) or light (also CHURNSCOPE_THEME,
	                     or guessed from COLORFGBG); NO_COLOR turns colour off
	  --format F         export: passim; report: md (default) or html
	  --out, -o FILE     export, report: write to FILE instead of standard output

	Exit codes: 0 results, 1 none, 2 bad usage, unreadable input or a failed write.
`;

const FLAGS = {
	corpus: {type: 'string', shortFlag: 'c'},
	json: {type: 'boolean', default: false},
	jsonl: {type: 'boolean', default: false},
	limit: {type: 'number'},
	kind: {type: 'string'},
	source: {type: 'string'},
	minReach: {type: 'number'},
	all: {type: 'boolean', default: false},
	maxBytes: {type: 'number'},
	follow: {type: 'boolean', default: false},
	cache: {type: 'boolean', default: true},
	cacheSize: {type: 'string'},
	theme: {type: 'string'},
	format: {type: 'string'},
	out: {type: 'string', shortFlag: 'o'},
} as const;

/**
 * The parsed command line. Every usage error is one line with our prefix and exit 2: meow's own (a flag
 * given twice throws) are caught, and unknown flags are found here rather than by meow, which prints
 * them on lines of their own.
 */
function parseCommandLine() {
	let cli: ReturnType<typeof meow<typeof FLAGS>>;
	try {
		cli = meow(HELP, {importMeta: import.meta, allowUnknownFlags: true, flags: FLAGS});
	} catch (error) {
		const text = (error as Error).message.split('\n')[0]!.replace(/\.$/, '');
		return fail(`${text.charAt(0).toLowerCase()}${text.slice(1)} (see --help)`);
	}
	const given = cli.unnormalizedFlags as Record<string, unknown>;
	if (given['help']) cli.showHelp(0);
	if (given['version']) cli.showVersion();
	const known = new Set<string>(['help', 'version']);
	for (const [name, flag] of Object.entries(FLAGS)) {
		known.add(name);
		if ('shortFlag' in flag) known.add(flag.shortFlag);
	}
	const unknown = Object.keys(given).filter(k => !known.has(k));
	if (unknown.length > 0) {
		const spelled = unknown.map(k => (k.length === 1 ? `-${k}` : `--${k.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`));
		fail(`unknown option${spelled.length > 1 ? 's' : ''} ${spelled.join(', ')} (see --help)`);
	}
	for (const [name, flag] of Object.entries(FLAGS)) {
		const value = given[name];
		if (flag.type !== 'boolean' && Object.hasOwn(given, name) && (value === undefined || value === '')) {
			fail(`--${name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)} needs a value (see --help)`);
		}
	}
	return cli;
}

const cli = parseCommandLine();

const corpusDir = cli.flags.corpus ?? fileURLToPath(new URL('../corpus', import.meta.url));
const [sub, ...args] = cli.input;

if (sub !== undefined && !(SUBCOMMANDS as readonly string[]).includes(sub)) {
	fail(`unknown command "${sub}"; use one of: ${SUBCOMMANDS.join(', ')} (see --help)`);
}
if (!validKind(cli.flags.kind)) fail(`unknown figure kind "${cli.flags.kind}"; use ${FIGURE_KINDS.join(', ')}`);
if (sub === 'search' && args.join(' ').trim() === '') fail('search needs a query: churnscope search QUERY');
if (cli.flags.limit !== undefined && !(cli.flags.limit > 0)) fail('--limit must be a positive number');
if (cli.flags.minReach !== undefined && !(Number.isInteger(cli.flags.minReach) && cli.flags.minReach >= 2))
	fail('--min-reach must be a whole number, 2 or more');
if (cli.flags.maxBytes !== undefined && !(cli.flags.maxBytes > 0)) fail('--max-bytes must be a positive number');
const cacheSize = cli.flags.cacheSize === undefined ? undefined : parseSize(cli.flags.cacheSize);
if (cacheSize === null) fail('--cache-size must be a size such as 500M or 2G');
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
		const thread = startAnalysis(corpusDir, {
			maxBytes: cli.flags.maxBytes,
			follow: cli.flags.follow,
			cache: cli.flags.cache,
			cacheSize: cacheSize ?? undefined,
		});
		const {runExplorer} = await import('./ui/run.js');
		process.exitCode = await runExplorer(corpusDir, thread, {theme: isThemeName(cli.flags.theme) ? cli.flags.theme : undefined});
	} else {
		// Sources and pairs need the reuse analysis: from the cache when the files are unchanged.
		const options = {maxBytes: cli.flags.maxBytes, follow: cli.flags.follow, cache: cli.flags.cache, cacheSize: cacheSize ?? undefined};
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
				jsonl: cli.flags.jsonl,
				limit: cli.flags.limit,
				kind: cli.flags.kind,
				source: cli.flags.source,
				color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
				all: cli.flags.all,
				minReach: cli.flags.minReach,
				format: validFormat(cli.flags.format) ? cli.flags.format : undefined,
				reportFormat: cli.flags.format === 'html' ? 'html' : 'md',
			},
			passim ?? (analysed ? analysisOf(corpus, analysed.reuse) : undefined),
		);
		const file = cli.flags.out;
		if (file) {
			await writeFileChunks(file, out.chunks).catch((e: NodeJS.ErrnoException) => fail(`cannot write ${file} (${e.code ?? e.message})`));
		} else {
			try {
				await writeChunks(process.stdout, out.chunks);
			} catch (error) {
				// The reader of the pipe has had enough (`| head`): not an error of ours. The status is the
				// command's own, as if it had been read to the end, so that `set -o pipefail` scripts go on.
				if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(out.code);
				fail(writeFailure(error));
			}
		}
		process.exitCode = out.code;
	}
} catch (error) {
	fail(error instanceof CorpusError ? error.message : `unexpected error: ${(error as Error).message}`);
}

/** Bytes from `500M`, `2G`, `300MB`, `64k` or a plain number; null when it is none of those. */
function parseSize(text: string): number | null {
	const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(text.trim());
	if (!m) return null;
	const bytes = Number(m[1]) * 1024 ** ' kmgt'.indexOf((m[2] || ' ').toLowerCase());
	return bytes >= 1 && Number.isFinite(bytes) ? Math.floor(bytes) : null;
}
