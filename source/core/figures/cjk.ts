// Chinese figures: numerals and myriads (52億, 61.7万亿元, 三成), classifiers, dates (2025年11月5日, 25日),
// periods (上半年, 二季度, 十四五), ranks (前三, 第二大), shares (一半, 百分之五).

import {DateRules} from './dates.js';
import type {TimeUnit} from './lang/index.js';
import {cjkNoun} from './noun.js';
import {matchAt, phrases} from './phrases.js';
import {isCjkNumeral, readCjkNumber, readDigits} from './scan.js';
import {type Candidate, isoDuration, pad, round, type Skip} from './window.js';

/** Chinese characters after a number that end a time expression: 年 (year), 月 (month), 日/号 (day). */
export const CJK_DATE = new Set(['年', '月', '日', '号', '號']);

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

export class CjkRules extends DateRules {
	/** After digits joined to Chinese: 52億噸, 616836亿元, 7.8个百分点, 3成, 2020年, 7月15日, 25日. */
	protected cjkAfterNumber(first: number, i: number, n: number): Candidate | Skip | null {
		const t = this.t;
		const digits = t[i]!.w;
		const next = this.w(i + 1);
		if (CJK_DATE.has(next)) return this.cjkDate(first, i, n, digits);
		const s = this.scaleAfter(i, true);
		return this.cjkQuantity(first, s.last, n * s.scale, s.scale);
	}

	protected cjkQuantity(first: number, j: number, value: number, scale: number): Candidate | Skip | null {
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
	protected cjkDate(first: number, i: number, n: number, digits: string): Candidate | Skip | null {
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
	protected cjkPeriodAt(k: number): {value: string; last: number} | null {
		const m = matchAt(this.t, k, phrases(CJK_PERIODS));
		return m ? {value: m.value, last: k + m.length - 1} : null;
	}

	protected cjk(i: number): Candidate | Skip | null {
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
}
