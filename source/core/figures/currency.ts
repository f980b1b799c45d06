// Currencies: symbols, codes and words, and what a whole text says about a bare `$` or `¥`.

import {dict} from './dict.js';
import type {FigureContext} from './types.js';

/** Signs written before (or after) a number; `$` and `¥` are resolved from the context. */
export const CURRENCY_SIGNS: Record<string, string> = dict({
	$: '$',
	'¥': '¥',
	'￥': '¥',
	'€': 'EUR',
	'£': 'GBP',
	'₹': 'INR',
	'₩': 'KRW',
	'₽': 'RUB',
	'₺': 'TRY',
	'₫': 'VND',
	'₱': 'PHP',
});

/** Letters joined to `$`: US$, HK$, NT$, R$, C$, A$, S$. */
export const DOLLAR_PREFIXES: Record<string, string> = dict({
	us: 'USD',
	u: 'USD',
	hk: 'HKD',
	nt: 'TWD',
	r: 'BRL',
	c: 'CAD',
	ca: 'CAD',
	a: 'AUD',
	au: 'AUD',
	s: 'SGD',
	nz: 'NZD',
	mx: 'MXN',
});

/** ISO codes (and RMB, Rs) written before or after a number. */
export const CURRENCY_CODES: Record<string, string> = dict({
	usd: 'USD',
	cny: 'CNY',
	rmb: 'CNY',
	eur: 'EUR',
	gbp: 'GBP',
	jpy: 'JPY',
	hkd: 'HKD',
	inr: 'INR',
	rs: 'INR',
	chf: 'CHF',
	krw: 'KRW',
	aud: 'AUD',
	cad: 'CAD',
	sgd: 'SGD',
	twd: 'TWD',
	brl: 'BRL',
	rub: 'RUB',
	idr: 'IDR',
	mxn: 'MXN',
	zar: 'ZAR',
});

/** Chinese currency words after a number (亿元, 港元, 美元). */
export const CJK_CURRENCIES: Record<string, string> = dict({
	元: 'CNY',
	人民币: 'CNY',
	人民幣: 'CNY',
	美元: 'USD',
	港元: 'HKD',
	港币: 'HKD',
	港幣: 'HKD',
	日元: 'JPY',
	欧元: 'EUR',
	歐元: 'EUR',
	英镑: 'GBP',
	英鎊: 'GBP',
	卢布: 'RUB',
	盧布: 'RUB',
	韩元: 'KRW',
	韓元: 'KRW',
	新台币: 'TWD',
	新台幣: 'TWD',
	台币: 'TWD',
	台幣: 'TWD',
});

// The text names US dollars: "US$", "U.S. dollars", "USD", "dólares estadounidenses", "долларов США", "US-Dollar", "美元".
const US_DOLLARS =
	/\bU\.?S\.? ?\$|\bU\.S\. dollars?|\bUS[ -]dollars?|\bUSD\b|estadounidenses|d[oó]lares (?:de )?(?:EE\.? ?UU\.?|Estados Unidos)|доллар\S{0,3} США|dollars? (?:US|américains?)\b|statunitensi|dolar (?:AS|Amerika)|美元/iu;
// Other dollars, which make a bare "$" uncertain even in English: HK$, S$, A$, C$, NT$, "Hong Kong dollars"…
const OTHER_DOLLARS =
	/(?:\b(?:HK|NT|NZ|CA|AU|S|A|C|R)\$)|(?:(?:Hong Kong|Singapore|Australian|Canadian|Taiwan|New Zealand) dollars?)|港元|港币|港幣/iu;
const YUAN =
	/yuan|renminbi|\bRMB\b|\bCNY\b|人民币|人民幣|\bChina\b|\bChinese\b|中国|中國|юан|Кита|\bchin[oa]s?\b|chinois|chinesisch|\bCina\b|cinese|Tiongkok/giu;
const YEN = /\byen\b|\bJPY\b|\bJapan|日本|円|Япон|japon|Giappone|Jepang/giu;

/** Count of matches of a global regex (linear; the patterns have no nested quantifiers). */
function count(re: RegExp, text: string): number {
	re.lastIndex = 0;
	let n = 0;
	while (re.exec(text)) n++;
	return n;
}

/**
 * What a text says about its bare currency signs. English newswire style writes US dollars as `$` and
 * every other dollar with a prefix (HK$, S$), so in English a bare `$` is USD unless another dollar is
 * named; in other languages it is USD only where the text itself says US dollars.
 */
export function figureContext(text: string, language?: string | null): FigureContext {
	const english = !language || language.startsWith('en');
	// Each answer is worked out the first time a bare sign asks for it: most texts have neither sign, and
	// the evidence patterns run over the whole text (a quarter of the per-text pipeline when eager).
	let dollar: string | undefined;
	let yen: string | undefined;
	return {
		get dollar() {
			dollar ??= US_DOLLARS.test(text) || (english && !OTHER_DOLLARS.test(text)) ? 'USD' : '$';
			return dollar;
		},
		get yen() {
			if (yen === undefined) {
				const y = count(YUAN, text);
				const j = count(YEN, text);
				yen = y > j ? 'CNY' : j > y ? 'JPY' : '¥';
			}
			return yen;
		},
	};
}
