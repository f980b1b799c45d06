import {describe, expect, it} from 'vitest';
import {isFurniture, markSiteFurniture, siteKey} from '../../source/core/furniture.js';
import {findReuse} from '../../source/core/reuse.js';
import {buildSource, type Source} from '../../source/core/source.js';

const src = (id: string, text: string, meta: {publisher?: string; url?: string; date?: string} = {}) =>
	buildSource(id, Buffer.from(text), meta);
const furniture = (s: Source) => s.blocks.filter(b => b.boilerplate).map(b => b.text);

describe('furniture by structure', () => {
	it('marks contact blocks, wire names, share prompts and labels', () => {
		for (const line of [
			'Media OutReach Newswire',
			'SOURCE CGTN',
			'View original content to download multimedia:https://www.prnewswire.com/news-releases/x.html',
			'Media contact: press@example.com',
			'Share this article',
			'5 min read',
			'© 2025 Example Media. All rights reserved.',
			'Tags: China, economy',
			'By Jane Doe',
			'Subscribe now for unlimited access',
			'POLICY',
			'Photo - https://mma.prnewswire.com/media/2345678/CGTN.jpg',
			'Vidéo - https://m.youtube.com/watch? v=V5S9UIPfpHU',
			'Vídeo - https://www.youtube.com/watch?v=V5S9UIPfpHU',
			'Logo: https://mma.prnewswire.com/media/123/logo.jpg',
		]) {
			expect(isFurniture(line), line).toBe(true);
		}
	});
	it('keeps a newswire lead, and short sentences that only look like furniture', () => {
		for (const line of [
			'BEIJING, Nov. 5, 2022 /PRNewswire/ -- German Chancellor Olaf Scholz paid an official visit to China on Friday, the first EU leader to do so since the congress.',
			'Shares of the company rose 3 percent on Tuesday.',
			'Related reforms are expected next year.',
			'Greetings to everybody!',
			'Photos of the launch show the rocket clearing the tower at dawn.',
			'Video footage shared online showed the train leaving Tianjin port.',
		]) {
			expect(isFurniture(line), line).toBe(false);
		}
	});
	it('never marks the title', () => {
		expect(isFurniture('POLICY', {isTitle: true})).toBe(false);
	});
});

describe('furniture by repetition inside one site', () => {
	const footer = 'Follow our coverage of the region every weekday morning';
	const story = (n: number) => `The council approved budget number ${n} for the harbour district after a long debate on Tuesday evening.`;
	it('marks a block that recurs on pages of the same publisher', () => {
		const a = src('a.txt', `${story(1)}\n${footer}`, {publisher: 'Harbour Times'});
		const b = src('b.txt', `${story(2)}\n${footer}`, {publisher: 'Harbour Times'});
		const c = src('c.txt', `${story(3)}\n${footer}`, {publisher: 'Other Paper'});
		markSiteFurniture([a, b, c]);
		expect(furniture(a)).toEqual([footer]);
		expect(furniture(b)).toEqual([footer]);
		expect(furniture(c)).toEqual([]);
	});
	it('takes the site from the URL host or the folder when there is no publisher', () => {
		expect(siteKey({id: 'x.txt', publisher: null, url: 'https://www.example.com/a'})).toBe('host:example.com');
		expect(siteKey({id: 'reuters/x.txt', publisher: null, url: null})).toBe('folder:reuters');
		expect(siteKey({id: 'x.txt', publisher: null, url: null})).toBeNull();
	});
	it('never makes a passage furniture because many publishers carry it: it is a family of that reach', () => {
		const lead =
			'BEIJING, Nov. 5, 2022 /PRNewswire/ -- German Chancellor Olaf Scholz paid an official visit to China on Friday, the first European leader to visit since the congress.';
		const body = 'The two leaders agreed to deepen cooperation on climate change, food security and global health in the coming years.';
		const sources = Array.from({length: 6}, (_, i) =>
			src(`site${i}.txt`, `Headline ${i}\n${lead}\n${body}\nSOURCE CGTN`, {publisher: `Site ${i}`, date: `2022-11-0${5 + Math.min(i, 4)}`}),
		);
		markSiteFurniture(sources);
		for (const s of sources) {
			expect(furniture(s)).toContain('SOURCE CGTN');
			expect(s.blocks.find(b => b.text === lead)!.boilerplate).toBe(false);
		}
		const {families} = findReuse(sources);
		expect(families).toHaveLength(1);
		expect(families[0]!.reach).toEqual({sources: 6, publishers: 6});
		// The lead, dateline and all, is the start of every member's passage.
		for (const m of families[0]!.members) expect(m.text.startsWith('BEIJING, Nov. 5, 2022 /PRNewswire/')).toBe(true);
	});
});
