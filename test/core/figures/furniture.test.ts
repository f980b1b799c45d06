import {describe, expect, it} from 'vitest';
import {buildSource} from '../../../source/core/source.js';

const build = (text: string) => buildSource('page.txt', Buffer.from(text));
const texts = (figures: {text: string}[]) => figures.map(f => f.text);

describe('figures of the page, listed apart', () => {
	it('takes publish stamps, the corpus date prefix and headers before the lead for furniture', () => {
		const s = build(
			[
				' date 2018-03 Exports to China rise',
				'Publié le 2018-02-08 à 16:15 | french.xinhuanet.com',
				'Photos of the week (19 to 25 February 2018)',
				'BEIJING, Feb. 8 (Xinhua) -- Exports rose 16.2 percent in January to 2.51 trillion yuan, the customs office said on Thursday.',
			].join('\n'),
		);
		expect(texts(s.furnitureFigures)).toEqual(['2018-03', '2018-02-08', '19', '25 February 2018']);
		expect(texts(s.figures)).toEqual(['Feb. 8', '16.2 percent', 'January', '2.51 trillion yuan']);
	});
	it('keeps a short note whole when no block reads as a lead', () => {
		expect(texts(build('# Note\n\nSome text with a $5 figure.\n').figures)).toEqual(['$5']);
	});
	it('gives each source a language, from the sidecar when it says so', () => {
		expect(build('Der Handel mit China ist in den vergangenen Jahren um 47 Prozent gewachsen, und das ist viel.').language).toBe('de');
		expect(buildSource('x.txt', Buffer.from('Short.'), {language: 'fr'}).language).toBe('fr');
	});
});
