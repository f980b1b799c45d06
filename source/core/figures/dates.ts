// Dates and periods from digits and month names: 2025-10-24, 07-27-2016, 05.11.2025, 12 de marzo de 2025,
// February 5, 2026, January-February, first six months of 2019, first half, 2008 und 2018.

import {type Candidate, pad, type Skip, Window, YEAR_MAX, YEAR_MIN} from './window.js';

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

/** Words that open a range of years in any language ("between 2008 and 2018", "zwischen 2000 und 2009"). */
const YEAR_RANGE_OPENERS = new Set(['between', 'from', 'zwischen', 'entre']);
/** "and" joins two years into a range only after an opener: "in 2016 and 2017" names two years. */
const AND_LINKS = new Set(['and', 'und', 'y', 'et', 'e', 'и', 'dan']);
export class DateRules extends Window {
	/** "first six months [of 2019]" → `--01/--06` or `2019-01/2019-06`; `first`..`unitTok` is the span. */
	protected monthRange(first: number, unitTok: number, n: number): Candidate | null {
		if (!Number.isInteger(n) || n < 2 || n > 12) return null;
		const y = this.yearAfter(unitTok);
		if (y) return {first, last: y.last, kind: 'period', value: `${y.year}-01/${y.year}-${pad(n)}`, unit: null};
		return {first, last: unitTok, kind: 'period', value: `--01/--${pad(n)}`, unit: null};
	}

	/** 05.11.2025 (German and Russian order), read from one digit token. */
	protected dottedDate(i: number): Candidate | null {
		const m = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})$/.exec(this.t[i]!.w);
		if (!m) return null;
		const d = Number(m[1]);
		const mo = Number(m[2]);
		if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
		return {first: i, last: i, kind: 'date', value: `${m[3]}-${pad(mo)}-${pad(d)}`, unit: null};
	}

	/** 2025-10-24, 07-27-2016, 7/14/2025, 2025-07, 2021-2025, 2021-25, 2018-03-26/12:10. */
	protected numericDate(i: number, isYear: boolean): Candidate | Skip | null {
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
	protected year(i: number): Candidate | Skip | null {
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
		const opener = this.lang.rangeOpeners.includes(this.w(i - 1)) || YEAR_RANGE_OPENERS.has(this.w(i - 1));
		if ((this.lang.rangeLinks.includes(link) || ['to', 'and'].includes(link)) && link !== '-') {
			const needsOpener = AND_LINKS.has(link);
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
	protected dayMonth(i: number, d: number): Candidate | null {
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
	protected monthAt(k: number, afterDay: boolean): {month: number; last: number; full: boolean} | null {
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

	/**
	 * A bare English month name after a capitalised word inside a sentence names something ("the Long March
	 * rockets", "the Arab Spring"-like names) rather than dating it; "In March" opens a sentence. German is
	 * left out: its nouns are capitalised ("Ende März").
	 */
	protected insideName(k: number): boolean {
		if (this.lang.code !== 'en') return false;
		const prev = this.t[k - 1];
		const before = this.t[k - 2];
		return prev?.type === 'word' && prev.capital === true && before?.type === 'word' && !prev.newline;
	}

	protected half(first: number, last: number, which: 'H1' | 'H2'): Candidate {
		const y = this.yearAfter(last);
		if (y) return {first, last: y.last, kind: 'period', value: `${y.year}-${which}`, unit: null};
		return {first, last, kind: 'period', value: which, unit: null};
	}

	/** From a month name: "Oct. 24", "February 5, 2026", "July 2025", "January-February", "Januar bis November", "agosto". */
	protected monthFirst(i: number, mo: {month: number; last: number; full: boolean}): Candidate | null {
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
		if (!mo.full || this.insideName(i)) return null;
		return {first: i, last: mo.last, kind: 'date', value: `--${pad(mo.month)}`, unit: null};
	}
}
