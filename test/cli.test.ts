import {spawnSync} from 'node:child_process';
import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, makeCorpus, SEED} from './helpers.js';

const run = (args: string[]) => {
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
};
const json = (args: string[]) => {
	const r = run([...args, '--json']);
	return {...r, data: JSON.parse(r.stdout) as Record<string, unknown>[]};
};

describe('churnscope command line', () => {
	it('lists the sources', () => {
		const r = json(['sources']);
		expect(r.code).toBe(0);
		expect(r.data).toHaveLength(5);
		expect(Object.keys(r.data[0]!).sort()).toEqual([
			'copiedBy',
			'copiedFrom',
			'date',
			'passages',
			'publisher',
			'reach',
			'reused',
			'source',
			'title',
			'words',
		]);
		const rewrite = r.data.find(s => s['source'] === '000_3852ac365e34d611.txt')!;
		expect(rewrite['reused']).toBeGreaterThan(0.7);
		expect(rewrite['words']).toBeGreaterThan(400);
	});
	it('searches, best first, with offsets into the file', () => {
		const r = json(['search', 'telecomunication union']);
		expect(r.code).toBe(0);
		const first = r.data[0] as {source: string; start: number; end: number; text: string; score: number};
		const text = readFileSync(join(SEED, first.source), 'utf8');
		expect(text.slice(first.start, first.end)).toBe(first.text);
		expect(first.text).toContain('Telecommunication Union');
		expect(json(['search', 'qqqxxzz']).code).toBe(1);
	});
	it('lists pairs with their figures lined up, origin first', () => {
		const r = json(['pairs']);
		expect(r.code).toBe(0);
		type P = {
			a: {source: string; text: string};
			b: {source: string};
			similarity: number;
			kind: string;
			figures: {status: string; a: {text: string} | null; b: {text: string} | null}[];
		};
		const pairs = r.data as unknown as P[];
		const money = pairs.find(p => p.figures.some(f => f.b?.text === 'CNY1 trillion'))!;
		expect(money.a.source).toBe('001_ceee5b9b1f5f8ff4.txt');
		expect(money.figures.find(f => f.b?.text === 'CNY1 trillion')).toMatchObject({status: 'same', a: {text: '1 trillion yuan'}});
		for (const p of pairs) {
			expect(['verbatim', 'near', 'paraphrase']).toContain(p.kind);
			expect(p.similarity).toBeGreaterThan(0);
			expect(p.similarity).toBeLessThanOrEqual(1);
		}
	});
	it('lists figures, filtered by kind', () => {
		const r = json(['figures', '--kind', 'percent']);
		expect(r.code).toBe(0);
		expect(r.data.map(f => f['text'])).toEqual(['80 percent', 'eight percent', '17 percent']);
		expect(r.data[1]).toMatchObject({kind: 'percent', value: 8, source: '004_6d8c507b6052882a.txt'});
		expect(String(r.data[1]!['sentence'])).toContain("NVIDIA's market share will drop to eight percent");
	});
	it('works on a corpus the user points at, and reads it only', () => {
		const dir = makeCorpus({
			'a.txt': 'Harbour news\nThe terminal will cost 4.2 billion euros.',
			'b.txt': 'Port story\nThe terminal will cost 4.2 billion euros.',
		});
		const before = statSync(join(dir, 'a.txt')).mtimeMs;
		const r = json(['figures', '--corpus', dir]);
		expect(r.data.map(f => [f['source'], f['value'], f['unit']])).toEqual([
			['a.txt', 4.2e9, 'EUR'],
			['b.txt', 4.2e9, 'EUR'],
		]);
		expect(statSync(join(dir, 'a.txt')).mtimeMs).toBe(before);
		expect(run(['pairs', '--corpus', dir]).stdout).toContain('a.txt');
	});
	it('prints readable tables without --json', () => {
		expect(run(['sources']).stdout).toMatch(/^SOURCE\s+DATE\s+WORDS/);
		expect(run(['pairs']).stdout).toContain('same');
	});
	it('fails with one line and exit 2 on bad input', () => {
		for (const args of [
			['--corpus', '/no/such/dir', 'sources'],
			['bogus'],
			['sources', '--bogus-flag'],
			['figures', '--kind', 'weight'],
			['search'],
			[],
		]) {
			const r = run(args);
			expect(r.code, args.join(' ')).toBe(2);
			expect(
				r.stderr
					.trim()
					.split('\n')
					.filter(l => !l.includes('warning')).length,
				r.stderr,
			).toBeLessThanOrEqual(2);
			expect(r.stderr).not.toMatch(/\n\s+at /);
		}
		expect(run([]).stderr).toMatch(/no terminal for the explorer; use a subcommand/);
		expect(run(['--corpus', '/no/such/dir', 'sources']).stderr).toMatch(/corpus folder not found: \/no\/such\/dir/);
	});
	it('answers --help and --version', () => {
		expect(run(['--help']).stdout).toContain('churnscope search QUERY');
		expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
	});
});
