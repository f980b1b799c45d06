// Figures a news reader cares about: money, percentages, counts, ranks, ratios and dates, with a
// normalised value and unit so that the same quantity is recognised across notations.

import type {Span} from './text.js';
import type {LinedUp} from './types.js';

export type FigureKind = 'money' | 'percent' | 'count' | 'rank' | 'ratio' | 'date';
export const FIGURE_KINDS: FigureKind[] = ['money', 'percent', 'count', 'rank', 'ratio', 'date'];

export type Figure = Span & {
	kind: FigureKind;
	/** Units for money (1e12 for a trillion), a plain number for others, an ISO string for dates. */
	value: number | string;
	/** ISO 4217 code for money, the counted noun for counts, `pp` for percentage points, else null. */
	unit: string | null;
	qualifier: string | null;
};

const SMALL: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90,
	hundred: 100,
	dozen: 12,
};
const ORDINALS: Record<string, number> = {
	first: 1,
	second: 2,
	third: 3,
	fourth: 4,
	fifth: 5,
	sixth: 6,
	seventh: 7,
	eighth: 8,
	ninth: 9,
	tenth: 10,
	eleventh: 11,
	twelfth: 12,
	thirteenth: 13,
	fourteenth: 14,
	fifteenth: 15,
	sixteenth: 16,
	seventeenth: 17,
	eighteenth: 18,
	nineteenth: 19,
	twentieth: 20,
	thirtieth: 30,
	fortieth: 40,
	fiftieth: 50,
	hundredth: 100,
};
const SCALES: Record<string, number> = {
	trillion: 1e12,
	tn: 1e12,
	tr: 1e12,
	billion: 1e9,
	bn: 1e9,
	b: 1e9,
	million: 1e6,
	mn: 1e6,
	m: 1e6,
	mln: 1e6,
	thousand: 1e3,
	k: 1e3,
	crore: 1e7,
	lakh: 1e5,
};
const CURRENCY_SYMBOLS: Record<string, string> = {
	$: 'USD',
	us$: 'USD',
	hk$: 'HKD',
	a$: 'AUD',
	c$: 'CAD',
	s$: 'SGD',
	'€': 'EUR',
	'£': 'GBP',
	'¥': 'JPY',
	'₹': 'INR',
	'₩': 'KRW',
	'₽': 'RUB',
};
const CURRENCY_WORDS: Record<string, string> = {
	yuan: 'CNY',
	renminbi: 'CNY',
	rmb: 'CNY',
	cny: 'CNY',
	dollar: 'USD',
	dollars: 'USD',
	usd: 'USD',
	euro: 'EUR',
	euros: 'EUR',
	eur: 'EUR',
	pound: 'GBP',
	pounds: 'GBP',
	gbp: 'GBP',
	yen: 'JPY',
	jpy: 'JPY',
	rupee: 'INR',
	rupees: 'INR',
	inr: 'INR',
	won: 'KRW',
	krw: 'KRW',
	hkd: 'HKD',
	chf: 'CHF',
	francs: 'CHF',
	rubles: 'RUB',
	roubles: 'RUB',
};
const MONTHS: Record<string, number> = {
	january: 1,
	jan: 1,
	february: 2,
	feb: 2,
	march: 3,
	mar: 3,
	april: 4,
	apr: 4,
	may: 5,
	june: 6,
	jun: 6,
	july: 7,
	jul: 7,
	august: 8,
	aug: 8,
	september: 9,
	sep: 9,
	sept: 9,
	october: 10,
	oct: 10,
	november: 11,
	nov: 11,
	december: 12,
	dec: 12,
};

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const WORDNUM = `(?:${Object.keys(SMALL).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const SCALE = String.raw`(?:\s?(?:trillion|billion|million|thousand|crore|lakh|mln|tn|bn|mn|tr|m|b|k)(?![\p{L}\p{N}]))`;
const CUR_CODE = '(?:CNY|RMB|USD|EUR|GBP|JPY|HKD|INR|CHF|KRW|AUD|CAD)';
const CUR_SYM = String.raw`(?:US\$|HK\$|A\$|C\$|S\$|\$|€|£|¥|₹|₩|₽)`;
const CUR_WORD = `(?:${Object.keys(CURRENCY_WORDS).join('|')})`;
const MONTH = `(?:${Object.keys(MONTHS)
	.sort((a, b) => b.length - a.length)
	.join('|')})\\.?`;
const ORD_WORD = `(?:${Object.keys(ORDINALS).join('|')})`;

type Candidate = Omit<Figure, 'text' | 'qualifier'> & {priority: number};

const PATTERNS: {
	re: RegExp;
	kind: FigureKind;
	priority: number;
	parse: (m: RegExpExecArray) => Omit<Candidate, 'start' | 'end' | 'kind' | 'priority'> | null;
}[] = [
	{
		// $142bn, US$ 2.5 billion, CNY1 trillion, RMB 3.6 trillion, €2.5bn
		re: new RegExp(String.raw`(?<![\p{L}\p{N}])(${CUR_SYM}|${CUR_CODE}\s?)(${NUM})(${SCALE})?(?![\p{N}])`, 'giu'),
		kind: 'money',
		priority: 5,
		parse: m => ({value: money(m[2]!, m[3]), unit: currencyOf(m[1]!)}),
	},
	{
		// 1 trillion yuan, 10.5 trillion yuan, two billion dollars, 500 million euros
		re: new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${NUM}|${WORDNUM})(${SCALE})?\s?(${CUR_WORD})(?![\p{L}])`, 'giu'),
		kind: 'money',
		priority: 5,
		parse: m => ({value: money(m[1]!, m[2]), unit: CURRENCY_WORDS[m[3]!.toLowerCase()]!}),
	},
	{
		// 17 percent, 80%, eight percent, 2.5 percentage points
		re: new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${NUM}|${WORDNUM})\s?(%|per ?cent(?:age points?)?|pct\b|percentage points?)`, 'giu'),
		kind: 'percent',
		priority: 4,
		parse: m => ({value: number(m[1]!), unit: /point/i.test(m[2]!) ? 'pp' : null}),
	},
	{
		// three times, 2.5-fold, nearly twice
		re: new RegExp(
			String.raw`(?<![\p{L}\p{N}.,])(?:(${NUM}|${WORDNUM})(?:\s?times|-fold|\s?fold)|(twice|thrice|double|triple|half))(?![\p{L}])`,
			'giu',
		),
		kind: 'ratio',
		priority: 4,
		parse: m => ({
			value: m[1] ? number(m[1]) : ({twice: 2, double: 2, thrice: 3, triple: 3, half: 0.5} as Record<string, number>)[m[2]!.toLowerCase()]!,
			unit: null,
		}),
	},
	{
		// 2021–2025, 2026-2030, 2021-25
		re: /(?<![\p{L}\p{N}])((?:19|20)\d{2})\s?[-\u2010-\u2015](?:\s?)((?:19|20)?\d{2})(?![\p{L}\p{N}])/gu,
		kind: 'date',
		priority: 4,
		parse: m => {
			const a = m[1]!;
			const b = m[2]!.length === 2 ? a.slice(0, 2) + m[2] : m[2]!;
			return Number(b) > Number(a) ? {value: `${a}/${b}`, unit: null} : null;
		},
	},
	{
		// 5 February 2026, February 5, 2026, July 2025, February 5
		re: new RegExp(
			String.raw`(?<![\p{L}\p{N}])(?:(\d{1,2})(?:st|nd|rd|th)?\s(${MONTH})(?:,?\s((?:19|20)\d{2}))?|(${MONTH})(?:\s(\d{1,2})(?:st|nd|rd|th)?(?![\p{N}]))?(?:,?\s((?:19|20)\d{2}))?)(?![\p{L}\p{N}])`,
			'giu',
		),
		kind: 'date',
		priority: 3,
		parse: m => {
			const month = MONTHS[(m[2] ?? m[4] ?? '').toLowerCase().replace('.', '')];
			const day = m[1] ?? m[5];
			const year = m[3] ?? m[6];
			if (!month || (!day && !year)) return null;
			// A bare "may" or "march" needs a day or a year to count as a date.
			if (day && Number(day) > 31) return null;
			const mm = String(month).padStart(2, '0');
			const dd = day ? String(day).padStart(2, '0') : '';
			return {value: year ? (dd ? `${year}-${mm}-${dd}` : `${year}-${mm}`) : `--${mm}-${dd}`, unit: null};
		},
	},
	{
		// 7/14/2025, 2025-07-14
		re: /(?<![\p{N}/])(?:(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})|((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\p{N}]))/gu,
		kind: 'date',
		priority: 4,
		parse: m => {
			if (m[4]) return {value: `${m[4]}-${m[5]}-${m[6]}`, unit: null};
			const [a, b] = [Number(m[1]), Number(m[2])];
			const [mo, d] = a <= 12 ? [a, b] : [b, a];
			if (mo > 12 || d > 31) return null;
			return {value: `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, unit: null};
		},
	},
	{
		// bare years
		re: /(?<![\p{L}\p{N}.,$€£¥-])((?:19|20)\d{2})(?![\p{L}\p{N}]|,\d|\.\d|\s?(?:%|percent))/gu,
		kind: 'date',
		priority: 2,
		parse: m => ({value: m[1]!, unit: null}),
	},
	{
		// top 100, top-10
		re: /(?<![\p{L}])top[\s\u2010-\u2015-](\d+)(?![\p{L}\p{N}])/giu,
		kind: 'rank',
		priority: 3,
		parse: m => ({value: Number(m[1]), unit: 'top'}),
	},
	{
		// 10th, 34th, second-largest, tenth
		re: new RegExp(
			String.raw`(?<![\p{L}\p{N}])(?:(\d+)(?:st|nd|rd|th)|(${ORD_WORD}))(?:[\u2010-\u2015-](largest|biggest|highest|lowest|smallest|most|best))?(?![\p{L}\p{N}])`,
			'giu',
		),
		kind: 'rank',
		priority: 2,
		parse: m => ({value: m[1] ? Number(m[1]) : ORDINALS[m[2]!.toLowerCase()]!, unit: m[3]?.toLowerCase() ?? null}),
	},
	{
		// 203,000 satellites, 76 national-level platforms, five years
		re: new RegExp(
			String.raw`(?<![\p{L}\p{N}.,'’\u2010-\u2015-])(${NUM}|${WORDNUM})(\s(?:million|billion|trillion|thousand))?(?![\p{L}\p{N}]|[.,]\d)`,
			'giu',
		),
		kind: 'count',
		priority: 1,
		parse: () => ({value: 0, unit: null}),
	},
];

function number(s: string): number {
	const w = s.toLowerCase();
	if (w in SMALL) return SMALL[w]!;
	const parts = w.split('-');
	if (parts.length === 2 && parts[0]! in SMALL && parts[1]! in SMALL) return SMALL[parts[0]!]! + SMALL[parts[1]!]!;
	return Number(s.replace(/,/g, ''));
}

function money(n: string, scale: string | undefined): number {
	const mult = scale ? (SCALES[scale.trim().toLowerCase()] ?? 1) : 1;
	return round(number(n) * mult);
}

function round(x: number): number {
	return Number(x.toPrecision(12));
}

function currencyOf(token: string): string {
	const t = token.trim().toLowerCase();
	return CURRENCY_SYMBOLS[t] ?? CURRENCY_WORDS[t] ?? t.toUpperCase();
}

const QUALIFIER =
	/(more than|less than|fewer than|at least|at most|up to|as many as|as much as|close to|nearly|almost|about|around|approximately|roughly|over|under|some|exceeding|exceeded|surpassing|surpassed|above|below|totaling|totalling|amounting to)\s*(?:\(|\\)?$/i;
const ADVERBIAL =
	/^(more than|less than|fewer than|at least|at most|up to|as many as|as much as|close to|nearly|almost|about|around|approximately|roughly|over|under|some)$/i;

const RANK_BEFORE =
	/(rank(?:ed|s|ing)?|plac(?:e|ed|es|ing)|ris(?:e|es|ing)|rose|reach(?:ed|es|ing)?|came|comes|stood|stands|finish(?:ed)?|and|at|No\.?)\s+$/i;
const RANK_AFTER =
	/^(?:\s+(?:globally|worldwide|overall|place|among|in (?:the world|innovation|[a-z]+ output)|largest|biggest)|[\u2010-\u2015-](?:largest|biggest|highest|lowest|smallest|most|best))/i;
const NOT_RANK_AFTER =
	/^\s+(?:time|times|consecutive|century|quarter|half|anniversary|edition|session|plenum|generation|day|week|month|year|batch|phase|round|step)\b/i;

const NOUN_LOOKAHEAD = /^(?:\s+([\p{L}][\p{L}\u2010-\u2015'-]*|AI|R&D))/u;
const NOT_NOUNS = new Set([
	'is',
	'was',
	'has',
	'as',
	'its',
	'this',
	'us',
	'less',
	'across',
	'thus',
	'plus',
	'always',
	'perhaps',
	'whereas',
	'this',
	'yes',
]);
const COUNT_STOPS = new Set([
	'of',
	'in',
	'to',
	'on',
	'at',
	'by',
	'for',
	'from',
	'with',
	'the',
	'a',
	'an',
	'or',
	'than',
	'per',
	'is',
	'was',
	'are',
	'were',
	'that',
	'which',
	'who',
]);

/** The counted noun after a number: the first plural among the next few words ("200 domestic large models"). */
function countNoun(after: string): {noun: string; length: number} | null {
	let rest = after;
	let consumed = 0;
	let first: {noun: string; length: number} | null = null;
	for (let i = 0; i < 5; i++) {
		const m = NOUN_LOOKAHEAD.exec(rest);
		if (!m) break;
		const word = m[1]!;
		const lower = word.toLowerCase();
		if (COUNT_STOPS.has(lower)) break;
		if (lower === 'and' && i === 0) break;
		consumed += m[0].length;
		rest = rest.slice(m[0].length);
		if (lower === 'and') continue;
		if (/^\p{Lu}\p{Ll}/u.test(word) && i === 0 && !/s$/.test(word)) break;
		if (i === 0) first = {noun: lower, length: consumed};
		if (lower.length >= 3 && /s$/.test(lower) && !NOT_NOUNS.has(lower) && !/ss$/.test(lower)) {
			return {noun: lower, length: consumed};
		}
	}
	return first && /^(people|staff|personnel|children|data|equipment)$/.test(first.noun) ? first : null;
}

/** All figures in `text[start, end)`, in text order, with offsets into `text`. */
export function extractFigures(text: string, start = 0, end = text.length): Figure[] {
	const slice = text.slice(start, end);
	const cands: (Candidate & {qualifier?: string | null})[] = [];
	for (const p of PATTERNS) {
		p.re.lastIndex = 0;
		for (let m = p.re.exec(slice); m; m = p.re.exec(slice)) {
			if (m[0].length === 0) {
				p.re.lastIndex++;
				continue;
			}
			const parsed = p.parse(m);
			if (!parsed) continue;
			const s = m.index;
			let e = m.index + m[0].length;
			const before = slice.slice(Math.max(0, s - 40), s);
			const after = slice.slice(e, e + 60);
			let value = parsed.value;
			let unit = parsed.unit;
			if (p.kind === 'rank') {
				const isWord = !/^\d/.test(m[0]);
				if (/^\s+\p{Lu}/u.test(after) && !RANK_AFTER.test(after)) continue; // 14th Five-Year Plan
				if (NOT_RANK_AFTER.test(after)) continue;
				if (isWord && !unit && !RANK_BEFORE.test(before) && !RANK_AFTER.test(after)) continue;
				if (isWord && /\bthe\s+$/i.test(before) && !unit && !RANK_AFTER.test(after)) continue;
			}
			if (p.kind === 'count') {
				if (isNameNumber(slice, s, m[0])) continue;
				const scaleWord = m[2]?.trim().toLowerCase();
				const n = number(m[1]!) * (scaleWord ? SCALES[scaleWord]! : 1);
				const noun = countNoun(after);
				if (noun) {
					e += noun.length;
					value = round(n);
					unit = noun.noun;
				} else if (/\($/.test(before) && /^\)/.test(after)) {
					// "the most clusters (26)": the noun stands before the bracket.
					const prev = /([\p{L}]+)\s*\($/u.exec(before);
					value = round(n);
					unit = prev?.[1]?.toLowerCase() ?? null;
				} else continue;
				if (!/^\d/.test(m[1]!) && !noun) continue;
			}
			cands.push({start: s, end: e, kind: p.kind, priority: p.priority, value, unit});
		}
	}
	cands.sort((a, b) => a.start - b.start || b.priority - a.priority || b.end - b.start - (a.end - a.start));
	const chosen: Candidate[] = [];
	for (const c of cands) {
		// Candidates come by start, so only the last chosen ones can overlap.
		let clash = -1;
		for (let i = chosen.length - 1; i >= 0 && i >= chosen.length - 4; i--) {
			const o = chosen[i]!;
			if (c.start < o.end && o.start < c.end) {
				clash = i;
				break;
			}
		}
		if (clash === -1) chosen.push(c);
		else {
			const o = chosen[clash]!;
			if (c.priority > o.priority || (c.priority === o.priority && c.end - c.start > o.end - o.start)) chosen[clash] = c;
		}
	}
	chosen.sort((a, b) => a.start - b.start);
	return chosen.map(c => {
		const before = slice.slice(Math.max(0, c.start - 30), c.start);
		const q = QUALIFIER.exec(before);
		let s = c.start;
		let qualifier: string | null = null;
		if (q) {
			qualifier = q[1]!.toLowerCase();
			if (ADVERBIAL.test(q[1]!) && !/[(\\]\s*$/.test(q[0])) s = c.start - q[0].length;
		}
		if (/^(nearly|almost|about|around|roughly)\s+$/i.test(before.slice(-8)) && c.kind === 'ratio' && !qualifier) {
			qualifier = before.trim().split(/\s+/).pop()!.toLowerCase();
		}
		return {
			start: start + s,
			end: start + c.end,
			text: slice.slice(s, c.end),
			kind: c.kind,
			value: c.value,
			unit: c.unit,
			qualifier,
		};
	});
}

/** Numbers inside names are not figures: 6G, Chang'e-6, Tianwen-2, Zuchongzhi 3.0, DeepSeek R1, COVID-19. */
function isNameNumber(slice: string, at: number, match: string): boolean {
	if (!/^\d/.test(match)) return false;
	const before = slice.slice(Math.max(0, at - 30), at);
	if (/[\p{L}\p{N}][\u2010-\u2015-]$/u.test(before)) return true;
	const prev = /(\S+)\s$/.exec(before)?.[1];
	if (!prev) return false;
	if (
		/^\p{Lu}[\p{L}\p{N}]*$/u.test(prev) &&
		!(prev.toLowerCase() in MONTHS) &&
		!/^(In|By|On|At|For|Of|To|Since|From|Over|About|Nearly|Some|The|And|With|Only|All|More|Top)$/.test(prev)
	) {
		return !/^\d{1,3}(,\d{3})+$/.test(match);
	}
	return false;
}

/** A key equal for figures that state the same quantity, whatever the notation. */
export function figureKey(f: Pick<Figure, 'kind' | 'value' | 'unit'>): string {
	const v = typeof f.value === 'number' ? Number(f.value.toPrecision(6)) : f.value;
	return `${f.kind}|${f.unit ?? ''}|${v}`;
}

/** What a figure measures, without its value: the same quantity stated with two different values differs only here. */
export function quantityKey(f: Pick<Figure, 'kind' | 'unit'>): string {
	return `${f.kind}|${f.unit ?? ''}`;
}

export type {LinedUp};

/**
 * Line the figures of two passages up: equal quantities are `same`; a remaining figure of A and one of B
 * of the same kind and unit are `changed`; the rest are only on one side. Order follows side A, then B.
 */
export function lineUp(a: Figure[], b: Figure[]): LinedUp[] {
	const usedB = new Set<number>();
	const rows: (LinedUp & {order: number})[] = [];
	const pending: number[] = [];
	a.forEach((fa, i) => {
		const k = figureKey(fa);
		const j = b.findIndex((fb, jj) => !usedB.has(jj) && figureKey(fb) === k);
		if (j >= 0) {
			usedB.add(j);
			rows.push({status: 'same', a: fa, b: b[j]!, order: i});
		} else pending.push(i);
	});
	for (const i of pending) {
		const fa = a[i]!;
		const q = quantityKey(fa);
		const j = b.findIndex((fb, jj) => !usedB.has(jj) && quantityKey(fb) === q);
		if (j >= 0) {
			usedB.add(j);
			rows.push({status: 'changed', a: fa, b: b[j]!, order: i});
		} else rows.push({status: 'missing', a: fa, b: null, order: i});
	}
	rows.sort((x, y) => x.order - y.order);
	b.forEach((fb, j) => {
		if (!usedB.has(j)) rows.push({status: 'added', a: null, b: fb, order: a.length + j});
	});
	return rows.map(({order: _order, ...r}) => r);
}

/** A short human form of a figure's value: "$142,000,000,000 USD" becomes "142 bn USD". */
export function formatValue(f: Pick<Figure, 'kind' | 'value' | 'unit'>): string {
	if (typeof f.value === 'string') return f.value;
	const v = f.value;
	const scaled = (x: number) => {
		const abs = Math.abs(x);
		if (abs >= 1e12) return `${trim(x / 1e12)} tn`;
		if (abs >= 1e9) return `${trim(x / 1e9)} bn`;
		if (abs >= 1e6) return `${trim(x / 1e6)} m`;
		return x.toLocaleString('en-US');
	};
	switch (f.kind) {
		case 'money':
			return `${scaled(v)} ${f.unit ?? ''}`.trim();
		case 'percent':
			return f.unit === 'pp' ? `${trim(v)} pp` : `${trim(v)}%`;
		case 'rank':
			return `#${v}${f.unit && f.unit !== 'top' ? ` ${f.unit}` : ''}${f.unit === 'top' ? ' (top)' : ''}`;
		case 'ratio':
			return `×${trim(v)}`;
		default:
			return `${scaled(v)}${f.unit ? ` ${f.unit}` : ''}`;
	}
}

function trim(x: number): string {
	return String(Number(x.toPrecision(6)));
}
