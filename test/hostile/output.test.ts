// Output of any size, to readers that go away and disks that fill: streamed item by item, EPIPE quiet,
// other write errors one line and exit 2.
import {spawn, spawnSync} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import {Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {analysisOf} from '../../source/core/analysis.js';
import type {Pair} from '../../source/core/reuse.js';
import {buildSource} from '../../source/core/source.js';
import {runCommand} from '../../source/commands/index.js';
import {writeChunks} from '../../source/io/write.js';
import {CLI, makeCorpus} from '../helpers.js';

/** Many copies of one article, each with a line of its own: every pair of copies is a pair. */
function duplicateHeavy(copies: number, sentences: number): string {
	const words =
		'harbour authority approved container terminal debate million euros ministry transport minister port capacity officials'.split(' ');
	let seed = 7;
	const pick = () => {
		seed = (seed * 16807) % 2147483647;
		return words[seed % words.length]!;
	};
	let body = '';
	for (let s = 0; s < sentences; s++) body += `The ${Array.from({length: 12}, pick).join(' ')} in year ${2000 + s}. `;
	const files: Record<string, string> = {};
	for (let i = 0; i < copies; i++)
		files[`copy${String(i).padStart(3, '0')}.txt`] = `Copy ${i}\n${body}\nA closing line only copy ${i} has.\n`;
	return makeCorpus(files);
}

const ENV = {...process.env, NO_COLOR: '1'};

describe('streaming output', () => {
	const dir = duplicateHeavy(30, 40);

	it('writes every pair of a duplicate-heavy corpus as a JSON array and as JSON lines, item by item', () => {
		const array = spawnSync(process.execPath, [CLI, 'pairs', '--all', '--json', '--corpus', dir], {
			encoding: 'utf8',
			env: ENV,
			maxBuffer: 1 << 30,
		});
		expect(array.status, array.stderr).toBe(0);
		const pairs = JSON.parse(array.stdout) as unknown[];
		// Sentences drawn from fifteen words share every shingle, so not every two copies are candidates:
		// about half of the 435 are found, one passage each (a count of passages, not of pairs of sources).
		const sourcePairs = new Set((pairs as Pair[]).map(p => `${p.a.source}>${p.b.source}`)).size;
		expect(sourcePairs).toBeGreaterThanOrEqual(200);
		// Each copy's text is one passage against another's, not broken up (a merged sentence once split it).
		expect(pairs.length).toBeLessThan(2 * sourcePairs);
		// Without --all, each copy against its origin only.
		const each = spawnSync(process.execPath, [CLI, 'pairs', '--json', '--corpus', dir], {encoding: 'utf8', env: ENV, maxBuffer: 1 << 30});
		expect((JSON.parse(each.stdout) as unknown[]).length).toBeLessThan(pairs.length / 10);
		const lines = spawnSync(process.execPath, [CLI, 'pairs', '--all', '--jsonl', '--corpus', dir], {
			encoding: 'utf8',
			env: ENV,
			maxBuffer: 1 << 30,
		});
		expect(lines.status, lines.stderr).toBe(0);
		const items = lines.stdout.split('\n');
		expect(items.pop()).toBe('');
		expect(items.map(l => JSON.parse(l))).toEqual(pairs);
		for (const sub of [['sources'], ['pairs'], ['families'], ['figures'], ['search', 'harbour authority']]) {
			const r = spawnSync(process.execPath, [CLI, ...sub, '--jsonl', '--corpus', dir], {encoding: 'utf8', env: ENV, maxBuffer: 1 << 30});
			expect(r.status, sub.join(' ')).toBe(0);
			for (const l of r.stdout.trimEnd().split('\n')) expect(typeof JSON.parse(l), sub.join(' ')).toBe('object');
		}
	}, 60_000);

	it('never holds the output as one string: 600 MB of pairs, past the longest string there can be', async () => {
		const text = 'The harbour authority approved a new container terminal on Tuesday. '.repeat(15_000); // ~1 MB
		const a = buildSource('a.txt', Buffer.from(text));
		const b = buildSource('b.txt', Buffer.from(text));
		const side = (source: string) => ({source, start: 0, end: text.length, text, sentences: [0, 0] as [number, number]});
		const pair: Pair = {
			a: side('a.txt'),
			b: side('b.txt'),
			similarity: 1,
			kind: 'verbatim',
			direction: 'undated',
			figures: [],
			parts: [],
			family: null,
		};
		const corpus = {dir: '/none', sources: [a, b], warnings: []};
		const out = runCommand(
			'pairs',
			[],
			corpus,
			{json: true},
			analysisOf(corpus, {pairs: Array.from({length: 300}, () => pair), families: [], repeats: [], stock: []}),
		);
		let bytes = 0;
		let largest = 0;
		const sink = new Writable({
			write(chunk: Buffer, _encoding, callback) {
				bytes += chunk.length;
				largest = Math.max(largest, chunk.length);
				callback();
			},
		});
		await writeChunks(sink, out.chunks);
		expect(bytes).toBeGreaterThan(600_000_000);
		expect(largest).toBeLessThan(5_000_000);
	}, 120_000);
});

describe('readers that go away and disks that fill', () => {
	const dir = duplicateHeavy(30, 40);

	it('ends quietly, with the status of a run read to the end, when the reader of the pipe goes (| head -1)', async () => {
		for (const args of [
			['pairs', '--all'],
			['pairs', '--all', '--json'],
			['figures', '--jsonl'],
		]) {
			const child = spawn(process.execPath, [CLI, ...args, '--corpus', dir], {env: ENV});
			let stderr = '';
			child.stderr.on('data', d => {
				stderr += d;
			});
			child.stdout.once('data', () => child.stdout.destroy());
			const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
			expect(stderr, args.join(' ')).toBe('');
			expect(code, args.join(' ')).toBe(0);
		}
	}, 60_000);

	it('says in one line that the disk is full, and exits 2', () => {
		const full = openSync('/dev/full', 'w');
		try {
			for (const args of [['pairs'], ['sources', '--json'], ['figures', '--jsonl']]) {
				const r = spawnSync(process.execPath, [CLI, ...args, '--corpus', dir], {
					encoding: 'utf8',
					env: ENV,
					stdio: ['ignore', full, 'pipe'],
				});
				expect(r.status, args.join(' ')).toBe(2);
				expect(r.stderr, args.join(' ')).toBe('churnscope: cannot write the output: no space left on the device (ENOSPC)\n');
			}
		} finally {
			closeSync(full);
		}
	});
});
