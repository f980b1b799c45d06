// The analysis cut where threads can share it. Everything about one file — decoding, blocks, sentences,
// furniture by structure, figures, the features of its sentences — depends on that file alone and runs on
// any thread (`analyseFile`). What needs the whole corpus — files with the same text, furniture repeated
// across a site, then the matching (reuse.ts) — runs once, on one thread (`assembleCorpus`).

import {markFurnitureBlocks, markSiteFurniture, SITE_REPEAT_MAX_CHARS} from './furniture.js';
import {emptyTable, type FeatureTable, featureTable, filterTable, hash32} from './features.js';
import {buildSource, type Corpus, type GivenMeta, type Source} from './source.js';
import {normalize} from './text.js';

export type FileAnalysis = {
	source: Source;
	/** Features of the content sentences, before furniture repeated across a site is known; empty if not asked for. */
	features: FeatureTable;
	/** Per block: the hash of its normalised text when it could be a site's header or footer (short), else 0. */
	blockKeys: Uint32Array;
	/** A hash of the text, so that files with the same text under two names are found without comparing every pair. */
	textKey: string;
};

/** Everything about one file that depends on that file alone. */
export function analyseFile(id: string, bytes: Uint8Array, meta: GivenMeta | undefined, opts: {features?: boolean} = {}): FileAnalysis {
	const source = buildSource(id, bytes, meta);
	const blockKeys = Uint32Array.from(source.blocks, b =>
		b.boilerplate || b.text.length > SITE_REPEAT_MAX_CHARS ? 0 : hash32(normalize(b.text)) || 1,
	);
	return {source, features: opts.features === false ? emptyTable() : featureTable(source), blockKeys, textKey: textKey(source.text)};
}

/**
 * Two independent 32-bit hashes of the text with its length: a collision is not a practical concern, and is
 * checked anyway. Two UTF-16 units a step: the hashes' multiplications, one after another, were 4% of reading.
 */
export function textKey(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193;
	const even = text.length & ~1;
	for (let i = 0; i < even; i += 2) {
		const c = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
	}
	if (even < text.length) a = Math.imul(a ^ text.charCodeAt(even), 0x01000193);
	return `${text.length.toString(36)}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

/**
 * What the assembly of a corpus changed, by source index: the files with the same text as an earlier one (its
 * id), and the blocks made furniture as a site's repeated header or footer. It is kept with the corpus's reuse,
 * so that a relaunch applies it to the few sources it names instead of assembling, and so unpacking, them all.
 */
export type Assembly = {sameAs: [number, string][]; furniture: [number, number[]][]};

/**
 * The corpus from its files, in order: a file with the same text as an earlier one is marked as such, blocks
 * repeated across pages of one site become furniture, and the features of sentences that did are dropped.
 * `changed`: the sources this changed (by index), which are no longer as their file's analysis gave them;
 * `assembly`: what it changed in them.
 */
export function assembleCorpus(
	dir: string,
	files: FileAnalysis[],
	warnings: string[],
): {corpus: Corpus; features: FeatureTable[]; changed: Set<number>; assembly: Assembly} {
	const seen = new Map<string, Source>();
	const sameAs: Assembly['sameAs'] = [];
	files.forEach((f, i) => {
		const first = seen.get(f.textKey);
		if (first && first.text === f.source.text) {
			markDuplicate(f.source, first.id);
			sameAs.push([i, first.id]);
		} else if (!first) seen.set(f.textKey, f.source);
	});
	const sources = files.map(f => f.source);
	const furniture = markSiteFurniture(
		sources,
		files.map(f => f.blockKeys),
	);
	const changed = new Set([...furniture.keys(), ...sameAs.map(([i]) => i)]);
	const features = files.map(f => filterTable(f.features, sentence => !f.source.sentences[sentence]!.boilerplate));
	return {corpus: {dir, sources, warnings}, features, changed, assembly: {sameAs, furniture: [...furniture]}};
}

const markDuplicate = (s: Source, of: string) => {
	s.sameAs = of;
	s.warnings.push(`same text as ${of}`);
};

/**
 * A kept assembly applied to the sources it names (`sourceAt(i)`, each unpacked as its file's analysis gave
 * it), as assembling the corpus again would change them. Throws if it names a block a source does not have.
 */
export function applyAssembly(assembly: Assembly, sourceAt: (index: number) => Source): void {
	for (const [i, of] of assembly.sameAs) markDuplicate(sourceAt(i), of);
	for (const [i, blocks] of assembly.furniture) markFurnitureBlocks(sourceAt(i), blocks);
}
