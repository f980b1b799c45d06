// The counted noun of a count: the head of the noun phrase after the number ("four regional offices"
// → offices; "8.31 million passenger trips" → trips), a measurement unit (km, acres, т), or in Chinese
// the classifier (個, 噸) or the last word of the phrase.

import {dict} from './dict.js';
import type {LanguageTable} from './lang/index.js';
import type {Token} from './tokens.js';

/** Units of measurement and the dimension they measure; a count in one of them is a measurement. */
export const MEASURE_UNITS: Record<string, string> = dict({
	km: 'length',
	kilometer: 'length',
	kilometers: 'length',
	kilometre: 'length',
	kilometres: 'length',
	m: 'length',
	meter: 'length',
	meters: 'length',
	metre: 'length',
	metres: 'length',
	mm: 'length',
	cm: 'length',
	mile: 'length',
	miles: 'length',
	foot: 'length',
	feet: 'length',
	ft: 'length',
	inch: 'length',
	inches: 'length',
	км: 'length',
	метров: 'length',
	acre: 'area',
	acres: 'area',
	hectare: 'area',
	hectares: 'area',
	ha: 'area',
	mu: 'area',
	га: 'area',
	tonne: 'mass',
	tonnes: 'mass',
	ton: 'mass',
	tons: 'mass',
	t: 'mass',
	т: 'mass',
	тонн: 'mass',
	тонны: 'mass',
	kg: 'mass',
	kilograms: 'mass',
	toneladas: 'mass',
	tonnen: 'mass',
	barrels: 'volume',
	liters: 'volume',
	litres: 'volume',
	mw: 'power',
	gw: 'power',
	kw: 'power',
});

/** Nouns that count people, so that "25 passengers" and "32 people" measure the same thing. */
export const PERSON_NOUNS = new Set([
	'people',
	'persons',
	'person',
	'deaths',
	'dead',
	'lives',
	'victims',
	'passengers',
	'girls',
	'boys',
	'children',
	'kids',
	'campers',
	'residents',
	'workers',
	'students',
	'tourists',
	'visitors',
	'villagers',
	'injured',
	'casualties',
	'migrants',
	'soldiers',
	'civilians',
	'patients',
	'employees',
	'staff',
	'personnel',
	'inhabitants',
	'habitantes',
	'personas',
	'muertos',
	'personnes',
	'morts',
	'menschen',
	'personen',
	'tote',
	'человек',
	'людей',
	'orang',
	'人',
	'人員',
	'人员',
	'名',
	'人次',
]);

/** Chinese classifiers and measure words that follow a number and stand for what is counted. */
export const CJK_CLASSIFIERS = [
	'平方公里',
	'平方米',
	'公里',
	'千米',
	'公顷',
	'公頃',
	'公斤',
	'千克',
	'人次',
	'个',
	'個',
	'家',
	'份',
	'吨',
	'噸',
	'只',
	'隻',
	'种',
	'種',
	'名',
	'人',
	'位',
	'座',
	'项',
	'項',
	'架',
	'辆',
	'輛',
	'艘',
	'条',
	'條',
	'台',
	'臺',
	'件',
	'所',
	'户',
	'戶',
	'次',
	'批',
	'笔',
	'筆',
	'套',
	'块',
	'塊',
	'头',
	'頭',
	'箱',
	'亩',
	'畝',
	'米',
	'部',
	'张',
	'張',
	'篇',
	'场',
	'場',
	'例',
	'株',
	'处',
	'處',
	'間',
	'间',
];

/** Where a Chinese noun phrase after a number ends: punctuation, particles, verbs that follow the object. */
const CJK_NP_STOPS = new Set([
	'的',
	'和',
	'与',
	'與',
	'及',
	'或',
	'在',
	'是',
	'等',
	'中',
	'实',
	'實',
	'同',
	'增',
	'达',
	'達',
	'为',
	'為',
	'对',
	'對',
]);
/** English words ending a noun phrase that are verbs, not nouns ("50 people died"). */
const EN_VERBS = new Set([
	'rose',
	'fell',
	'grew',
	'hit',
	'saw',
	'made',
	'took',
	'got',
	'went',
	'came',
	'left',
	'lost',
	'won',
	'said',
	'says',
	'say',
	'remain',
	'remains',
	'stand',
	'stands',
	'live',
	'work',
	'include',
	'includes',
	'reach',
	'reaches',
	'face',
	'faces',
	'need',
	'needs',
]);
const IRREGULAR_PLURALS = new Set([
	'people',
	'children',
	'men',
	'women',
	'staff',
	'personnel',
	'police',
	'cattle',
	'data',
	'media',
	'feet',
	'teeth',
	'mice',
	'geese',
	'livestock',
	'equipment',
	'aircraft',
	'sheep',
	'fish',
	'offspring',
]);
const RU_ADJECTIVE = /(?:ых|их|ые|ие|ой|ый|ий|ая|ое|ого|его|ому|ым|им)$/u;
/** Words after a number that are not what it counts, in any language (dígitos: "dos dígitos" is an idiom). */
const NOT_NOUNS = new Set(['dígitos', 'digit', 'digits', 'percent', 'bis', 'bzw', 'to', 'und']);

export type Noun = {noun: string; dimension: string | null};

const DIMENSION_OF = new Map(Object.entries(MEASURE_UNITS));

function dimensionOf(noun: string): string | null {
	return DIMENSION_OF.get(noun) ?? (PERSON_NOUNS.has(noun) ? 'person' : null);
}

/** The counted noun after token `after` (the number or its scale); null when none is found. */
export function countedNoun(tokens: Token[], after: number, lang: LanguageTable): Noun | null {
	const next = tokens[after + 1];
	if (!next || next.newline) return null;
	if (next.type === 'cjk') return cjkNoun(tokens, after + 1);
	if (next.type !== 'word') return null;
	// "300m-deep", "133-acre": a measurement unit joined to the number.
	if (MEASURE_UNITS[next.w]) {
		return {noun: next.w, dimension: MEASURE_UNITS[next.w]!};
	}
	const stops = new Set(lang.stops);
	const words: string[] = [];
	const capitals = new Set<string>();
	let i = after + 1;
	if (lang.connectors.includes(tokens[i]!.w) && tokens[i + 1]?.type === 'word') i++;
	for (; i < tokens.length && words.length < 4; i++) {
		const t = tokens[i]!;
		if (t.newline) break;
		if (t.type === 'punct') {
			// Hyphenated compounds stay one word ("national-level platforms").
			if (t.w === '-' && t.joined && tokens[i + 1]?.type === 'word' && tokens[i + 1]!.joined && words.length > 0) {
				words[words.length - 1] += `-${tokens[i + 1]!.w}`;
				i++;
				continue;
			}
			break;
		}
		if (t.type !== 'word' || stops.has(t.w) || NOT_NOUNS.has(t.w)) break;
		if (lang.code === 'en' && (EN_VERBS.has(t.w) || t.w.endsWith('ly') || (words.length > 0 && t.w.endsWith('ed')))) break;
		words.push(t.w);
		if (t.capital) capitals.add(t.w);
		if (lang.headFirst && lang.code !== 'ru') break;
		if (lang.code === 'ru' && !RU_ADJECTIVE.test(t.w)) break;
		if (lang.code === 'de' && t.capital) break;
	}
	if (words.length === 0) return null;
	let noun: string;
	if (lang.code === 'en' || lang.code === 'zh') {
		const plural = [...words].reverse().find(w => isPluralEn(w));
		if (plural) noun = plural;
		else if (words.length === 1 && !/(?:ed|ing)$/.test(words[0]!)) noun = words[0]!;
		else return null;
	} else if (lang.code === 'de') {
		noun = words[words.length - 1]!;
		if (!capitals.has(noun)) return null;
	} else noun = words[words.length - 1]!;
	return {noun, dimension: dimensionOf(noun)};
}

function isPluralEn(w: string): boolean {
	const last = w.slice(w.lastIndexOf('-') + 1);
	return (
		IRREGULAR_PLURALS.has(last) ||
		(last.length >= 3 && last.endsWith('s') && !last.endsWith('ss') && !last.endsWith('us') && !last.endsWith('is'))
	);
}

/** A classifier right after the number, or the last two characters of the noun phrase that follows. */
const CLASSIFIERS_BY_FIRST = new Map<string, string[]>();
for (const c of CJK_CLASSIFIERS) CLASSIFIERS_BY_FIRST.set(c[0]!, [...(CLASSIFIERS_BY_FIRST.get(c[0]!) ?? []), c]);

export function cjkNoun(tokens: Token[], at: number): Noun | null {
	for (const c of CLASSIFIERS_BY_FIRST.get(tokens[at]?.w ?? '') ?? []) {
		let ok = true;
		for (let k = 0; k < c.length; k++) {
			const t = tokens[at + k];
			if (!t || t.w !== c[k] || (k > 0 && !t.joined)) {
				ok = false;
				break;
			}
		}
		if (ok) return {noun: c, dimension: dimensionOf(c)};
	}
	let i = at;
	if (tokens[i]?.w === '多' || tokens[i]?.w === '余' || tokens[i]?.w === '餘') i++;
	const chars: string[] = [];
	for (; i < tokens.length && chars.length < 8; i++) {
		const t = tokens[i]!;
		if (t.type !== 'cjk' || CJK_NP_STOPS.has(t.w) || (chars.length > 0 && !t.joined)) break;
		chars.push(t.w);
	}
	if (chars.length < 2) return null;
	const noun = chars.slice(-2).join('');
	return {noun, dimension: dimensionOf(noun)};
}
