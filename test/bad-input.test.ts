// Bad input and hostile conditions: every case gets a clear one-line message, the good files still load,
// and nothing in the corpus changes.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, readFileSync, readdirSync, statSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {buildSource, type Corpus} from '../source/core/source.js';
import {loadCorpus} from '../source/io/read-corpus.js';
import {findReuse} from '../source/core/reuse.js';
import {CLI, makeCorpus} from './helpers.js';

const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const GOOD = 'Harbour news\nThe harbour authority approved a new container terminal on Tuesday after months of debate.\n';

/** Every regular file under `dir` with a hash of its bytes (and its mode), to compare before and after. */
function snapshot(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (d: string) => {
		for (const e of readdirSync(d, {withFileTypes: true})) {
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.isFile())
				out.set(p, `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mode} ${statSync(p).mtimeMs}`);
		}
	};
	walk(dir);
	return out;
}

describe('a corpus with every kind of bad file', () => {
	let dir: string;
	let before: Map<string, string>;
	let corpus: Corpus;
	const warning = (re: RegExp) =>
		expect(
			corpus.warnings.some(w => re.test(w)),
			`${re} in\n${corpus.warnings.join('\n')}`,
		).toBe(true);
	const source = (id: string) => corpus.sources.find(s => s.id === id)!;

	beforeAll(() => {
		dir = makeCorpus({
			'good.txt': GOOD,
			'bom.txt': '\uFEFF' + 'BOM title\nA line after a byte order mark.\n',
			'utf16.txt': utf16('UTF-16 title\nZhōngguó wrote “quotes” here.\n'),
			'latin1.txt': Buffer.from([
				...Buffer.from('Latin title\nCaf'),
				0xe9,
				...Buffer.from(' au lait, '),
				0x93,
				...Buffer.from('quoted'),
				0x94,
				0x0a,
			]),
			'crlf.txt': 'CRLF title\r\nFirst line here.\r\nSecond line here.\r\n',
			'cr.txt': 'CR title\rFirst line here.\rSecond line here.\r',
			'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
			'empty.txt': '',
			'huge.txt': 'word '.repeat(300_000),
			'copy-of-good.txt': GOOD,
			'page.html':
				'<!doctype html><html><head><style>p{}</style></head><body><h1>HTML title</h1><p>Text &amp; more.</p><script>alert(1)</script></body></html>',
			'notes.md': '# Markdown title\n\nSome **bold** text with a \\$5 figure.\n',
			'mojibake.txt': 'Mojibake title\nCafÃ© au lait costs 5 â‚¬ in ZÃ¼rich.\n',
			'churnscope.json': '{"sources": {"good.txt": {"title": 42, "date": "yesterday"}}',
			'nested/deeper/inner.txt': 'Inner title\nA file in a subfolder.\n',
		});
		symlinkSync(dir, join(dir, 'nested', 'loop'));
		symlinkSync(join(dir, 'missing-target.txt'), join(dir, 'dangling.txt'));
		// A named pipe would block a reader forever.
		expect(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status).toBe(0);
		before = snapshot(dir);
		chmodSync(dir, 0o555);
		corpus = loadCorpus(dir, {maxBytes: 1_000_000});
	});
	afterAll(() => chmodSync(dir, 0o755));

	it('loads the good files and leaves every byte as it was', () => {
		const ids = corpus.sources.map(s => s.id).sort();
		expect(ids).toEqual([
			'bom.txt',
			'copy-of-good.txt',
			'cr.txt',
			'crlf.txt',
			'good.txt',
			'latin1.txt',
			'mojibake.txt',
			'nested/deeper/inner.txt',
			'notes.md',
			'page.html',
			'utf16.txt',
		]);
		expect(snapshot(dir)).toEqual(before);
	});
	it('skips binary, empty and oversized files, loops, broken links and pipes with a warning each', () => {
		warning(/^binary\.txt: skipped, binary file$/);
		warning(/^empty\.txt: skipped, empty file$/);
		warning(/^huge\.txt: skipped, 1500000 bytes is over the 1000000-byte limit \(--max-bytes\)$/);
		warning(/^nested\/loop: link loop, skipped$/);
		warning(/^dangling\.txt: broken link, skipped$/);
		expect(corpus.sources.some(s => s.id === 'pipe.txt')).toBe(false);
	});
	it('decodes BOMs, UTF-16, Windows-1252 and line ends of every kind', () => {
		expect(source('bom.txt').title).toBe('BOM title');
		expect(source('utf16.txt').text).toContain('Zhōngguó wrote “quotes”');
		expect(source('latin1.txt').text).toContain('Café au lait, “quoted”');
		expect(source('latin1.txt').warnings.join()).toMatch(/Windows-1252/);
		for (const id of ['crlf.txt', 'cr.txt']) {
			const s = source(id);
			expect(s.blocks.map(b => b.text)).toEqual([`${id === 'cr.txt' ? 'CR' : 'CRLF'} title`, 'First line here.', 'Second line here.']);
			for (const x of s.sentences) expect(s.text.slice(x.start, x.end)).toBe(x.text);
		}
	});
	it('recognises the same text under two names', () => {
		expect(source('good.txt').sameAs ?? source('copy-of-good.txt').sameAs).toMatch(/good\.txt$/);
	});
	it('reads HTML as text and markdown with its escapes', () => {
		expect(source('page.html').text).toBe('HTML title\n\nText & more.');
		expect(source('notes.md').title).toBe('Markdown title');
		expect(source('notes.md').figures.map(f => [f.kind, f.value, f.unit])).toEqual([['money', 5, 'USD']]);
	});
	it('repairs mojibake when the repair is certain, and reports it', () => {
		expect(source('mojibake.txt').text).toContain('Café au lait costs 5 € in Zürich.');
		expect(source('mojibake.txt').warnings.join()).toMatch(/mojibake repaired/);
	});
	it('names the sidecar and the problem, and keeps inferred metadata', () => {
		warning(/^churnscope\.json: not valid JSON/);
		expect(source('good.txt').title).toBe('Harbour news');
	});
	it('says so in one line on the command line, and still lists the good files', () => {
		const r = spawnSync(process.execPath, [CLI, 'sources', '--json', '--corpus', dir, '--max-bytes', '1000000'], {encoding: 'utf8'});
		expect(r.status).toBe(0);
		expect(JSON.parse(r.stdout)).toHaveLength(11);
		const lines = r.stderr.trim().split('\n');
		for (const l of lines) expect(l).toMatch(/^churnscope: warning: /);
		expect(r.stderr).toContain('binary.txt: skipped, binary file');
		expect(snapshot(dir)).toEqual(before);
	});
});

describe('files and folders without read permission', () => {
	it('skips them with the reason and loads the rest', () => {
		const dir = makeCorpus({'good.txt': GOOD, 'secret.txt': 'Secret title\nNot for us.\n', 'locked/inner.txt': 'Inner\nHidden text.\n'});
		chmodSync(dir, 0o755);
		chmodSync(join(dir, 'secret.txt'), 0o000);
		chmodSync(join(dir, 'locked'), 0o000);
		// Root reads everything: run as nobody when the tests run as root.
		const asUser =
			process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
		const r = spawnSync(asUser[0]!, [...asUser.slice(1), CLI, 'sources', '--json', '--corpus', dir], {encoding: 'utf8'});
		chmodSync(join(dir, 'locked'), 0o755);
		expect(r.status, r.stderr).toBe(0);
		expect(JSON.parse(r.stdout).map((x: {source: string}) => x.source)).toEqual(['good.txt']);
		expect(r.stderr).toContain('churnscope: warning: secret.txt: unreadable (EACCES)');
		expect(r.stderr).toContain('churnscope: warning: locked: unreadable folder (EACCES)');
	});
});

describe('folders that cannot be shown', () => {
	const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8'});
	it('exits 2 with one line for an empty folder, a missing one and a file', () => {
		const empty = makeCorpus({});
		for (const [dir, message] of [
			[empty, /^churnscope: no readable text files in /],
			[join(empty, 'nope'), /^churnscope: corpus folder not found: /],
			[CLI, /^churnscope: corpus is not a folder: /],
		] as const) {
			const r = run(['sources', '--corpus', dir]);
			expect(r.status).toBe(2);
			expect(r.stderr).toMatch(message);
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
		}
	});
	it('reads a folder of only binary files as empty, saying why', () => {
		const dir = makeCorpus({'a.txt': Buffer.from([0, 1, 2, 3])});
		const r = run(['figures', '--corpus', dir]);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('a.txt: skipped, binary file');
		expect(r.stderr).toMatch(/no readable text files/);
	});
});

describe('scale of hostile input', () => {
	it('reads a single 10 MB line when the limit allows it', () => {
		const line = 'The port handled 3 million containers in 2024 and expects more next year, officials said; '.repeat(110_000);
		const dir = makeCorpus({'line.txt': line});
		const c = loadCorpus(dir, {maxBytes: 20_000_000});
		expect(c.sources[0]!.text.length).toBe(line.length);
		// One "sentence" of 10 MB (no full stop): its figures are read up to the cap, and the source says so.
		expect(c.sources[0]!.figures.length).toBeGreaterThan(50);
		expect(c.sources[0]!.warnings.join('\n')).toMatch(/figures read only in the first 5,000 characters of 1 overlong sentence/);
	}, 120_000);
	it('reads 20,000 small files', () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 20_000; i++) files[`f${i}.txt`] = `Note ${i}\nItem ${i} of the archive, filed under case ${i % 97}.\n`;
		const dir = makeCorpus(files);
		const c = loadCorpus(dir);
		expect(c.sources).toHaveLength(20_000);
		expect(c.warnings).toEqual([]);
		expect(statSync(join(dir, 'f0.txt')).size).toBeGreaterThan(0);
	}, 120_000);
});

describe('properties', () => {
	const word = fc.stringMatching(/^[a-z]{4,9}$/);
	const sentence = fc.array(word, {minLength: 8, maxLength: 16}).map(ws => ws.join(' ').replace(/^./, c => c.toUpperCase()) + '.');
	it('finds a text whole against itself', () => {
		fc.assert(
			fc.property(fc.array(sentence, {minLength: 2, maxLength: 6}), sentences => {
				fc.pre(new Set(sentences.flatMap(s => s.toLowerCase().split(/\W+/))).size > sentences.length * 6);
				const text = sentences.join(' ');
				const {pairs} = findReuse([buildSource('a.txt', Buffer.from(text)), buildSource('b.txt', Buffer.from(text))]);
				const cross = pairs.filter(p => p.a.source !== p.b.source);
				expect(cross).toHaveLength(1);
				expect(cross[0]!.a.text).toBe(text);
				expect(cross[0]!.b.text).toBe(text);
				expect(cross[0]!.kind).toBe('verbatim');
			}),
			{numRuns: 40},
		);
	});
});
