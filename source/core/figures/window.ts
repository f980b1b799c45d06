// The window of tokens the grammar reads in: token access, number values, scales, currencies and the
// checks every rule shares (names, hedges before, the year after). grammar.ts builds on it through
// dates.ts and cjk.ts.

import {dict} from './dict.js';
import {CJK_CURRENCIES, CURRENCY_CODES, CURRENCY_SIGNS} from './currency.js';
import type {LanguageTable, TimeUnit} from './lang/index.js';
import {matchAt, phrases} from './phrases.js';
import {CJK_SCALES, readDigits} from './scan.js';
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
export const YEAR_MIN = 1800;

export const YEAR_MAX = 2100;

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

export const pad = (n: number) => String(n).padStart(2, '0');

/** Letters after a currency that scale it: $142bn, €3m, $5k. */
export const MONEY_SCALES: Record<string, number> = dict({
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
});

/** ISO codes written after a number in any language: "500 USD", "20 EUR". */
const ENGLISH_CURRENCY_CODES: Record<string, string> = dict({
	usd: 'USD',
	eur: 'EUR',
	cny: 'CNY',
	rmb: 'CNY',
	gbp: 'GBP',
	jpy: 'JPY',
	hkd: 'HKD',
	chf: 'CHF',
	rub: 'RUB',
});

/** Last words of hedges that may stand before "a" meaning one: "less than a day", "up to a foot". */
const HEDGE_ENDS = new Set(['than', 'to', 'under', 'over', 'nearly', 'almost', 'about', 'around', 'least']);
/** Words between a period and its year: "first half of 2022", "primeros ocho meses de 2019". */
const YEAR_OF = new Set(['of', 'de', 'del', 'des', 'du', 'di', 'года', 'von']);
export class Window {
	constructor(
		protected readonly text: string,
		protected readonly t: Token[],
		protected readonly lang: LanguageTable,
		protected readonly context: () => FigureContext,
	) {}

	protected w(i: number): string {
		return this.t[i]?.w ?? '';
	}

	/** The value of a number at `i`: digits, a number word or a compound ("twenty-five"); null if none. */
	protected valueAt(i: number): {value: number; last: number; word: boolean; digits?: string} | null {
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
	protected scaleAfter(last: number, money: boolean): {scale: number; last: number} {
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
	protected currencyAfter(last: number): {unit: string; last: number} | null {
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

	protected cjkCurrency(k: number): {unit: string; last: number} | null {
		const tok = this.t[k];
		if (tok?.type !== 'cjk' || !tok.joined) return null;
		const m = matchAt(this.t, k, phrases(CJK_CURRENCIES));
		return m ? {unit: m.value, last: k + m.length - 1} : null;
	}

	protected resolve(unit: string): {unit: string; ambiguous?: boolean} {
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

	protected money(first: number, last: number, value: number, unit: string, scale: number): Candidate {
		return {first, last, kind: 'money', value: round(value), ...this.resolve(unit), scale};
	}

	/** `$142bn`, `US$ 2.5 billion`, `€2.5bn`, `¥30`: the sign at `sign`, the number at `num`. */
	protected moneyAfterSign(first: number, num: number, unit: string): Candidate | Skip | null {
		const v = this.valueAt(num);
		if (!v || v.word) return null;
		const s = this.scaleAfter(v.last, true);
		return this.money(first, s.last, v.value * s.scale, unit, s.scale);
	}

	/** "percentage points" must follow a percent context; plain "points" only after a percent figure in the sentence. */
	protected isPercentContext(first: number): boolean {
		for (let k = first - 1; k >= 0 && k >= first - 30; k--) if (this.w(k) === '%' || this.w(k) === 'percent') return true;
		return false;
	}

	protected hedged(first: number): boolean {
		const prev = this.w(first - 1);
		return HEDGE_ENDS.has(prev);
	}

	/** "of 2019", "de 2019", "2019" right after token `k`. */
	protected yearAfter(k: number): {year: string; last: number} | null {
		let j = k + 1;
		if (YEAR_OF.has(this.w(j))) j++;
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

	protected skipJoined(i: number): number {
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
	protected inName(first: number): boolean {
		const prev = this.t[first - 1];
		// "Chang'e 6": the last part of a capitalised name written with an apostrophe.
		if (prev?.type === 'word' && prev.joined && this.t[first - 2]?.w === "'" && this.t[first - 3]?.capital) return true;
		// German capitalises every noun: "Jahr 2000" is no name.
		if (this.lang.code === 'de') return false;
		if (prev?.type !== 'word' || !prev.capital) return false;
		if (NOT_NAMES.has(prev.w) || this.lang.months[prev.w] || prev.newline) return false;
		if (CURRENCY_CODES[prev.w]) return false;
		const before = this.t[first - 2];
		// The capitalised word starts the sentence: "Sixty passengers", "China 10th" are not names.
		if (!before || prev.newline || ['.', '!', '?', ':', '(', '—'].includes(before.w)) return false;
		if (before.type === 'punct' && before.w === ',') return false;
		return true;
	}

	/** The token words from `i` on, as characters for the numeral reader (a short window). */
	protected chars(i: number): string[] {
		const out: string[] = [];
		for (let k = i; k < this.t.length && k < i + 12; k++) out.push(this.t[k]!.w);
		return out;
	}
}
