// The results of an analysis, in one place: passage families (one passage and every copy of it), the
// pairs derived from them, and how figures line up. A family is what passim calls a cluster; where passim
// names the same thing, the JSON output uses its name (README, "Families and passim").

import type {Figure} from './figures.js';

/** How a copy relates to its origin, measured on words against the origin's text. */
export type CopyKind = 'verbatim' | 'near' | 'paraphrase' | 'translation';

/** One sentence-level alignment inside a passage: sentence `a` of the origin side, sentence `b` of the copy. */
export type Part = {a: number; b: number; similarity: number; kind: CopyKind};

/** A passage of one source: offsets into its text (`text === source.text.slice(start, end)`), first and last sentence. */
export type Side = {source: string; start: number; end: number; text: string; sentences: [number, number]};

/**
 * A figure of the origin against a copy: `same` value and hedge; `changed` value; `hedged`: the same value
 * with a hedge ("about", "more than") added, dropped or changed; `missing` from the copy; `added` by it.
 */
export type FigureStatus = 'same' | 'changed' | 'hedged' | 'missing' | 'added';
export const FIGURE_STATUSES: FigureStatus[] = ['same', 'changed', 'hedged', 'missing', 'added'];

/** One row of a figure line-up: `a` from the origin side, `b` from the copy. */
export type LinedUp = {status: FigureStatus; a: Figure | null; b: Figure | null};

/** `dated`: `a` is the origin by the sources' dates; `undated`: no dates decide, the corpus order does. */
export type Direction = 'dated' | 'undated';

/** A copy against its origin: side `a` is the origin's passage, `b` the copy's. */
export type Pair = {
	a: Side;
	b: Side;
	similarity: number;
	kind: CopyKind;
	direction: Direction;
	figures: LinedUp[];
	/** The sentence alignments inside the passage. */
	parts: Part[];
	/** The family this pair comes from, or null in the full pairwise listing (`pairs --all`). */
	family: number | null;
};

/** One copy of a family's passage (the origin is a member too). */
export type Member = Side & {
	/** Against the origin; the origin itself is `verbatim` with similarity 1. */
	kind: CopyKind;
	similarity: number;
	date: string | null;
	publisher: string | null;
	/** Sentence alignments with the origin (`a`: the origin's sentence, `b`: this member's). */
	parts: Part[];
	/** The member's sentence in each sentence slot of the passage, -1 where it has none (the family's `slots` long). */
	slots: number[];
};

/** One figure of the origin in one member. */
export type FigureCell = {status: FigureStatus; figure: Figure | null};

export type FigureMatrix = {
	/** One row per figure of the origin's passage, in text order; `cells[i]` is member `i` (the origin's own cell is `same`). */
	rows: {figure: Figure; cells: FigureCell[]}[];
	/** Figures that a member states and the origin does not. */
	added: {member: number; figure: Figure}[];
};

/** One passage and all its copies and rewordings in the corpus (passim: a cluster). */
export type Family = {
	id: number;
	/** Index in `members` of the origin: the earliest dated member; ties go to the most complete text. */
	origin: number;
	/** In order of date (undated last), then corpus order. */
	members: Member[];
	/** How many sentence slots the passage has: one per sentence of the passage, across all its copies. */
	slots: number;
	/** Distinct sources and distinct publishers that carry the passage. */
	reach: {sources: number; publishers: number};
	/** Earliest and latest member dates, when known. */
	first: string | null;
	last: string | null;
	figures: FigureMatrix;
};

/** A sentence that a source repeats inside itself (a headline restated as the first line): not reuse. */
export type Repeat = {source: string; sentence: number; of: number};

/** Another source that this one shares text with, and the share (0..1) of the copying source's text. */
export type Relation = {source: string; share: number};
