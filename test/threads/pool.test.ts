// The analysis on every core gives exactly what it gives on one thread: the same sources, pairs, families and
// figures, byte for byte. Run through the built command line, where the file worker exists.
import {execFileSync} from 'node:child_process';
import {readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {synthesize} from '../../bench/synth.js';
import {CLI, scratchDir, SEED} from '../helpers.js';

/** A subcommand's JSON, on `threads` threads; with `cache`, the analysis cache in that folder, else none. */
const run = (args: string[], threads: number, cache?: string) =>
	execFileSync(process.execPath, [CLI, ...args, '--json', ...(cache ? [] : ['--no-cache'])], {
		encoding: 'utf8',
		maxBuffer: 1 << 28,
		env: {
			...process.env,
			CHURNSCOPE_THREADS: String(threads),
			CHURNSCOPE_PARALLEL_FROM: '2',
			...(cache ? {CHURNSCOPE_CACHE_DIR: cache} : {}),
		},
	});

function syntheticCorpus(): string {
	const dir = scratchDir('synth-');
	const synth = synthesize(240, 3);
	for (const f of synth.files) writeFileSync(join(dir, f.name), f.text);
	writeFileSync(
		join(dir, 'churnscope.json'),
		JSON.stringify({sources: Object.fromEntries(synth.files.map(f => [f.name, {date: f.date}]))}),
	);
	return dir;
}

describe('analysis on a pool of threads', () => {
	for (const [name, dir] of [
		['the seed corpus', SEED],
		['a synthetic corpus of 240 articles', syntheticCorpus()],
	] as const) {
		it(`gives ${name} the same sources, pairs, families and figures as one thread`, () => {
			for (const sub of ['sources', 'pairs', 'families', 'figures']) {
				const one = run([sub, '--corpus', dir], 1);
				const pooled = run([sub, '--corpus', dir], 3);
				expect(pooled, sub).toBe(one);
				expect(JSON.parse(one).length, sub).toBeGreaterThan(0);
			}
		}, 120_000);

		it(`gives ${name} the same again from the analysis cache, every file's entry taken as it is stored`, () => {
			const cache = scratchDir('pool-cache-');
			// The first run fills each file's entry; the corpus entry is removed after each run, so that the
			// second reads every file from its entry on the threads and finds reuse again.
			const dropCorpusEntries = () => {
				for (const f of readdirSync(cache)) if (f.startsWith('corpus-')) rmSync(join(cache, f));
			};
			const fill = run(['families', '--corpus', dir], 3, cache);
			dropCorpusEntries();
			// Every file's entry is written before the command ends, though the threads keep them back while reading.
			const sources = (JSON.parse(run(['sources', '--corpus', dir], 1)) as unknown[]).length;
			expect(sources).toBeGreaterThanOrEqual(5);
			expect(readdirSync(cache).filter(f => f.startsWith('file-')).length).toBe(sources);
			for (const sub of ['sources', 'families']) {
				expect(run([sub, '--corpus', dir], 3, cache), sub).toBe(run([sub, '--corpus', dir], 1));
				dropCorpusEntries();
			}
			expect(fill).toBe(run(['families', '--corpus', dir], 1));
		}, 120_000);
	}
});
