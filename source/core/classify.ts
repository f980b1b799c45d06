// How close a copy is to its origin, on words: `verbatim` (the same words once normalised), `near` (a few
// words changed: word-level LCS ratio at least NEAR_RATIO), else `paraphrase`.

import type {Source} from './source.js';
import {tokenize} from './text.js';
import type {CopyKind} from './types.js';

/** At least this share of words in common, in order, is the same text with a slip or two. */
export const VERBATIM_RATIO = 0.97;
/** At least this share in order is a light edit; below it, a rewording. */
export const NEAR_RATIO = 0.8;

/** The normalised words of a sentence, quotes unified, for comparing wording. */
export function wordsOf(source: Source, sentence: number, from?: number): string[] {
	const s = source.sentences[sentence]!;
	return tokenize(source.text, from ?? s.start, s.end).map(t => t.norm.replace(/['\u2019]/g, "'"));
}

/** The share of two word sequences' words that agree, in order (2 × LCS / total length). */
export function wordRatio(a: string[], b: string[]): number {
	return (lcsLength(a, b) * 2) / (a.length + b.length || 1);
}

/** Kind of a sentence pair from its word sequences, with the word-level ratio (or the feature similarity for a paraphrase). */
export function kindOf(a: string[], b: string[], sim: number): {kind: CopyKind; ratio: number} {
	if (a.length === b.length && a.every((w, i) => w === b[i])) return {kind: 'verbatim', ratio: 1};
	const ratio = wordRatio(a, b);
	if (ratio >= VERBATIM_RATIO) return {kind: 'verbatim', ratio};
	if (ratio >= NEAR_RATIO) return {kind: 'near', ratio};
	// A feature similarity of 0 is one not measured (fewer shared features than MIN_SHARED, as a short sentence
	// reworded keeps): the words in order say how close the two are, where 0.00 was shown ("Time flies fast,
	// and the new year will be with us" and "Time flies by and the new year is approaching.").
	return {kind: 'paraphrase', ratio: sim > 0 ? Math.min(ratio, sim) : ratio};
}

/** The kind of a passage from the kinds of its sentences: verbatim if all are, near if none is reworded. */
export function passageKind(kinds: CopyKind[]): CopyKind {
	if (kinds.every(k => k === 'verbatim')) return 'verbatim';
	if (kinds.some(k => k === 'translation')) return 'translation';
	return kinds.every(k => k !== 'paraphrase') ? 'near' : 'paraphrase';
}

/** Length of the longest common subsequence of two word sequences. */
export function lcsLength(a: string[], b: string[]): number {
	if (!a.length || !b.length) return 0;
	let prev = new Uint32Array(b.length + 1);
	let cur = new Uint32Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
		}
		[prev, cur] = [cur, prev];
	}
	return prev[b.length]!;
}
