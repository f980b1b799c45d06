// The seed corpus, its analysis, and an analysis with hand-built families on top of it (the engine that
// finds families is built elsewhere; the explorer is tested against the types it fills).

import {analyze, type Analysis, type SourceRow} from '../../source/core/analysis.js';
import type {Corpus} from '../../source/core/source.js';
import type {Family, FigureCell, Member, Pair, Side} from '../../source/core/types.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {SEED} from '../helpers.js';

export const corpus: Corpus = loadCorpus(SEED);
export const analysis: Analysis = analyze(corpus);
export const byId = new Map(corpus.sources.map(s => [s.id, s]));

/** The seed's pair with the most figures (the WIPO passage: 001, the release, copied by 000). */
export const figurePair: Pair = [...analysis.pairs].sort((x, y) => y.figures.length - x.figures.length)[0]!;

function sideOf(source: string, sentence: number): Side {
	const s = byId.get(source)!.sentences[sentence]!;
	return {source, start: s.start, end: s.end, text: s.text, sentences: [sentence, sentence]};
}

/** The origin's sentences are the family's slots; a member fills those its parts align with. */
const slotsOf = (origin: Side, parts: Member['parts'], self: boolean): number[] => {
	const out: number[] = [];
	for (let a = origin.sentences[0]; a <= origin.sentences[1]; a++) out.push(self ? a : (parts.find(p => p.a === a)?.b ?? -1));
	return out;
};

function member(side: Side, origin: Side, extra: Partial<Member>): Member {
	const src = byId.get(side.source)!;
	const parts = extra.parts ?? [];
	return {
		...side,
		kind: 'verbatim',
		similarity: 1,
		date: src.date,
		publisher: src.publisher,
		parts,
		slots: slotsOf(origin, parts, side === origin),
		...extra,
	};
}

/** A third, made-up member of the WIPO family: a sentence of 004, reworded, stating none of the figures. */
const extraSide = sideOf(
	'004_6d8c507b6052882a.txt',
	byId.get('004_6d8c507b6052882a.txt')!.sentences.findIndex(s => !s.boilerplate && s.text.length > 80),
);

export const FAMILY = 7;
export const SMALL_FAMILY = 8;

export const wipoFamily: Family = {
	id: FAMILY,
	origin: 0,
	members: [
		member(figurePair.a, figurePair.a, {}),
		member(figurePair.b, figurePair.a, {kind: figurePair.kind, similarity: figurePair.similarity, parts: figurePair.parts}),
		member(extraSide, figurePair.a, {kind: 'paraphrase', similarity: 0.41}),
	],
	slots: figurePair.a.sentences[1] - figurePair.a.sentences[0] + 1,
	reach: {sources: 3, publishers: 3},
	first: byId.get(figurePair.a.source)!.date,
	last: '2026',
	figures: {
		rows: figurePair.figures
			.filter(f => f.a)
			.map(f => ({
				figure: f.a!,
				cells: [
					{status: 'same', figure: f.a},
					{status: f.status === 'added' ? 'same' : f.status, figure: f.b},
					{status: 'missing', figure: null},
				] as FigureCell[],
			})),
		added: figurePair.figures.filter(f => f.status === 'added' && f.b).map(f => ({member: 1, figure: f.b!})),
	},
};

/** Another pair of the seed as a family of two. */
export const otherPair: Pair = analysis.pairs.find(p => p !== figurePair)!;
export const smallFamily: Family = {
	id: SMALL_FAMILY,
	origin: 0,
	members: [
		member(otherPair.a, otherPair.a, {}),
		member(otherPair.b, otherPair.a, {kind: otherPair.kind, similarity: otherPair.similarity, parts: otherPair.parts}),
	],
	slots: otherPair.a.sentences[1] - otherPair.a.sentences[0] + 1,
	reach: {sources: 2, publishers: 2},
	first: byId.get(otherPair.a.source)!.date,
	last: byId.get(otherPair.b.source)!.date,
	figures: {rows: [], added: []},
};

const extraPair: Pair = {
	a: figurePair.a,
	b: extraSide,
	similarity: 0.41,
	kind: 'paraphrase',
	direction: 'dated',
	figures: figurePair.figures.filter(f => f.a).map(f => ({status: 'missing', a: f.a, b: null})),
	parts: [{a: figurePair.a.sentences[0], b: extraSide.sentences[0], similarity: 0.41, kind: 'paraphrase'}],
	family: FAMILY,
};

/** The seed's analysis with the two families, each member's pair against its origin marked with its family. */
export const familyAnalysis: Analysis = {
	...analysis,
	pairs: [
		...analysis.pairs.map(p => (p === figurePair ? {...p, family: FAMILY} : p === otherPair ? {...p, family: SMALL_FAMILY} : p)),
		extraPair,
	],
	families: [smallFamily, wipoFamily],
};

/** A number in letters (0 → a, 26 → ba), so that file names hold no digits. */
const letters = (i: number): string => (i < 26 ? '' : letters(Math.floor(i / 26))) + String.fromCharCode(97 + (i % 26));

/** A corpus of `n` sources named by number, for list work at size (rows only: no text). */
export function bigCorpus(n: number): Corpus {
	const sources = Array.from({length: n}, (_, i) => ({
		id: `doc-${letters(i)}.txt`,
		title: `item ${i}`,
		publisher: null,
		date: null,
		url: null,
		text: '',
		encoding: 'utf-8',
		bytes: 0,
		words: i,
		blocks: [],
		sentences: [],
		language: null,
		figures: [],
		furnitureFigures: [],
		warnings: [],
		sameAs: null,
	}));
	return {dir: '/big', sources, warnings: []};
}

export const big = (n: number): {corpus: Corpus; analysis: Analysis} => {
	const c = bigCorpus(n);
	const rows: SourceRow[] = c.sources.map(s => ({
		source: s.id,
		title: s.title,
		publisher: null,
		date: null,
		words: s.words,
		passages: 0,
		reused: 0,
		figures: 0,
		copiedFrom: [],
		copiedBy: [],
		reach: 0,
	}));
	return {corpus: c, analysis: {corpus: c, pairs: [], families: [], repeats: [], stock: [], rows}};
};
