// Word-level differences between two passages: which words of each side are not in the other, by a
// longest common subsequence of normalised words (so case, quotes, dashes and escapes do not count,
// but every change of wording does).

import {tokenize} from './text.js';

/** Ranges (offsets into each side's text) of the words found only on that side. */
export type WordDiff = {onlyA: [number, number][]; onlyB: [number, number][]};

const MAX_CELLS = 4_000_000;

export function wordDiff(a: string, b: string): WordDiff {
	const ta = tokenize(a);
	const tb = tokenize(b);
	const ka = ta.map(t => key(t.norm));
	const kb = tb.map(t => key(t.norm));
	const inA = new Array<boolean>(ta.length).fill(false);
	const inB = new Array<boolean>(tb.length).fill(false);
	const n = ta.length;
	const m = tb.length;
	if (n * m > MAX_CELLS) {
		// Too long for a table: fall back to membership.
		const sa = new Set(ka);
		const sb = new Set(kb);
		for (const [i, k] of ka.entries()) inA[i] = sb.has(k);
		for (const [j, k] of kb.entries()) inB[j] = sa.has(k);
	} else {
		const w = m + 1;
		const t = new Uint32Array((n + 1) * w);
		for (let i = n - 1; i >= 0; i--) {
			for (let j = m - 1; j >= 0; j--) {
				t[i * w + j] = ka[i] === kb[j] ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
			}
		}
		let i = 0;
		let j = 0;
		while (i < n && j < m) {
			if (ka[i] === kb[j]) {
				inA[i++] = true;
				inB[j++] = true;
			} else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) i++;
			else j++;
		}
	}
	return {
		onlyA: ta.filter((_, i) => !inA[i]).map(x => [x.start, x.end]),
		onlyB: tb.filter((_, j) => !inB[j]).map(x => [x.start, x.end]),
	};
}

function key(norm: string): string {
	return /^\d/.test(norm) ? norm.replace(/,/g, '') : norm;
}
