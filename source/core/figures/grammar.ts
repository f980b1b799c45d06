// The grammar of figures, applied at each candidate token of a sentence: a number (digits, number
// words, Chinese numerals), a currency sign or code, an ordinal, a month name or a period word. Each
// rule looks at a few tokens around its start, so a sentence is read in one pass. The rules build on
// window.ts (tokens, numbers, currencies) → dates.ts → cjk.ts.

import {dict} from './dict.js';
import {CjkRules} from './cjk.js';
import {CURRENCY_CODES, CURRENCY_SIGNS, DOLLAR_PREFIXES} from './currency.js';
import type {LanguageTable, TimeUnit} from './lang/index.js';
import {countedNoun, MEASURE_UNITS} from './noun.js';
import {matchAt, phrases} from './phrases.js';
import {type Candidate, isoDuration, MONEY_SCALES, round, type Skip, YEAR_MAX, YEAR_MIN} from './window.js';

export type {Candidate, Skip} from './window.js';
export {isoDuration, round} from './window.js';

/** Words after an ordinal that make it an idiom, not a rank ("for the first time"). */
const ORDINAL_IDIOMS = new Set(['time', 'times', 'vez', 'fois', 'mal', 'volta', 'раз', 'kali']);

/** Nouns after a numeric ordinal that make it the number of an occasion, not a rank ("10th anniversary"). */
const NOT_RANK_AFTER = new Set([
	'time',
	'times',
	'consecutive',
	'century',
	'quarter',
	'half',
	'anniversary',
	'edition',
	'session',
	'plenum',
	'generation',
	'day',
	'week',
	'month',
	'year',
	'batch',
	'phase',
	'round',
	'step',
	'floor',
	'birthday',
	'meeting',
	'summit',
	'congress',
	'conference',
	'straight',
]);

/** Ordinal endings written after digits: 10th, 14º, 14e, 3ème. */
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th', 'º', 'ª', 'e', 'er', 're', 'ère', 'ème', 'eme', 'o', 'a', '°']);

const UNIVERSAL_PERCENT = ['%', 'percent'];

const EN_POINTS = ['percentage point', 'percentage points'];

const EN_TIMES = ['times'];

const EN_CONSECUTIVE = ['consecutive', 'in a row'];

const EN_PLAN = ['five-year plan'];

const EN_PAST_ONE = ['past'];

const EN_SUPERLATIVES = ['largest', 'biggest', 'highest', 'lowest', 'smallest', 'most', 'best'];

const EN_RANK_BEFORE = ['ranked', 'ranks'];

const EN_RATIOS: Record<string, number> = dict({twice: 2});

const EN_UNITS: Record<string, TimeUnit> = dict({});

/** Occasions in the singular after a number: "la 76 sesión de la Asamblea" names a session, it counts nothing. */
const OCCASIONS = new Set([
	'session',
	'sesión',
	'sessão',
	'sessione',
	'edition',
	'edición',
	'édition',
	'edizione',
	'congress',
	'congreso',
	'anniversary',
	'aniversario',
	'anniversaire',
	'сессии',
	'сессия',
]);
/** Words after a number that make it the size of a leading group: "les trois principaux partenaires". */
const TOP_GROUP = new Set(['principaux', 'principales', 'wichtigsten', 'principali']);
/** Words for a place in a ranking that the number follows: "auf Platz drei", "puesto 4". */
const RANK_PLACES = new Set(['platz', 'rang', 'place', 'puesto', 'место']);
/** Words before "a week", "a day" that make the article a count of one: "for a week", "within a day". */
const SPAN_OPENERS = new Set(['for', 'within']);
/** Words after "half" that make it a share: "half of the exports", "la moitié des". */
const HALF_OF = new Set(['of', 'de', 'des', 'der', 'die']);
/** German ordinals joined to a superlative: zweitgrößte, drittwichtigsten. */
const FUSED_ORDINAL = /^(zweit|dritt|viert|fünft)(größte[nrs]?|wichtigste[nrs]?)$/u;
/** The shortest word FUSED_ORDINAL matches ("viertgrößte"): shorter words are not tried against it. */
const FUSED_ORDINAL_MIN = 11;
/** Words that may start a figure in a language: number words, ordinals, months, currency codes, period words. */
const TRIGGERS = new WeakMap<LanguageTable, Set<string>>();
function triggersOf(lang: LanguageTable): Set<string> {
	let set = TRIGGERS.get(lang);
	if (set) return set;
	set = new Set([
		...Object.keys(lang.numbers),
		...Object.keys(lang.ordinals),
		...Object.keys(lang.months),
		...Object.keys(lang.ratioWords),
		...Object.keys(lang.currencyBefore),
		...Object.keys(CURRENCY_CODES),
		...Object.keys(DOLLAR_PREFIXES),
		...Object.keys(EN_RATIOS),
		...Object.keys(lang.halves).map(p => p.split(/[\s-]/)[0]!),
		...lang.past.map(p => p.split(' ')[0]!),
		...lang.half,
		...lang.top,
		'top',
		'a',
		'an',
		'one',
		'q',
		'h',
		'u',
		'ersten',
		'zweiten',
	]);
	TRIGGERS.set(lang, set);
	return set;
}

export class Reader extends CjkRules {
	/** All candidates of the sentence, left to right, longest at each start. */
	read(): Candidate[] {
		const out: Candidate[] = [];
		const t = this.t;
		if (t.length === 3 && t[0]!.type === 'num' && t[1]!.w === ':' && t[2]!.type === 'num' && t[1]!.joined && t[2]!.joined) {
			// A line that is only "00:56": a video's length.
			const m = Number(t[0]!.w);
			const s = Number(t[2]!.w);
			if (t[2]!.w.length === 2 && s < 60) return [{first: 0, last: 2, kind: 'duration', value: m ? `PT${m}M${s}S` : `PT${s}S`, unit: null}];
		}
		for (let i = 0; i < t.length; ) {
			const c = this.at(i, out);
			if (c === null) i++;
			else if ('skip' in c) i += Math.max(1, c.skip);
			else {
				out.push(c);
				i = c.last + 1;
			}
		}
		return out;
	}

	protected at(i: number, before: Candidate[]): Candidate | Skip | null {
		const tok = this.t[i]!;
		if (tok.type === 'num') return this.number(i, before);
		if (tok.type === 'cjk') return this.cjk(i);
		if (tok.type === 'punct') {
			if (CURRENCY_SIGNS[tok.w] && this.t[i + 1]?.type === 'num') return this.moneyAfterSign(i, i + 1, CURRENCY_SIGNS[tok.w]!);
			return null;
		}
		return this.word(i, before);
	}

	protected number(i: number, before: Candidate[]): Candidate | Skip | null {
		const t = this.t;
		const tok = t[i]!;
		const prev = t[i - 1];
		// Names and codes: G20, AXC0113, COVID-19, Tianwen-2, EU27.
		if (prev && tok.joined && prev.type === 'word') return {skip: this.skipJoined(i)};
		if (prev && tok.joined && prev.w === '-' && t[i - 2]?.type === 'word' && prev.joined) return {skip: this.skipJoined(i)};
		if (prev && tok.joined && prev.w === '.' && t[i - 2]?.w === 'no') return {skip: 1};
		// "第76届": an ordinal in Chinese names a session or edition; it is a rank only before 大, 名, 位.
		if (prev?.w === '第' && tok.joined) {
			if (['大', '名', '位'].includes(this.w(i + 1))) return {first: i - 1, last: i + 1, kind: 'rank', value: Number(tok.w), unit: null};
			return {skip: 2};
		}
		// "around 4 pm", "at 4 p.m.": a time of day.
		if (/^(?:am|pm)$/.test(this.w(i + 1)) || (/^[ap]$/.test(this.w(i + 1)) && this.w(i + 2) === '.' && this.w(i + 3) === 'm'))
			return {skip: 2};
		// Times of day and stamps: 22:38:15, 05:04.
		if (t[i + 1]?.w === ':' && t[i + 1]!.joined && t[i + 2]?.type === 'num' && t[i + 2]!.joined) {
			let j = i + 2;
			while (t[j + 1]?.w === ':' && t[j + 2]?.type === 'num' && t[j + 2]!.joined) j += 2;
			return {skip: j - i + 1 + (/^[ap]\.?m\.?$/.test(this.w(j + 1)) ? 1 : 0)};
		}
		const dotted = this.dottedDate(i);
		if (dotted) return dotted;
		const v = this.valueAt(i);
		if (!v) return {skip: 1};
		const digits = tok.w;
		const isYear = /^\d{4}$/.test(digits) && v.value >= YEAR_MIN && v.value <= YEAR_MAX;
		const date = this.numericDate(i, isYear);
		if (date) return date;
		// Letters joined after the number that are no unit we know: 5G, 3D, 4am.
		const next = t[i + 1];
		if (next?.type === 'word' && next.joined && !this.knownAfterNumber(i + 1)) return {skip: 2};
		const negative =
			prev?.w === '-' && tok.joined && !(t[i - 2] && (t[i - 2]!.type === 'num' || (t[i - 2]!.type === 'word' && prev.joined)));
		const sign = negative ? -1 : 1;
		const first = negative ? i - 1 : i;
		if (isYear) {
			const y = this.year(i);
			if (y) return y;
		}
		const day = this.dayMonth(i, v.value);
		if (day) return day;
		const ord = this.ordinalSuffix(i);
		if (ord) return this.ordinal(i, v.value, ord, before);
		// Chinese after digits: 52億噸, 616836亿元, 7.8个百分点, 3成, 2020年.
		if (next?.type === 'cjk' && next.joined) return this.cjkAfterNumber(first, i, v.value * sign);
		return this.quantity(first, v.last, v.value * sign, !v.word);
	}

	/** What follows a number (and its scale): percent, currency, time unit, ratio, counted noun. */
	protected quantity(first: number, last: number, n: number, digits: boolean): Candidate | Skip | null {
		const t = this.t;
		const lang = this.lang;
		// Titles: "Five Years of Reform" (a number word in title case before a capitalised word).
		if (!digits && t[first]!.capital && t[last + 1]?.capital && t[last + 1]!.type === 'word') return {skip: last - first + 1};
		const s = this.scaleAfter(last, false);
		const value = n * s.scale;
		const j = s.last;
		// Nothing after the number but another number or the end: a bare count, with no rule to try.
		const after = t[j + 1];
		if (!after || after.type === 'num' || (after.newline && after.type !== 'punct')) {
			if (digits && this.inName(first)) return {skip: j - first + 1};
			return {first, last: j, kind: 'count', value: round(value), unit: null, bare: true, scale: s.scale, word: !digits};
		}
		const pp = matchAt(t, j + 1, phrases(lang.points)) ?? matchAt(t, j + 1, phrases(EN_POINTS));
		// Plain "points" is percentage points only after a percent figure in the sentence.
		if (pp && s.scale === 1 && (this.w(j + 1) !== 'points' || this.isPercentContext(first))) {
			return {first, last: j + pp.length, kind: 'percent', value: round(value), unit: 'pp'};
		}
		const pc = matchAt(t, j + 1, phrases(lang.percent)) ?? matchAt(t, j + 1, phrases(UNIVERSAL_PERCENT));
		if (pc && s.scale === 1) {
			let end = j + pc.length;
			if (this.w(end + 1) === '.' && t[end + 1]!.joined && this.w(end) === 'проц') end++;
			const pts = matchAt(t, end + 1, phrases(lang.points));
			if (pts && this.w(end + 1) !== 'points') return {first, last: end + pts.length, kind: 'percent', value: round(value), unit: 'pp'};
			return {first, last: end, kind: 'percent', value: round(value), unit: null};
		}
		const cur = this.currencyAfter(j);
		if (cur) return this.money(first, cur.last, value, cur.unit, s.scale);
		// "580-billion-US-dollar"
		if (this.w(j + 1) === '-' && t[j + 1]!.joined) {
			const hyph = this.currencyAfter(j + 1);
			if (hyph) return this.money(first, hyph.last, value, hyph.unit, s.scale);
		}
		if (s.scale === 1) {
			const dur = this.duration(first, j, value, digits);
			if (dur) return dur;
		}
		const times = matchAt(t, j + 1, phrases(lang.times)) ?? matchAt(t, j + 1, phrases(EN_TIMES));
		if (times && s.scale === 1) return {first, last: j + times.length, kind: 'ratio', value: round(value), unit: null};
		if (this.w(j + 1) === '-' && this.w(j + 2) === 'fold') return {first, last: j + 2, kind: 'ratio', value: round(value), unit: null};
		// "les trois principaux partenaires": a top group.
		if (TOP_GROUP.has(this.w(j + 1)) && s.scale === 1) {
			return {first, last: j, kind: 'rank', value: round(value), unit: 'top'};
		}
		// "Platz drei", "auf Platz 3"
		const prevWord = this.w(first - 1);
		if (lang.rankBefore.includes(prevWord) && RANK_PLACES.has(prevWord)) {
			return {first, last: j, kind: 'rank', value: round(value), unit: null};
		}
		// Measurements joined by a hyphen: "133-acre", "300m-deep" is read by countedNoun.
		if (this.w(j + 1) === '-' && t[j + 1]!.joined && MEASURE_UNITS[this.w(j + 2)] && t[j + 2]!.joined) {
			return {first, last: j, kind: 'count', value: round(value), unit: this.w(j + 2), dimension: MEASURE_UNITS[this.w(j + 2)]!};
		}
		if (!digits && value === 1) return null;
		if (digits && this.inName(first)) return {skip: j - first + 1};
		// "la 76 sesión", "the 20 edition": a number before an occasion in the singular numbers it (an ordinal in a name).
		if (value > 1 && OCCASIONS.has(this.w(j + 1))) return {skip: j - first + 2};
		const noun = countedNoun(t, j, lang);
		if (noun && !(this.w(j + 1) === '-' && !MEASURE_UNITS[noun.noun])) {
			return {first, last: j, kind: 'count', value: round(value), unit: noun.noun, dimension: noun.dimension, scale: s.scale};
		}
		return {first, last: j, kind: 'count', value: round(value), unit: null, bare: true, scale: s.scale, word: !digits};
	}

	/** A number and a time unit: "two years", "48 hours", "ten consecutive quarters", "10 meses", "past five years". */
	protected duration(first: number, last: number, value: number, digits: boolean): Candidate | null {
		const t = this.t;
		const lang = this.lang;
		let k = last + 1;
		// "a two-hour span", "a 48-hour strike": the unit joined by a hyphen.
		if (this.w(k) === '-' && t[k]!.joined && t[k + 1]?.joined && lang.timeUnits[this.w(k + 1)]) k++;
		let consecutive = matchAt(t, k, phrases(lang.consecutive)) ?? matchAt(t, k, phrases(EN_CONSECUTIVE));
		if (consecutive) k += consecutive.length;
		// "cinq premiers mois", "ersten elf Monaten" is read from the ordinal.
		if (this.w(k) === 'premiers' || this.w(k) === 'premières') {
			const unit = lang.timeUnits[this.w(k + 1)];
			if (unit === 'M') return this.monthRange(first, k + 1, value);
		}
		// "zehn vorangehenden Jahren"
		const past = matchAt(t, k, phrases(lang.past));
		if (past && lang.timeUnits[this.w(k + past.length)]) {
			const unit = lang.timeUnits[this.w(k + past.length)]!;
			return {first, last: k + past.length, kind: 'period', value: `past:${isoDuration(value, unit)}`, unit: null};
		}
		const unit = lang.timeUnits[this.w(k)] ?? EN_UNITS[this.w(k)];
		if (!unit) return null;
		if (!digits && value === 1 && !this.hedged(first)) return null;
		if (unit === 'Y' && (this.w(k + 1) === 'old' || (this.w(k - 1) === '-' && this.w(k + 1) === '-'))) return null;
		if (this.w(last + 1) === '-' && ['plan', 'plans', 'period', 'periods'].includes(this.w(k + 1))) return null;
		// "year-on-year" and "a five-year period" are not durations; neither is a rate ("3 million a year").
		if (this.w(k + 1) === '-' && this.w(k + 2) === 'on') return null;
		if (!consecutive) consecutive = matchAt(t, k + 1, phrases(lang.consecutive));
		// A preceding "past", "last", "next" makes a period or a duration ahead.
		const p = first - 1;
		const prevPast = matchAt(t, p, phrases(lang.past)) ?? (this.lang.code === 'en' ? null : matchAt(t, p, phrases(EN_PAST_ONE)));
		if (prevPast && p + prevPast.length === first && !this.t[first]!.newline) {
			return {first: p, last: k, kind: 'period', value: `past:${isoDuration(value, unit)}`, unit: null};
		}
		const prevNext = matchAt(t, p, phrases(lang.next));
		if (prevNext && p + prevNext.length === first)
			return {first: p, last: k, kind: 'duration', value: isoDuration(value, unit), unit: null};
		// "first six months", "primeros ocho meses"
		const ordFirst = this.lang.ordinals[this.w(p)] === 1 || this.w(p) === 'first';
		if (ordFirst && unit === 'M') return this.monthRange(p, k, value);
		return {first, last: k, kind: 'duration', value: isoDuration(value, unit), unit: null};
	}

	/** A known thing joined right after a number: scale, unit, percent, ordinal ending, currency. */
	protected knownAfterNumber(k: number): boolean {
		const w = this.w(k);
		return (
			ORDINAL_SUFFIX.has(w) ||
			w in this.lang.scales ||
			w in MONEY_SCALES ||
			w in MEASURE_UNITS ||
			this.lang.percent.includes(w) ||
			w === 'percent' ||
			w in this.lang.currencies ||
			!!this.lang.timeUnits[w] ||
			!!EN_UNITS[w] ||
			w === 'fold' ||
			w === 'x'
		);
	}

	/** An ordinal ending after the digits at `i` ("10th", "14º", "14e", "14-й"): its last token. */
	protected ordinalSuffix(i: number): number | null {
		const next = this.t[i + 1];
		if (next?.joined && ORDINAL_SUFFIX.has(next.w) && (next.type === 'word' || next.type === 'punct')) {
			if ((next.w === 'e' || next.w === 'o' || next.w === 'a') && this.lang.code === 'en') return null;
			return i + 1;
		}
		if (next?.w === '-' && next.joined && ['й', 'го', 'м', 'я', 'е'].includes(this.w(i + 2)) && this.t[i + 2]!.joined) return i + 2;
		return null;
	}

	/** After an ordinal (value `n`, last token `last`): a quarter, a five-year plan, a consecutive year, a rank. */
	protected ordinal(first: number, n: number, last: number, before: Candidate[]): Candidate | Skip | null {
		const t = this.t;
		const lang = this.lang;
		const nextW = this.w(last + 1);
		if (ORDINAL_IDIOMS.has(nextW)) return {skip: last - first + 2};
		const plan = matchAt(t, last + 1, phrases(lang.plan)) ?? matchAt(t, last + 1, phrases(EN_PLAN));
		if (plan) return {first, last: last + plan.length, kind: 'period', value: `FYP${n}`, unit: null};
		if (lang.quarter.includes(nextW) || nextW === 'quarter') {
			if (n < 1 || n > 4) return null;
			const y = this.yearAfter(last + 1);
			if (y) return {first, last: y.last, kind: 'period', value: `${y.year}-Q${n}`, unit: null};
			return {first, last: last + 1, kind: 'period', value: `Q${n}`, unit: null};
		}
		if (n === 1 || n === 2) {
			const half = matchAt(t, first, phrases(lang.halves));
			if (half && first + half.length > last) return this.half(first, first + half.length - 1, half.value);
		}
		// "sixth consecutive year", "sixième année consécutive"
		const cons = matchAt(t, last + 1, phrases(lang.consecutive)) ?? matchAt(t, last + 1, phrases(EN_CONSECUTIVE));
		const unitAt = cons ? last + 1 + cons.length : last + 1;
		const unit = lang.timeUnits[this.w(unitAt)];
		if (unit && (cons || matchAt(t, unitAt + 1, phrases(lang.consecutive)))) {
			return {first, last: unitAt, kind: 'duration', value: isoDuration(n, unit), unit: null};
		}
		// "first six months", "primeros ocho meses", "ersten elf Monaten", "первые три месяца"
		if (n === 1) {
			const v = this.valueAt(last + 1);
			if (v && lang.timeUnits[this.w(v.last + 1)] === 'M') return this.monthRange(first, v.last + 1, v.value);
		}
		// "second-largest", "zweitgrößte"
		if (nextW === '-' && t[last + 1]!.joined) {
			const sup = this.w(last + 2);
			if (lang.superlatives.includes(sup) || EN_SUPERLATIVES.includes(sup))
				return {first, last: last + 2, kind: 'rank', value: n, unit: sup};
		}
		// Names of bodies and events: "20th Central Committee", "Seventh China International Import Expo".
		if (t[last + 1]?.capital && !lang.rankAfter.includes(nextW)) return {skip: last - first + 1};
		const rankBefore = (k: number) => {
			const w = this.w(k);
			if (w === 'and' || w === ',') return before.some(c => c.kind === 'rank');
			return lang.rankBefore.includes(w) || (lang.code !== 'en' && EN_RANK_BEFORE.includes(w));
		};
		const ctxBefore =
			rankBefore(first - 1) ||
			(t[first - 2]?.type === 'word' && rankBefore(first - 2) && t[first - 1]?.capital) ||
			(rankBefore(first - 2) && this.w(first - 1) === 'the');
		const ctxAfter =
			lang.rankAfter.includes(nextW) || matchAt(t, last + 1, phrases(lang.rankAfter)) !== null || this.innovationOutput(last);
		if (ctxBefore || ctxAfter) {
			if (this.w(first - 1) === 'the' && !ctxAfter && !rankBefore(first - 2)) return null;
			return {first, last, kind: 'rank', value: n, unit: null};
		}
		// A numeric ordinal is a rank ("from 34th in 2012 to 14th") unless it numbers an occasion or a period.
		if (t[first]!.type === 'num' && !NOT_RANK_AFTER.has(nextW)) return {first, last, kind: 'rank', value: n, unit: null};
		return null;
	}

	/** "fifth in innovation output": a rank "in" a field named by a noun and "output". */
	protected innovationOutput(last: number): boolean {
		return this.w(last + 1) === 'in' && (this.w(last + 3) === 'output' || (this.w(last + 2) === 'the' && this.w(last + 3) === 'world'));
	}

	protected word(i: number, before: Candidate[]): Candidate | Skip | null {
		const t = this.t;
		const lang = this.lang;
		const tok = t[i]!;
		const w = tok.w;
		// Most words start no figure: one set look-up turns them away (a fused ordinal is 11 letters or more).
		if (!triggersOf(lang).has(w) && (w.length < FUSED_ORDINAL_MIN || !FUSED_ORDINAL.test(w))) return null;
		// Currency before a number: US$, HK$, CNY1, RMB 3.6, Rs 500.
		if (this.w(i + 1) === '$' && t[i + 1]!.joined && DOLLAR_PREFIXES[w] && t[i + 2]?.type === 'num') {
			const upper = this.text.slice(tok.start, tok.end).toUpperCase() === this.text.slice(tok.start, tok.end);
			if (upper) return this.moneyAfterSign(i, i + 2, DOLLAR_PREFIXES[w]!);
		}
		if (
			w === 'u' &&
			this.w(i + 1) === '.' &&
			this.w(i + 2) === 's' &&
			this.w(i + 3) === '.' &&
			this.w(i + 4) === '$' &&
			t[i + 5]?.type === 'num'
		) {
			return this.moneyAfterSign(i, i + 5, 'USD');
		}
		const code = CURRENCY_CODES[w] ?? lang.currencyBefore[w];
		if (code && t[i + 1]?.type === 'num') {
			const written = this.text.slice(tok.start, tok.end);
			if (written === written.toUpperCase() || w === 'rs' || lang.currencyBefore[w]) return this.moneyAfterSign(i, i + 1, code);
		}
		if (code && this.w(i + 1) === '.' && t[i + 2]?.type === 'num' && (w === 'rs' || lang.currencyBefore[w]))
			return this.moneyAfterSign(i, i + 2, code);
		// Q3, H1 (not "Q1." as a question label at the start of a line).
		if ((w === 'q' || w === 'h') && t[i + 1]?.type === 'num' && t[i + 1]!.joined && /^[1-4]$/.test(t[i + 1]!.w)) {
			if ((tok.newline || i === 0) && this.w(i + 2) === '.') return {skip: 3};
			if (t[i + 2]?.joined && t[i + 2]!.type !== 'punct') return {skip: 2};
			const n = Number(t[i + 1]!.w);
			if (w === 'h' && n > 2) return {skip: 2};
			const label = w === 'q' ? `Q${n}` : `H${n}`;
			const y = this.yearAfter(i + 1);
			if (y) return {first: i, last: y.last, kind: 'period', value: `${y.year}-${label}`, unit: null};
			return {first: i, last: i + 1, kind: 'period', value: label, unit: null};
		}
		if (lang.top.includes(w) || w === 'top') {
			let k = i + 1;
			if (this.w(k) === '-' && t[k]!.joined) k++;
			const v = this.valueAt(k);
			if (v && Number.isInteger(v.value) && v.value > 1) return {first: i, last: v.last, kind: 'rank', value: v.value, unit: 'top'};
		}
		// Halves of a year: "first half", "half-year", "primer semestre", "ersten Halbjahr".
		const half = matchAt(t, i, phrases(lang.halves));
		if (half) {
			const last = i + half.length - 1;
			// "half-year" as an adjective is labelled H1 too; "half year" only when not "half a year".
			return this.half(i, last, half.value);
		}
		// "ersten Jahreshälfte 2010"
		if (this.lang.code === 'de' && (w === 'ersten' || w === 'zweiten') && this.w(i + 1) === 'jahreshälfte')
			return this.half(i, i + 1, w === 'ersten' ? 'H1' : 'H2');
		// "the past decade", "den vergangenen zehn Jahren", "los últimos cinco años"
		const past = matchAt(t, i, phrases(lang.past));
		if (past) {
			const k = i + past.length;
			if (lang.decade.includes(this.w(k)) || this.w(k) === 'decade')
				return {first: i, last: k, kind: 'period', value: 'past:P10Y', unit: null};
		}
		const num = lang.numbers[w];
		if (num !== undefined) {
			if (this.t[i + 1]?.w === '-' && lang.times.includes('-fold') && this.w(i + 2) === 'fold')
				return {first: i, last: i + 2, kind: 'ratio', value: num, unit: null};
			const v = this.valueAt(i)!;
			return this.quantity(i, v.last, v.value, false);
		}
		// "a day", "a foot" after a hedge: "less than a day", "up to a foot of rain".
		// "a million homes": the article as the number one before a scale.
		if ((w === 'a' || w === 'one') && this.lang.scales[this.w(i + 1)] && this.lang.code === 'en') {
			const q = this.quantity(i, i, 1, true);
			if (q && !('skip' in q) && q.last > i) return q;
		}
		if ((w === 'a' || w === 'an') && (this.hedged(i) || SPAN_OPENERS.has(this.w(i - 1)))) {
			const unit = lang.timeUnits[this.w(i + 1)];
			if (unit) return {first: i, last: i + 1, kind: 'duration', value: isoDuration(1, unit), unit: null};
			if (MEASURE_UNITS[this.w(i + 1)])
				return {first: i, last: i, kind: 'count', value: 1, unit: this.w(i + 1), dimension: MEASURE_UNITS[this.w(i + 1)]!};
		}
		const ord = lang.ordinals[w];
		if (ord !== undefined) return this.ordinal(i, ord, i, before);
		// German ordinals joined to a superlative: zweitgrößte.
		const fused = FUSED_ORDINAL.exec(w);
		if (fused)
			return {
				first: i,
				last: i,
				kind: 'rank',
				value: {zweit: 2, dritt: 3, viert: 4, fünft: 5}[fused[1]!]!,
				unit: fused[2]!.replace(/[nrs]$/, ''),
			};
		const ratio = lang.ratioWords[w] ?? (lang.code === 'en' ? undefined : EN_RATIOS[w]);
		if (ratio !== undefined && !(this.w(i + 1) === '-' && /^dig/.test(this.w(i + 2))))
			return {first: i, last: i, kind: 'ratio', value: ratio, unit: null};
		if (lang.half.includes(w) && this.halfIsRatio(i)) return {first: i, last: i, kind: 'ratio', value: 0.5, unit: null};
		const month = this.monthAt(i, false);
		if (month) return this.monthFirst(i, month);
		return null;
	}

	/** "more than half", "half of the": a share; not "half a", "a half", "half-year". */
	protected halfIsRatio(i: number): boolean {
		const next = this.w(i + 1);
		const prev = this.w(i - 1);
		if (next === '-' || next === 'a' || prev === 'a' || prev === 'first' || prev === 'second') return false;
		return HALF_OF.has(next) || this.hedged(i) || prev === 'la' || prev === 'die';
	}
}
