// The shape of a figure: what the extractor finds and what line-up, the ledger and the JSON output read.

import type {Span} from '../text.js';

export type FigureKind = 'money' | 'percent' | 'count' | 'rank' | 'ratio' | 'date' | 'period' | 'duration';
export const FIGURE_KINDS: FigureKind[] = ['money', 'percent', 'count', 'rank', 'ratio', 'date', 'period', 'duration'];

/** The canonical hedges of test/fixtures/FIGURE-LABELS.md; every language's hedge words map to one of them. */
export type Qualifier = 'about' | 'more than' | 'less than' | 'nearly' | 'up to' | 'at least' | 'at most';
export const QUALIFIERS: Qualifier[] = ['about', 'more than', 'less than', 'nearly', 'up to', 'at least', 'at most'];

/** What a figure measures, without its value: two figures line up only when their measures agree. */
export type Measure = {
	kind: FigureKind;
	/** Currency code or symbol, counted noun, `pp`, `top`, a superlative, or null. */
	unit: string | null;
	/** Physical dimension of a measurement unit (`length`, `area`, `mass`…), or a noun class (`person`), or null. */
	dimension: string | null;
};

export type Figure = Span & {
	kind: FigureKind;
	/**
	 * Units for money (1e12 for a trillion), a plain number for percent, count, rank and ratio; for dates
	 * `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `--MM-DD`, `--MM`, `---DD`; for periods `YYYY/YYYY`, `YYYY-H1`, `Q3`,
	 * `FYP14`, `past:P10Y`…; for durations ISO 8601 (`P2Y`, `PT48H`).
	 */
	value: number | string;
	/** ISO 4217 code (or the bare symbol when ambiguous) for money, the counted head noun for counts, `pp` for percentage points, else null. */
	unit: string | null;
	/** The canonical hedge (`about`, `more than`…), or null. */
	qualifier: string | null;
	/** A bare `$` or `¥` with no evidence in the text of which currency it is: `unit` is the symbol. */
	ambiguous?: boolean;
	measure?: Measure;
};

/** What the whole text says about currencies, found once per source (`figureContext`) and passed to each sentence. */
export type FigureContext = {
	/** What a bare `$` or dollar word means here: `USD` when the text writes US dollars, the symbol when unknown. */
	dollar: string;
	/** What a bare `¥` means here: `CNY` (yuan, RMB, China), `JPY` (yen, Japan), or the symbol when unknown. */
	yen: string;
};

export type ExtractOptions = {
	/** ISO 639-1 code of the text's language (`en`, `de`, `zh`…); null or unknown reads numbers as English does. */
	language?: string | null;
	/** Currency evidence from the whole source; without it only the sentence itself is evidence. */
	context?: FigureContext;
};
