// Terminal injection: escape sequences, C1 controls, bidi overrides and line feeds in article text, in
// sidecar fields and in file names reach no terminal raw: not the plain output of any command, not a
// warning on stderr, not a frame of the explorer (ink-testing-library here; tmux in explorer.test.ts).
// JSON stays exact.
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import {cell, table} from '../../source/commands/output.js';
import {runCommand} from '../../source/commands/index.js';
import {analyze} from '../../source/core/analysis.js';
import {sanitize} from '../../source/core/sanitize.js';
import {message, warn} from '../../source/io/messages.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {App} from '../../source/ui/app.js';
import {fit, segment, wrap} from '../../source/ui/layout.js';
import {makeTheme} from '../../source/ui/theme.js';
import {CLI, makeCorpus} from '../helpers.js';
import {hostileCorpus, SEQUENCES} from './hostile-corpus.js';

/** What must never reach a terminal from a file: C0 but line feed and tab, DEL, C1, bidi controls, line and paragraph separators. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const firstUnsafe = (s: string) => {
	const m = UNSAFE.exec(s);
	return m
		? `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}: ${JSON.stringify(s.slice(Math.max(0, m.index - 20), m.index + 20))}`
		: null;
};
const expectSafe = (s: string, what: string) => expect(firstUnsafe(s), what).toBeNull();

/** Strings rich in controls: escape sequences whole and in pieces, C1, bidi, line ends, and any other character. */
const hostile = fc.string({
	unit: fc.oneof(
		fc.constantFrom(
			...SEQUENCES,
			'\x1b',
			'\x07',
			'\x9b',
			'\x9d',
			'\x9c',
			'\u202e',
			'\u2066',
			'\u2028',
			'\n',
			'\r',
			'\t',
			'\x00',
			'\x7f',
			'\x85',
		),
		fc.string({unit: 'binary', maxLength: 3}),
	),
	maxLength: 40,
});

describe('the sanitiser at the terminal boundary', () => {
	it('lets no control through fit, wrap, cell, table or a message on stderr', () => {
		const written: string[] = [];
		const spy = vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
			written.push(String(chunk));
			return true;
		});
		try {
			fc.assert(
				fc.property(hostile, fc.integer({min: 1, max: 30}), (s, cols) => {
					expectSafe(fit(s, cols), 'fit');
					expectSafe(fit(s, cols, true), 'fit, padded');
					for (const line of wrap(segment(s, 0, s.length, []), cols)) {
						// Lines keep no line feed inside; a segment may end one.
						expectSafe(line.segs.map(x => x.text.replace(/\n$/, '')).join(''), 'wrap');
					}
					expectSafe(cell(s), 'cell');
					expect(cell(s)).not.toMatch(/[\n\t]/);
					for (const row of table(['A', 'B'], [[s, s]])) expectSafe(row.replace(/\n$/, ''), 'table');
					expectSafe(sanitize(s, {newlines: true, tabs: true}).replace(/[\n\t]/g, ''), 'sanitize, text body');
					written.length = 0;
					message(s);
					warn(s);
					expect(written, 'message').toHaveLength(2);
					for (const line of written) {
						expect(line.endsWith('\n') && line.indexOf('\n') === line.length - 1, 'one line').toBe(true);
						expectSafe(line.slice(0, -1), 'message');
					}
				}),
				{numRuns: 500},
			);
		} finally {
			spy.mockRestore();
		}
	});

	it('keeps a message about a megabyte-long name to one short line', () => {
		const written: string[] = [];
		const spy = vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
			written.push(String(chunk));
			return true;
		});
		try {
			warn(`${'\x1b]0;x\x07'.repeat(200_000)}: skipped`);
		} finally {
			spy.mockRestore();
		}
		expect(written).toHaveLength(1);
		expect(written[0]!.length).toBeLessThan(3000);
		expect(written[0]!.endsWith('…\n')).toBe(true);
		expectSafe(written[0]!.slice(0, -1), 'long message');
	});

	it('never leaves half a sequence when it cuts: what is cut is already made visible', () => {
		fc.assert(
			fc.property(hostile, fc.integer({min: 1, max: 12}), (s, cols) => {
				const cut = fit(s, cols);
				expect(cut.includes('\x1b')).toBe(false);
				expect(cut.includes('\x9b')).toBe(false);
			}),
		);
	});
});

describe('hostile text, titles and file names', () => {
	const {dir, evilName} = hostileCorpus();
	const env = {...process.env, NO_COLOR: '1'};
	const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--corpus', dir], {encoding: 'utf8', env, maxBuffer: 1 << 28});

	it('reach no command output or warning raw', () => {
		for (const args of [['sources'], ['pairs'], ['figures'], ['search', 'harbour terminal'], ['search', 'PWNED']]) {
			const r = cli(args);
			expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
			expect(r.stdout.length, args.join(' ')).toBeGreaterThan(100);
			expectSafe(r.stdout, `${args.join(' ')} stdout`);
			expectSafe(r.stderr, `${args.join(' ')} stderr`);
			// A line feed in a name forges no row: every warning is one line of ours.
			for (const line of r.stderr.split('\n').filter(Boolean)) expect(line, args.join(' ')).toMatch(/^churnscope: warning: /);
		}
		const sources = cli(['sources']).stdout;
		expect(sources).toContain('^[]0;'); // shown, visibly
		expect(sources).toContain('\\u202e');
		expect(sources.trimEnd().split('\n')).toHaveLength(1 + 4); // the header and four sources: no forged row
	});

	it('stay exact in JSON, and every command still answers', () => {
		for (const sub of ['sources', 'pairs', 'figures']) {
			const r = cli([sub, '--json']);
			expect(r.status, sub).toBe(0);
			const data = JSON.parse(r.stdout) as unknown[];
			expect(data.length, sub).toBeGreaterThan(0);
		}
		const ids = (JSON.parse(cli(['sources', '--json']).stdout) as {source: string; title: string}[]).map(s => s.source);
		expect(ids).toContain(evilName);
		const titles = (JSON.parse(cli(['sources', '--json']).stdout) as {title: string}[]).map(s => s.title);
		expect(titles.some(t => t.includes('\x1b]52;'))).toBe(true);
	});

	it('reach no frame of the explorer', async () => {
		const corpus = loadCorpus(dir);
		const analysis = analyze(corpus);
		const frames: string[] = [];
		/** A fresh explorer, driven key by key: each key waits for the frame to change to what is expected. */
		const explore = async (steps: [string, RegExp][]) => {
			const app = render(<App corpus={corpus} analysis={analysis} size={{columns: 100, rows: 30}} theme={makeTheme({NO_COLOR: '1'})} />);
			for (const [key, expected] of steps) {
				const before = key ? app.lastFrame() : undefined;
				app.stdin.write(key);
				const until = Date.now() + 5000;
				while (!expected.test(app.lastFrame() ?? '') || app.lastFrame() === before) {
					if (Date.now() > until) throw new Error(`no ${expected} after ${JSON.stringify(key)}:\n${app.lastFrame()}`);
					await new Promise(r => setTimeout(r, 20));
				}
				frames.push(app.lastFrame() ?? '');
				// Let the effects of that render run (the key handler is bound to the state it drew).
				await new Promise(r => setImmediate(r));
			}
			app.unmount();
		};
		// Every source in the list, the reader and compare view of the file with the hostile name, search.
		await explore([
			['', /SOURCES · 1\/4/],
			['j', /SOURCES · 2\/4/],
			['j', /SOURCES · 3\/4/],
			['j', /SOURCES · 4\/4/],
			['\r', /READER/],
			['n', /passage 1\//],
			['\r', /COMPARE/],
			['/', /type to search|indexing/],
			['P', /\/ P/],
			['W', /\/ PW.*\d+ results?/],
		]);
		await explore([['\r', /READER · a/]]);
		await explore([['f', /FIGURES/]]);
		const all = frames.join('\n');
		expect(all).toContain('^[]'); // the sequences are there, made visible
		expect(all).toContain('\\u202e');
		for (const [i, f] of frames.entries()) expectSafe(f, `frame ${i}`);
	}, 30_000);

	it('colour only where we add it: search matches in bold yellow, nothing else', () => {
		const corpus = loadCorpus(dir);
		const out = runCommand('search', ['PWNED'], corpus, {json: false, color: true});
		const text = [...out.chunks].join('');
		expect(text).toContain('\x1b[1;33m');
		expectSafe(text.replaceAll('\x1b[1;33m', '').replaceAll('\x1b[0m', ''), 'search in colour');
	});

	it('names a hostile file in a one-line warning when it is skipped', () => {
		const d = makeCorpus({'ok.txt': 'Harbour news\nThe harbour authority approved a new container terminal on Tuesday.\n'});
		writeFileSync(join(d, 'bin\x1b]0;NAME\x07\nforged row.txt'), Buffer.from([0, 1, 2]));
		const r = spawnSync(process.execPath, [CLI, 'sources', '--corpus', d], {encoding: 'utf8', env});
		expect(r.stderr).toBe('churnscope: warning: bin^[]0;NAME^G\\nforged row.txt: skipped, binary file\n');
	});
});
