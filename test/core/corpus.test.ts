import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {inferMeta} from '../../source/core/source.js';
import {CorpusError, loadCorpus} from '../../source/io/read-corpus.js';
import {makeCorpus, SEED} from '../helpers.js';

describe('loadCorpus', () => {
	it('loads the seed corpus with the sidecar metadata and its text byte-for-byte', () => {
		const c = loadCorpus(SEED);
		expect(c.sources.map(s => s.id)).toEqual([
			'000_3852ac365e34d611.txt',
			'001_ceee5b9b1f5f8ff4.txt',
			'002_ac2e2185098b7cfe.txt',
			'003_9b9e77e86f00fb38.txt',
			'004_6d8c507b6052882a.txt',
		]);
		const cgtn = c.sources[1]!;
		expect(cgtn).toMatchObject({publisher: expect.stringContaining('CGTN'), date: '2026-02-05'});
		for (const s of c.sources) expect(Buffer.from(s.text, 'utf8').equals(readFileSync(join(SEED, s.id)))).toBe(true);
		expect(c.warnings).toEqual([]);
	});
	it('marks boilerplate and keeps it in the text', () => {
		const c = loadCorpus(SEED);
		const rewrite = c.sources[0]!;
		const footer = rewrite.sentences.find(s => s.text.startsWith('Unlock premium news'))!;
		expect(footer.boilerplate).toBe(true);
		const release = c.sources[1]!;
		const boiler = release.blocks.filter(b => b.boilerplate).map(b => b.text);
		expect(boiler).toEqual(expect.arrayContaining(['Media OutReach Newswire', 'Contatti:', '*default watermark*']));
		expect(release.blocks.find(b => b.text.startsWith('The World Intellectual'))!.boilerplate).toBe(false);
		expect(c.sources[3]!.blocks.at(-1)!.boilerplate).toBe(true); // the Nepali comment prompt
		expect(release.warnings.join()).toMatch(/mojibake/);
	});
	it('infers title and date without a sidecar', () => {
		expect(inferMeta('\n\n## CGTN: Vision 2030\n\nOn 5 February 2026 - In 2025', 'x.md')).toMatchObject({
			title: 'CGTN: Vision 2030',
			date: '2026-02-05',
		});
		expect(inferMeta('A headline\nPOLICY\n7/14/20252 min read', 'x.txt')).toMatchObject({title: 'A headline', date: '2025-07-14'});
	});
	it('reports a malformed sidecar by name and still loads the sources', () => {
		const dir = makeCorpus({'a.txt': 'A title\nSome text here. More text there.', 'churnscope.json': '{"sources": {'});
		const c = loadCorpus(dir);
		expect(c.warnings[0]).toMatch(/^churnscope\.json: not valid JSON/);
		expect(c.sources[0]!.title).toBe('A title');
	});
	it('says clearly when the folder is missing or a file', () => {
		expect(() => loadCorpus('/nonexistent/folder')).toThrow(CorpusError);
		expect(() => loadCorpus('/nonexistent/folder')).toThrow(/corpus folder not found/);
		expect(() => loadCorpus(join(SEED, '000_3852ac365e34d611.txt'))).toThrow(/not a folder/);
	});
	it('skips binary, empty and oversized files with a warning, and recognises duplicates', () => {
		const dir = makeCorpus({
			'good.txt': 'Good title\nThe harbour opened a terminal.',
			'copy.txt': 'Good title\nThe harbour opened a terminal.',
			'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
			'empty.txt': '',
			'big.txt': 'x'.repeat(2000),
			'page.html':
				'<html><head><title>t</title><script>var x=1</script></head><body><h1>Page title</h1><p>Para &amp; text.</p></body></html>',
		});
		const before = readdirSync(dir).map(f => readFileSync(join(dir, f)));
		const c = loadCorpus(dir, {maxBytes: 1000});
		expect(c.sources.map(s => s.id).sort()).toEqual(['copy.txt', 'good.txt', 'page.html']);
		expect(c.warnings.join('\n')).toMatch(/big\.txt: skipped, 2000 bytes is over the 1000-byte limit/);
		expect(c.warnings.join('\n')).toMatch(/image\.txt: skipped, binary file/);
		expect(c.warnings.join('\n')).toMatch(/empty\.txt: skipped, empty file/);
		expect(c.sources.find(s => s.id === 'good.txt')!.sameAs).toBe('copy.txt');
		const page = c.sources.find(s => s.id === 'page.html')!;
		expect(page.text).toBe('Page title\n\nPara & text.');
		expect(page.title).toBe('Page title');
		expect(readdirSync(dir).map(f => readFileSync(join(dir, f)))).toEqual(before);
	});
});
