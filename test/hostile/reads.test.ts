// Unbounded or blocking reads: a sidecar or text that is a named pipe, a link to a device or to a file in
// /proc, links out of the corpus folder, and a deep nest of folders. Anything that could block runs in a
// child process with a timeout, so a regression fails the test instead of hanging the run.
import {spawnSync} from 'node:child_process';
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadCorpus, readBounded, walkCorpus} from '../../source/io/read-corpus.js';
import {CLI, makeCorpus, scratchDir} from '../helpers.js';

const GOOD = 'Harbour news\nThe harbour authority approved a new container terminal on Tuesday after months of debate.\n';

/** The CLI in a child with a deadline: `status` is null when it had to be killed. */
const run = (args: string[], timeout = 15_000) =>
	spawnSync(process.execPath, [CLI, ...args, '--no-cache'], {encoding: 'utf8', timeout, env: {...process.env, NO_COLOR: '1'}});

const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

describe('reads that could block or never end', () => {
	it('does not open a sidecar or a text that is a named pipe', () => {
		const dir = makeCorpus({'good.txt': GOOD});
		mkfifo(join(dir, 'churnscope.json'));
		mkfifo(join(dir, 'pipe.txt'));
		symlinkSync('pipe.txt', join(dir, 'link-to-pipe.txt'));
		const r = run(['sources', '--json', '--corpus', dir]);
		expect(r.status, `killed after the timeout: ${r.error}`).toBe(0);
		expect(JSON.parse(r.stdout).map((s: {source: string}) => s.source)).toEqual(['good.txt']);
		expect(r.stderr).toContain('churnscope: warning: churnscope.json: a named pipe, not a regular file');
		expect(r.stderr).toContain('churnscope: warning: pipe.txt: skipped, a named pipe, not a regular file');
		expect(r.stderr).toContain('churnscope: warning: link-to-pipe.txt: skipped, a named pipe, not a regular file');
	});

	it('skips links out of the corpus folder, to devices among them, unless --follow', () => {
		const dir = makeCorpus({'good.txt': GOOD});
		const elsewhere = makeCorpus({'secret.txt': 'Private notes\nNot part of the corpus at all, kept elsewhere.\n', 'sub/x.txt': GOOD});
		symlinkSync(join(elsewhere, 'secret.txt'), join(dir, 'outside.txt'));
		symlinkSync(join(elsewhere, 'sub'), join(dir, 'outside-folder'));
		symlinkSync('/dev/zero', join(dir, 'zero.txt'));
		symlinkSync('/dev/zero', join(dir, 'churnscope.json'));
		const plain = run(['sources', '--json', '--corpus', dir]);
		expect(plain.status, `killed after the timeout: ${plain.error}`).toBe(0);
		expect(JSON.parse(plain.stdout).map((s: {source: string}) => s.source)).toEqual(['good.txt']);
		for (const name of ['outside.txt', 'outside-folder', 'zero.txt']) {
			expect(plain.stderr).toContain(`churnscope: warning: ${name}: link out of the corpus folder, skipped (--follow reads it)`);
		}
		expect(plain.stderr).toContain('churnscope: warning: churnscope.json: link out of the corpus folder, not read');

		const followed = run(['sources', '--json', '--follow', '--corpus', dir]);
		expect(followed.status, `killed after the timeout: ${followed.error}`).toBe(0);
		expect(JSON.parse(followed.stdout).map((s: {source: string}) => s.source)).toEqual(['good.txt', 'outside-folder/x.txt', 'outside.txt']);
		expect(followed.stderr).toContain('churnscope: warning: zero.txt: skipped, a character device, not a regular file');
		expect(followed.stderr).toContain('churnscope: warning: churnscope.json: a character device, not a regular file');
	});

	it('enforces the byte cap while reading: a /proc file says it holds 0 bytes', () => {
		const dir = makeCorpus({'good.txt': GOOD});
		symlinkSync('/proc/self/maps', join(dir, 'maps.txt'));
		const c = loadCorpus(dir, {follow: true, maxBytes: 200});
		expect(c.sources.map(s => s.id)).toEqual(['good.txt']);
		expect(c.warnings).toContain('maps.txt: skipped, more than 200 bytes, over the limit (--max-bytes)');
		expect(readBounded('/proc/self/maps', 200)).toEqual({kind: 'too-large', size: null});
		const whole = readBounded('/proc/self/maps', 10_000_000);
		expect(whole.kind === 'bytes' && whole.bytes.length).toBeGreaterThan(200);
	});

	it('does not open named pipes in a passim run either', () => {
		const dir = makeCorpus({'out/out.json/_SUCCESS': ''});
		mkfifo(join(dir, 'input.jsonl'));
		mkfifo(join(dir, 'out', 'out.json', 'part-00000.json'));
		const r = run(['sources', '--corpus', dir]);
		expect(r.status, `killed after the timeout: ${r.error}`).toBe(2);
		expect(r.stderr).toMatch(/^churnscope: passim output in .* but no passim input beside it/);
	});

	it('never opens what is not a regular file', () => {
		const dir = scratchDir();
		mkfifo(join(dir, 'fifo'));
		expect(readBounded(join(dir, 'fifo'), 100)).toEqual({kind: 'not-regular', type: 'named pipe'});
		expect(readBounded('/dev/zero', 100)).toEqual({kind: 'not-regular', type: 'character device'});
		expect(readBounded(dir, 100)).toEqual({kind: 'not-regular', type: 'folder'});
	});
});

describe('a deep nest of folders', () => {
	it('walks 3,000 nested folders in one listing each', () => {
		const dir = scratchDir();
		// Built in a child that changes folder level by level: the full path outgrows PATH_MAX.
		const build = spawnSync(
			process.execPath,
			[
				'-e',
				`const fs = require('node:fs'); process.chdir(process.argv[1]);
				 for (let i = 0; i < 3000; i++) { fs.mkdirSync('d'); process.chdir('d');
				   if (i % 500 === 0) fs.writeFileSync('a.txt', 'Level ' + i + '\\nSome text at level ' + i + ' of the nest.\\n'); }`,
				dir,
			],
			{encoding: 'utf8'},
		);
		expect(build.status, build.stderr).toBe(0);
		const walk = walkCorpus(dir);
		// Folders whose path is longer than the system allows are named once, and the rest is read.
		expect(walk.files.length).toBeGreaterThanOrEqual(4);
		expect(walk.files[0]!.id).toBe('d/a.txt');
		expect(walk.warnings.length).toBeLessThanOrEqual(1);
		for (const w of walk.warnings) expect(w).toMatch(/: unreadable folder \(ENAMETOOLONG\)$/);
		// Too deep for the scratch folder's clean-up (rmSync recurses); rm walks it level by level.
		expect(spawnSync('rm', ['-rf', dir]).status).toBe(0);
	}, 20_000);

	it('names a link loop and a second way into a folder once each', () => {
		const dir = makeCorpus({'a/x.txt': GOOD});
		symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'));
		symlinkSync('a', join(dir, 'b'));
		mkdirSync(join(dir, 'c'));
		writeFileSync(join(dir, 'c', 'y.txt'), GOOD);
		const walk = walkCorpus(dir);
		expect(walk.files.map(f => f.id)).toEqual(['a/x.txt', 'c/y.txt']);
		expect(walk.warnings).toEqual(['a/loop: link loop, skipped', 'b: a second link to a folder already read, skipped']);
	});
});
