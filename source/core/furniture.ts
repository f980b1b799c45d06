// Site furniture: what a page carries that is not its text. Furniture is marked (kept in the text and
// shown, dimmed) and left out of matching, search and figures. It is decided two ways, never by how many
// publishers carry a passage (a passage carried by 100 publishers is a family of reach 100):
// - by structure, block by block: navigation, share and cookie prompts, subscribe boxes, bylines,
//   copyright and newswire contact blocks ("Media contact", "SOURCE CGTN", "View original content");
// - by repetition inside one site: a block that recurs on pages of the same publisher, URL host or folder
//   is that site's header or footer.
// Every pattern is anchored or a plain alternation over one short block: linear whatever the input.

import {hash32} from './features.js';
import {normalize} from './text.js';
import type {Source} from './source.js';

/** Blocks up to this many words are checked against the furniture patterns; longer ones are text. */
export const FURNITURE_MAX_WORDS = 14;
/** A block repeated inside one site is furniture only up to this length: longer ones are an article posted twice. */
export const SITE_REPEAT_MAX_CHARS = 300;
/** A line this short with no sentence punctuation is a label (a tag, a section name, a comment prompt). */
export const LABEL_MAX_WORDS = 4;

/** Furniture by structure. Each applies to a short block only (FURNITURE_MAX_WORDS). */
const SHORT_PATTERNS: RegExp[] = [
	// Paywalls and subscribe boxes.
	/unlock premium|start your free trial|subscribe (now|today|to)|sign up for|already a subscriber|log ?in to (read|continue)|newsletter/i,
	// Newswire contact blocks and release distribution lines; the wire's name alone on a line.
	/^(media ?outreach( newswire)?|pr ?newswire|globe ?newswire|business ?wire|cision|accesswire|immediapress)$/i,
	/^source:? [\p{Lu}][\p{L} .&-]{1,40}$/iu,
	/view original content|press release distribution|comunicato stampa|contenuto promozionale/i,
	/^(for more information|contatti|contacts?|media contacts?|press contacts?|e-?mail\b|tel\b|phone\b|fax\b)/i,
	/\bmailto:|^<?https?:\/\/\S+>?$|^(cited|source|via|read more|related|tags?|share|follow us)\s*:/i,
	// A wire's multimedia links, in the release's language: "Photo - https://mma.prnewswire.com/…",
	// "Vidéo - https://m.youtube.com/…", "Logo - …".
	/^(photos?|videos?|vid[ée]os?|v[íi]deos?|fotos?|logo|bild|imagen|imagem|image|multimedia)\s*[-–—:]\s*<?https?:\/\//iu,
	/responsabilit.{0,3} editoriale|data di creazione|^autore$|^redazione$|^categoria$|^descrizione$|^\(web editor:/i,
	// Copyright, watermarks, share and comment prompts, reading times.
	/default watermark|all rights reserved|^©|^copyright\b|copyright \d{4}/i,
	/leave a (comment|reply)|share this (article|story|on)|related (articles|posts|stories)|\d+\s*min read|cookies?\b.*(accept|consent|policy)/i,
	/^(home|menu|search|login|sign in|next|previous|back to top|print|e-?mail this)$/i,
	/^[-_*=~]{3,}$/,
	/^by [\p{Lu}][^.!?]{0,60}$/u,
];

function plain(line: string): string {
	let s = line.trim();
	if (s.startsWith('#')) s = s.replace(/^#{1,6}\s+/, '');
	s = s.replace(/^(\d{1,3}[.)]|[-*+•])\s+/, '').replaceAll('**', '');
	return s.trim();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

/** Words in `s`, counted up to `max + 1` (a Han character is a word of its own). */
function wordsUpTo(s: string, max: number): number {
	let n = 0;
	let inWord = false;
	for (const ch of s) {
		const han = HAN.test(ch);
		const word = han || WORD_CHAR.test(ch);
		if (word && (!inWord || han)) n++;
		if (n > max) return n;
		inWord = word && !han;
	}
	return n;
}

/**
 * Whether one block is furniture by its structure. A long block is text whatever it mentions (a wire's lead
 * starts "BEIJING, Nov. 5, 2025 /PRNewswire/ --" and is the release's first sentence). The source's title
 * is never furniture.
 */
export function isFurniture(line: string, opts: {isTitle?: boolean} = {}): boolean {
	const body = plain(line);
	if (!body) return true;
	if (opts.isTitle) return false;
	const words = wordsUpTo(body, FURNITURE_MAX_WORDS);
	if (words <= FURNITURE_MAX_WORDS && SHORT_PATTERNS.some(p => p.test(body))) return true;
	if (words <= LABEL_MAX_WORDS && !/[.!?。！？]["'\u201D]?$/.test(body)) return true;
	// Mojibake residue such as "â??" alone on a line.
	return !/\p{L}{3}|\p{Script=Han}/u.test(body.replace(/â|Ã/g, ''));
}

/** Who published a source: the sidecar's publisher, else the URL's host, else the source itself. */
export function siteOf(s: Pick<Source, 'id' | 'publisher' | 'url'>): string {
	if (s.publisher) return s.publisher.trim().toLowerCase();
	const host = hostOf(s.url);
	if (host) return host;
	return `source:${s.id}`;
}

function hostOf(url: string | null): string | null {
	if (!url) return null;
	const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:@]+)/i.exec(url);
	return m ? m[1]!.toLowerCase().replace(/^www\./, '') : null;
}

/**
 * The site a source belongs to for repeated furniture: its publisher, URL host, or folder inside the corpus;
 * null when none is known (a lone file at the top of the corpus), so that nothing is furniture by repetition
 * among sources of unknown sites.
 */
export function siteKey(s: Pick<Source, 'id' | 'publisher' | 'url'>): string | null {
	if (s.publisher) return `publisher:${s.publisher.trim().toLowerCase()}`;
	const host = hostOf(s.url);
	if (host) return `host:${host}`;
	const slash = s.id.lastIndexOf('/');
	return slash > 0 ? `folder:${s.id.slice(0, slash)}` : null;
}

/**
 * Blocks that recur on two or more pages of the same site become furniture (headers, footers, standard
 * boxes); their sentences and figures leave the matching. Duplicate files (`sameAs`) do not count.
 * `blockKeys[i][b]` is the hash of block b of source i normalised, 0 for a block too long to be furniture
 * (computed with the file, on whichever thread read it); without it, it is computed here. Returns the blocks
 * made furniture, by source index.
 */
export function markSiteFurniture(sources: Source[], blockKeys?: Uint32Array[]): Map<number, number[]> {
	const marked = new Map<number, number[]>();
	const keys =
		blockKeys ??
		sources.map(s =>
			Uint32Array.from(s.blocks, b => (b.boilerplate || b.text.length > SITE_REPEAT_MAX_CHARS ? 0 : hash32(normalize(b.text)) || 1)),
		);
	const counts = new Map<string, number>();
	sources.forEach((s, i) => {
		const site = siteKey(s);
		if (!site || s.sameAs) return;
		const seen = new Set<number>();
		for (const [b, k] of keys[i]!.entries()) {
			if (k === 0 || s.blocks[b]!.boilerplate || seen.has(k)) continue;
			seen.add(k);
			const key = `${site}\0${k}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
	});
	sources.forEach((s, i) => {
		const site = siteKey(s);
		if (!site) return;
		const blocks: number[] = [];
		for (const [b, k] of keys[i]!.entries()) {
			if (k === 0 || s.blocks[b]!.boilerplate || (counts.get(`${site}\0${k}`) ?? 0) < 2) continue;
			blocks.push(b);
		}
		if (blocks.length) {
			markFurnitureBlocks(s, blocks);
			marked.set(i, blocks);
		}
	});
	return marked;
}

/**
 * Blocks of a source made furniture (a site's repeated header or footer): their sentences too, and the
 * figures in them move to `furnitureFigures`. Throws if a block is not the source's.
 */
export function markFurnitureBlocks(s: Source, blocks: number[]): void {
	for (const b of blocks) {
		const block = s.blocks[b];
		if (!block) throw new Error(`no block ${b} in ${s.id}`);
		block.boilerplate = true;
		for (const sent of s.sentences) if (sent.block === b) sent.boilerplate = true;
	}
	const furniture = new Set(s.sentences.filter(x => x.boilerplate).map(x => x.index));
	s.furnitureFigures = [...s.furnitureFigures, ...s.figures.filter(f => furniture.has(f.sentence))].sort((a, b) => a.start - b.start);
	s.figures = s.figures.filter(f => !furniture.has(f.sentence));
}
