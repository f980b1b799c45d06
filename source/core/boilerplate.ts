// Recognising site furniture: newswire contact blocks, paywall and comment prompts, bylines of
// aggregators, link and tag lists. Boilerplate is marked, kept visible, and left out of reuse and search.

const PATTERNS: RegExp[] = [
	/unlock premium|start your free trial|subscribe (now|today)|sign up for|already a subscriber|log ?in to (read|continue)/i,
	/media ?outreach|newswire|press release distribution|comunicato stampa|contenuto promozionale|immediapress/i,
	/^(for more information|contatti|contacts?|media contact|e-?mail\b|tel\b|phone\b)/i,
	/\bmailto:|^<?https?:\/\/\S+>?$|^(cited|source|via|read more)\s*:/i,
	/responsabilit.{0,3} editoriale|data di creazione|^autore$|^redazione$|^categoria$|^tag$|^descrizione$/i,
	/default watermark|all rights reserved|^©|copyright \d{4}/i,
	/leave a (comment|reply)|share this (article|story)|related (articles|posts)|\d+\s*min read/i,
	/^[-_*=~]{3,}$/,
	/^by [\p{Lu}][^.!?]{0,60}$/u,
];

function plain(line: string): string {
	return line
		.replace(/^#{1,6}\s+/, '')
		.replace(/^\s*(\d{1,3}[.)]|[-*+•])\s+/, '')
		.replace(/\*\*/g, '')
		.trim();
}

/**
 * Whether one block is furniture. `repeated` says the line occurs in several sources (a shared header).
 * Very short lines without sentence punctuation (tags, section labels, comment prompts) count as furniture
 * unless they are the source's title.
 */
export function isBoilerplate(line: string, opts: {isTitle?: boolean; repeated?: boolean} = {}): boolean {
	const body = plain(line);
	if (!body) return true;
	if (opts.repeated && !opts.isTitle) return true;
	if (PATTERNS.some(p => p.test(body))) return true;
	if (opts.isTitle) return false;
	// Chinese and Japanese write words without spaces: count about two characters a word.
	const cjk = (body.match(/[\u3040-\u30ff\u4e00-\u9fff]/gu) ?? []).length;
	const words = body.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length + cjk / 2;
	if (words <= 4 && !/[.!?。！？]["'\u201D\u300D]?$/u.test(body)) return true;
	// Mojibake residue such as "â??" alone on a line.
	if (!/[\p{L}]{3}/u.test(body.replace(/â|Ã/g, ''))) return true;
	return false;
}
