// Figure extraction scored against the real-text gold (test/fixtures/figures): each gold figure matched
// to an extracted one by overlapping span, then detection (found at all) and full correctness (kind,
// value, unit, hedge, furniture or not) as precision and recall, overall and per language, for the
// tuning articles and the held-out ones apart. Used by test/real/figures.test.ts and `bench --only figures`.

import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Figure} from '../source/core/figures.js';
import {parseSidecar} from '../source/core/sidecar.js';
import {buildSource} from '../source/core/source.js';

export type GoldFigure = {
	start: number;
	end: number;
	text: string;
	kind: string;
	value: number | string;
	unit: string | null;
	qualifier: string | null;
	ambiguous?: boolean;
	furniture?: boolean;
};
type Gold = {articles: Record<string, {language: string; holdout: boolean; figures: GoldFigure[]}>};

export type Counts = {gold: number; found: number; detected: number; correct: number};
export type Rates = Counts & {detection: {precision: number; recall: number}; full: {precision: number; recall: number}};
export type Mismatch = {article: string; gold: GoldFigure | null; found: (Figure & {furniture: boolean}) | null};
export type FigureScore = {
	split: Record<'tuning' | 'holdout' | 'all', {overall: Rates; languages: Record<string, Rates>}>;
	/** Errors in the tuning articles only: the held-out ones are scored, never listed. */
	tuningMismatches: Mismatch[];
	articles: {name: string; language: string; detected: string | null; holdout: boolean}[];
};

const zero = (): Counts => ({gold: 0, found: 0, detected: 0, correct: 0});
const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
function rates(c: Counts): Rates {
	return {
		...c,
		detection: {precision: ratio(c.detected, c.found), recall: ratio(c.detected, c.gold)},
		full: {precision: ratio(c.correct, c.found), recall: ratio(c.correct, c.gold)},
	};
}

/** Numbers equal to 9 significant digits (1.17e12 written two ways). */
function sameValue(a: number | string, b: number | string): boolean {
	if (typeof a === 'number' && typeof b === 'number') return Number(a.toPrecision(9)) === Number(b.toPrecision(9));
	return a === b;
}

export function sameFigure(g: GoldFigure, f: Figure & {furniture: boolean}): boolean {
	return (
		g.kind === f.kind &&
		sameValue(g.value, f.value) &&
		(g.unit ?? null) === (f.unit ?? null) &&
		(g.qualifier ?? null) === (f.qualifier ?? null) &&
		Boolean(g.furniture) === f.furniture &&
		Boolean(g.ambiguous) === Boolean(f.ambiguous)
	);
}

/** Score every article of the fixture folder `dir` (holding `gold.json` and `articles/`). */
export function scoreFigures(dir: string): FigureScore {
	const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
	const articlesDir = join(dir, 'articles');
	const sidecar = parseSidecar(readFileSync(join(articlesDir, 'churnscope.json'), 'utf8'), []);
	const counts = {tuning: new Map<string, Counts>(), holdout: new Map<string, Counts>(), all: new Map<string, Counts>()};
	const tuningMismatches: Mismatch[] = [];
	const articles: FigureScore['articles'] = [];
	for (const name of readdirSync(articlesDir)
		.filter(n => n.endsWith('.txt'))
		.sort()) {
		const entry = gold.articles[name];
		if (!entry) continue;
		const source = buildSource(name, readFileSync(join(articlesDir, name)), sidecar[name]);
		articles.push({name, language: entry.language, detected: source.language, holdout: entry.holdout});
		const found = [
			...source.figures.map(f => ({...f, furniture: false})),
			...source.furnitureFigures.map(f => ({...f, furniture: true})),
		].sort((a, b) => a.start - b.start);
		const c = zero();
		c.gold = entry.figures.length;
		c.found = found.length;
		const used = new Set<number>();
		for (const g of entry.figures) {
			const j = found.findIndex((f, k) => !used.has(k) && f.start < g.end && g.start < f.end);
			if (j < 0) {
				if (!entry.holdout) tuningMismatches.push({article: name, gold: g, found: null});
				continue;
			}
			used.add(j);
			c.detected++;
			if (sameFigure(g, found[j]!)) c.correct++;
			else if (!entry.holdout) tuningMismatches.push({article: name, gold: g, found: found[j]!});
		}
		if (!entry.holdout) {
			for (const [k, f] of found.entries()) if (!used.has(k)) tuningMismatches.push({article: name, gold: null, found: f});
		}
		for (const split of [entry.holdout ? 'holdout' : 'tuning', 'all'] as const) {
			for (const key of ['*', entry.language]) {
				const m = counts[split];
				const acc = m.get(key) ?? zero();
				for (const k of ['gold', 'found', 'detected', 'correct'] as const) acc[k] += c[k];
				m.set(key, acc);
			}
		}
	}
	const split = (m: Map<string, Counts>) => ({
		overall: rates(m.get('*') ?? zero()),
		languages: Object.fromEntries([...m].filter(([k]) => k !== '*').map(([k, v]) => [k, rates(v)])),
	});
	return {split: {tuning: split(counts.tuning), holdout: split(counts.holdout), all: split(counts.all)}, tuningMismatches, articles};
}

/** The table printed by the bench and the test: one row per split and language. */
export function figureTable(score: FigureScore): string {
	const lines = ['split    lang  gold found  detect P/R     full P/R'];
	for (const name of ['tuning', 'holdout', 'all'] as const) {
		const s = score.split[name];
		const row = (lang: string, r: Rates) =>
			`${name.padEnd(8)} ${lang.padEnd(4)} ${String(r.gold).padStart(5)} ${String(r.found).padStart(5)}  ${r.detection.precision.toFixed(3)}/${r.detection.recall.toFixed(3)}  ${r.full.precision.toFixed(3)}/${r.full.recall.toFixed(3)}`;
		for (const lang of Object.keys(s.languages).sort()) lines.push(row(lang, s.languages[lang]!));
		lines.push(row('all', s.overall));
	}
	return lines.join('\n');
}

// ---------- line-up on real origin/copy pairs (test/fixtures/lineup) ----------

type GoldSide = GoldFigure | null;
type GoldLine = {status: string; origin: GoldSide; copy: GoldSide; originSentence: string | null; copySentence: string | null};
type LineupGold = {pairs: {origin: string; copy: string; holdout: boolean; figures: GoldLine[]}[]};

export type LineupScore = {
	split: Record<'tuning' | 'holdout', {figures: number; right: number; drifted: number; driftedRight: number}>;
	/** Wrong statuses in the tuning pairs only. */
	tuningErrors: {pair: string; gold: string; got: string; text: string}[];
};

/** Status of each gold figure from lineUp on the figures of the gold's aligned sentences, as the compare view would show it. */
export function scoreLineUp(dir: string, lineUp: typeof import('../source/core/figures.js').lineUp): LineupScore {
	const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as LineupGold;
	const pages = join(dir, 'pages');
	const sidecar = parseSidecar(readFileSync(join(pages, 'churnscope.json'), 'utf8'), []);
	const load = (name: string) => buildSource(name, readFileSync(join(pages, name)), sidecar[name]);
	const split = {tuning: {figures: 0, right: 0, drifted: 0, driftedRight: 0}, holdout: {figures: 0, right: 0, drifted: 0, driftedRight: 0}};
	const tuningErrors: LineupScore['tuningErrors'] = [];
	for (const pair of gold.pairs) {
		const origin = load(pair.origin);
		const copy = load(pair.copy);
		/** Indices of the source's sentences that overlap the gold sentence's text. */
		const sentencesOf = (src: ReturnType<typeof load>, text: string | null): number[] => {
			if (!text) return [];
			const at = src.text.indexOf(text);
			if (at < 0) return [];
			return src.sentences.filter(s => s.start < at + text.length && at < s.end).map(s => s.index);
		};
		const aligned: [number, number][] = [];
		const oSent = new Set<number>();
		const cSent = new Set<number>();
		for (const g of pair.figures) {
			const os = sentencesOf(origin, g.originSentence);
			const cs = sentencesOf(copy, g.copySentence);
			for (const o of os) oSent.add(o);
			for (const c of cs) cSent.add(c);
			for (const o of os) for (const c of cs) if (!aligned.some(([x, y]) => x === o && y === c)) aligned.push([o, c]);
		}
		const rows = lineUp(
			origin.figures.filter(f => oSent.has(f.sentence)),
			copy.figures.filter(f => cSent.has(f.sentence)),
			aligned,
		);
		const s = split[pair.holdout ? 'holdout' : 'tuning'];
		for (const g of pair.figures) {
			const overlaps = (f: Figure | null, side: GoldSide) => Boolean(f && side && f.start < side.end && side.start < f.end);
			const row = rows.find(r => (g.origin ? overlaps(r.a, g.origin) : overlaps(r.b, g.copy)));
			const got = row?.status ?? 'not found';
			const drifted = g.status === 'changed' || g.status === 'hedged';
			s.figures++;
			if (drifted) s.drifted++;
			if (got === g.status) {
				s.right++;
				if (drifted) s.driftedRight++;
			} else if (!pair.holdout) {
				tuningErrors.push({
					pair: `${pair.origin} → ${pair.copy}`,
					gold: g.status,
					got,
					text: `${g.origin?.text ?? '—'} | ${g.copy?.text ?? '—'}`,
				});
			}
		}
	}
	return {split, tuningErrors};
}

export function lineupTable(score: LineupScore): string {
	const lines = ['split    figures  right  accuracy  changed+hedged  right  accuracy'];
	for (const name of ['tuning', 'holdout'] as const) {
		const s = score.split[name];
		lines.push(
			`${name.padEnd(8)} ${String(s.figures).padStart(7)} ${String(s.right).padStart(6)}  ${ratio(s.right, s.figures).toFixed(3).padStart(8)}  ${String(s.drifted).padStart(14)} ${String(s.driftedRight).padStart(6)}  ${ratio(s.driftedRight, s.drifted).toFixed(3).padStart(8)}`,
		);
	}
	return lines.join('\n');
}
