// The language of a text, from counts of its most common function words (and its script for Chinese,
// Japanese, Korean and Russian). Deterministic and linear: it reads at most SAMPLE_WORDS words.
//
// Why not an npm detector: franc-min (the usual choice) took 1–3 ms per 2 KB page here — 10 to 30 s on
// a 10,000-article corpus, as long as the whole reuse analysis — and named 200-character Russian and
// English snippets Bosnian, Bulgarian and Ilocano. We only need the languages whose number grammar we
// read (lang/), and their stop words tell them apart in microseconds.

/** Words read at most: enough for a verdict, and a long text costs no more than a short one. */
export const SAMPLE_WORDS = 2000;
/** Stop words needed before a Latin-script language is named: fewer is noise (a title, a table). */
export const MIN_HITS = 3;
/** Share of the words that must be the language's stop words: about a third in running text, far fewer in a language we do not list (Czech's "a", "o"). */
export const MIN_SHARE = 0.12;
/** Share of letters in a script that makes the text that script's language. */
const SCRIPT_SHARE = 0.3;

/** The most frequent function words of each language; words shared by two languages count for both. */
const STOP_WORDS: Record<string, string[]> = {
	en: [
		'the',
		'and',
		'of',
		'to',
		'in',
		'is',
		'that',
		'for',
		'with',
		'was',
		'on',
		'as',
		'are',
		'by',
		'it',
		'has',
		'have',
		'from',
		'this',
		'which',
		'its',
		'were',
		'been',
		'their',
		'said',
	],
	es: [
		'el',
		'la',
		'de',
		'que',
		'y',
		'en',
		'los',
		'las',
		'del',
		'se',
		'por',
		'con',
		'una',
		'para',
		'es',
		'al',
		'su',
		'más',
		'como',
		'fue',
		'según',
		'también',
		'entre',
	],
	pt: [
		'o',
		'a',
		'de',
		'que',
		'e',
		'do',
		'da',
		'em',
		'os',
		'as',
		'no',
		'na',
		'dos',
		'das',
		'para',
		'com',
		'uma',
		'um',
		'não',
		'mais',
		'pelo',
		'pela',
		'foi',
		'são',
	],
	fr: [
		'le',
		'la',
		'les',
		'de',
		'des',
		'du',
		'et',
		'en',
		'un',
		'une',
		'est',
		'dans',
		'pour',
		'que',
		'qui',
		'sur',
		'au',
		'aux',
		'par',
		'avec',
		'sont',
		'ont',
		'été',
		'cette',
	],
	de: [
		'der',
		'die',
		'das',
		'und',
		'in',
		'den',
		'von',
		'zu',
		'mit',
		'sich',
		'des',
		'auf',
		'für',
		'ist',
		'im',
		'dem',
		'nicht',
		'ein',
		'eine',
		'als',
		'auch',
		'es',
		'an',
		'wurde',
		'nach',
		'bei',
	],
	it: [
		'il',
		'di',
		'che',
		'e',
		'la',
		'per',
		'un',
		'del',
		'della',
		'in',
		'con',
		'non',
		'una',
		'sono',
		'dei',
		'nel',
		'nella',
		'alla',
		'gli',
		'le',
		'da',
		'anche',
		'più',
		'è',
	],
	id: [
		'yang',
		'dan',
		'di',
		'ini',
		'itu',
		'dengan',
		'untuk',
		'tidak',
		'dari',
		'dalam',
		'akan',
		'pada',
		'juga',
		'ke',
		'karena',
		'oleh',
		'adalah',
		'sebagai',
		'tahun',
		'telah',
		'bahwa',
		'para',
	],
};

const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOP_WORDS)) for (const w of words) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), lang]);
/**
 * The longest stop word: a longer run of letters is none, and is not sliced and looked up (lower-casing never
 * shortens a string, so this skips no match). Most of a text's words are longer than its stop words.
 */
const LONGEST_STOP_WORD = Math.max(...[...WORD_LANGS.keys()].map(w => w.length));

const NONE = 0;
const LATIN = 1;
const CYRILLIC = 2;
const HAN = 3;
const KANA = 4;
const HANGUL = 5;

/** The script of a letter, by code point (NONE for anything else): a number, counted in a typed array. */
function scriptOf(c: number): number {
	if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) return LATIN;
	if (c >= 0x400 && c <= 0x4ff) return CYRILLIC;
	if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return HAN;
	if (c >= 0x3040 && c <= 0x30ff) return KANA;
	if (c >= 0xac00 && c <= 0xd7af) return HANGUL;
	return NONE;
}

/** ISO 639-1 code of the text's language (`en`, `es`, `pt`, `fr`, `de`, `it`, `ru`, `id`, `zh`, `ja`, `ko`), or null when unsure. */
export function detectLanguage(text: string): string | null {
	const counts = new Int32Array(6);
	const hits: Record<string, number> = {};
	let words = 0;
	let latinWords = 0;
	// The current run of Latin letters is text[from, i); -1 when there is none. Lower-cased once, when it ends.
	let from = -1;
	const flush = (to: number) => {
		if (from < 0) return;
		words++;
		latinWords++;
		if (to - from <= LONGEST_STOP_WORD)
			for (const lang of WORD_LANGS.get(text.slice(from, to).toLowerCase()) ?? []) hits[lang] = (hits[lang] ?? 0) + 1;
		from = -1;
	};
	let i = 0;
	for (; i < text.length && words < SAMPLE_WORDS; i++) {
		const s = scriptOf(text.charCodeAt(i));
		counts[s]!++;
		if (s === LATIN) {
			if (from < 0) from = i;
		} else {
			flush(i);
			if (s === HAN || s === KANA || s === HANGUL) words++;
		}
	}
	flush(i);
	const scripts = {latin: counts[LATIN]!, cyrillic: counts[CYRILLIC]!, han: counts[HAN]!, kana: counts[KANA]!, hangul: counts[HANGUL]!};
	const letters = scripts.latin + scripts.cyrillic + scripts.han + scripts.kana + scripts.hangul;
	if (letters === 0) return null;
	if (scripts.kana > 0 && (scripts.kana + scripts.han) / letters >= SCRIPT_SHARE && scripts.kana * 10 >= scripts.han) return 'ja';
	if (scripts.hangul / letters >= SCRIPT_SHARE) return 'ko';
	if (scripts.han / letters >= SCRIPT_SHARE) return 'zh';
	if (scripts.cyrillic / letters >= SCRIPT_SHARE) return 'ru';
	let best: string | null = null;
	let second = 0;
	for (const [lang, n] of Object.entries(hits)) {
		if (!best || n > hits[best]!) {
			second = best ? hits[best]! : 0;
			best = lang;
		} else if (n > second) second = n;
	}
	if (!best || hits[best]! < MIN_HITS || hits[best] === second || hits[best]! < latinWords * MIN_SHARE) return null;
	return best;
}
