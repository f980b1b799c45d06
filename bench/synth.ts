// Deterministic synthetic news corpora with planted reuse of known ground truth.
//
// Articles are made of news-like sentences (templates over a Zipf-distributed vocabulary, with names,
// money, percentages, counts and years). Some articles copy sentences from an earlier one: verbatim, as
// near copies (punctuation, spelling, number notation) or reworded (clauses reordered, words swapped,
// sentences split). The ground truth lists, for each copied sentence, the origin sentence it came from.

export type Planted = {
	kind: 'verbatim' | 'near' | 'reworded';
	origin: string;
	originSentence: string;
	target: string;
	targetSentences: string[];
};
export type Synthetic = {files: {name: string; text: string; date: string}[]; planted: Planted[]};

/** Mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SYLLABLES = [
	'ka',
	'lo',
	'mir',
	'sen',
	'ta',
	'vor',
	'en',
	'dal',
	'ri',
	'mo',
	'pex',
	'lun',
	'tor',
	'ga',
	'bel',
	'sho',
	'nin',
	'qua',
	'ret',
	'fil',
	'dor',
	'zen',
	'pa',
	'cu',
	'hal',
	'wem',
	'ost',
	'ir',
	'ven',
	'ula',
];
const FUNCTION = ['the', 'of', 'and', 'to', 'in', 'a', 'for', 'on', 'with', 'by', 'as', 'from', 'that', 'its', 'at'];
const SYNONYMS: [string, string][] = [
	['said', 'stated'],
	['increase', 'rise'],
	['announced', 'unveiled'],
	['company', 'firm'],
	['government', 'administration'],
	['plans', 'intends'],
	['major', 'significant'],
	['growth', 'expansion'],
	['investment', 'funding'],
	['officials', 'authorities'],
	['expected', 'projected'],
	['country', 'nation'],
	['new', 'fresh'],
	['large', 'big'],
	['help', 'assist'],
];
const VERBS = ['said', 'announced', 'expected', 'reported', 'approved', 'rejected', 'proposed', 'confirmed', 'launched', 'completed'];
const NOUNS = [
	'company',
	'government',
	'investment',
	'growth',
	'project',
	'officials',
	'market',
	'country',
	'plan',
	'industry',
	'programme',
	'agency',
];

function word(r: () => number): string {
	const n = 2 + Math.floor(r() * 2);
	let w = '';
	for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
	return w;
}

/** A vocabulary drawn with a Zipf-like law, so some words are common and most are rare. */
function vocabulary(r: () => number, size: number): {pick: () => string; names: string[]} {
	const words = Array.from({length: size}, () => word(r));
	const names = Array.from({length: Math.ceil(size / 5)}, () => {
		const w = word(r);
		return w[0]!.toUpperCase() + w.slice(1);
	});
	const cum: number[] = [];
	let total = 0;
	// Offset Zipf: a flatter head, as content words in news are (stop words come from FUNCTION).
	for (let i = 0; i < size; i++) {
		total += 1 / (i + 60);
		cum.push(total);
	}
	const pick = () => {
		const x = r() * total;
		let lo = 0;
		let hi = size - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cum[mid]! < x) lo = mid + 1;
			else hi = mid;
		}
		return words[lo]!;
	};
	return {pick, names};
}

type Sentence = {clauses: string[][]; figure: {value: number; unit: 'yuan' | 'percent' | 'count'; count?: string} | null; year: number};

export function synthesize(articles: number, seed = 1, reuseShare = 0.3): Synthetic {
	const r = rng(seed);
	const vocab = vocabulary(r, 40_000);
	const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
	const makeSentence = (): Sentence => {
		const clause = () => {
			const words: string[] = [pick(vocab.names)];
			const n = 8 + Math.floor(r() * 8);
			for (let i = 0; i < n; i++)
				words.push(r() < 0.3 ? pick(FUNCTION) : r() < 0.08 ? pick(NOUNS) : r() < 0.05 ? pick(VERBS) : vocab.pick());
			return words;
		};
		const clauses = r() < 0.6 ? [clause(), clause()] : [clause()];
		const f = r();
		const figure =
			f < 0.15
				? {value: Math.round(r() * 90 + 1) / 10, unit: 'yuan' as const}
				: f < 0.25
					? {value: Math.round(r() * 60 + 1), unit: 'percent' as const}
					: f < 0.35
						? {value: Math.round(r() * 9000 + 100), unit: 'count' as const, count: vocab.pick() + 's'}
						: null;
		return {clauses, figure, year: 2000 + Math.floor(r() * 26)};
	};
	const figureText = (s: Sentence, alt = false) => {
		if (!s.figure) return '';
		if (s.figure.unit === 'yuan') return alt ? ` worth CNY${s.figure.value} trillion` : ` worth ${s.figure.value} trillion yuan`;
		if (s.figure.unit === 'percent') return alt ? ` by ${s.figure.value}%` : ` by ${s.figure.value} percent`;
		return alt ? ` across ${s.figure.value.toLocaleString('en-US')} ${s.figure.count}` : ` across ${s.figure.value} ${s.figure.count}`;
	};
	const render = (s: Sentence, alt = false) => {
		const [first, second] = s.clauses;
		let text = first!.join(' ') + figureText(s, alt) + ` in ${s.year}`;
		if (second) text += ', while ' + second.join(' ');
		return text + '.';
	};
	const near = (s: Sentence) => {
		// Number notation, punctuation and one spelling change.
		let t = render(s, true).replace(', while ', '; while ');
		t = t.replace(/ize/g, 'ise').replace(/\bprogramme\b/, 'program');
		const words = t.split(' ');
		const i = 1 + Math.floor(r() * (words.length - 2));
		const syn = SYNONYMS.find(([a]) => a === words[i]);
		if (syn) words[i] = syn[1];
		return [words.join(' ')];
	};
	const reword = (s: Sentence): string[] => {
		const swap = (ws: string[]) =>
			ws.map(w => {
				const syn = SYNONYMS.find(([a, b]) => a === w || b === w);
				return syn && r() < 0.8 ? (syn[0] === w ? syn[1] : syn[0]) : w;
			});
		const [first, second] = s.clauses;
		const a = swap(first!);
		// Drop a few function words, reorder the figure and the year.
		const trimmed = a.filter((w, i) => i === 0 || !FUNCTION.includes(w) || r() < 0.5);
		const lead = `In ${s.year}, ` + trimmed.join(' ') + figureText(s);
		if (!second) return [lead + '.'];
		const b = swap(second).filter((w, i) => i === 0 || !FUNCTION.includes(w) || r() < 0.5);
		// Split into two sentences, second clause first half the time.
		return r() < 0.5 ? [lead + '.', b.join(' ') + ' as well.'] : [b.join(' ') + '.', lead + '.'];
	};

	const files: Synthetic['files'] = [];
	const planted: Planted[] = [];
	const docs: Sentence[][] = [];
	const pad = String(articles).length;
	for (let d = 0; d < articles; d++) {
		const n = 20 + Math.floor(r() * 10); // about 600 words
		const own = Array.from({length: n}, makeSentence);
		docs.push(own);
		const name = `a${String(d).padStart(pad, '0')}.txt`;
		const day = new Date(Date.UTC(2020, 0, 1) + d * 3600_000 * 6);
		const date = day.toISOString().slice(0, 10);
		const lines: string[] = own.map(s => render(s));
		if (d > 0 && r() < reuseShare) {
			const o = Math.floor(r() * d);
			const origin = docs[o]!;
			const originName = files[o]!.name;
			const k = 3 + Math.floor(r() * 5);
			const start = Math.floor(r() * Math.max(1, origin.length - k));
			const kindRoll = r();
			const kind: Planted['kind'] = kindRoll < 0.34 ? 'verbatim' : kindRoll < 0.67 ? 'near' : 'reworded';
			const insertAt = Math.floor(r() * lines.length);
			const copied: string[] = [];
			for (let i = start; i < Math.min(origin.length, start + k); i++) {
				const s = origin[i]!;
				const out = kind === 'verbatim' ? [render(s)] : kind === 'near' ? near(s) : reword(s);
				copied.push(...out);
				planted.push({kind, origin: originName, originSentence: render(s), target: name, targetSentences: out});
			}
			lines.splice(insertAt, 0, ...copied);
		}
		const title = makeSentence().clauses[0]!.slice(0, 8).join(' ');
		files.push({name, text: `${title}\n\n${lines.join(' ')}\n`, date});
	}
	return {files, planted};
}
