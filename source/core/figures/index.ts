// Figures a news reader cares about — money, percentages, counts, ranks, ratios, dates, periods and
// durations — read in the languages news is carried in, with a normalised value, unit and hedge so that
// the same quantity is recognised across notations, and lined up between an origin and its copies.
// The stages, in order: tokens.ts → scan.ts (numbers) → grammar.ts (with lang/, currency.ts, noun.ts)
// → qualifier.ts → extract.ts; then measure.ts, line-up.ts, format.ts.

export {figureContext} from './currency.js';
export {extractFigures} from './extract.js';
export {formatValue} from './format.js';
export {lineUp} from './line-up.js';
export {figureKey, measureOf, quantityKey} from './measure.js';
export {
	type ExtractOptions,
	type Figure,
	FIGURE_KINDS,
	type FigureContext,
	type FigureKind,
	type Measure,
	QUALIFIERS,
	type Qualifier,
} from './types.js';
