// Figures in a sentence: tokens, the grammar at each candidate, then ranges ("zwischen 130 und 190
// Milliarden Euro") and hedges. Pure and linear in the length of the range.

import {figureContext} from './currency.js';
import {type Candidate, Reader} from './grammar.js';
import {tableFor} from './lang/index.js';
import {measureOf} from './measure.js';
import {hedgeAfter, hedgeBefore} from './qualifier.js';
import {type Token, tokenize} from './tokens.js';
import type {ExtractOptions, Figure, FigureKind} from './types.js';

/** Kinds that take a hedge: a date or a rank is not "about". */
const HEDGED_KINDS = new Set<FigureKind>(['money', 'percent', 'count', 'ratio', 'duration']);

/**
 * All figures in `text[start, end)`, in text order, with offsets into `text`. With `options` (the
 * pipeline always passes them) hedges are canonical and periods and durations are their own kinds.
 * Called without options it reads as churnscope 0.1 did, for callers that predate them: hedges as
 * written, a range of years as a date, no other periods or durations.
 */
export function extractFigures(text: string, start = 0, end = text.length, options?: ExtractOptions): Figure[] {
	const lang = tableFor(options?.language);
	const tokens = tokenize(text, start, end, lang.spaceGroups);
	if (tokens.length === 0) return [];
	// Without the source's context the sentence is its own evidence, read only if a bare $ or ¥ needs it.
	let context = options?.context;
	const contextOf = () => {
		context ??= figureContext(text.slice(start, end), options?.language);
		return context;
	};
	const cands = new Reader(text, tokens, lang, contextOf).read();
	const ranges = resolveRanges(tokens, cands, lang.rangeLinks);
	inheritCurrency(cands);
	const figures: Figure[] = [];
	const byCandidate: (Figure | undefined)[] = [];
	for (const [k, c] of cands.entries()) {
		if (c.bare && !keepBare(tokens, c)) continue;
		const s = tokens[c.first]!.start;
		const e = tokens[c.last]!.end;
		let qualifier: string | null = null;
		if (HEDGED_KINDS.has(c.kind)) {
			const h = hedgeBefore(tokens, c.first, lang, text);
			const after = hedgeAfter(tokens, c.last, lang);
			if (h) qualifier = options ? h.qualifier : h.written;
			else if (after) qualifier = after.qualifier;
			else if (c.after) qualifier = c.after;
		}
		const f: Figure = {start: s, end: e, text: text.slice(s, e), kind: c.kind, value: c.value, unit: c.unit, qualifier};
		if (c.ambiguous) f.ambiguous = true;
		f.measure = measureOf(f, c.dimension ?? null);
		figures.push(f);
		byCandidate[k] = f;
	}
	for (const [a, b] of ranges) {
		const fa = byCandidate[a];
		const fb = byCandidate[b];
		if (fa && fb && fb.qualifier === null) fb.qualifier = fa.qualifier;
	}
	return options ? figures : legacy(figures);
}

/**
 * Bounds of a range share what the second bound says: "zwischen [130] und [190 Milliarden Euro]",
 * "von [5,5] auf [15,3 Prozent]", "(du [19] au [25 février 2018])"; the hedge before the first bound
 * applies to both ("um rund [fünf] bzw. [sechs Prozent]").
 */
function resolveRanges(tokens: Token[], cands: Candidate[], links: string[]): [number, number][] {
	const pairs: [number, number][] = [];
	for (let k = 0; k + 1 < cands.length; k++) {
		const a = cands[k]!;
		const b = cands[k + 1]!;
		if (!a.bare || b.bare) continue;
		if (b.first - a.last - 1 < 1 || b.first - a.last - 1 > 2) continue;
		const between = tokens.slice(a.last + 1, b.first).map(t => t.w);
		if (!between.every(w => links.includes(w) || RANGE_LINKS.has(w))) continue;
		if (b.kind === 'date' && typeof b.value === 'string' && /^(\d{4}|-)-\d{2}-\d{2}$/.test(b.value) && Number.isInteger(a.value)) {
			a.kind = 'date';
			a.value = `${b.value.slice(0, -2)}${String(a.value).padStart(2, '0')}`;
		} else if (b.kind === 'money' || b.kind === 'percent' || b.kind === 'ratio' || (b.kind === 'count' && b.unit)) {
			a.kind = b.kind;
			a.value = Number(((a.value as number) * (b.scale ?? 1)).toPrecision(12));
			a.unit = b.unit;
			if (b.ambiguous) a.ambiguous = true;
			a.dimension = b.dimension ?? null;
		} else if (b.kind === 'duration' && typeof b.value === 'string') {
			a.kind = 'duration';
			a.value = b.value.replace(/[\d.]+(?=[A-Z]$)/, String(a.value));
		} else continue;
		a.bare = false;
		pairs.push([k, k + 1]);
	}
	return pairs;
}

/**
 * A scaled number with no unit in a sentence whose money figures use the same scale is money too:
 * "um 42,7 % auf 53,5 Mrd€ …, während die Importe … auf 124,9 Mrd anstiegen".
 */
function inheritCurrency(cands: Candidate[]): void {
	const byScale = new Map<number, Candidate>();
	for (const c of cands) if (c.kind === 'money' && c.scale && !byScale.has(c.scale)) byScale.set(c.scale, c);
	for (const c of cands) {
		if (!c.bare || !c.scale || c.scale === 1) continue;
		const model = byScale.get(c.scale);
		if (!model) continue;
		c.kind = 'money';
		c.unit = model.unit;
		if (model.ambiguous) c.ambiguous = true;
		c.bare = false;
	}
}

const RANGE_LINKS = new Set([
	'-',
	'to',
	'and',
	'or',
	'bis',
	'und',
	'auf',
	'bzw',
	'.',
	'à',
	'au',
	'et',
	'a',
	'y',
	'o',
	'al',
	'по',
	'до',
	'и',
	'hingga',
]);

/** A number with no unit stays a figure when it is a quantity (not a stray digit): a count with no noun. */
function keepBare(tokens: Token[], c: Candidate): boolean {
	const next = tokens[c.last + 1];
	const prev = tokens[c.first - 1];
	if (typeof c.value !== 'number' || c.word) return false;
	// Page numbers, list markers and labels ("1.", "(2)") are not counts.
	const lineStart = !prev || tokens[c.first]!.newline;
	if (prev?.w === '#' || (lineStart && next?.w === '.' && next.joined && (!tokens[c.last + 2] || tokens[c.last + 2]!.newline)))
		return false;
	return true;
}

/** The reading of churnscope 0.1: hedges as written, year ranges as dates, no other periods or durations. */
function legacy(figures: Figure[]): Figure[] {
	const out: Figure[] = [];
	for (const f of figures) {
		if (f.kind === 'period' && typeof f.value === 'string' && /^\d{4}\/\d{4}$/.test(f.value)) out.push({...f, kind: 'date'});
		else if (f.kind !== 'period' && f.kind !== 'duration') out.push(f);
	}
	return out;
}
