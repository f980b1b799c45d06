// The narrowing step of search on a large corpus: an index of the words of every passage. Fuse matches a
// query word where the fewest edits turn it into a substring of the text, and lets a word of m letters have
// at most m × threshold edits. Nearly always that substring lies inside one word of the text
// ("telecomunication" in "telecommunication,"), so each distinct word of the corpus is measured once against
// each query word. The passages of the query word with the fewest are read, best first; the other words are
// looked up in a table of each passage's edits (made from the words that match them), and the best few go to
// Fuse to rank. A match across a space ("newyork" in "new york"), which Fuse finds too, is looked for where a
// query word matches none of a passage's words, and measured over the whole passage. (A trigram index, the
// step before this one, handed Fuse the passages richest in the query's rare trigrams: at a million passages
// they held under two thirds of plain Fuse's top ten, a typo's rare trigram weighing most.)

import {editMatcher} from './edit-distance.js';
import {GrowUint32} from './grow.js';

/** Fuse's word separators (its field norm counts the runs between them): tab to carriage return, space, no-break space. */
function isSeparator(c: number): boolean {
	return (c >= 9 && c <= 13) || c === 32 || c === 160;
}

/** The longest word the edit matcher measures whole (one bit a letter in a 32-bit integer, one spare). */
const MATCHER_LETTERS = 31;
/**
 * At most this many texts a query are measured whole for a match across a space (about 3 µs each), for the
 * lead word and again for the others: when few texts match every word inside a word of theirs, the rest are
 * not all searched for matches that straddle two.
 */
export const ACROSS_MEASURED = 3000;
/** The fewest letters of a query word a word of the text must end or start with to be read for a match across a space. */
const PIECE_LETTERS = 2;
/**
 * A piece of a query word whose words are in more texts than this is not read for matches across a space:
 * "pa" ends words in a tenth of the texts, "rihal" in a few hundred.
 */
const PIECE_TEXTS = 20_000;
/** Fuse counts an exact match as this small a score, not 0, so that the field norm still orders exact matches. */
const EXACT_SCORE = 0.001;

/** The words of the index one query word matches, by the edits each needs (`levels[e]`: word ids, ascending), and their passages in all. */
type WordMatch = {levels: Int32Array[]; postings: number; table?: Uint8Array; pieces?: Int32Array};

export class WordIndex {
	private readonly ids = new Map<string, number>();
	private readonly words: string[] = [];
	/**
	 * The texts of each word (by rank), each once, ascending: by norm, largest first, the order of their
	 * scores for an equal match, so that reading a word's texts can stop at the first that cannot be kept.
	 */
	private readonly postings: number[][] = [];
	private readonly norms: Float32Array;
	/**
	 * The texts by norm (`byNormOf`), once every norm is known: inside the index a text is its place in this
	 * order (its rank), so that a word's texts, read best first, are read in the order they lie in memory.
	 */
	private order: Int32Array | null = null;
	/** Each rank's text and norm, filled as the texts are indexed. */
	private readonly ranked: string[] = [];
	private rankNorms = new Float32Array(0);
	/** Texts whose norm is known; then texts indexed, in `order`. */
	private normed = 0;
	private indexed = 0;
	/**
	 * The matches of the last few query words (more than a query holds): while a query is typed only its last
	 * word changes. Made once every text is in, so that they hold for as long as the index lives.
	 */
	private readonly kept = new Map<string, WordMatch>();
	private seen: Int32Array | null = null;
	private marked: Uint8Array | null = null;
	/** The keys of the query being answered, whose matches are not dropped while it is. */
	private inQuery = new Set<string>();
	/** Tables of words no longer kept, to be filled again: a megabyte each at a million texts. */
	private readonly spare: Uint8Array[] = [];
	/** The words of the index by their first and by their last PIECE_LETTERS letters, made once all are in. */
	private ends: {first: Map<string, number[]>; last: Map<string, number[]>} | null = null;
	private stamp = 0;

	/** Nothing is read here: each text is indexed by `build`, in slices. */
	constructor(
		private readonly texts: string[],
		private readonly keep = 12,
	) {
		this.norms = new Float32Array(texts.length);
	}

	get ready(): boolean {
		return this.indexed === this.texts.length;
	}

	/** Index more texts, for about `budgetMs`; true when all are in. Norms first, then words in order of norm. */
	build(budgetMs: number): boolean {
		const until = performance.now() + budgetMs;
		const n = this.texts.length;
		while (this.normed < n) {
			const id = this.normed++;
			this.norms[id] = fieldNorm(this.texts[id]!);
			if ((id & 1023) === 0 && performance.now() > until) return false;
		}
		if (!this.order) {
			this.order = byNormOf(this.norms);
			this.rankNorms = new Float32Array(n);
			if (performance.now() > until) return false;
		}
		while (this.indexed < n) {
			const rank = this.indexed++;
			const d = this.order[rank]!;
			this.ranked.push(this.texts[d]!);
			this.rankNorms[rank] = this.norms[d]!;
			this.addText(rank);
			if ((this.indexed & 63) === 0 && performance.now() > until) return this.ready;
		}
		this.ends ??= endsOf(this.words);
		return true;
	}

	private addText(id: number): void {
		const t = this.ranked[id]!;
		let from = -1;
		for (let i = 0; i <= t.length; i++) {
			if (i < t.length && !isSeparator(t.charCodeAt(i))) {
				if (from < 0) from = i;
				continue;
			}
			if (from < 0) continue;
			const w = t.slice(from, i);
			from = -1;
			const wid = this.ids.get(w);
			if (wid === undefined) {
				this.ids.set(w, this.words.length);
				this.words.push(w);
				this.postings.push([id]);
				continue;
			}
			const list = this.postings[wid]!;
			if (list[list.length - 1] !== id) list.push(id);
		}
	}

	/**
	 * The `count` texts that Fuse would score best for the query (each word lower-case, as Fuse compares them):
	 * per word, the fewest edits over the word's length (at least EXACT_SCORE), to the power of the text's
	 * field norm, multiplied over the words; a word over the threshold rules the text out. Best first, ties
	 * to the lower index. Indexes whatever is not indexed yet.
	 */
	best(words: string[], threshold: number, count: number): number[] {
		this.build(Number.POSITIVE_INFINITY);
		if (words.length === 0 || count <= 0) return [];
		const letters = words.map(w => Math.min(w.length, MATCHER_LETTERS));
		const most = letters.map(m => Math.floor(m * threshold));
		this.inQuery = new Set(words.map((w, i) => `${most[i]}\0${w}`));
		const matches = words.map((w, i) => this.matchOf(w, most[i]!));
		// Read the texts of the word with the fewest; look the others up in each: a word with edits in its
		// table (by the words of each text), a word without in the text itself.
		let lead = 0;
		for (let w = 1; w < words.length; w++) if (matches[w]!.postings < matches[lead]!.postings) lead = w;
		const others = words.map((_, w) => w).filter(w => w !== lead);
		others.sort((a, b) => most[b]! - most[a]!); // the tables first: a look-up costs less than a read of the text
		const tables = words.map((_, w) => (w === lead || most[w] === 0 ? null : this.tableOf(matches[w]!)));
		// A text's score is exp(norm × Σ logs), so its order is that of norm × Σ logs; `logs[w][e]` is word
		// w's log with e edits. At best the other words match exactly.
		const logs = letters.map(m => Float64Array.from({length: MATCHER_LETTERS + 1}, (_, e) => Math.log(Math.max(EXACT_SCORE, e / m))));
		const othersAtBest = others.length * Math.log(EXACT_SCORE);
		// Texts by rank from here on.
		const {rankNorms: norms, ranked: texts, postings} = this;
		const seen = this.stamps();
		const stamp = this.stamp;
		const top = new TopK(count);
		// Texts where a word with edits is in none of the text's words: it may match across a space.
		const across = new GrowUint32();
		/** Text d, where the lead word matches with e edits: scored when every other word is in one of its words. */
		const consider = (d: number, e: number) => {
			let sum = logs[lead]![e]!;
			for (const w of others) {
				const table = tables[w];
				if (table) {
					const x = table[d]!;
					if (x !== 0) sum += logs[w]![x - 1]!;
					else {
						across.push(d);
						across.push(e);
						return;
					}
				} else if (texts[d]!.includes(words[w]!)) sum += logs[w]![0]!;
				else return;
			}
			top.offer(d, norms[d]! * sum);
		};
		/**
		 * The texts of word `wid` not read before, best first, while one could still be kept at `bound` (the
		 * best its score could be, but for the norm); false when `visit` asks to stop.
		 */
		const read = (wid: number, bound: number, visit: (d: number) => boolean): Read => {
			const list = postings[wid]!;
			for (let i = 0; i < list.length; i++) {
				const d = list[i]!;
				// The texts after this one score no better than it could: none of them can be kept either.
				if (top.full && !top.beats(norms[d]! * bound, d)) return i === 0 ? Read.NoneAfter : Read.More;
				if (seen[d] === stamp) continue;
				seen[d] = stamp;
				if (!visit(d)) return Read.Stop;
			}
			return Read.More;
		};
		/** The words of a level, in order (by their best text), while their texts could be kept; false when `visit` asks to stop. */
		const readLevel = (wids: Int32Array, bound: number, visit: (d: number) => boolean): boolean => {
			for (const wid of wids) {
				const r = read(wid, bound, visit);
				if (r === Read.Stop) return false;
				if (r === Read.NoneAfter) return true;
			}
			return true;
		};
		const levels = matches[lead]!.levels;
		for (let e = 0; e < levels.length; e++) {
			const bound = logs[lead]![e]! + othersAtBest;
			const visit = (d: number) => {
				consider(d, e);
				return true;
			};
			readLevel(levels[e]!, bound, visit);
		}
		// The texts where another word matches in none of the text's words, while they might still be kept:
		// measured whole, as Fuse measures them, for a match across a space (which costs an edit, for the space).
		const measures = words.map(w => editMatcher(w));
		// Within `most` edits, one of `most + 1` pieces of a word is left whole, and stands in the text as it is.
		const wholes = words.map((w, i) => piecesOfWord(w, most[i]! + 1));
		let next = 0;
		let measuredAcross = 0;
		const drainAcross = () => {
			for (; next < across.n && measuredAcross < ACROSS_MEASURED; next += 2) {
				const d = across.a[next]!;
				const own = logs[lead]![across.a[next + 1]!]!;
				let best = own;
				for (const w of others) {
					const x = tables[w] ? tables[w]![d]! : 1;
					best += logs[w]![x === 0 ? 1 : x - 1]!;
				}
				if (top.full && !top.beats(norms[d]! * best, d)) continue;
				measuredAcross++;
				let sum = own;
				for (const w of others) {
					const x = tables[w] ? tables[w]![d]! : texts[d]!.includes(words[w]!) ? 1 : 0;
					const found =
						x !== 0 ? x - 1 : most[w] === 0 || !wholes[w]!.some(p => texts[d]!.includes(p)) ? 1 + most[w]! : measures[w]!(texts[d]!);
					if (found > most[w]!) {
						sum = Number.NEGATIVE_INFINITY;
						break;
					}
					sum += logs[w]![found]!;
				}
				if (sum > Number.NEGATIVE_INFINITY) top.offer(d, norms[d]! * sum);
			}
		};
		drainAcross();
		if (most[lead]! > 0) {
			// Texts where the lead word may match across a space ("newyork" in "new york"): one of their words
			// ends with its first letters or starts with its last; then the texts of the other words. Each is
			// measured whole; the lead's best is one edit, for the space.
			let measured = 0;
			const whole = wholes[lead]!;
			const cross = (d: number) => {
				if (measured++ >= ACROSS_MEASURED) return false;
				const t = texts[d]!;
				if (!whole.some(p => t.includes(p))) return true;
				const e = measures[lead]!(t);
				if (e <= most[lead]!) consider(d, e);
				return true;
			};
			const bound = logs[lead]![1]! + othersAtBest;
			// The texts of the pieces' words, best first (by rank), until none could be kept or enough were measured.
			const marks = this.marks();
			let lo = texts.length;
			let hi = -1;
			for (const wid of this.piecesOf(words[lead]!, matches[lead]!)) {
				for (const d of postings[wid]!) {
					if (seen[d] === stamp) continue;
					marks[d] = 1;
					if (d < lo) lo = d;
					if (d > hi) hi = d;
				}
			}
			let more = true;
			let past = false;
			for (let d = lo; d <= hi; d++) {
				if (marks[d] === 0) continue;
				marks[d] = 0; // cleared for the next query, read or not
				if (!more || past || seen[d] === stamp) continue;
				if (top.full && !top.beats(norms[d]! * bound, d)) past = true;
				else {
					seen[d] = stamp;
					more = cross(d);
				}
			}
			for (const w of others) {
				const wl = matches[w]!.levels;
				for (let e = 0; e < wl.length && more; e++) {
					const through = logs[lead]![1]! + logs[w]![e]! + othersAtBest - Math.log(EXACT_SCORE);
					more = readLevel(wl[e]!, through, cross);
				}
			}
			drainAcross();
		}
		// Ties (the same score) go to the lower rank: for texts of one norm, the lower index.
		const order = this.order!;
		return top.sorted().map(r => order[r]!);
	}

	/**
	 * The words of the index that end with the first PIECE_LETTERS or more letters of a query word, or start
	 * with its last (after one more letter, which the space may stand for), and are not among the words it
	 * matches: where it may match across a space. A piece whose words are in more than PIECE_TEXTS texts says
	 * too little to be read; made once a word.
	 */
	private piecesOf(word: string, match: WordMatch): Int32Array {
		if (match.pieces) return match.pieces;
		this.ends ??= endsOf(this.words);
		const ends = this.ends;
		const inMatch = new Set<number>();
		for (const level of match.levels) for (const wid of level) inMatch.add(wid);
		const found = new Set<number>();
		const take = (wids: number[]) => {
			let texts = 0;
			for (const wid of wids) texts += this.postings[wid]!.length;
			if (texts > PIECE_TEXTS) return;
			for (const wid of wids) if (!inMatch.has(wid)) found.add(wid);
		};
		// The longest pieces first: they say most, and the texts measured for a query are counted.
		for (let size = word.length - 1; size >= PIECE_LETTERS; size--) {
			const head = word.slice(0, size);
			const tail = word.slice(word.length - size);
			take((ends.last.get(head.slice(-PIECE_LETTERS)) ?? []).filter(wid => this.words[wid]!.endsWith(head)));
			take((ends.first.get(tail.slice(0, PIECE_LETTERS)) ?? []).filter(wid => this.words[wid]!.startsWith(tail)));
		}
		match.pieces = Int32Array.from(found);
		return match.pieces;
	}

	/** Each text's edits for a query word (0: it matches none of the text's words, else edits + 1), made once a word. */
	private tableOf(match: WordMatch): Uint8Array {
		if (match.table) return match.table;
		const table = this.spare.pop()?.fill(0) ?? new Uint8Array(this.texts.length);
		for (let e = match.levels.length - 1; e >= 0; e--)
			for (const wid of match.levels[e]!) for (const d of this.postings[wid]!) table[d] = e + 1;
		match.table = table;
		return table;
	}

	/** A mark for each text, all clear (each query clears those it sets). */
	private marks(): Uint8Array {
		this.marked ??= new Uint8Array(this.texts.length);
		return this.marked;
	}

	/** A stamp array over the texts and a new stamp for this query: a text read at one level is not read again. */
	private stamps(): Int32Array {
		this.seen ??= new Int32Array(this.texts.length);
		this.stamp++;
		return this.seen;
	}

	/**
	 * The words of the index a query word matches within `most` edits, by edits (with none: the words that
	 * hold it). Kept for the last few query words: a word typed one letter further matches only words its
	 * shorter form matched within as many edits, so only those are measured again.
	 */
	private matchOf(word: string, most: number): WordMatch {
		const key = `${most}\0${word}`;
		const known = this.kept.get(key);
		if (known) {
			this.kept.delete(key);
			this.kept.set(key, known); // the most recently used last
			return known;
		}
		const shorter = this.kept.get(`${most}\0${word.slice(0, -1)}`);
		const measure = most === 0 ? (w: string) => (w.includes(word) ? 0 : 1) : editMatcher(word);
		const shortest = Math.min(word.length, MATCHER_LETTERS) - most; // a substring within `most` edits has at least this many letters
		const levels = Array.from({length: most + 1}, () => [] as number[]);
		const visit = (wid: number) => {
			const w = this.words[wid]!;
			if (w.length < shortest) return;
			const e = measure(w);
			if (e <= most) levels[e]!.push(wid);
		};
		// In the order of the words, which is the order of their best texts (a word is numbered when its best
		// text is indexed): each level comes out in that order, and reading one can stop at the first word
		// whose best text cannot be kept.
		if (shorter) for (const wid of Int32Array.from(shorter.levels.flatMap(l => [...l])).sort()) visit(wid);
		else for (let wid = 0; wid < this.words.length; wid++) visit(wid);
		let postings = 0;
		for (const level of levels) for (const wid of level) postings += this.postings[wid]!.length;
		const match: WordMatch = {levels: levels.map(l => Int32Array.from(l)), postings};
		const oldest = this.kept.keys().next().value;
		// The oldest is not one of this query's words (each was used since, unless the query has more than are kept).
		if (this.kept.size >= this.keep && oldest !== undefined && !this.inQuery.has(oldest)) {
			const table = this.kept.get(oldest)!.table;
			if (table) this.spare.push(table);
			this.kept.delete(oldest);
		}
		this.kept.set(key, match);
		return match;
	}
}

/** What reading a word's texts says: stop reading; read the next word; no later word of the level can be kept. */
enum Read {
	Stop,
	More,
	NoneAfter,
}

/** A word cut into `n` pieces as even as can be. */
function piecesOfWord(word: string, n: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < n; i++) out.push(word.slice(Math.floor((i * word.length) / n), Math.floor(((i + 1) * word.length) / n)));
	return out.filter(p => p.length > 0);
}

/** Words by their first and by their last PIECE_LETTERS letters. */
function endsOf(words: string[]): {first: Map<string, number[]>; last: Map<string, number[]>} {
	const first = new Map<string, number[]>();
	const last = new Map<string, number[]>();
	words.forEach((w, wid) => {
		if (w.length < PIECE_LETTERS) return;
		const a = w.slice(0, PIECE_LETTERS);
		const b = w.slice(-PIECE_LETTERS);
		(first.get(a) ?? first.set(a, []).get(a)!).push(wid);
		(last.get(b) ?? last.set(b, []).get(b)!).push(wid);
	});
	return {first, last};
}

/** Fuse's field norm of a text: 1 / sqrt(number of words), to three decimals. */
function fieldNorm(t: string): number {
	let words = 0;
	let inWord = false;
	for (let i = 0; i < t.length; i++) {
		const sep = isSeparator(t.charCodeAt(i));
		if (!sep && !inWord) words++;
		inWord = !sep;
	}
	return Math.round(1000 / Math.sqrt(Math.max(1, words))) / 1000;
}

/** Indices by norm, largest first, ties in index order: a counting sort on the norm's three decimals. */
function byNormOf(norms: Float32Array): Int32Array {
	const key = (d: number) => 1000 - Math.round(norms[d]! * 1000);
	const start = new Int32Array(1002);
	for (let d = 0; d < norms.length; d++) start[key(d) + 1]!++;
	for (let k = 0; k < 1001; k++) start[k + 1]! += start[k]!;
	const out = new Int32Array(norms.length);
	for (let d = 0; d < norms.length; d++) out[start[key(d)]!++] = d;
	return out;
}

/** The k smallest (score, index) pairs offered, by a max-heap of k: most offers are one comparison with its top. */
class TopK {
	private readonly ids: Int32Array;
	private readonly scores: Float64Array;
	private size = 0;

	constructor(private readonly k: number) {
		this.ids = new Int32Array(k);
		this.scores = new Float64Array(k);
	}

	get full(): boolean {
		return this.size === this.k;
	}

	/** Whether (score, id) would be kept now. */
	beats(score: number, id: number): boolean {
		return this.size < this.k || TopK.after(this.scores[0]!, this.ids[0]!, score, id);
	}

	/** Whether (s, i) comes after (t, j): a larger score, or the same and a larger index. */
	private static after(s: number, i: number, t: number, j: number): boolean {
		return s > t || (s === t && i > j);
	}

	offer(id: number, score: number): void {
		const {ids, scores} = this;
		if (this.size < this.k) {
			let at = this.size++;
			while (at > 0) {
				const up = (at - 1) >> 1;
				if (!TopK.after(score, id, scores[up]!, ids[up]!)) break;
				ids[at] = ids[up]!;
				scores[at] = scores[up]!;
				at = up;
			}
			ids[at] = id;
			scores[at] = score;
			return;
		}
		if (!TopK.after(scores[0]!, ids[0]!, score, id)) return;
		let at = 0;
		for (;;) {
			const l = 2 * at + 1;
			if (l >= this.size) break;
			const r = l + 1;
			const big = r < this.size && TopK.after(scores[r]!, ids[r]!, scores[l]!, ids[l]!) ? r : l;
			if (!TopK.after(scores[big]!, ids[big]!, score, id)) break;
			ids[at] = ids[big]!;
			scores[at] = scores[big]!;
			at = big;
		}
		ids[at] = id;
		scores[at] = score;
	}

	/** The kept indices, best first. */
	sorted(): number[] {
		const order = Array.from({length: this.size}, (_, i) => i);
		order.sort((a, b) => this.scores[a]! - this.scores[b]! || this.ids[a]! - this.ids[b]!);
		return order.map(i => this.ids[i]!);
	}
}
