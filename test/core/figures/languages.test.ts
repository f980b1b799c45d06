// The examples of issue 11, one language at a time: how numbers, percents, scales, months and currency
// words are read.

import {describe, expect, it} from 'vitest';
import {extractFigures, type Figure} from '../../../source/core/figures.js';

const read = (text: string, language: string) => extractFigures(text, 0, text.length, {language});
const one = (text: string, language: string): Figure => {
	const f = read(text, language);
	expect(f, text).toHaveLength(1);
	return f[0]!;
};
type Case = [text: string, language: string, expected: Partial<Figure>];

const CASES: Case[] = [
	['Das Wachstum lag bei 3,2 % im Jahr.', 'de', {kind: 'percent', value: 3.2, text: '3,2 %'}],
	['Der Anteil stieg auf 47 Prozent.', 'de', {kind: 'percent', value: 47, text: '47 Prozent'}],
	['Der Umsatz betrug 1.234,5 Millionen Euro.', 'de', {kind: 'money', value: 1234.5e6, unit: 'EUR'}],
	['Die Exporte erreichten 53,5 Mrd€.', 'de', {kind: 'money', value: 53.5e9, unit: 'EUR', text: '53,5 Mrd€'}],
	['Die Zahl stieg rund 20 Milliarden Yuan.', 'de', {kind: 'money', value: 20e9, unit: 'CNY', qualifier: 'about'}],
	['Am 7. November 2025 wurde es bekannt.', 'de', {kind: 'date', value: '2025-11-07'}],
	['Рост составил 65 процентов.', 'ru', {kind: 'percent', value: 65, text: '65 процентов'}],
	['Инвестиции составят 500 миллиардов юаней.', 'ru', {kind: 'money', value: 500e9, unit: 'CNY'}],
	['Это было объявлено 5 ноября.', 'ru', {kind: 'date', value: '--11-05', text: '5 ноября'}],
	['Объем составил около 4,5 трлн юаней.', 'ru', {kind: 'money', value: 4.5e12, unit: 'CNY', qualifier: 'about'}],
	['La inversión fue de 2,4 mil millones de yuanes.', 'es', {kind: 'money', value: 2.4e9, unit: 'CNY', text: '2,4 mil millones de yuanes'}],
	['El informe se publicó el 12 de marzo.', 'es', {kind: 'date', value: '--03-12', text: '12 de marzo'}],
	['La economía creció un 5,2 por ciento.', 'es', {kind: 'percent', value: 5.2}],
	['Casi el 80 por ciento de las industrias.', 'es', {kind: 'percent', value: 80, qualifier: 'nearly'}],
	['Le commerce a atteint 1 234,5 milliards de yuans.', 'fr', {kind: 'money', value: 1234.5e9, unit: 'CNY'}],
	['Les prix ont augmenté de 3 pour cent.', 'fr', {kind: 'percent', value: 3, text: '3 pour cent'}],
	['Il a été publié le 8 février 2018.', 'fr', {kind: 'date', value: '2018-02-08'}],
	['Il fatturato è cresciuto del 4 per cento.', 'it', {kind: 'percent', value: 4, text: '4 per cento'}],
	['Gli investimenti sono saliti a 3 miliardi di euro.', 'it', {kind: 'money', value: 3e9, unit: 'EUR'}],
	['A economia cresceu 2,9 por cento no trimestre.', 'pt', {kind: 'percent', value: 2.9}],
	['Ekspor naik 7 persen tahun ini.', 'id', {kind: 'percent', value: 7, text: '7 persen'}],
	['Nilai perdagangan mencapai 1,2 triliun yuan.', 'id', {kind: 'money', value: 1.2e12, unit: 'CNY'}],
	['国内生产总值达到61.7万亿元。', 'zh', {kind: 'money', value: 61.7e12, unit: 'CNY', text: '61.7万亿元'}],
	['货运量逾43亿吨。', 'zh', {kind: 'count', value: 4.3e9, unit: '吨', qualifier: 'more than'}],
	['会议于2025年11月5日举行。', 'zh', {kind: 'date', value: '2025-11-05', text: '2025年11月5日'}],
	['同比增长5.4%。', 'zh', {kind: 'percent', value: 5.4}],
	['About 73.4 billion U.S. dollars were invested.', 'en', {kind: 'money', value: 73.4e9, unit: 'USD', qualifier: 'about'}],
	['It opened four regional offices in Asia.', 'en', {kind: 'count', value: 4, unit: 'offices'}],
	['The metro carried 8.31 million passenger trips on Monday.', 'en', {kind: 'count', value: 8.31e6, unit: 'trips'}],
	['Output grew in the first half of 2022, officials said.', 'en', {kind: 'period', value: '2022-H1', text: 'first half of 2022'}],
	['Prices rose in Q3 as demand recovered.', 'en', {kind: 'period', value: 'Q3'}],
	['Prices rose over two years.', 'en', {kind: 'duration', value: 'P2Y', text: 'two years', qualifier: 'more than'}],
	['The strike lasted 48 hours.', 'en', {kind: 'duration', value: 'PT48H'}],
	['Trade grew in the past decade.', 'en', {kind: 'period', value: 'past:P10Y'}],
	['It was set out under the 14th Five-Year Plan period.', 'en', {kind: 'period', value: 'FYP14', text: '14th Five-Year Plan'}],
];

describe('figures as each language writes them', () => {
	for (const [text, language, expected] of CASES) {
		it(`${language}: ${text}`, () => expect(one(text, language)).toMatchObject(expected));
	}
	it('reads no figure in names, titles and models', () => {
		for (const text of [
			'The G20 met in Rome.',
			'Under Article 5 of the treaty.',
			'A Boeing 737 landed.',
			'Five Years of Reform and Opening',
			'The Long March rockets launched satellites.',
		]) {
			expect(read(text, 'en'), text).toEqual([]);
		}
		// A month after a capitalised word that opens the sentence, or with a year, is still a date.
		expect(one('In March the rockets launched.', 'en')).toMatchObject({kind: 'date', value: '--03'});
		expect(one('The Long March 2025 launch', 'en')).toMatchObject({kind: 'date', value: '2025-03'});
		expect(one('Die Zahl stieg Ende März.', 'de')).toMatchObject({kind: 'date', value: '--03'});
	});
});

describe('currencies from the text around them', () => {
	it('reads ¥ as yuan in a text about China, as yen in one about Japan, and as unknown without evidence', () => {
		expect(one('Chinese firms earned ¥30 billion, the China association said.', 'en')).toMatchObject({unit: 'CNY'});
		expect(one('Japanese exporters earned ¥30 billion, Tokyo said.', 'en')).toMatchObject({unit: 'JPY'});
		expect(one('They earned ¥30 billion.', 'en')).toMatchObject({unit: '¥', ambiguous: true});
	});
	it('reads prefixed dollars and other signs', () => {
		expect(one('It raised US$2.5 billion.', 'en')).toMatchObject({unit: 'USD', value: 2.5e9});
		expect(one('It raised HK$2.5 billion.', 'en')).toMatchObject({unit: 'HKD'});
		expect(one('It raised NT$300 million.', 'en')).toMatchObject({unit: 'TWD'});
		expect(one('It raised R$5 billion.', 'pt')).toMatchObject({unit: 'BRL'});
		expect(one('It cost £4.2bn.', 'en')).toMatchObject({unit: 'GBP', value: 4.2e9});
		expect(one('It cost ₹500 crore.', 'en')).toMatchObject({unit: 'INR', value: 5e9});
		expect(one('It cost CHF 30 million.', 'en')).toMatchObject({unit: 'CHF', value: 30e6});
	});
	it('leaves a bare dollar ambiguous outside English unless the text says US dollars', () => {
		expect(one('Son 397 milliards de dollars.', 'fr')).toMatchObject({unit: '$', ambiguous: true});
		expect(one('Son 397 milliards de dollars américains.', 'fr')).toMatchObject({unit: 'USD'});
		expect(read('It cost $5 billion, more than S$6 billion.', 'en').map(f => f.unit)).toEqual(['$', 'SGD']);
		expect(one('It cost $5 billion.', 'en')).toMatchObject({unit: 'USD'});
	});
});

describe('numbers that name rather than count', () => {
	it('reads no figure in a session number or a name with an apostrophe', () => {
		expect(read('el debate general de la 76 sesión de la Asamblea', 'es')).toEqual([]);
		expect(read('die Proben der Mondsonde „Chang’e 6“ kamen zurück', 'de')).toEqual([]);
		expect(one('La asamblea celebró 20 sesiones.', 'es')).toMatchObject({kind: 'count', value: 20, unit: 'sesiones'});
	});
});
