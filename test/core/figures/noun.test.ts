import {describe, expect, it} from 'vitest';
import {extractFigures} from '../../../source/core/figures.js';

const unit = (text: string, language = 'en') => extractFigures(text, 0, text.length, {language})[0]?.unit;

describe('the counted noun is the head of the phrase', () => {
	it('skips adjectives and compounds to the head noun in English', () => {
		expect(unit('four regional offices opened')).toBe('offices');
		expect(unit('200 domestic large models and more')).toBe('models');
		expect(unit('76 national-level platforms')).toBe('platforms');
		expect(unit('50 people died')).toBe('people');
		expect(unit('140 injured')).toBeNull();
	});
	it('takes the noun after "de" in Romance languages, the capitalised noun in German, the noun past adjectives in Russian', () => {
		expect(unit('12 millones de habitantes', 'es')).toBe('habitantes');
		expect(unit('4,65 millions de tonnes', 'fr')).toBe('tonnes');
		expect(unit('25 chinesische Unternehmen', 'de')).toBe('unternehmen');
		expect(unit('25 крупных компаний', 'ru')).toBe('компаний');
		expect(unit('550 млн т', 'ru')).toBe('т');
	});
	it('takes the classifier, or the end of the noun phrase, in Chinese', () => {
		expect(unit('157個國家', 'zh')).toBe('個');
		expect(unit('对6億多進境人員、', 'zh')).toBe('人員');
	});
});
