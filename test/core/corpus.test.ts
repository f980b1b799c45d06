import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildSource, hasWords, inferMeta} from '../../source/core/source.js';
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
	it('takes the first heading anywhere, else the first line that is not blank, whatever the line ends', () => {
		expect(inferMeta(' \r\n\r\n  First line \r\nSecond\r### Third\n', 'x.txt').title).toBe('Third');
		expect(inferMeta('\r\r\n\t\u00a0\nOnly line\r\nSee #2', 'x.txt').title).toBe('Only line');
		expect(inferMeta('#hashtag\n#### too deep', 'x.txt').title).toBe('#hashtag');
		expect(inferMeta(' \n\r\n', 'a/b/release.txt').title).toBe('release');
	});
	it('looks in the text only for what the sidecar does not give', () => {
		const text = 'Title in text\nPublished June 3, 2024 at https://example.org/a';
		const given = buildSource('a.txt', new TextEncoder().encode(text), {title: 'Given', date: '2020-01-01'});
		expect(given).toMatchObject({title: 'Given', date: '2020-01-01', url: 'https://example.org/a'});
		expect(buildSource('a.txt', new TextEncoder().encode(text), {url: 'https://given.example'})).toMatchObject({
			title: 'Title in text',
			date: '2024-06-03',
			url: 'https://given.example',
		});
	});
	it('counts words for the lead as splitting on whitespace does, Chinese characters two to a word', () => {
		const samples = [
			'',
			' ',
			'one',
			' lead and trail ',
			'a\u00a0b\u2003c\u3000d\ufeffe\u200bf\u2028g\u0085h',
			'\t\n\v\f\r x y',
			'新华社北京电 国家主席习近平发表二〇二二年新年贺词',
			'한국어 문장입니다 그리고 more words',
			'ひらがなとカタカナ and 漢字',
		];
		for (const text of samples)
			for (let min = 0; min <= 14; min++) {
				const cjk = (text.match(/[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]/gu) ?? []).length;
				expect(hasWords(text, min), `${JSON.stringify(text)} ≥ ${min}`).toBe(text.split(/\s+/).length + cjk / 2 >= min);
			}
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
