// Edit distance of a word as a substring of a text, as Fuse's Bitap measures a match: search's scoring step.

/**
 * A matcher for one word: the smallest number of edits (insertions, deletions, substitutions) that
 * makes the word a substring of a text, by Myers' bit-parallel algorithm (words of up to 31 characters).
 */
export function editMatcher(word: string): (text: string) => number {
	const m = Math.min(word.length, 31);
	const ascii = new Int32Array(128);
	const other = new Map<number, number>();
	for (let i = 0; i < m; i++) {
		const c = word.charCodeAt(i);
		if (c < 128) ascii[c] = ascii[c]! | (1 << i);
		else other.set(c, (other.get(c) ?? 0) | (1 << i));
	}
	const high = 1 << (m - 1);
	const all = m === 31 ? 0x7fffffff : (1 << m) - 1;
	return (text: string) => {
		let pv = all;
		let mv = 0;
		let score = m;
		let best = m;
		for (let j = 0; j < text.length && best > 0; j++) {
			const c = text.charCodeAt(j);
			const eq = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
			const xv = eq | mv;
			const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
			let ph = mv | ~(xh | pv);
			let mh = pv & xh;
			if (ph & high) score++;
			else if (mh & high) score--;
			ph <<= 1;
			mh <<= 1;
			pv = (mh | ~(xv | ph)) & all;
			mv = ph & xv & all;
			if (score < best) best = score;
		}
		return best;
	};
}
