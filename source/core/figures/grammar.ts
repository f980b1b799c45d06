// The grammar of figures, applied at each candidate token of a sentence: a number (digits, number
// words, Chinese numerals), a currency sign or code, an ordinal, a month name or a period word. Each
// rule looks at a few tokens around its start, so a sentence is read in one pass.

import {CJK_CURRENCIES, CURRENCY_CODES, CURRENCY_SIGNS, DOLLAR_PREFIXES} from './currency.js';
import type {LanguageTable, TimeUnit} from './lang/index.js';
import {cjkNoun, countedNoun, MEASURE_UNITS} from './noun.js';
import {matchAt, phrases} from './phrases.js';
import {CJK_SCALES, isCjkNumeral, readCjkNumber, readDigits} from './scan.js';
import type {Token} from './tokens.js';
import type {FigureContext, FigureKind} from './types.js';

/** A figure found at some tokens, before hedges and ranges are settled. */
export type Candidate = {
	first: number;
	last: number;
	kind: FigureKind;
	value: number | string;
	unit: string | null;
	ambiguous?: boolean;
	dimension?: string | null;
	/** A number with nothing after it that says what it is: it may take the unit of the next figure of a range. */
	bare?: boolean;
	/** The scale written with the number (1e9 for "Milliarden"), for the bare end of a range. */
	scale?: number;
	/** A hedge read after the figure (`以上`, `多`). */
	after?: string | null;
	/** Written as a word ("five"): a bare number word is no figure unless it ends up in a range. */
	word?: boolean;
};

/** Tokens read and rejected (a time of day, a name like G20): the main loop skips them. */
export type Skip = {skip: number};

/** Years a bare four-digit number may be: outside this range it is a count. */
const YEAR_MIN = 1800;
const YEAR_MAX = 2100;
/** Words after an ordinal that make it an idiom, not a rank ("for the first time"). */
const ORDINAL_IDIOMS = new Set(['time', 'times', 'vez', 'fois', 'mal', 'volta', 'раз', 'kali']);
/**
 * Capitalised words before a number that make no name of it: prepositions and articles that start a
 * sentence, and the New Year, whose number is the year itself ("New Year 2025", "Año Nuevo 2022").
 */
const NOT_NAMES = new Set([
	'year',
	'nuevo',
	'nouvel',
	'neujahr',
	'capodanno',
	'in',
	'by',
	'on',
	'at',
	'for',
	'of',
	'to',
	'since',
	'from',
	'over',
	'about',
	'nearly',
	'some',
	'the',
	'and',
	'with',
	'only',
	'all',
	'more',
	'top',
	'until',
	'between',
	'during',
	'around',
	'almost',
	'just',
	'en',
	'de',
	'le',
	'la',
	'el',
	'los',
	'les',
	'des',
	'du',
	'del',
	'con',
	'por',
	'para',
	'dans',
	'pour',
	'sur',
	'avec',
	'et',
	'y',
	'e',
	'a',
	'à',
	'au',
	'aux',
	'in',
	'с',
	'в',
	'на',
	'и',
	'до',
	'около',
	'почти',
]);
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
/** Words inside a month range before the second month ("по середину ноября", "to mid-November"). */
const MONTH_FILLERS = new Set([
	'середину',
	'середины',
	'конец',
	'конца',
	'начало',
	'начала',
	'mid',
	'end',
	'late',
	'early',
	'mediados',
	'finales',
	'fin',
	'mi',
	'mitte',
	'ende',
]);
/** Chinese characters after a number that end a time expression: 年 (year), 月 (month), 日/号 (day). */
const CJK_DATE = new Set(['年', '月', '日', '号', '號']);

const UNIT_MONTHS: Record<TimeUnit, [string, number]> = {
	Y: ['Y', 1],
	M: ['M', 1],
	W: ['W', 1],
	D: ['D', 1],
	H: ['H', 1],
	MIN: ['M', 1],
	S: ['S', 1],
	Q: ['M', 3],
	DEC: ['Y', 10],
};

/** ISO 8601 duration: `P2Y`, `P30M`, `PT48H`. */
export function isoDuration(n: number, unit: TimeUnit): string {
	const [u, mult] = UNIT_MONTHS[unit];
	const v = round(n * mult);
	return unit === 'H' || unit === 'MIN' || unit === 'S' ? `PT${v}${u}` : `P${v}${u}`;
}

/** Drops floating-point noise (0.1 × 3); integers, the common case, pass as they are. */
export const round = (x: number) => (Number.isInteger(x) ? x : Number(x.toPrecision(12)));
const pad = (n: number) => String(n).padStart(2, '0');

export class Reader {
	private readonly stops: Set<string>;
	constructor(
		private readonly text: string,
		private readonly t: Token[],
		private readonly lang: LanguageTable,
		private readonly context: () => FigureContext,
	) {
		this.stops = new Set(lang.stops);
	}

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

	private w(i: number): string {
		return this.t[i]?.w ?? '';
	}

	private at(i: number, before: Candidate[]): Candidate | Skip | null {
		const tok = this.t[i]!;
		if (tok.type === 'num') return this.number(i, before);
		if (tok.type === 'cjk') return this.cjk(i);
		if (tok.type === 'punct') {
			if (CURRENCY_SIGNS[tok.w] && this.t[i + 1]?.type === 'num') return this.moneyAfterSign(i, i + 1, CURRENCY_SIGNS[tok.w]!);
			return null;
		}
		return this.word(i, before);
	}

	// ---------- numbers ----------

	/** The value of a number at `i`: digits, a number word or a compound ("twenty-five"); null if none. */
	private valueAt(i: number): {value: number; last: number; word: boolean; digits?: string} | null {
		const tok = this.t[i];
		if (!tok) return null;
		if (tok.type === 'num') {
			const r = readDigits(tok.w, this.lang.decimal);
			return r ? {value: r.value, last: i, word: false, digits: tok.w} : null;
		}
		if (tok.type !== 'word') return null;
		const n = this.lang.numbers[tok.w];
		if (n === undefined) return null;
		if (this.w(i + 1) === '-' && this.t[i + 1]!.joined && this.t[i + 2]?.joined) {
			const unit = this.lang.numbers[this.w(i + 2)];
			if (unit !== undefined && unit < 10 && n >= 20 && n < 100) return {value: n + unit, last: i + 2, word: true};
		}
		if (this.w(i + 1) === 'hundred' && n < 10) return {value: n * 100, last: i + 1, word: true};
		return {value: n, last: i, word: true};
	}

	/** Scale words after token `last`: "million", "mil millones", "Mrd", "bn" (joined letters only after a currency). */
	private scaleAfter(last: number, money: boolean): {scale: number; last: number} {
		let scale = 1;
		let j = last;
		for (let guard = 0; guard < 3; guard++) {
			let k = j + 1;
			if (this.w(k) === '-' && this.t[k]!.joined && this.t[k + 1]?.joined) k++;
			const m = matchAt(this.t, k, phrases(this.lang.scales));
			if (m) {
				scale *= m.value;
				j = k + m.length - 1;
				if (this.w(j + 1) === '.' && this.t[j + 1]!.joined && this.t[j]!.w.length <= 4) j++;
				continue;
			}
			if (money && this.t[k]?.joined && this.t[k]!.type === 'word') {
				const s = MONEY_SCALES[this.t[k]!.w];
				if (s) {
					scale *= s;
					j = k;
					continue;
				}
			}
			if (money && !this.t[k]?.joined) {
				const s = MONEY_SCALES[this.w(k)];
				if (s && this.w(k).length > 1) {
					scale *= s;
					j = k;
					continue;
				}
			}
			const cjk = this.t[k];
			if (cjk?.type === 'cjk' && cjk.joined && CJK_SCALES[cjk.w]) {
				scale *= CJK_SCALES[cjk.w]!;
				j = k;
				continue;
			}
			break;
		}
		return {scale, last: j};
	}

	/** A currency after token `last` (with a connector: "millones de yuanes"): its code and last token. */
	private currencyAfter(last: number): {unit: string; last: number} | null {
		let k = last + 1;
		const cjk = this.cjkCurrency(k);
		if (cjk) return cjk;
		if (this.t[k]?.type === 'punct' && (this.t[k]!.w === '€' || this.t[k]!.w === '£'))
			return {unit: CURRENCY_SIGNS[this.t[k]!.w]!, last: k};
		if (this.lang.connectors.includes(this.w(k))) k++;
		if (this.w(k) === "'" && this.t[k]!.joined) k++;
		const m = matchAt(this.t, k, phrases(this.lang.currencies)) ?? matchAt(this.t, k, phrases(ENGLISH_CURRENCY_CODES));
		if (!m) return null;
		let end = k + m.length - 1;
		let unit = m.value;
		if (unit === '$') {
			// "dollars US", "долларов США": the marker after the word.
			const us = matchAt(this.t, end + 1, phrases(this.lang.usMarkers));
			if (
				us &&
				this.text.slice(this.t[end + 1]!.start, this.t[end + us.length]!.end).toUpperCase() ===
					this.text.slice(this.t[end + 1]!.start, this.t[end + us.length]!.end)
			) {
				unit = 'USD';
				end += us.length;
			}
		}
		return {unit, last: end};
	}

	private cjkCurrency(k: number): {unit: string; last: number} | null {
		const tok = this.t[k];
		if (tok?.type !== 'cjk' || !tok.joined) return null;
		const m = matchAt(this.t, k, phrases(CJK_CURRENCIES));
		return m ? {unit: m.value, last: k + m.length - 1} : null;
	}

	private resolve(unit: string): {unit: string; ambiguous?: boolean} {
		if (unit === '$') {
			const dollar = this.context().dollar;
			return dollar === '$' ? {unit: '$', ambiguous: true} : {unit: dollar};
		}
		if (unit === '¥') {
			const yen = this.context().yen;
			return yen === '¥' ? {unit: '¥', ambiguous: true} : {unit: yen};
		}
		return {unit};
	}

	private money(first: number, last: number, value: number, unit: string, scale: number): Candidate {
		return {first, last, kind: 'money', value: round(value), ...this.resolve(unit), scale};
	}

	/** `$142bn`, `US$ 2.5 billion`, `€2.5bn`, `¥30`: the sign at `sign`, the number at `num`. */
	private moneyAfterSign(first: number, num: number, unit: string): Candidate | Skip | null {
		const v = this.valueAt(num);
		if (!v || v.word) return null;
		const s = this.scaleAfter(v.last, true);
		return this.money(first, s.last, v.value * s.scale, unit, s.scale);
	}

	private number(i: number, before: Candidate[]): Candidate | Skip | null {
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
	private quantity(first: number, last: number, n: number, digits: boolean): Candidate | Skip | null {
		const t = this.t;
		const lang = this.lang;
		// Titles: "Five Years of Reform" (a number word in title case before a capitalised word).
		if (!digits && t[first]!.capital && t[last + 1]?.capital && t[last + 1]!.type === 'word') return {skip: last - first + 1};
		const s = this.scaleAfter(last, false);
		const value = n * s.scale;
		const j = s.last;
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
		if (['principaux', 'principales', 'principales', 'wichtigsten', 'principali'].includes(this.w(j + 1)) && s.scale === 1) {
			return {first, last: j, kind: 'rank', value: round(value), unit: 'top'};
		}
		// "Platz drei", "auf Platz 3"
		const prevWord = this.w(first - 1);
		if (lang.rankBefore.includes(prevWord) && ['platz', 'rang', 'place', 'puesto', 'место'].includes(prevWord)) {
			return {first, last: j, kind: 'rank', value: round(value), unit: null};
		}
		// Measurements joined by a hyphen: "133-acre", "300m-deep" is read by countedNoun.
		if (this.w(j + 1) === '-' && t[j + 1]!.joined && MEASURE_UNITS[this.w(j + 2)] && t[j + 2]!.joined) {
			return {first, last: j, kind: 'count', value: round(value), unit: this.w(j + 2), dimension: MEASURE_UNITS[this.w(j + 2)]!};
		}
		if (!digits && value === 1) return null;
		if (digits && this.inName(first)) return {skip: j - first + 1};
		const noun = countedNoun(t, j, lang);
		if (noun && !(this.w(j + 1) === '-' && !MEASURE_UNITS[noun.noun])) {
			return {first, last: j, kind: 'count', value: round(value), unit: noun.noun, dimension: noun.dimension, scale: s.scale};
		}
		return {first, last: j, kind: 'count', value: round(value), unit: null, bare: true, scale: s.scale, word: !digits};
	}

	/** "percentage points" must follow a percent context; plain "points" only after a percent figure in the sentence. */
	private isPercentContext(first: number): boolean {
		for (let k = first - 1; k >= 0 && k >= first - 30; k--) if (this.w(k) === '%' || this.w(k) === 'percent') return true;
		return false;
	}

	/** A number and a time unit: "two years", "48 hours", "ten consecutive quarters", "10 meses", "past five years". */
	private duration(first: number, last: number, value: number, digits: boolean): Candidate | null {
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

	private hedged(first: number): boolean {
		const prev = this.w(first - 1);
		return ['than', 'to', 'under', 'over', 'nearly', 'almost', 'about', 'around', 'least'].includes(prev);
	}

	/** "first six months [of 2019]" → `--01/--06` or `2019-01/2019-06`; `first`..`unitTok` is the span. */
	private monthRange(first: number, unitTok: number, n: number): Candidate | null {
		if (!Number.isInteger(n) || n < 2 || n > 12) return null;
		const y = this.yearAfter(unitTok);
		if (y) return {first, last: y.last, kind: 'period', value: `${y.year}-01/${y.year}-${pad(n)}`, unit: null};
		return {first, last: unitTok, kind: 'period', value: `--01/--${pad(n)}`, unit: null};
	}

	/** "of 2019", "de 2019", "2019" right after token `k`. */
	private yearAfter(k: number): {year: string; last: number} | null {
		let j = k + 1;
		if (['of', 'de', 'del', 'des', 'du', 'di', 'года', 'von'].includes(this.w(j))) j++;
		if (this.w(j) === ',') j++;
		const tok = this.t[j];
		if (
			tok?.type === 'num' &&
			/^(1[89]|20)\d{2}$/.test(tok.w) &&
			!tok.newline &&
			!(this.w(j + 1) === '-' && this.t[j + 2]?.type === 'num')
		) {
			return {year: tok.w, last: j};
		}
		return null;
	}

	/** A known thing joined right after a number: scale, unit, percent, ordinal ending, currency. */
	private knownAfterNumber(k: number): boolean {
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

	private skipJoined(i: number): number {
		let j = i;
		while (
			this.t[j + 1]?.joined &&
			(this.t[j + 1]!.type !== 'punct' || this.w(j + 1) === '.' || this.w(j + 1) === '-') &&
			this.t[j + 2]?.joined
		)
			j++;
		return j - i + 1;
	}

	/** A number right after a capitalised word inside a sentence: "Boeing 737", "Article 5", "Index 2025". */
	private inName(first: number): boolean {
		if (this.lang.code === 'de') return false;
		const prev = this.t[first - 1];
		if (prev?.type !== 'word' || !prev.capital) return false;
		if (NOT_NAMES.has(prev.w) || this.lang.months[prev.w] || prev.newline) return false;
		if (CURRENCY_CODES[prev.w]) return false;
		const before = this.t[first - 2];
		// The capitalised word starts the sentence: "Sixty passengers", "China 10th" are not names.
		if (!before || prev.newline || ['.', '!', '?', ':', '(', '—'].includes(before.w)) return false;
		if (before.type === 'punct' && before.w === ',') return false;
		return true;
	}

	// ---------- dates ----------

	/** 05.11.2025 (German and Russian order), read from one digit token. */
	private dottedDate(i: number): Candidate | null {
		const m = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})$/.exec(this.t[i]!.w);
		if (!m) return null;
		const d = Number(m[1]);
		const mo = Number(m[2]);
		if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
		return {first: i, last: i, kind: 'date', value: `${m[3]}-${pad(mo)}-${pad(d)}`, unit: null};
	}

	/** 2025-10-24, 07-27-2016, 7/14/2025, 2025-07, 2021-2025, 2021-25, 2018-03-26/12:10. */
	private numericDate(i: number, isYear: boolean): Candidate | Skip | null {
		const t = this.t;
		const sep = this.w(i + 1);
		if ((sep !== '-' && sep !== '/') || !t[i + 1]!.joined || t[i + 2]?.type !== 'num' || !t[i + 2]!.joined) return null;
		const a = t[i]!.w;
		const b = t[i + 2]!.w;
		const third = this.w(i + 3) === sep && t[i + 3]!.joined && t[i + 4]?.type === 'num' && t[i + 4]!.joined ? t[i + 4]!.w : null;
		if (third !== null) {
			let y: string;
			let mo: number;
			let d: number;
			if (/^\d{4}$/.test(a)) [y, mo, d] = [a, Number(b), Number(third)];
			else if (/^\d{4}$/.test(third)) {
				const x = Number(a);
				const z = Number(b);
				[y, mo, d] = this.lang.slashOrder === 'mdy' || x <= 12 !== z <= 12 ? (x <= 12 ? [third, x, z] : [third, z, x]) : [third, z, x];
			} else return {skip: 5};
			if (mo < 1 || mo > 12 || d < 1 || d > 31) return {skip: 5};
			return {first: i, last: i + 4, kind: 'date', value: `${y}-${pad(mo)}-${pad(d)}`, unit: null};
		}
		if (isYear && sep === '-') {
			// 2021-2025, 2021-25: a range of years; 2025-07: a month.
			const end = b.length === 2 ? Number(a.slice(0, 2) + b) : Number(b);
			if (b.length === 4 && end > Number(a) && end <= YEAR_MAX)
				return {first: i, last: i + 2, kind: 'period', value: `${a}/${end}`, unit: null};
			if (b.length === 2 && Number(b) > 12 && end > Number(a))
				return {first: i, last: i + 2, kind: 'period', value: `${a}/${end}`, unit: null};
			if (b.length === 2 && Number(b) >= 1 && Number(b) <= 12) return {first: i, last: i + 2, kind: 'date', value: `${a}-${b}`, unit: null};
		}
		return null;
	}

	/** A four-digit year: alone, in a range ("2008 und 2018", "2021 to 2024"), or Chinese (2020年). */
	private year(i: number): Candidate | Skip | null {
		const t = this.t;
		const y = t[i]!.w;
		const next = t[i + 1];
		if (next?.type === 'cjk' && next.joined) return null;
		// Not a year when a unit follows: "2000 Prozent", "1900 people".
		const after = this.w(i + 1);
		if (this.lang.percent.includes(after) || after === '%' || after in this.lang.scales || this.currencyAfter(i)) return null;
		if (this.inName(i)) return {skip: 1};
		// Ranges of years.
		let k = i + 1;
		const link = this.w(k);
		const opener = this.lang.rangeOpeners.includes(this.w(i - 1)) || ['between', 'from', 'zwischen', 'entre'].includes(this.w(i - 1));
		if ((this.lang.rangeLinks.includes(link) || ['to', 'and'].includes(link)) && link !== '-') {
			const needsOpener = ['and', 'und', 'y', 'et', 'e', 'и', 'dan'].includes(link);
			k++;
			const other = t[k];
			if (other?.type === 'num' && /^\d{4}$/.test(other.w) && Number(other.w) > Number(y) && (!needsOpener || opener)) {
				return {first: i, last: k, kind: 'period', value: `${y}/${other.w}`, unit: null};
			}
		}
		// "2024年上半年" is read by cjkAfterNumber; "first half of 2022" from the ordinal; here the year alone.
		return {first: i, last: i, kind: 'date', value: y, unit: null};
	}

	/** "12 de marzo de 2025", "5 February 2026", "7. November", "5 ноября", "14 sep", "(du 19 au 25 février 2018)". */
	private dayMonth(i: number, d: number): Candidate | null {
		if (!Number.isInteger(d) || d < 1 || d > 31 || this.t[i]!.w.length > 2) return null;
		let k = i + 1;
		if (['.', 'º', '°'].includes(this.w(k)) && this.t[k]!.joined) k++;
		else if (['st', 'nd', 'rd', 'th', 'er'].includes(this.w(k)) && this.t[k]!.joined) k++;
		if (['de', 'of'].includes(this.w(k))) k++;
		const mo = this.monthAt(k, true);
		if (!mo) return null;
		let last = mo.last;
		let j = last + 1;
		if (['de', ','].includes(this.w(j))) j++;
		const yt = this.t[j];
		if (yt?.type === 'num' && /^\d{4}$/.test(yt.w) && Number(yt.w) >= YEAR_MIN && Number(yt.w) <= YEAR_MAX && !yt.newline) {
			last = j;
			return {first: i, last, kind: 'date', value: `${yt.w}-${pad(mo.month)}-${pad(d)}`, unit: null};
		}
		return {first: i, last, kind: 'date', value: `--${pad(mo.month)}-${pad(d)}`, unit: null};
	}

	/** A month name at `k` (with its abbreviation dot); `afterDay`: abbreviations are allowed. */
	private monthAt(k: number, afterDay: boolean): {month: number; last: number; full: boolean} | null {
		const tok = this.t[k];
		if (tok?.type !== 'word' || tok.newline) return null;
		const month = this.lang.months[tok.w];
		if (!month) return null;
		const full =
			tok.w.length > 4 ||
			[
				'may',
				'june',
				'july',
				'mai',
				'juni',
				'juli',
				'mars',
				'juin',
				'mayo',
				'maio',
				'mei',
				'июнь',
				'июль',
				'май',
				'мая',
				'мае',
				'июня',
				'июля',
				'июне',
				'июле',
				'août',
				'aout',
				'märz',
			].includes(tok.w);
		if (!afterDay && !full && this.w(k + 1) !== '.') return null;
		// English and German write month names with a capital: "may" and "march" are verbs.
		if ((this.lang.code === 'en' || this.lang.code === 'de' || this.lang.code === 'zh') && !tok.capital) return null;
		const last = this.w(k + 1) === '.' && this.t[k + 1]!.joined && !full ? k + 1 : k;
		return {month, last, full};
	}

	// ---------- ordinals ----------

	/** An ordinal ending after the digits at `i` ("10th", "14º", "14e", "14-й"): its last token. */
	private ordinalSuffix(i: number): number | null {
		const next = this.t[i + 1];
		if (next?.joined && ORDINAL_SUFFIX.has(next.w) && (next.type === 'word' || next.type === 'punct')) {
			if ((next.w === 'e' || next.w === 'o' || next.w === 'a') && this.lang.code === 'en') return null;
			return i + 1;
		}
		if (next?.w === '-' && next.joined && ['й', 'го', 'м', 'я', 'е'].includes(this.w(i + 2)) && this.t[i + 2]!.joined) return i + 2;
		return null;
	}

	/** After an ordinal (value `n`, last token `last`): a quarter, a five-year plan, a consecutive year, a rank. */
	private ordinal(first: number, n: number, last: number, before: Candidate[]): Candidate | Skip | null {
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
	private innovationOutput(last: number): boolean {
		return this.w(last + 1) === 'in' && (this.w(last + 3) === 'output' || (this.w(last + 2) === 'the' && this.w(last + 3) === 'world'));
	}

	private half(first: number, last: number, which: 'H1' | 'H2'): Candidate {
		const y = this.yearAfter(last);
		if (y) return {first, last: y.last, kind: 'period', value: `${y.year}-${which}`, unit: null};
		return {first, last, kind: 'period', value: which, unit: null};
	}

	// ---------- words ----------

	private word(i: number, before: Candidate[]): Candidate | Skip | null {
		const t = this.t;
		const lang = this.lang;
		const tok = t[i]!;
		const w = tok.w;
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
		if ((w === 'a' || w === 'an') && (this.hedged(i) || ['for', 'within'].includes(this.w(i - 1)))) {
			const unit = lang.timeUnits[this.w(i + 1)];
			if (unit) return {first: i, last: i + 1, kind: 'duration', value: isoDuration(1, unit), unit: null};
			if (MEASURE_UNITS[this.w(i + 1)])
				return {first: i, last: i, kind: 'count', value: 1, unit: this.w(i + 1), dimension: MEASURE_UNITS[this.w(i + 1)]!};
		}
		const ord = lang.ordinals[w];
		if (ord !== undefined) return this.ordinal(i, ord, i, before);
		// German ordinals joined to a superlative: zweitgrößte.
		const fused = /^(zweit|dritt|viert|fünft)(größte[nrs]?|wichtigste[nrs]?)$/u.exec(w);
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
	private halfIsRatio(i: number): boolean {
		const next = this.w(i + 1);
		const prev = this.w(i - 1);
		if (next === '-' || next === 'a' || prev === 'a' || prev === 'first' || prev === 'second') return false;
		return ['of', 'de', 'des', 'der', 'die'].includes(next) || this.hedged(i) || prev === 'la' || prev === 'die';
	}

	/** From a month name: "Oct. 24", "February 5, 2026", "July 2025", "January-February", "Januar bis November", "agosto". */
	private monthFirst(i: number, mo: {month: number; last: number; full: boolean}): Candidate | null {
		const t = this.t;
		let k = mo.last + 1;
		const dayTok = t[k];
		if (dayTok?.type === 'num' && /^\d{1,2}$/.test(dayTok.w) && Number(dayTok.w) >= 1 && Number(dayTok.w) <= 31 && !dayTok.newline) {
			const d = Number(dayTok.w);
			let last = k;
			if (['st', 'nd', 'rd', 'th'].includes(this.w(k + 1)) && t[k + 1]!.joined) last = k + 1;
			let j = last + 1;
			if (this.w(j) === ',') j++;
			const yt = t[j];
			if (yt?.type === 'num' && /^\d{4}$/.test(yt.w) && !yt.newline)
				return {first: i, last: j, kind: 'date', value: `${yt.w}-${pad(mo.month)}-${pad(d)}`, unit: null};
			return {first: i, last, kind: 'date', value: `--${pad(mo.month)}-${pad(d)}`, unit: null};
		}
		// Month ranges: "January-February", "January to February", "janvier-mai", "января по середину ноября".
		const link = this.w(k);
		if (this.lang.rangeLinks.includes(link) || link === '-' || link === 'to' || link === 'through') {
			let j = k + 1;
			if (MONTH_FILLERS.has(this.w(j))) j++;
			if (this.w(j) === '-' && MONTH_FILLERS.has(this.w(j - 1))) j++;
			const m2 = this.monthAt(j, false);
			if (m2 && m2.month > mo.month) {
				const y = this.yearAfter(m2.last);
				if (y) return {first: i, last: y.last, kind: 'period', value: `${y.year}-${pad(mo.month)}/${y.year}-${pad(m2.month)}`, unit: null};
				return {first: i, last: m2.last, kind: 'period', value: `--${pad(mo.month)}/--${pad(m2.month)}`, unit: null};
			}
		}
		if (['de', ',', 'of'].includes(this.w(k)) && t[k + 1]?.type === 'num' && /^\d{4}$/.test(t[k + 1]!.w)) k++;
		const yt = t[k];
		if (yt?.type === 'num' && /^\d{4}$/.test(yt.w) && Number(yt.w) >= YEAR_MIN && Number(yt.w) <= YEAR_MAX && !yt.newline) {
			return {first: i, last: k, kind: 'date', value: `${yt.w}-${pad(mo.month)}`, unit: null};
		}
		if (!mo.full) return null;
		return {first: i, last: mo.last, kind: 'date', value: `--${pad(mo.month)}`, unit: null};
	}

	// ---------- Chinese ----------

	/** After digits joined to Chinese: 52億噸, 616836亿元, 7.8个百分点, 3成, 2020年, 7月15日, 25日. */
	private cjkAfterNumber(first: number, i: number, n: number): Candidate | Skip | null {
		const t = this.t;
		const digits = t[i]!.w;
		const next = this.w(i + 1);
		if (CJK_DATE.has(next)) return this.cjkDate(first, i, n, digits);
		const s = this.scaleAfter(i, true);
		return this.cjkQuantity(first, s.last, n * s.scale, s.scale);
	}

	private cjkQuantity(first: number, j: number, value: number, scale: number): Candidate | Skip | null {
		const t = this.t;
		const cur = this.cjkCurrency(j + 1);
		if (cur) return this.money(first, cur.last, value, cur.unit, scale);
		const pp = matchAt(t, j + 1, phrases(CJK_POINTS));
		if (pp) return {first, last: j + pp.length, kind: 'percent', value: round(value), unit: 'pp'};
		if (this.w(j + 1) === '%' && t[j + 1]!.joined) return {first, last: j + 1, kind: 'percent', value: round(value), unit: null};
		if (this.w(j + 1) === '成' && scale === 1) return {first, last: j + 1, kind: 'percent', value: round(value * 10), unit: null};
		if (this.w(j + 1) === '倍' && scale === 1) return {first, last: j + 1, kind: 'ratio', value: round(value), unit: null};
		const dur = matchAt(t, j + 1, phrases(CJK_DURATIONS));
		if (dur && scale === 1) return {first, last: j + dur.length, kind: 'duration', value: isoDuration(value, dur.value), unit: null};
		const noun = cjkNoun(t, j + 1);
		if (noun) return {first, last: j, kind: 'count', value: round(value), unit: noun.noun, dimension: noun.dimension, scale};
		if (scale > 1) return {first, last: j, kind: 'count', value: round(value), unit: null, scale};
		return null;
	}

	/** 2025年11月5日, 2020年, 2024年上半年, 2024年一季度, 7月15日, 7月, 25日. */
	private cjkDate(first: number, i: number, n: number, digits: string): Candidate | Skip | null {
		const t = this.t;
		const ch = this.w(i + 1);
		if (ch === '年') {
			if (!/^\d{4}$/.test(digits)) {
				if (this.w(i + 2) === '代') return {skip: 3};
				return {first, last: i + 1, kind: 'duration', value: isoDuration(n, 'Y'), unit: null};
			}
			let last = i + 1;
			const mo = t[last + 1];
			if (mo?.type === 'num' && mo.joined && this.w(last + 2) === '月') {
				const m = Number(mo.w);
				last += 2;
				const d = t[last + 1];
				if (d?.type === 'num' && d.joined && (this.w(last + 2) === '日' || this.w(last + 2) === '号')) {
					return {first, last: last + 2, kind: 'date', value: `${digits}-${pad(m)}-${pad(Number(d.w))}`, unit: null};
				}
				return {first, last, kind: 'date', value: `${digits}-${pad(m)}`, unit: null};
			}
			const period = this.cjkPeriodAt(last + 1);
			if (period) return {first, last: period.last, kind: 'period', value: `${digits}-${period.value}`, unit: null};
			return {first, last, kind: 'date', value: digits, unit: null};
		}
		if (ch === '月') {
			const m = Number(digits);
			if (m < 1 || m > 12) return null;
			const d = t[i + 2];
			if (d?.type === 'num' && d.joined && (this.w(i + 3) === '日' || this.w(i + 3) === '号')) {
				return {first, last: i + 3, kind: 'date', value: `--${pad(m)}-${pad(Number(d.w))}`, unit: null};
			}
			return {first, last: i + 1, kind: 'date', value: `--${pad(m)}`, unit: null};
		}
		const d = Number(digits);
		if (d < 1 || d > 31) return null;
		return {first, last: i + 1, kind: 'date', value: `---${pad(d)}`, unit: null};
	}

	/** 上半年, 下半年, 一季度, 第三季度 at `k`: the period label and last token. */
	private cjkPeriodAt(k: number): {value: string; last: number} | null {
		const m = matchAt(this.t, k, phrases(CJK_PERIODS));
		return m ? {value: m.value, last: k + m.length - 1} : null;
	}

	private cjk(i: number): Candidate | Skip | null {
		const t = this.t;
		const w = t[i]!.w;
		const period = this.cjkPeriodAt(i);
		if (period) return {first: i, last: period.last, kind: 'period', value: period.value, unit: null};
		// 十四五, 十三五: the five-year plans, except inside a title in 『』.
		const plan = matchAt(t, i, phrases(CJK_PLANS));
		if (plan) {
			if (this.w(i - 1) === '『' || this.w(i - 1) === '《') return {skip: plan.length};
			return {first: i, last: i + plan.length - 1, kind: 'period', value: plan.value, unit: null};
		}
		if (w === '半' && this.w(i + 1) === '年' && (this.w(i + 2) === '报' || this.w(i + 2) === '報'))
			return {first: i, last: i + 1, kind: 'period', value: 'H1', unit: null};
		if (w === '第' && isCjkNumeral(this.w(i + 1))) {
			// 第二大经济体: the second-largest; 第四次 (the fourth time) and 第十届 (the tenth session) are no ranks.
			const n = readCjkNumber(this.chars(i + 1), 0);
			if (n && ['大', '名', '位'].includes(this.w(i + 1 + n.length)))
				return {first: i, last: i + n.length, kind: 'rank', value: n.value, unit: null};
			if (n) return {skip: n.length + 1};
		}
		if (w === '前' && isCjkNumeral(this.w(i + 1))) {
			const n = readCjkNumber(this.chars(i + 1), 0);
			if (n && ['大', '名', '位'].includes(this.w(i + 1 + n.length)))
				return {first: i, last: i + n.length, kind: 'rank', value: n.value, unit: 'top'};
		}
		if (w === '百' && this.w(i + 1) === '分' && this.w(i + 2) === '之') {
			const v = t[i + 3]?.type === 'num' ? readDigits(t[i + 3]!.w, '.') : readCjkNumber(this.chars(i + 3), 0);
			if (v)
				return {
					first: i,
					last: i + 3 + ('length' in v && t[i + 3]?.type !== 'num' ? v.length - 1 : 0),
					kind: 'percent',
					value: v.value,
					unit: null,
				};
		}
		if (w === '一' && this.w(i + 1) === '半' && t[i + 1]!.joined) return {first: i, last: i + 1, kind: 'ratio', value: 0.5, unit: null};
		if (isCjkNumeral(w)) {
			// Numerals inside words (一些, 统一, 一直) are not figures: a unit must follow.
			const n = readCjkNumber(this.chars(i), 0);
			if (!n) return null;
			const s = this.scaleAfter(i + n.length - 1, true);
			const q = this.cjkQuantity(i, s.last, n.value * s.scale, s.scale);
			// 一 before a classifier is the article "a" (一项调查, 一个): a count of one is no figure.
			const article = n.value === 1 && s.scale === 1;
			if (
				q &&
				!('skip' in q) &&
				!(article && q.kind === 'count') &&
				(q.kind !== 'count' || (q.unit && (CJK_STRICT_CLASSIFIERS.has(q.unit) || s.scale > 1)))
			)
				return q;
			return {skip: n.length};
		}
		return null;
	}

	/** The token words from `i` on, as characters for the numeral reader (a short window). */
	private chars(i: number): string[] {
		const out: string[] = [];
		for (let k = i; k < this.t.length && k < i + 12; k++) out.push(this.t[k]!.w);
		return out;
	}
}

/** Letters after a currency that scale it: $142bn, €3m, $5k. */
const MONEY_SCALES: Record<string, number> = {
	k: 1e3,
	m: 1e6,
	mn: 1e6,
	mln: 1e6,
	b: 1e9,
	bn: 1e9,
	tn: 1e12,
	tr: 1e12,
	million: 1e6,
	billion: 1e9,
	trillion: 1e12,
};
const UNIVERSAL_PERCENT = ['%', 'percent'];
const EN_POINTS = ['percentage point', 'percentage points'];
const EN_TIMES = ['times'];
const EN_CONSECUTIVE = ['consecutive', 'in a row'];
const EN_PLAN = ['five-year plan'];
const EN_PAST_ONE = ['past'];
const EN_SUPERLATIVES = ['largest', 'biggest', 'highest', 'lowest', 'smallest', 'most', 'best'];
const EN_RANK_BEFORE = ['ranked', 'ranks'];
const EN_RATIOS: Record<string, number> = {twice: 2};
const EN_UNITS: Record<string, TimeUnit> = {};
/** ISO codes written after a number in any language: "500 USD", "20 EUR". */
const ENGLISH_CURRENCY_CODES: Record<string, string> = {
	usd: 'USD',
	eur: 'EUR',
	cny: 'CNY',
	rmb: 'CNY',
	gbp: 'GBP',
	jpy: 'JPY',
	hkd: 'HKD',
	chf: 'CHF',
	rub: 'RUB',
};
const CJK_POINTS = ['个百分点', '個百分點', '百分点', '百分點'];
const CJK_DURATIONS: Record<string, TimeUnit> = {
	个月: 'M',
	個月: 'M',
	天: 'D',
	周: 'W',
	週: 'W',
	小时: 'H',
	小時: 'H',
	分钟: 'MIN',
	分鐘: 'MIN',
};
const CJK_PERIODS: Record<string, string> = {
	上半年: 'H1',
	下半年: 'H2',
	一季度: 'Q1',
	二季度: 'Q2',
	三季度: 'Q3',
	四季度: 'Q4',
	第一季度: 'Q1',
	第二季度: 'Q2',
	第三季度: 'Q3',
	第四季度: 'Q4',
	首季: 'Q1',
};
const CJK_PLANS: Record<string, string> = {十一五: 'FYP11', 十二五: 'FYP12', 十三五: 'FYP13', 十四五: 'FYP14', 十五五: 'FYP15'};
/** Classifiers after a bare Chinese numeral that make it a count (三家, 五个); others (一种 "a kind of") are words. */
const CJK_STRICT_CLASSIFIERS = new Set(['个', '個', '家', '份', '名', '位', '座', '项', '項', '架', '艘', '辆', '輛', '批', '吨', '噸']);
