import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, scratchDir} from '../helpers.js';

const run = (args: string[]) => {
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
};

describe('churnscope report', () => {
	it('writes the corpus as Markdown to the standard output', () => {
		const r = run(['report']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^# churnscope report: all 5 sources of corpus/);
		expect(r.stdout).toContain('## Sources');
		expect(r.stdout).toContain('| origin (A) | copy (B) |');
	});
	it('writes an HTML page to a file with --out, and reads back', () => {
		const out = join(scratchDir('report-'), 'corpus.html');
		const r = run(['report', '--format', 'html', '--out', out]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe('');
		const html = readFileSync(out, 'utf8');
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('<table class="lined">');
		expect(html).not.toMatch(/<script/i);
	});
	it('says in one line what is wrong with its flags or the file', () => {
		expect(run(['report', '--format', 'pdf'])).toMatchObject({
			code: 2,
			stderr: 'churnscope: unknown report format "pdf"; use md or html\n',
		});
		const r = run(['report', '--out', '/nonexistent/dir/r.md']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^churnscope: cannot write \/nonexistent\/dir\/r\.md \(ENOENT\)/m);
		expect(run(['--theme', 'sepia', 'sources'])).toMatchObject({code: 2, stderr: 'churnscope: unknown theme "sepia"; use dark or light\n'});
	});
});
