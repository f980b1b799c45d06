// Stage 3b of reuse detection: copies in another language. A translated copy shares no words with its origin,
// but keeps its numbers and many of its names, in the same order ("85%", "94.2", "CGTN", "Tsinghua"). Two
// sources in different languages are taken for one text translated when they share several rare anchors and
// at least two of their sentences line up by them, in order. (Filling the sentences between by their place
// was tried: languages split sentences differently, and it paired neighbours.)

import type {Edge, Unit} from './align.js';

/** Anchors two sources in different languages must share to be taken for one text translated… */
export const TRANSLATION_ANCHORS = 4;
/**
 * … and the share of their anchors that is (Dice over the distinct anchors of the two texts that some text in
 * another language has too): a translation keeps most of its numbers and names, an article on the same topic
 * shares a few names ("Xi", "Jinping").
 */
export const TRANSLATION_SHARE = 0.25;
/** … and sentences that must line up by them, in order. */
export const TRANSLATION_PAIRS = 2;
/** An anchor in more sentences than this says nothing about which sentence it is (a year, the country's name). */
export const ANCHOR_MAX_DF = 50;
/**
 * An anchor in more sentences than this of either text says which text, not which sentence: the subject's
 * name ("CGTN Think Tank", three anchors, in five sentences of a poll's report) lined up a translation's
 * sentences with the wrong ones. Two keeps a figure that a headline repeats from its lead. On the second
 * fresh set, precision 0.627 to 0.725 (translations found 25 to 23 of 48); the tuning and held-out sets
 * unchanged, the first fresh set 0.85 to 0.856.
 */
export const ANCHOR_SENTENCES = 2;
/** The least similarity a translated sentence is given (what it keeps is mostly numbers and names). */
export const PLACE_SIM = 0.2;

export type TranslationInput = {
	units: Unit[];
	/** The unit of a sentence, -1 when it has none. */
	unitAt: (src: number, sent: number) => number;
	/**
	 * The language of a source (ISO 639-1), null when it could not be told. Two sources pair when their
	 * languages differ, or one is known and the other not (a language the detector does not know).
	 */
	languageOf: (src: number) => string | null;
};

/** The share of their anchors two units have in common (Dice over distinct anchors), and how many. */
export function anchorOverlap(a: Unit, b: Unit, rare?: (h: number) => boolean): {shared: number; dice: number} {
	const sa = new Set(a.anchors);
	const sb = new Set(b.anchors);
	let shared = 0;
	for (const h of sa) if (sb.has(h) && (!rare || rare(h))) shared++;
	return {shared, dice: sa.size + sb.size ? (2 * shared) / (sa.size + sb.size) : 0};
}

/** Aligned sentence pairs across languages, as edges (u < v) for the families stage, and the pairs of sources they join. */
export function translationEdges({units, unitAt, languageOf}: TranslationInput): {edges: Edge[]; translated: [number, number][]} {
	const df = sentencesPerAnchor(units, units.keys());
	const rare = (h: number) => (df.get(h) ?? 0) <= ANCHOR_MAX_DF;
	const differ = (a: number, b: number) => {
		const la = languageOf(a);
		const lb = languageOf(b);
		return la !== lb && (la !== null || lb !== null);
	};
	// An anchor only one language has is a word of that language, not a name or a number a translation keeps
	// (German capitalises its nouns: "Umfrage", "Teilnehmer"); it is left out of the share.
	const languagesOf = new Map<number, string>();
	for (const u of units) {
		const lang = languageOf(u.src) ?? '?';
		for (const h of u.anchors) {
			const was = languagesOf.get(h);
			if (was === undefined) languagesOf.set(h, lang);
			else if (was !== lang && was !== '') languagesOf.set(h, '');
		}
	}
	const crossing = (h: number) => languagesOf.get(h) === '';
	// Each source's distinct anchors; pairs of sources in two languages by how many they share.
	const anchorsOf = new Map<number, Set<number>>();
	for (const u of units)
		for (const h of u.anchors) if (rare(h) && crossing(h)) (anchorsOf.get(u.src) ?? anchorsOf.set(u.src, new Set()).get(u.src)!).add(h);
	const sourcesOf = new Map<number, number[]>();
	for (const [src, set] of anchorsOf) for (const h of set) (sourcesOf.get(h) ?? sourcesOf.set(h, []).get(h)!).push(src);
	const shared = new Map<string, number>();
	for (const list of sourcesOf.values()) {
		if (list.length < 2 || list.length > ANCHOR_MAX_DF) continue;
		list.sort((x, y) => x - y);
		for (let i = 0; i < list.length; i++) {
			for (let j = i + 1; j < list.length; j++) {
				if (!differ(list[i]!, list[j]!)) continue;
				const key = `${list[i]}:${list[j]}`;
				shared.set(key, (shared.get(key) ?? 0) + 1);
			}
		}
	}
	const candidates: [number, number][] = [];
	for (const [key, n] of shared) {
		const [a, b] = key.split(':').map(Number) as [number, number];
		const dice = (2 * n) / (anchorsOf.get(a)!.size + anchorsOf.get(b)!.size);
		if (n >= TRANSLATION_ANCHORS && dice >= TRANSLATION_SHARE) candidates.push([a, b]);
	}
	// Each source's units in text order, for the sources that take part.
	const ofSource = new Map<number, number[]>();
	for (const [a, b] of candidates) {
		ofSource.set(a, []);
		ofSource.set(b, []);
	}
	units.forEach((u, i) => {
		if (unitAt(u.src, u.sent) === i) ofSource.get(u.src)?.push(i);
	});
	for (const list of ofSource.values()) list.sort((x, y) => units[x]!.sent - units[y]!.sent);
	const edges: Edge[] = [];
	const translated: [number, number][] = [];
	for (const [a, b] of candidates) {
		const aligned = alignTranslation(units, ofSource.get(a)!, ofSource.get(b)!, rare);
		if (aligned.length) translated.push([a, b]);
		edges.push(...aligned);
	}
	return {edges, translated};
}

/** Two sources' sentences (their units in text order) lined up in order by their rare anchors. */
function alignTranslation(units: Unit[], as: number[], bs: number[], rare: (h: number) => boolean): Edge[] {
	const n = as.length;
	const m = bs.length;
	const inA = sentencesPerAnchor(units, as);
	const inB = sentencesPerAnchor(units, bs);
	const telling = (h: number) => rare(h) && (inA.get(h) ?? 0) <= ANCHOR_SENTENCES && (inB.get(h) ?? 0) <= ANCHOR_SENTENCES;
	// A sentence pair lines up on two shared rare anchors, or on one that is nearly all either sentence has.
	const score = (i: number, j: number) => {
		const A = units[as[i]!]!;
		const B = units[bs[j]!]!;
		const o = anchorOverlap(A, B, telling);
		const alone = o.shared === 1 && Math.max(new Set(A.anchors).size, new Set(B.anchors).size) <= 2;
		return o.shared >= 2 || alone ? o.dice : 0;
	};
	// The in-order matching with the most anchors in common (a weighted longest common subsequence).
	const best = Array.from({length: n + 1}, () => new Float64Array(m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			const s = score(i, j);
			best[i]![j] = Math.max(s > 0 ? s + best[i + 1]![j + 1]! : 0, best[i + 1]![j]!, best[i]![j + 1]!);
		}
	}
	const matched: [number, number, number][] = [];
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		const s = score(i, j);
		if (s > 0 && best[i]![j] === s + best[i + 1]![j + 1]!) {
			matched.push([i, j, s]);
			i++;
			j++;
		} else if (best[i + 1]![j]! >= best[i]![j + 1]!) i++;
		else j++;
	}
	if (matched.length < TRANSLATION_PAIRS) return [];
	return matched.map(([x, y, sim]) => {
		const u = as[x]!;
		const v = bs[y]!;
		return u < v ? {u, v, sim} : {u: v, v: u, sim};
	});
}

/** In how many of the listed units' sentences each anchor occurs. */
function sentencesPerAnchor(units: Unit[], list: Iterable<number>): Map<number, number> {
	const out = new Map<number, number>();
	for (const u of list) for (const h of new Set(units[u]!.anchors)) out.set(h, (out.get(h) ?? 0) + 1);
	return out;
}
