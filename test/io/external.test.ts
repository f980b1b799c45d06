import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {argsAt, exportDir, openAt, programFor, saveReport, splitCommand, type Spawner} from '../../source/io/external.js';
import {scratchDir} from '../helpers.js';

describe('pager and editor', () => {
	it('takes the program from the environment, with its arguments', () => {
		expect(programFor('pager', {PAGER: 'less -R'})).toEqual(['less', '-R']);
		expect(programFor('pager', {})).toEqual(['less']);
		expect(programFor('editor', {VISUAL: 'code --wait', EDITOR: 'vi'})).toEqual(['code', '--wait']);
		expect(programFor('editor', {EDITOR: '"/opt/my editor/bin/ed" -x'})).toEqual(['/opt/my editor/bin/ed', '-x']);
		expect(splitCommand(`a 'b c' "d \\" e"`)).toEqual(['a', 'b c', 'd " e']);
	});
	it('opens at the line the way each program takes it', () => {
		expect(argsAt(['vim'], '/c/a.txt', 12)).toEqual(['vim', '+12', '/c/a.txt']);
		expect(argsAt(['less', '-R'], '/c/a.txt', 12)).toEqual(['less', '-R', '+12', '/c/a.txt']);
		expect(argsAt(['nano'], '/c/a.txt', 3)).toEqual(['nano', '+3', '/c/a.txt']);
		expect(argsAt(['/usr/bin/code', '--wait'], '/c/a.txt', 12)).toEqual(['/usr/bin/code', '--wait', '--goto', '/c/a.txt:12']);
		expect(argsAt(['hx'], '/c/a.txt', 12)).toEqual(['hx', '/c/a.txt:12']);
	});
	it('suspends the app while the program runs and restores it after, even when it cannot run', () => {
		const calls: string[] = [];
		const terminal = {suspend: () => calls.push('suspend'), resume: () => calls.push('resume')};
		const spawn: Spawner = (command, args) => {
			calls.push(`run ${command} ${args.join(' ')}`);
			return {status: 0};
		};
		const said = openAt({program: 'pager', path: '/c/a.txt', text: null, line: 7, source: 'a.txt'}, terminal, {PAGER: 'most'}, spawn);
		expect(calls).toEqual(['suspend', 'run most +7 /c/a.txt', 'resume']);
		expect(said).toBe('most closed (a.txt, line 7)');
		const failing: Spawner = () => ({status: null, error: new Error('spawn nope ENOENT')});
		calls.length = 0;
		expect(
			openAt({program: 'editor', path: '/c/a.txt', text: null, line: 1, source: 'a.txt'}, terminal, {EDITOR: 'nope'}, failing),
		).toMatch(/could not run nope/);
		expect(calls).toEqual(['suspend', 'resume']);
	});
	it('opens an HTML source as its extracted text, whose lines the offsets count', () => {
		let opened = '';
		const spawn: Spawner = (_, args) => {
			opened = args[args.length - 1]!;
			return {status: 0};
		};
		openAt(
			{program: 'pager', path: '/c/page.html', text: 'line one\nline two', line: 2, source: 'page.html'},
			{suspend() {}, resume() {}},
			{},
			spawn,
		);
		expect(opened).toMatch(/page\.txt$/);
		expect(readFileSync(opened, 'utf8')).toBe('line one\nline two');
	});
});

describe('reports on disk', () => {
	it('never writes into the corpus folder', () => {
		expect(exportDir({}, '/home/me', '/data/corpus')).toBe('/home/me');
		expect(exportDir({CHURNSCOPE_EXPORT_DIR: '/out'}, '/home/me', '/data/corpus')).toBe('/out');
		expect(exportDir({}, '/data/corpus/sub', '/data/corpus')).not.toMatch(/^\/data\/corpus/);
		expect(exportDir({}, '/data/corpus', '/data/corpus')).not.toBe('/data/corpus');
		expect(exportDir({}, '/data/corpus-2', '/data/corpus')).toBe('/data/corpus-2');
	});
	it('writes a new file, never over an existing one', () => {
		const dir = scratchDir('reports-');
		const first = saveReport(dir, 'r.md', ['# a', '\n']);
		const second = saveReport(dir, 'r.md', ['# b']);
		expect(first).toBe(join(dir, 'r.md'));
		expect(second).toBe(join(dir, 'r-2.md'));
		expect(readFileSync(first, 'utf8')).toBe('# a\n');
		expect(existsSync(second)).toBe(true);
	});
});
