// Hedges: the words before (or after) a figure that make it approximate, mapped to the canonical forms
// of FIGURE-LABELS.md in every language.

import type {LanguageTable} from './lang/index.js';
import {matchAt, matchEnding, phrases} from './phrases.js';
import type {Token} from './tokens.js';
import type {Qualifier} from './types.js';

/** Chinese hedges before the number (约, 逾, 超过, 近) and after it (以上, 左右, 多, 余). */
const CJK_BEFORE: Record<string, Qualifier> = {
	约: 'about',
	約: 'about',
	大约: 'about',
	大約: 'about',
	逾: 'more than',
	超过: 'more than',
	超過: 'more than',
	超: 'more than',
	高于: 'more than',
	近: 'nearly',
	将近: 'nearly',
	將近: 'nearly',
	接近: 'nearly',
	不到: 'less than',
	不足: 'less than',
	至少: 'at least',
	多达: 'up to',
	多達: 'up to',
	最多: 'at most',
};
export const CJK_AFTER: Record<string, Qualifier> = {
	以上: 'more than',
	左右: 'about',
	多: 'more than',
	余: 'more than',
	餘: 'more than',
	以下: 'less than',
};

export type Hedge = {qualifier: Qualifier; written: string; start: number};

/**
 * The hedge just before token `first`, skipping one article ("casi el 80 por ciento") or an opening
 * bracket. `written` is the hedge as in the text, lower-cased.
 */
export function hedgeBefore(tokens: Token[], first: number, lang: LanguageTable, text: string): Hedge | null {
	let end = first;
	// A markdown escape before the sign: "(about \\$142 billion)".
	if (tokens[end - 1]?.w === '\\' && tokens[first]!.joined) end--;
	const cjk = matchEnding(tokens, end, phrases(CJK_BEFORE), 3);
	if (cjk) return {qualifier: cjk.value, written: text.slice(tokens[cjk.start]!.start, tokens[end - 1]!.end), start: cjk.start};
	for (let skip = 0; skip < 2; skip++) {
		const m = matchEnding(tokens, end, phrases(lang.hedges), 4) ?? matchEnding(tokens, end, phrases(SYMBOL_HEDGES), 1);
		// "creció un 5,2 %, hasta 126 billones": after a comma or a number, hasta/до/bis mean "to", not "up to".
		const lead = m ? tokens[m.start - 1] : undefined;
		if (m && m.value === 'up to' && (lead?.w === ',' || lead?.type === 'num')) return null;
		if (m) {
			const written = text
				.slice(tokens[m.start]!.start, tokens[end - 1]!.end)
				.toLowerCase()
				.replace(/\s+/g, ' ');
			return {qualifier: m.value, written, start: m.start};
		}
		const prev = tokens[end - 1];
		if (!prev || !(lang.articles.includes(prev.w) || prev.w === '(')) break;
		end--;
	}
	return null;
}

const SYMBOL_HEDGES: Record<string, Qualifier> = {'~': 'about', '≈': 'about', '>': 'more than', '<': 'less than'};

/** A hedge right after token `last` (`以上`, `or more`): its canonical form and last token. */
export function hedgeAfter(tokens: Token[], last: number, lang: LanguageTable): {qualifier: Qualifier; end: number} | null {
	const cjk = matchAt(tokens, last + 1, phrases(CJK_AFTER));
	if (cjk && tokens[last + 1]!.joined) return {qualifier: cjk.value, end: last + cjk.length};
	const m = matchAt(tokens, last + 1, phrases(lang.hedgesAfter));
	return m ? {qualifier: m.value, end: last + m.length} : null;
}
