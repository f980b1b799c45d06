// The analysis on every core gives exactly what it gives on one thread: the same sources, pairs, families and
// figures, byte for byte. Run through the built command line, where the file worker exists.
import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {synthesize} from '../../bench/synth.js';
import {CLI, scratchDir, SEED} from '../helpers.js';

const run = (args: string[], threads: number) =>
	execFileSync(process.execPath, [CLI, ...args, '--json', '--no-cache'], {
		encoding: 'utf8',
		maxBuffer: 1 << 28,
		env: {...process.env, CHURNSCOPE_THREADS: String(threads), CHURNSCOPE_PARALLEL_FROM: '2'},
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
	}
});
