// Word differences between an origin passage and its copy in three kinds, for the compare view and the
// reports: words both sides share (unmarked), words that one side changed into others (`changed`, on
// both sides), and words only one side has (`only`: added by the copy, or dropped from the origin).
// A longest common subsequence of normalised words anchors the shared text; each stretch between two
// anchors is a change when both sides have words there, and one-side-only when only one does.

import type {Source} from './source.js';
import {tokenize} from './text.js';
import type {CopyKind, Pair, Side} from './types.js';

export type WordMark = {start: number; end: number; kind: 'changed' | 'only'};
export type WordOps = {a: WordMark[]; b: WordMark[]};

/** Above this many cells (words of A times words of B) the table is not built: words are matched by membership. */
const MAX_CELLS = 4_000_000;

const key = (norm: string) => (/^\d/.test(norm) ? norm.replace(/,/g, '') : norm);

/** Marks on `a` and `b` (offsets into each string), adjacent words of one kind merged into one mark. */
export function wordOps(a: string, b: string): WordOps {
	const ta = tokenize(a);
	const tb = tokenize(b);
	const ka = ta.map(t => key(t.norm));
	const kb = tb.map(t => key(t.norm));
	const n = ka.length;
	const m = kb.length;
	/** For each token, the kind of mark it gets, or null when shared. */
	const markA: (WordMark['kind'] | null)[] = new Array(n).fill('only');
	const markB: (WordMark['kind'] | null)[] = new Array(m).fill('only');
	if (n * m > MAX_CELLS) {
		const sa = new Set(ka);
		const sb = new Set(kb);
		ka.forEach((k, i) => {
			if (sb.has(k)) markA[i] = null;
		});
		kb.forEach((k, j) => {
			if (sa.has(k)) markB[j] = null;
		});
	} else {
		const w = m + 1;
		const t = new Uint32Array((n + 1) * w);
		for (let i = n - 1; i >= 0; i--)
			for (let j = m - 1; j >= 0; j--)
				t[i * w + j] = ka[i] === kb[j] ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
		let i = 0;
		let j = 0;
		let gapA = 0;
		let gapB = 0;
		/** Close the stretch of unmatched words before an anchor: a change when both sides have some. */
		const close = () => {
			if (i > gapA && j > gapB) {
				for (let x = gapA; x < i; x++) markA[x] = 'changed';
				for (let y = gapB; y < j; y++) markB[y] = 'changed';
			}
		};
		while (i < n && j < m) {
			if (ka[i] === kb[j]) {
				close();
				markA[i++] = null;
				markB[j++] = null;
				gapA = i;
				gapB = j;
			} else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) i++;
			else j++;
		}
		i = n;
		j = m;
		close();
	}
	return {a: merge(ta, markA, a), b: merge(tb, markB, b)};
}

/** Consecutive marked words of one kind as one mark, spanning the spaces between them. */
function merge(tokens: {start: number; end: number}[], marks: (WordMark['kind'] | null)[], text: string): WordMark[] {
	const out: WordMark[] = [];
	tokens.forEach((t, i) => {
		const kind = marks[i];
		if (!kind) return;
		const last = out[out.length - 1];
		if (last && last.kind === kind && marks[i - 1] === kind && /^[^\p{L}\p{N}]*$/u.test(text.slice(last.end, t.start))) last.end = t.end;
		else out.push({start: t.start, end: t.end, kind});
	});
	return out;
}

// ---------- a pair's sentences lined up

export type Group = {a: number[]; b: number[]; kind: CopyKind | null};

/** Sentences of a side (indexes into its source's sentences), clipped to the side's offsets. */
export function sideSentences(src: Source, side: Side): number[] {
	const [first, last] = side.sentences;
	const out: number[] = [];
	for (let i = first; i <= last; i++) {
		const s = src.sentences[i];
		if (s && s.end > side.start && s.start < side.end) out.push(i);
	}
	return out.length ? out : [first];
}

/**
 * The pair's sentences in groups, in text order: an aligned group (sentences of A and B that the
 * alignment joins, one-to-one, split or merged) or an unaligned stretch between two aligned groups.
 */
export function lineUpGroups(pair: Pair, aSentences: number[], bSentences: number[]): Group[] {
	const parts = [...pair.parts].sort((x, y) => x.a - y.a || x.b - y.b);
	if (parts.length === 0) return [{a: aSentences, b: bSentences, kind: pair.kind}];
	// Parts that share a sentence on either side belong to one group.
	const clusters: {a: Set<number>; b: Set<number>; kind: CopyKind}[] = [];
	for (const p of parts) {
		const last = clusters[clusters.length - 1];
		if (last && (last.a.has(p.a) || last.b.has(p.b))) {
			last.a.add(p.a);
			last.b.add(p.b);
		} else clusters.push({a: new Set([p.a]), b: new Set([p.b]), kind: p.kind});
	}
	const groups: Group[] = [];
	let ia = 0;
	let ib = 0;
	const take = (list: number[], from: number, upTo: number) => {
		const out: number[] = [];
		let i = from;
		while (i < list.length && list[i]! < upTo) out.push(list[i++]!);
		return {out, next: i};
	};
	for (const c of clusters) {
		const loA = Math.min(...c.a);
		const loB = Math.min(...c.b);
		const gapA = take(aSentences, ia, loA);
		const gapB = take(bSentences, ib, loB);
		if (gapA.out.length || gapB.out.length) groups.push({a: gapA.out, b: gapB.out, kind: null});
		ia = gapA.next;
		ib = gapB.next;
		// Sentences already shown (an alignment that crosses an earlier one) are not shown twice.
		const a = [...c.a].filter(x => aSentences.indexOf(x) >= ia).sort((x, y) => x - y);
		const b = [...c.b].filter(x => bSentences.indexOf(x) >= ib).sort((x, y) => x - y);
		groups.push({a, b, kind: c.kind});
		if (a.length) ia = Math.max(ia, aSentences.indexOf(a[a.length - 1]!) + 1);
		if (b.length) ib = Math.max(ib, bSentences.indexOf(b[b.length - 1]!) + 1);
	}
	const restA = aSentences.slice(ia);
	const restB = bSentences.slice(ib);
	if (restA.length || restB.length) groups.push({a: restA, b: restB, kind: null});
	return groups;
}
