// A passim run end to end: our export is passim's input, and the hand-written passim output in
// test/fixtures/passim (passim 2's layout and field names, see its README) opens as a corpus.
import {spawnSync} from 'node:child_process';
import {appendFileSync, cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {Readable} from 'node:stream';
import {boundedLines, findPassimOutput, lineLimit, loadPassim, loadPassimAnalysed} from '../source/io/passim.js';
import {CLI, ROOT, scratchDir} from './helpers.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'passim');
const CORPUS = join(FIXTURE, 'corpus');
const RUN = join(FIXTURE, 'run');
const OUT_PART = 'part-00000-3f1c2a9e-8b7d-4e61-9a0c-5d2f7e4b1c88-c000.json';

const run = (args: string[]) => {
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
};

/** A copy of the fixture run to spoil. */
function copyRun(): string {
	const dir = join(scratchDir('passim-'), 'run');
	cpSync(RUN, dir, {recursive: true});
	return dir;
}

describe('churnscope export --format passim', () => {
	it("writes passim's input: a JSON line per file with id, series and the file's text byte for byte", () => {
		const r = run(['export', '--format', 'passim', '--corpus', CORPUS]);
		expect(r.code).toBe(0);
		// The fixture's input is this command's output; a change to the export shows here.
		expect(r.stdout).toBe(readFileSync(join(RUN, 'input.jsonl'), 'utf8'));
		const lines = r.stdout.split('\n');
		expect(lines.pop()).toBe('');
		const files = readdirSync(CORPUS).filter(f => f.endsWith('.txt'));
		expect(lines).toHaveLength(files.length);
		for (const line of lines) {
			const doc = JSON.parse(line) as Record<string, unknown>;
			expect(typeof doc['id'] === 'string' && typeof doc['series'] === 'string' && typeof doc['text'] === 'string').toBe(true);
			expect(Buffer.from(doc['text'] as string, 'utf8').equals(readFileSync(join(CORPUS, doc['id'] as string)))).toBe(true);
		}
		expect(JSON.parse(lines.find(l => l.includes('vuink'))!)).toMatchObject({
			series: 'Ministry of Foreign Affairs of the PRC (fmprc.gov.cn, via vuink.com mirror)',
			date: '2024-12-31',
		});
	});
	it('writes the same to a file with --out, and refuses without --format passim', () => {
		const file = join(scratchDir('export-'), 'input.jsonl');
		const r = run(['export', '--format', 'passim', '--corpus', CORPUS, '--out', file]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe('');
		expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(RUN, 'input.jsonl'), 'utf8'));
		for (const args of [['export'], ['export', '--format', 'csv'], ['sources', '--out', file]]) {
			const bad = run([...args, '--corpus', CORPUS]);
			expect(bad.code).toBe(2);
			expect(bad.stderr).toMatch(/^churnscope: .*(--format passim|are for export)/);
			expect(bad.stderr.trim().split('\n')).toHaveLength(1);
		}
		const nowhere = join(scratchDir('export-'), 'no-such-folder', 'input.jsonl');
		const noDir = run(['export', '--format', 'passim', '--corpus', CORPUS, '--out', nowhere]);
		expect(noDir.code).toBe(2);
		expect(noDir.stderr).toBe(`churnscope: cannot write ${nowhere} (ENOENT)\n`);
	});
});

describe('a passim output folder', () => {
	it('is found in the run folder or as the folder itself', () => {
		expect(findPassimOutput(RUN)).toBe(join(RUN, 'output'));
		expect(findPassimOutput(join(RUN, 'output'))).toBe(join(RUN, 'output'));
		expect(findPassimOutput(CORPUS)).toBeNull();
	});
	it("opens: the input's texts as sources, the clusters and alignments with passim's names", async () => {
		const {corpus, clusters, alignments} = await loadPassim(RUN);
		expect(corpus.warnings).toEqual([]);
		expect(corpus.sources.map(s => s.id)).toEqual([
			'tianjin-tashkent-train--logistan.info.txt',
			'xi-newyear-2025--advomag.com.txt',
			'xi-newyear-2025--newsus.app.txt',
			'xi-newyear-2025--vuink.com.txt',
		]);
		for (const s of corpus.sources) expect(s.text).toBe(readFileSync(join(CORPUS, s.id), 'utf8'));
		expect(corpus.sources[3]).toMatchObject({date: '2024-12-31', title: "Chinese President Xi Jinping's 2025 New Year message"});
		expect(clusters.map(p => [p.cluster, p.size, p.id, p.begin, p.end, p.version])).toEqual([
			[17179869184, 3, 'xi-newyear-2025--advomag.com.txt', 78, 1988, 2],
			[17179869184, 3, 'xi-newyear-2025--newsus.app.txt', 557, 1268, 2],
			[17179869184, 3, 'xi-newyear-2025--vuink.com.txt', 0, 1906, 2],
		]);
		// 64-bit uids, exactly as passim wrote them (xxhash64 of the id).
		expect(clusters[0]!.uid).toBe('9154663934006733666');
		expect(clusters[2]!.src).toEqual([
			{uid: '9154663934006733666', begin: 78, end: 1988},
			{uid: '-8750091967553694763', begin: 557, end: 1268},
		]);
		expect(alignments.map(a => [a.id, a.begin, a.end, a.id2, a.begin2, a.end2])).toEqual([
			['xi-newyear-2025--advomag.com.txt', 78, 1988, 'xi-newyear-2025--vuink.com.txt', 0, 1906],
			['xi-newyear-2025--advomag.com.txt', 630, 1341, 'xi-newyear-2025--newsus.app.txt', 557, 1268],
			['xi-newyear-2025--newsus.app.txt', 557, 1268, 'xi-newyear-2025--vuink.com.txt', 549, 1260],
		]);
	});
	it('maps each passage to our offsets: the text there is the text passim wrote (one character early, as passim 2 writes it)', async () => {
		const {corpus, clusters: families, spanPairs} = await loadPassimAnalysed(RUN, {});
		const text = (id: string) => corpus.sources.find(s => s.id === id)!.text;
		expect(families).toEqual([
			{
				cluster: 17179869184,
				members: [
					{source: 'xi-newyear-2025--advomag.com.txt', start: 78, end: 1988},
					{source: 'xi-newyear-2025--newsus.app.txt', start: 557, end: 1268},
					{source: 'xi-newyear-2025--vuink.com.txt', start: 0, end: 1906},
				],
			},
		]);
		const {clusters} = await loadPassim(RUN);
		for (const [i, m] of families[0]!.members.entries()) {
			const p = clusters[i]!;
			const passimText = p.begin === 0 ? text(m.source).slice(m.start, m.end) : text(m.source).slice(m.start - 1, m.end - 1);
			expect(p.text).toBe(passimText);
		}
		expect(text('xi-newyear-2025--vuink.com.txt').slice(0, 1906)).toMatch(/^On New Year's eve,.*in operation on$/s);
		expect(text('xi-newyear-2025--advomag.com.txt').slice(78, 1988)).toMatch(/^On New Year’s eve,.*in operation on$/s);
		expect(spanPairs).toHaveLength(3);
		for (const {a, b} of spanPairs) {
			expect(text(a.source).slice(a.start, a.end)).toMatch(/^(On New Year|We have proactively)/);
			expect(text(b.source).slice(b.start, b.end)).toMatch(/^(On New Year|We have proactively)/);
		}
	});
	it('lists sources, pairs and search hits from the command line', () => {
		const sources = JSON.parse(run(['sources', '--json', '--corpus', RUN]).stdout) as {source: string; reused: number}[];
		expect(sources.map(s => [s.source, s.reused > 0])).toEqual([
			['tianjin-tashkent-train--logistan.info.txt', false],
			['xi-newyear-2025--advomag.com.txt', true],
			['xi-newyear-2025--newsus.app.txt', true],
			['xi-newyear-2025--vuink.com.txt', true],
		]);
		const r = run(['pairs', '--json', '--corpus', RUN]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		type Side = {source: string; start: number; end: number; text: string};
		const pairs = JSON.parse(r.stdout) as {a: Side; b: Side; kind: string}[];
		// passim's cluster is one family; its origin is the dated member (vuink, 2024-12-31), each other member is
		// paired with it, sides widened to whole sentences.
		expect(pairs.map(p => [p.a.source, p.a.start, p.a.end, p.b.source, p.b.start, p.b.end])).toEqual([
			['xi-newyear-2025--vuink.com.txt', 0, 1928, 'xi-newyear-2025--advomag.com.txt', 78, 1990],
			['xi-newyear-2025--vuink.com.txt', 0, 1928, 'xi-newyear-2025--newsus.app.txt', 557, 1268],
		]);
		for (const p of pairs)
			for (const side of [p.a, p.b]) expect(readFileSync(join(CORPUS, side.source), 'utf8').slice(side.start, side.end)).toBe(side.text);
		const hits = JSON.parse(run(['search', 'proactively responded', '--json', '--corpus', RUN]).stdout) as {source: string}[];
		expect(hits.slice(0, 3).map(h => h.source)).toEqual(
			expect.arrayContaining(['xi-newyear-2025--advomag.com.txt', 'xi-newyear-2025--newsus.app.txt', 'xi-newyear-2025--vuink.com.txt']),
		);
	});
	it('reads gzipped input and output parts', async () => {
		const dir = copyRun();
		writeFileSync(join(dir, 'input.jsonl.gz'), gzipSync(readFileSync(join(dir, 'input.jsonl'))));
		rmSync(join(dir, 'input.jsonl'));
		const part = join(dir, 'output', 'out.json', OUT_PART);
		writeFileSync(`${part}.gz`, gzipSync(readFileSync(part)));
		rmSync(part);
		const {corpus, clusters: families} = await loadPassimAnalysed(dir, {});
		expect(corpus.warnings).toEqual([]);
		expect(corpus.sources).toHaveLength(4);
		expect(families[0]!.members).toHaveLength(3);
	});
});

describe('a spoilt passim run', () => {
	it('warns once per bad record and loads the rest', async () => {
		const dir = copyRun();
		appendFileSync(join(dir, 'input.jsonl'), '{"id": "half"\n{"series": "no id", "text": "x"}\n\n');
		const part = join(dir, 'output', 'out.json', OUT_PART);
		const good = readFileSync(part, 'utf8').split('\n')[0]!;
		const with_ = (changes: Record<string, unknown>) => {
			const record = JSON.parse(good.replace(/"uid":(-?\d+)/, '"uid":"$1"')) as Record<string, unknown>;
			return JSON.stringify({...record, ...changes});
		};
		appendFileSync(
			part,
			[
				'not json',
				with_({cluster: undefined}),
				with_({begin: 2000, end: 10}),
				with_({id: 'no-such-doc.txt'}),
				with_({cluster: 5, text: 'not the text at these offsets'}),
				with_({cluster: 5, id: 'xi-newyear-2025--vuink.com.txt', begin: 0, end: 99999, text: undefined}),
			].join('\n') + '\n',
		);
		rmSync(join(dir, 'output', 'align.json', '_SUCCESS'));
		const {corpus, clusters: families, reuse} = await loadPassimAnalysed(dir, {});
		const {pairs} = reuse;
		expect(corpus.sources).toHaveLength(4);
		expect(families).toHaveLength(1);
		expect(pairs).toHaveLength(2);
		const w = corpus.warnings;
		const expected = [
			/^input\.jsonl:5: not JSON/,
			/^input\.jsonl:6: no `id`/,
			/^output\/out\.json\/part-\S+:4: not JSON/,
			/^output\/out\.json\/part-\S+:5: no `cluster`/,
			/^output\/out\.json\/part-\S+:6: cluster 17179869184, xi-newyear-2025--advomag\.com\.txt: empty passage/,
			/^output\/align\.json: no _SUCCESS file, so passim may not have finished/,
			/^cluster 17179869184: passage of "no-such-doc\.txt", a document not in passim's input/,
			/^cluster 5, xi-newyear-2025--advomag\.com\.txt: the text at `begin`–`end` 78–1988 is not the passage passim wrote/,
			/^cluster 5, xi-newyear-2025--vuink\.com\.txt: `begin`–`end` 0–99999 run past the text/,
		];
		expect(w).toHaveLength(expected.length);
		for (const re of expected)
			expect(
				w.some(x => re.test(x)),
				`${re} in\n${w.join('\n')}`,
			).toBe(true);
		for (const x of w) expect(x).not.toContain('\n');
		// The command line says the same, one line each, and still answers.
		const r = run(['sources', '--corpus', dir]);
		expect(r.code).toBe(0);
		expect(r.stderr.trim().split('\n')).toHaveLength(expected.length);
		for (const line of r.stderr.trim().split('\n')) expect(line).toMatch(/^churnscope: warning: /);
	});
	it('says in one line, exit 2, when the run cannot be opened', () => {
		const noInput = copyRun();
		rmSync(join(noInput, 'input.jsonl'));
		const twoOutputs = copyRun();
		cpSync(join(twoOutputs, 'output'), join(twoOutputs, 'output2'), {recursive: true});
		const parquet = copyRun();
		renameSync(join(parquet, 'output', 'out.json'), join(parquet, 'output', 'out.parquet'));
		const cases: [string, RegExp][] = [
			[noInput, /passim output in .* but no passim input beside it/],
			[twoOutputs, /several passim outputs in .* \(output, output2\)/],
			[parquet, /passim wrote Parquet .*--output-format parquet/],
		];
		for (const [dir, message] of cases) {
			const r = run(['sources', '--corpus', dir]);
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(new RegExp(`^churnscope: ${message.source}`));
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
		}
	});
	it('warns about a corrupt gzip file and reads the others', async () => {
		const dir = copyRun();
		writeFileSync(join(dir, 'broken.jsonl.gz'), Buffer.from('this is not gzip'));
		const {corpus} = await loadPassim(dir);
		expect(corpus.sources).toHaveLength(4);
		expect(corpus.warnings).toContainEqual(expect.stringMatching(/^broken\.jsonl\.gz: unreadable after line 0 \(Z_DATA_ERROR\)$/));
	});
	it('caps the warnings of a file full of bad records', async () => {
		const dir = copyRun();
		mkdirSync(join(dir, 'more'));
		writeFileSync(join(dir, 'more', 'extra.ndjson'), 'x\n'.repeat(25));
		const {corpus} = await loadPassim(dir);
		expect(corpus.warnings.filter(w => w.startsWith('more/extra.ndjson'))).toHaveLength(11);
		expect(corpus.warnings).toContain('more/extra.ndjson: 15 more bad records');
		const part = join(dir, 'output', 'out.json', OUT_PART);
		const gone = Array.from({length: 25}, (_, i) => `{"cluster":${i},"size":2,"id":"gone-${i}","begin":0,"end":5}`);
		appendFileSync(part, gone.join('\n') + '\n');
		const analysed = await loadPassimAnalysed(dir, {});
		expect(analysed.corpus.warnings.filter(w => / passage of "gone-\d+"/.test(w))).toHaveLength(10);
		expect(analysed.corpus.warnings).toContain('out.json: passages not mapped: 15 more');
	});
});

describe('lines of a passim file', () => {
	const lines = async (chunks: string[], max: number) => {
		const out: (string | null)[] = [];
		for await (const l of boundedLines(Readable.from(chunks.map(c => Buffer.from(c))), max)) out.push(l);
		return out;
	};
	it('are split on LF and CRLF across chunks, a character split between chunks kept whole', async () => {
		const bytes = Buffer.from('a\r\nbé\nc');
		const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 5), bytes.subarray(5)].map(b => b.toString('latin1'));
		const out: (string | null)[] = [];
		for await (const l of boundedLines(Readable.from(chunks.map(c => Buffer.from(c, 'latin1'))), 100)) out.push(l);
		expect(out).toEqual(['a', 'bé', 'c']);
		expect(await lines(['x\n\ny\n'], 100)).toEqual(['x', '', 'y']);
	});
	it('past the limit are dropped as they arrive, and the next line is read', async () => {
		expect(await lines(['short\n', 'x'.repeat(60), 'x'.repeat(60), '\nafter\n', 'y'.repeat(200)], 100)).toEqual([
			'short',
			null,
			'after',
			null,
		]);
	});
	it('past the limit in a real run are one warning each, and the other records load', async () => {
		const dir = copyRun();
		const huge = `{"id":"huge","series":"x","text":"${'a'.repeat(lineLimit(50_000) + 10)}"}`;
		writeFileSync(join(dir, 'big.jsonl'), `${huge}\n`);
		const {corpus} = await loadPassim(dir, {maxBytes: 50_000});
		expect(corpus.sources).toHaveLength(4);
		expect(corpus.warnings).toContain(`big.jsonl:1: line over ${lineLimit(50_000)} bytes, skipped`);
	});
});
