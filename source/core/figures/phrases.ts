// Phrases ("mil millones", "u.s. dollars", "点 de pourcentage") matched token by token, longest first.
// A phrase set is compiled once per table and list; matching looks at a handful of tokens.

import {tokenize, type Token} from './tokens.js';

export type PhraseSet<T> = Map<string, {words: string[]; value: T}[]> & {last?: Set<string>};

const cache = new WeakMap<object, PhraseSet<unknown>>();

/** Compile phrases (keys of a record, or a list meaning `true`) into a set keyed by first word. */
export function phrases<T>(source: Record<string, T> | string[]): PhraseSet<T> {
	const hit = cache.get(source);
	if (hit) return hit as PhraseSet<T>;
	const set: PhraseSet<T> = new Map();
	set.last = new Set();
	const entries: [string, T][] = Array.isArray(source) ? source.map(p => [p, true as T]) : Object.entries(source);
	for (const [phrase, value] of entries) {
		const words = tokenize(phrase, 0, phrase.length, false).map(t => t.w);
		if (words.length === 0) continue;
		set.last.add(words[words.length - 1]!);
		const list = set.get(words[0]!) ?? [];
		list.push({words, value});
		list.sort((a, b) => b.words.length - a.words.length);
		set.set(words[0]!, list);
	}
	cache.set(source, set as PhraseSet<unknown>);
	return set;
}

/** The longest phrase starting at token `i` (no line break inside): its value and token count. */
export function matchAt<T>(tokens: Token[], i: number, set: PhraseSet<T>): {value: T; length: number} | null {
	const first = tokens[i];
	if (!first) return null;
	const list = set.get(first.w);
	if (!list) return null;
	outer: for (const p of list) {
		if (i + p.words.length > tokens.length) continue;
		for (let k = 1; k < p.words.length; k++) {
			const t = tokens[i + k]!;
			if (t.w !== p.words[k] || t.newline) continue outer;
		}
		return {value: p.value, length: p.words.length};
	}
	return null;
}

/** The longest phrase ending just before token `end`: its value and first token. */
export function matchEnding<T>(tokens: Token[], end: number, set: PhraseSet<T>, maxWords = 5): {value: T; start: number} | null {
	// Most tokens end no phrase: one set look-up rejects them.
	if (end < 1 || !set.last?.has(tokens[end - 1]!.w)) return null;
	let best: {value: T; start: number} | null = null;
	for (let start = end - 1; start >= 0 && start >= end - maxWords; start--) {
		if (tokens[start + 1]?.newline && start + 1 < end) break;
		const m = matchAt(tokens, start, set);
		if (m && start + m.length === end) best = {value: m.value, start};
	}
	return best;
}
