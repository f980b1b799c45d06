import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {detectLanguage} from '../../source/core/language.js';
import {parseSidecar} from '../../source/core/sidecar.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'figures', 'articles');

describe('detectLanguage', () => {
	it('names the language of every real page in the figures fixture', () => {
		const gold = JSON.parse(readFileSync(join(FIXTURES, '..', 'gold.json'), 'utf8')) as {articles: Record<string, {language: string}>};
		for (const name of readdirSync(FIXTURES).filter(n => n.endsWith('.txt'))) {
			expect(detectLanguage(readFileSync(join(FIXTURES, name), 'utf8')), name).toBe(gold.articles[name]!.language);
		}
	});
	it('reads short sentences in the nine languages whose numbers we read', () => {
		const samples: Record<string, string> = {
			en: 'The company said that its exports rose by a third in the first half of the year.',
			es: 'La producción industrial de China creció un 4,5 por ciento en el mes de agosto, según los datos.',
			pt: 'O governo disse que a produção cresceu mais do que o esperado no primeiro semestre do ano.',
			fr: 'Le commerce extérieur de la Chine a augmenté de 16,2% sur un an en janvier, selon les douanes.',
			de: 'Der Handel zwischen der EU und China hat sich in den vergangenen Jahren fast verdreifacht.',
			it: 'Il commercio estero della Cina è cresciuto del 5 per cento nel primo trimestre, secondo i dati.',
			ru: 'Объем внешней торговли Китая в ноябре вырос на 7,8 процента в годовом исчислении.',
			id: 'Pemerintah mengatakan bahwa ekspor dari Indonesia akan naik pada tahun ini dan juga tahun depan.',
			zh: '国家统计局发布2024年上半年中国经济成绩单，国内生产总值同比增长5.0%。',
		};
		for (const [lang, text] of Object.entries(samples)) expect(detectLanguage(text), text).toBe(lang);
	});
	it('says nothing rather than guess on text without words', () => {
		expect(detectLanguage('')).toBeNull();
		expect(detectLanguage('12,5 % — 2025-11-05 · 3.4')).toBeNull();
		expect(detectLanguage('Harbour news')).toBeNull();
	});
	it('reads a megabyte quickly and the same way every time', () => {
		const text = 'Der Handel mit China wächst, und die Exporte steigen. '.repeat(20_000);
		expect(detectLanguage(text)).toBe('de');
		expect(detectLanguage(text)).toBe(detectLanguage(text));
	});
});

describe('a language given in the sidecar', () => {
	it('is taken as an ISO 639-1 code, and anything else is named in a warning', () => {
		const warnings: string[] = [];
		const meta = parseSidecar(
			JSON.stringify({sources: {'a.txt': {language: 'de'}, 'b.txt': {language: 'pt-BR'}, 'c.txt': {language: 'German'}}}),
			warnings,
		);
		expect(meta['a.txt']!.language).toBe('de');
		expect(meta['b.txt']!.language).toBe('pt');
		expect(meta['c.txt']!.language).toBeUndefined();
		expect(warnings).toEqual([
			'churnscope.json: c.txt.language "German" is not an ISO 639-1 code such as "de"; detected from the text instead',
		]);
	});
});
