import {describe, expect, it} from 'vitest';
import {familyPlain, pairPlain, pairRows, reportText} from '../../source/core/report.js';
import type {Pair} from '../../source/core/types.js';
import {analysis, corpus, FAMILY, familyAnalysis, figurePair, wipoFamily} from '../ui/fixtures.js';

describe('reports', () => {
	it('lines a pair up sentence by sentence, its words marked', () => {
		const rows = pairRows(corpus, figurePair);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.filter(r => r.aligned).length).toBe(new Set(figurePair.parts.map(p => p.a)).size);
		const marks = rows.flatMap(r => [...r.a, ...r.b]).map(p => p.mark);
		expect(marks).toContain('shared');
		expect(marks).toContain('changed');
	});
	it('writes a pair in Markdown: both sides in one table, differences marked, the figures table', () => {
		const md = reportText(corpus, analysis, {kind: 'pair', pair: figurePair}, {format: 'md'});
		expect(md).toMatch(/^# churnscope report: 000\\_3852ac365e34d611\.txt copying 001\\_ceee5b9b1f5f8ff4\.txt/);
		expect(md).toContain('| origin (A) | copy (B) |');
		expect(md).toMatch(/\| .*_[^_|]+_.* \| .*_[^_|]+_.* \|/); // changed words, in italics on both sides
		expect(md).toContain('| status | kind | as in A | as in B | value |');
		expect(md).toMatch(/\| = same \| count \|/);
		// Every line of the side-by-side table has its two cells.
		for (const line of md.split('\n').filter(l => l.startsWith('| ') && !l.startsWith('| status')))
			expect(line.match(/(?<!\\)\|/g)!.length).toBeGreaterThanOrEqual(3);
	});
	it('writes a self-contained HTML page: styles inline, no script, nothing fetched', () => {
		const html = reportText(corpus, analysis, {kind: 'pair', pair: figurePair}, {format: 'html'});
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('<style>');
		expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|href="http/i);
		expect(html).toMatch(/<td class="side">.*<mark>/);
		expect(html).toContain('<th>as in A</th>');
		expect(html).toMatch(/<td class="same">= same<\/td>/);
		expect(html).toContain('</html>');
	});
	it('reports a family: members by date, the figure matrix, and each member beside the origin', () => {
		const md = reportText(corpus, familyAnalysis, {kind: 'family', family: wipoFamily}, {format: 'md'});
		expect(md).toContain(`## Family ${FAMILY}: reach 3 sources, 3 publishers`);
		expect(md).toContain('| member | date | publisher | source | kind | similarity |');
		expect(md).toMatch(/\| #1 \(origin\) \| 2026-02-05 \|/);
		expect(md).toMatch(/\| figure \(origin\) \| #1 \| #2 \| #3 \|/);
		expect(md).toMatch(/\| .* \| = \| = \| - \|/);
		expect((md.match(/\| origin \(A\) \| copy \(B\) \|/g) ?? []).length).toBe(2);
		const html = reportText(corpus, familyAnalysis, {kind: 'family', family: wipoFamily}, {format: 'html'});
		expect(html).toMatch(/<td class="missing">-<\/td>/);
	});
	it('reports the whole corpus and one source', () => {
		const md = reportText(corpus, analysis, {kind: 'corpus'}, {format: 'md'});
		expect(md).toContain('## Sources');
		expect((md.match(/\| origin \(A\) \| copy \(B\) \|/g) ?? []).length).toBe(analysis.pairs.length);
		const withFamilies = reportText(corpus, familyAnalysis, {kind: 'corpus'}, {format: 'html'});
		expect(withFamilies).toContain('<h2>Families</h2>');
		const one = reportText(corpus, analysis, {kind: 'source', source: '002_ac2e2185098b7cfe.txt'}, {format: 'md'});
		expect(one).toContain('No passage of this source is shared with another.');
	});
	it('shows control characters from a file as visible escapes, and escapes markup', () => {
		const evil: Pair = {
			...figurePair,
			a: {...figurePair.a, source: 'x', text: 'a <b>bold</b> \x1b]52;c;aGk=\x07 | pipe'},
			b: {...figurePair.b, source: 'y', text: 'other'},
		};
		const md = reportText(corpus, analysis, {kind: 'pair', pair: evil}, {format: 'md'});
		const html = reportText(corpus, analysis, {kind: 'pair', pair: evil}, {format: 'html'});
		for (const out of [md, html]) expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
		expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
		expect(md).toContain('\\<b\\>');
		expect(md).toContain('\\| pipe');
	});
	it('gives the clipboard plain text', () => {
		expect(pairPlain(corpus, figurePair)).toMatch(/^Origin \(A\): 001_ceee5b9b1f5f8ff4\.txt — CGTN/);
		expect(familyPlain(wipoFamily)).toMatch(/^Family 7: reach 3 sources, 3 publishers/);
	});
});
