// npm run bench: start-up, per-keystroke search, reuse detection at scale and memory, each beside its
// baseline measured in the same run. Prints a table and writes bench/results.json.
//
//   node dist/bench.js [--only startup,search,pipeline,reuse,copies,figures,launch,load,memory,hostile] [--articles 1000,10000] [--passages 100000] [--runs 7]

import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {analysisOf} from '../source/core/analysis.js';
import {analyseFile} from '../source/core/pipeline.js';
import {findReuse, type Pair} from '../source/core/reuse.js';
import {readCorpusParallel} from '../source/io/read-parallel.js';
import {threadCount} from '../source/threads/pool.js';
import type {Corpus} from '../source/core/source.js';
import {Searcher, searchDocs, type Doc} from '../source/core/search.js';
import {foldForSearch} from '../source/core/text.js';
import {copies} from './copies.js';
import {figureTable, lineupTable, scoreFigures, scoreLineUp} from './figures.js';
import {lineUp} from '../source/core/figures.js';
import {timePathological} from './pathological.js';
import {rng, synthesize, type Synthetic} from './synth.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const CORPORA = join(BENCH, '.corpora');

type Args = {only: Set<string>; articles: number[]; passages: number; runs: number; child: string | null};
function parseArgs(argv: string[]): Args {
	const get = (name: string) => {
		const i = argv.indexOf(`--${name}`);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	return {
		only: new Set((get('only') ?? 'startup,search,pipeline,reuse,copies,figures,launch,load,memory,hostile').split(',')),
		articles: (get('articles') ?? '1000,10000').split(',').map(Number),
		passages: Number(get('passages') ?? 100_000),
		runs: Number(get('runs') ?? 7),
		child: get('child') ?? null,
	};
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const ms = (x: number) => Math.round(x * 100) / 100;
const peakRss = () => {
	const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
	return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
};

/** Write a synthetic corpus to disk once (by size and seed) and return its folder and ground truth. */
function corpusOnDisk(articles: number, seed = 7): {dir: string; synth: Synthetic} {
	const synth = synthesize(articles, seed);
	const dir = join(CORPORA, `synth-${articles}-${seed}`);
	if (!existsSync(join(dir, 'churnscope.json'))) {
		mkdirSync(dir, {recursive: true});
		for (const f of synth.files) writeFileSync(join(dir, f.name), f.text);
		writeFileSync(
			join(dir, 'churnscope.json'),
			JSON.stringify({sources: Object.fromEntries(synth.files.map(f => [f.name, {date: f.date}]))}),
		);
	}
	return {dir, synth};
}

// ---------- start-up ----------

function startup(runs: number) {
	const time = (marker: string, cmd: string[]) => {
		const r = spawnSync('python3', [join(BENCH, 'pty-time.py'), '120', '40', marker, '--', ...cmd], {encoding: 'utf8'});
		if (r.status !== 0) throw new Error(`start-up timing failed: ${r.stderr.trim()}`);
		return Number(r.stdout.trim());
	};
	const cli: number[] = [];
	const hello: number[] = [];
	time('SOURCES', [process.execPath, join(ROOT, 'dist', 'cli.js')]); // warm the file cache
	for (let i = 0; i < runs; i++) {
		cli.push(time('SOURCES ·', [process.execPath, join(ROOT, 'dist', 'cli.js')]));
		hello.push(time('hello from ink', [process.execPath, join(BENCH, 'hello.mjs')]));
	}
	return {
		churnscope_first_frame_s: {median: ms(median(cli)), runs: cli},
		baseline_bare_ink_hello_unbundled_s: {median: ms(median(hello)), runs: hello},
		ratio_to_baseline: ms(median(cli) / median(hello)),
		target_median_s: 0.4,
	};
}

type Held = {max_gap_ms: number; p95_gap_ms: number; keys: number; writes: number};

/**
 * Hold a key in the explorer (bench/pty-hold.py) three times: the longest pause of each run, their
 * median and the worst. One run's longest pause is a noisy figure on a busy 2-core machine.
 */
function holdKey(args: string[], env: NodeJS.ProcessEnv) {
	const runs: Held[] = [];
	for (let i = 0; i < 3; i++) {
		const r = spawnSync('python3', [join(BENCH, 'pty-hold.py'), ...args], {encoding: 'utf8', env});
		if (r.status !== 0) throw new Error(`hold timing failed: ${r.stderr.trim()}`);
		runs.push(JSON.parse(r.stdout.trim()) as Held);
	}
	const longest = runs.map(r => r.max_gap_ms);
	return {
		longest_pause_ms: {median: median(longest), worst: Math.max(...longest), runs: longest},
		p95_gap_ms: median(runs.map(r => r.p95_gap_ms)),
		keys: runs[0]!.keys,
		target_max_gap_ms: 100,
	};
}

/** How long a launch may take to show its marker: a launch without the cache on 100,000 articles takes minutes. */
const LAUNCH_DEADLINE_S = 600;

/**
 * First and second launch on a large corpus, in the explorer: from an empty analysis cache to everything
 * ready (the cache written meanwhile), beside the same launch without the cache; then, the cache filled, the
 * first frame and everything ready, beside a first frame without it, and j held while the cached corpus loads.
 */
function secondLaunch(articles: number, runs: number) {
	const {dir} = corpusOnDisk(articles);
	// A cache of its own, empty at first, so that the first launch is one.
	const cache = mkdtempSync(join(tmpdir(), 'churnscope-bench-cache-'));
	try {
		return launches(dir, cache, articles, runs);
	} finally {
		rmSync(cache, {recursive: true, force: true});
	}
}

function launches(dir: string, cache: string, articles: number, runs: number) {
	const heap = process.env['BENCH_HEAP_MB'];
	// The first, uncached run at 100,000 articles needs more than Node's default heap (BENCH_HEAP_MB, as for reuse).
	const env = {...process.env, CHURNSCOPE_CACHE_DIR: cache, ...(heap ? {NODE_OPTIONS: `--max-old-space-size=${heap}`} : {})};
	const time = (extra: string[], marker = 'SOURCES ·') => {
		const r = spawnSync(
			'python3',
			[join(BENCH, 'pty-time.py'), '120', '40', marker, '--', process.execPath, join(ROOT, 'dist', 'cli.js'), '--corpus', dir, ...extra],
			{encoding: 'utf8', env: {...env, PTY_DEADLINE_S: String(LAUNCH_DEADLINE_S)}},
		);
		if (r.status !== 0) throw new Error(`launch timing failed: ${r.stderr.trim()}`);
		return Number(r.stdout.trim());
	};
	// Everything ready: the status bar counts the reused passages once the families and pairs are in.
	const firstReady = time([], 'reused passages');
	const firstReadyWithout = time(['--no-cache'], 'reused passages');
	// Whatever the first launch had not written when it was left (the reuse's own entry is written just after
	// it is shown), so that the launches below all find the cache full.
	const t0 = performance.now();
	execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'pairs', '--json', '--corpus', dir], {
		env,
		stdio: ['ignore', 'ignore', 'inherit'],
		maxBuffer: 1 << 30,
	});
	const topUp = (performance.now() - t0) / 1000;
	const cached: number[] = [];
	for (let i = 0; i < Math.max(3, Math.floor(runs / 2)); i++) cached.push(time([]));
	const ready = time([], 'reused passages');
	const uncached = time(['--no-cache']);
	// j held down from the first frame on, while the cached corpus is still arriving: input must not freeze.
	const held = holdKey(
		['120', '40', 'SOURCES', '', 'SOURCES', 'j', '4', '0', '--', process.execPath, join(ROOT, 'dist', 'cli.js'), '--corpus', dir],
		env,
	);
	return {
		articles,
		first_launch_ready_s: ms(firstReady),
		first_launch_ready_without_cache_s: ms(firstReadyWithout),
		cache_top_up_s: ms(topUp),
		first_frame_cached_s: {median: ms(median(cached)), runs: cached},
		ready_cached_s: ms(ready),
		baseline_first_frame_without_cache_s: ms(uncached),
		target_s: 1.5,
		list_held_while_loading: held,
	};
}

/** Holding a key in the search box and in the sources list, on a corpus of about `passages` passages. */
function underLoad(passages: number) {
	const {dir} = corpusOnDisk(Math.ceil(passages / 26), 13);
	const env = {...process.env, CHURNSCOPE_CACHE_DIR: join(BENCH, '.cache')};
	execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'sources', '--corpus', dir], {env, stdio: ['ignore', 'ignore', 'inherit']});
	const hold = (open: string, opened: string, key: string) =>
		holdKey(
			['120', '40', 'reused passages', open, opened, key, '3', '--', process.execPath, join(ROOT, 'dist', 'cli.js'), '--corpus', dir],
			env,
		);
	return {
		passages_approx: passages,
		// ctrl-f opens the passage search from any view ('/' filters lists).
		search_box_holding_a: hold('\x06', 'type to search', 'a'),
		sources_list_holding_j: hold('', 'SOURCES', 'j'),
	};
}

// ---------- pipeline ----------

/**
 * The text pipeline alone on this thread, no worker threads and no I/O: the best of five passes' CPU time over
 * 2,000 synthetic files and over every real page of test/fixtures (156 pages and articles: small, denser in figures
 * and non-ASCII).
 */
function pipelineAlone() {
	const enc = new TextEncoder();
	const synthetic = synthesize(2000, 7).files.map(f => ({name: f.name, bytes: enc.encode(f.text), date: f.date as string | undefined}));
	const walk = (d: string): string[] =>
		readdirSync(d, {withFileTypes: true}).flatMap(e => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
	const real = walk(join(ROOT, 'test', 'fixtures'))
		// The pages and articles the real-text tests read, not the fixtures' own READMEs (passim's corpus is synthetic).
		.filter(f => /\/(pages|articles)\/[^/]+\.(txt|html?|md)$/i.test(f))
		.map(f => ({name: f.slice(f.lastIndexOf('/') + 1), bytes: readFileSync(f) as Uint8Array, date: undefined as string | undefined}));
	const measure = (files: {name: string; bytes: Uint8Array; date: string | undefined}[]) => {
		const bytes = files.reduce((t, f) => t + f.bytes.length, 0);
		let best = Number.POSITIVE_INFINITY;
		for (let r = 0; r < 5; r++) {
			const c0 = process.cpuUsage();
			for (const f of files) analyseFile(f.name, f.bytes, f.date ? {date: f.date} : undefined);
			const c = process.cpuUsage(c0);
			best = Math.min(best, (c.user + c.system) / 1e6);
		}
		return {
			files: files.length,
			mb: ms(bytes / 2 ** 20),
			kb_per_file: ms(bytes / 1024 / files.length),
			best_cpu_s: ms(best),
			mb_per_s: ms(bytes / 2 ** 20 / best),
		};
	};
	return {synthetic: measure(synthetic), real: measure(real), target_mb_per_s: 20};
}

// ---------- search ----------

function passagesDocs(n: number): Doc[] {
	const articles = Math.ceil(n / 24) + 10; // about 27 sentences an article: enough for n passages
	const synth = synthesize(articles, 11, 0.1);
	const docs: Doc[] = [];
	for (const f of synth.files) {
		const re = /[^.]+\./g;
		for (let m = re.exec(f.text); m && docs.length < n; m = re.exec(f.text)) {
			const text = m[0].trim();
			docs.push({source: f.name, kind: 'passage', start: m.index, end: m.index + m[0].length, text, folded: foldForSearch(text)});
		}
		if (docs.length >= n) break;
	}
	return docs;
}

/** Realistic queries: two words of a passage, one with a typo, typed a character at a time, some backspacing. */
function keystrokes(docs: Doc[], count: number): {steps: string[]; finals: string[]} {
	const r = rng(5);
	const steps: string[] = [];
	const finals: string[] = [];
	for (let q = 0; q < count; q++) {
		const words = docs[Math.floor(r() * docs.length)]!.text.replace(/[^\p{L}\s]/gu, '')
			.split(/\s+/)
			.filter(w => w.length >= 5);
		if (words.length < 2) continue;
		const a = words[Math.floor(r() * words.length)]!.toLowerCase();
		let b = words[Math.floor(r() * words.length)]!.toLowerCase();
		const i = 1 + Math.floor(r() * (b.length - 2));
		b = b.slice(0, i) + b.slice(i + 1); // a dropped letter
		const query = `${a} ${b}`;
		for (let j = 1; j <= query.length; j++) steps.push(query.slice(0, j));
		for (let j = 1; j <= 3; j++) steps.push(query.slice(0, query.length - j));
		for (let j = query.length - 2; j <= query.length; j++) steps.push(query.slice(0, j));
		finals.push(query);
	}
	return {steps, finals};
}

function search(n: number) {
	const docs = passagesDocs(n);
	// Built in 8 ms slices, as the explorer builds it between frames: the longest slice is a pause in typing.
	const t0 = performance.now();
	const searcher = new Searcher(docs);
	let longestSlice = 0;
	for (let done = false; !done; ) {
		const s = performance.now();
		done = searcher.prepare(8);
		longestSlice = Math.max(longestSlice, performance.now() - s);
	}
	const buildMs = performance.now() - t0;
	const {steps, finals} = keystrokes(docs, 12);
	const times: number[] = [];
	for (const q of steps) {
		const s = performance.now();
		searcher.search(q, 50);
		times.push(performance.now() - s);
	}
	// Baseline: plain Fuse over all passages, same options, on the finished queries.
	const plainTimes: number[] = [];
	let wanted = 0;
	let foundTop10 = 0;
	let foundAny = 0;
	const plainIndex = Searcher.plainIndex(docs);
	for (const q of finals) {
		const s = performance.now();
		const plain = Searcher.plainWith(plainIndex, q, 10);
		plainTimes.push(performance.now() - s);
		const ours = searcher.search(q, 50);
		const key = (h: {source: string; start: number}) => `${h.source}:${h.start}`;
		const top10 = new Set(ours.slice(0, 10).map(key));
		const all = new Set(ours.map(key));
		for (const h of plain) {
			wanted++;
			if (top10.has(key(h))) foundTop10++;
			if (all.has(key(h))) foundAny++;
		}
	}
	return {
		passages: docs.length,
		index_build_ms: ms(buildMs),
		index_longest_slice_ms: ms(longestSlice),
		keystrokes: times.length,
		keystroke_ms: {median: ms(median(times)), p95: ms(pct(times, 95)), max: ms(Math.max(...times))},
		baseline_plain_fuse_ms: {median: ms(median(plainTimes)), queries: plainTimes.length},
		speedup_median: ms(median(plainTimes) / median(times)),
		plain_top10_in_our_top10: ms(foundTop10 / (wanted || 1)),
		plain_top10_in_our_top50: ms(foundAny / (wanted || 1)),
		targets: {median_ms: 8, p95_ms: 16, overlap: 0.95},
	};
}

// ---------- reuse ----------

function evaluate(corpus: Corpus, synth: Synthetic, pairs: Pair[]) {
	// The root of a sentence: the origin sentence it was copied from, else itself.
	const root = new Map<string, string>();
	const kindOf = new Map<string, string>();
	for (const p of synth.planted) {
		for (const t of p.targetSentences) {
			root.set(`${p.target}\0${t}`, `${p.origin}\0${p.originSentence}`);
			kindOf.set(`${p.target}\0${t}`, p.kind);
		}
	}
	const byId = new Map(corpus.sources.map(s => [s.id, s]));
	const rootOf = (id: string, i: number) => {
		const k = `${id}\0${byId.get(id)!.sentences[i]!.text}`;
		return root.get(k) ?? k;
	};
	let predicted = 0;
	let correct = 0;
	const found = new Set<string>();
	for (const p of pairs) {
		for (const part of p.parts) {
			predicted++;
			const ra = rootOf(p.a.source, part.a);
			const rb = rootOf(p.b.source, part.b);
			if (ra === rb) correct++;
			for (const [id, i] of [
				[p.a.source, part.a],
				[p.b.source, part.b],
			] as const) {
				const k = `${id}\0${byId.get(id)!.sentences[i]!.text}`;
				const other = id === p.a.source ? ra : rb;
				const partner = id === p.a.source ? rb : ra;
				if (root.has(k) && other === partner) found.add(k);
			}
		}
	}
	const recall: Record<string, number> = {};
	for (const kind of ['verbatim', 'near', 'reworded']) {
		const keys = [...kindOf].filter(([, k]) => k === kind).map(([k]) => k);
		recall[kind] = ms(keys.filter(k => found.has(k)).length / (keys.length || 1));
	}
	const all = [...kindOf.keys()];
	return {
		precision: ms(correct / (predicted || 1)),
		recall: ms(all.filter(k => found.has(k)).length / (all.length || 1)),
		recall_by_kind: recall,
		planted_sentences: all.length,
		predicted_parts: predicted,
	};
}

/** The path the explorer and the CLI take: files read and analysed on every core, then matched. */
async function reuseChild(articles: number) {
	const {dir, synth} = corpusOnDisk(articles);
	const t0 = performance.now();
	const {corpus, features} = await readCorpusParallel(dir);
	const t1 = performance.now();
	const an = analysisOf(corpus, findReuse(corpus.sources, {features}));
	const t2 = performance.now();
	const quality = evaluate(corpus, synth, an.pairs);
	return {
		articles,
		pipeline_mb_per_s_one_core: pipelineThroughput(dir, synth),
		sentences: corpus.sources.reduce((t, s) => t + s.sentences.length, 0),
		load_s: ms((t1 - t0) / 1000),
		analyse_s: ms((t2 - t1) / 1000),
		total_s: ms((t2 - t0) / 1000),
		peak_rss_mb: Math.round(peakRss() / 2 ** 20),
		...quality,
	};
}

/**
 * The per-text pipeline (decode, normalise, segment, furniture, figures, features) on this thread alone,
 * over up to PIPELINE_SAMPLE of the corpus's files read into memory first: MB of text a second on one core.
 */
const PIPELINE_SAMPLE = 2000;
function pipelineThroughput(dir: string, synth: Synthetic): number {
	const files = synth.files.slice(0, PIPELINE_SAMPLE).map(f => ({name: f.name, bytes: readFileSync(join(dir, f.name))}));
	const bytes = files.reduce((t, f) => t + f.bytes.length, 0);
	const t0 = performance.now();
	for (const f of files) analyseFile(f.name, f.bytes, undefined);
	return ms(bytes / 2 ** 20 / ((performance.now() - t0) / 1000));
}

async function memoryChild(passages: number) {
	const articles = Math.ceil(passages / 26);
	const {dir} = corpusOnDisk(articles, 13);
	const before = process.memoryUsage().rss;
	const {corpus, features} = await readCorpusParallel(dir);
	const an = analysisOf(corpus, findReuse(corpus.sources, {features}));
	const searcher = new Searcher(searchDocs(corpus.sources));
	searcher.search('warmup query');
	global.gc?.();
	const rss = process.memoryUsage().rss;
	return {
		articles,
		passages: corpus.sources.reduce((t, s) => t + s.sentences.length, 0),
		pairs: an.pairs.length,
		rss_mb: Math.round(rss / 2 ** 20),
		baseline_node_rss_mb: Math.round(before / 2 ** 20),
		peak_rss_mb: Math.round(peakRss() / 2 ** 20),
		target_mb: 1024,
	};
}

function inChild(kind: string, n: number): unknown {
	const out = execFileSync(
		process.execPath,
		[
			'--expose-gc',
			`--max-old-space-size=${process.env['BENCH_HEAP_MB'] ?? 4096}`,
			fileURLToPath(import.meta.url),
			'--child',
			`${kind}:${n}`,
		],
		{encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit']},
	);
	return JSON.parse(out.trim().split('\n').pop()!);
}

/**
 * The reference for exact reuse: Debian's similarity-tester (sim_text -p, each file against the ones after
 * it, percentages above 20) on the same folder, its wall time in seconds; null when it is not installed.
 */
function simText(articles: number): number | null {
	const {dir} = corpusOnDisk(articles);
	const files = readdirSync(dir).filter(f => f.endsWith('.txt'));
	const t0 = performance.now();
	const r = spawnSync('sim_text', ['-p', '-t', '20', '-i', '-o', '/dev/null'], {
		cwd: dir,
		input: files.join('\n') + '\n', // sim_text refuses a list without a final newline
		stdio: ['pipe', 'ignore', 'ignore'],
		timeout: 600_000,
	});
	if (r.error) return null;
	if (r.status !== 0) throw new Error(`sim_text failed with exit code ${r.status}`);
	return ms((performance.now() - t0) / 1000);
}

// ---------- main ----------

const args = parseArgs(process.argv.slice(2));
if (args.child) {
	const [kind, n] = args.child.split(':');
	const result = kind === 'reuse' ? await reuseChild(Number(n)) : await memoryChild(Number(n));
	process.stdout.write(JSON.stringify(result) + '\n');
	process.exit(0);
}

const results: Record<string, unknown> = {
	date: new Date().toISOString(),
	node: process.version,
	cpus: (await import('node:os')).cpus().length,
	available_parallelism: (await import('node:os')).availableParallelism(),
	threads: threadCount(),
};
const log = (s: string) => process.stdout.write(s + '\n');

if (args.only.has('startup')) {
	log('start-up (first full frame in a 120×40 pseudo-terminal)…');
	const r = startup(args.runs);
	results['startup'] = r;
	log(
		`  churnscope ${r.churnscope_first_frame_s.median}s median · bare Ink hello (unbundled) ${r.baseline_bare_ink_hello_unbundled_s.median}s · ratio ${r.ratio_to_baseline} · target ≤ 0.4s`,
	);
}
if (args.only.has('search')) {
	log(`search (${args.passages} passages, typed a key at a time)…`);
	const r = search(args.passages);
	results['search'] = r;
	log(
		`  per keystroke ${r.keystroke_ms.median} ms median, ${r.keystroke_ms.p95} ms p95 (${r.keystrokes} keys) · plain Fuse ${r.baseline_plain_fuse_ms.median} ms · ×${r.speedup_median} · plain top-10 kept: ${r.plain_top10_in_our_top10} in our top 10, ${r.plain_top10_in_our_top50} in our 50 · index built in ${r.index_build_ms} ms of 8 ms slices, longest ${r.index_longest_slice_ms} ms`,
	);
}
if (args.only.has('pipeline')) {
	log('text pipeline on one thread (every stage of a file: decode, segment, furniture, figures, features)…');
	const r = pipelineAlone();
	results['pipeline'] = r;
	log(
		`  ${r.synthetic.files} synthetic files: ${r.synthetic.mb_per_s} MB/s · ${r.real.files} real pages of test/fixtures (${r.real.kb_per_file} kB a page): ${r.real.mb_per_s} MB/s · target ≥ 20 MB/s (issue 13)`,
	);
}
if (args.only.has('reuse')) {
	const runs: Awaited<ReturnType<typeof reuseChild>>[] = [];
	for (const n of args.articles) {
		log(`reuse detection (${n} articles of about 600 words)…`);
		const r = inChild('reuse', n) as Awaited<ReturnType<typeof reuseChild>>;
		const sim = simText(n);
		runs.push({...r, ...(sim === null ? {} : {baseline_sim_text_s: sim, ratio_to_sim_text: ms(r.total_s / sim)})});
		log(
			`  ${r.total_s}s (load ${r.load_s}s, analyse ${r.analyse_s}s) · peak ${r.peak_rss_mb} MB · precision ${r.precision} · recall ${r.recall} (verbatim ${r.recall_by_kind['verbatim']}, near ${r.recall_by_kind['near']}, reworded ${r.recall_by_kind['reworded']}) · text pipeline ${r.pipeline_mb_per_s_one_core} MB/s on one core (target ≥ 20)`,
		);
		log(
			sim === null
				? '  sim_text (similarity-tester) not installed: no baseline'
				: `  sim_text on the same files (exact runs of text): ${sim}s · ratio ${ms(r.total_s / sim)}`,
		);
	}
	const [a, b] = [runs[0], runs[runs.length - 1]];
	const exponent = a && b && b.articles !== a.articles ? ms(Math.log(b.analyse_s / a.analyse_s) / Math.log(b.articles / a.articles)) : null;
	results['reuse'] = {
		runs,
		growth_exponent: exponent,
		// Issue 13's targets: 10,000 articles ready in 5 s on 2 cores, growth n^1.1, the text pipeline 20 MB/s a core.
		targets: {seconds_at_10000: 5, peak_mb: 2048, recall: 0.95, precision: 0.95, exponent: 1.1, pipeline_mb_per_s_one_core: 20},
	};
	if (exponent !== null)
		log(`  time grows as n^${exponent} from ${a!.articles} to ${b!.articles} articles (target: 10,000 ready in ≤ 5 s on 2 cores, n^1.1)`);
}
if (args.only.has('copies')) {
	log('copies of one release among 300 unrelated articles…');
	const r = copies([30, 300, 3000]);
	results['copies'] = r;
	for (const x of r.runs)
		log(
			`  ${x.copies} copies: ${x.families} families (the release: ${x.release_families}, ${x.release_members} members) · pairs --json ${(x.pairs_json_bytes / 2 ** 20).toFixed(2)} MB · families --json ${(x.families_json_bytes / 2 ** 20).toFixed(2)} MB · ${x.analyse_s}s`,
		);
	log(`  pairs --json grows as k^${r.pairs_bytes_exponent}, time as k^${r.time_exponent} (target: linear, under 5 MB at 300)`);
}
if (args.only.has('figures')) {
	log('figures on real pages (test/fixtures/figures: 421 figures, 25 pages, 6 languages; detection and full P/R)…');
	const t0 = performance.now();
	const f = scoreFigures(join(ROOT, 'test', 'fixtures', 'figures'));
	const extraction_s = ms((performance.now() - t0) / 1000);
	for (const line of figureTable(f).split('\n')) log(`  ${line}`);
	log('figures lined up on real origin/copy pairs (test/fixtures/lineup)…');
	const l = scoreLineUp(join(ROOT, 'test', 'fixtures', 'lineup'), lineUp);
	for (const line of lineupTable(l).split('\n')) log(`  ${line}`);
	results['figures'] = {extraction: f.split, lineup: l.split, extraction_s, targets: {overall: 0.95, per_language: 0.9}};
}
if (args.only.has('launch')) {
	const n = Math.max(...args.articles);
	log(`first and second launch (${n} articles, in the explorer)…`);
	const r = secondLaunch(n, args.runs);
	results['second_launch'] = r;
	log(
		`  first launch, everything ready, the cache written: ${r.first_launch_ready_s}s · without the cache: ${r.first_launch_ready_without_cache_s}s · target ≤ 5s at 10,000 (issue 13)`,
	);
	log(
		`  first frame ${r.first_frame_cached_s.median}s median with the cache · ${r.baseline_first_frame_without_cache_s}s without · target ≤ 1.5s (issue 13 at 100,000: ≤ 0.5s)`,
	);
	log(`  everything ready (families and pairs) with the cache: ${r.ready_cached_s}s · target ≤ 2s (issue 13, at 100,000)`);
	const w = r.list_held_while_loading.longest_pause_ms;
	log(
		`  j held from the first frame while the corpus loads: longest pause ${w.median} ms median of 3 runs (worst ${w.worst}) · target ≤ 50 ms (issue 13)`,
	);
}
if (args.only.has('load')) {
	log(`interface under load (${args.passages} passages, a key held down for 3 s)…`);
	const r = underLoad(args.passages);
	results['under_load'] = r;
	const [a, j] = [r.search_box_holding_a.longest_pause_ms, r.sources_list_holding_j.longest_pause_ms];
	log(
		`  longest pause in output, median of 3 runs (worst): search box ${a.median} ms (${a.worst}), sources list ${j.median} ms (${j.worst}) · target ≤ 50 ms (issue 13)`,
	);
}
if (args.only.has('memory')) {
	log(`memory (analysis and search index of ${args.passages} passages)…`);
	const r = inChild('memory', args.passages) as Awaited<ReturnType<typeof memoryChild>>;
	results['memory'] = r;
	log(
		`  ${r.rss_mb} MB resident after analysis and index (peak ${r.peak_rss_mb} MB; bare node ${r.baseline_node_rss_mb} MB) · target ≤ 1024 MB`,
	);
}
if (args.only.has('hostile')) {
	log('pathological input (1 MB runs of one character class, through buildSource as .txt and .html), slowest first…');
	const r = timePathological();
	results['hostile'] = r;
	for (const c of r) {
		const ms = Math.max(c.txt_ms[c.largest]!, c.html_ms[c.largest]!);
		const size = c.largest >= 1_000_000 ? `${c.largest / 1_000_000} MB` : `${Math.round(c.largest / 1000)} KB`;
		const note = c.stopped ? ' · stopped there: super-linear, over a minute at 1 MB' : '';
		log(`  ${c.name.padEnd(34)} ${String(ms).padStart(6)} ms at ${size.padEnd(7)} growth n^${c.exponent ?? '?'}${note}`);
	}
}
writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
log(`wrote ${join('bench', 'results.json')}`);
