// The non-interactive subcommands: pure functions from a loaded corpus to text or JSON and an exit code.
// No Ink here: this path must start fast and run without a terminal.

import {analyze, type Analysis} from '../core/analysis.js';
import type {Corpus} from '../core/source.js';
import {FIGURE_KINDS, formatValue, type Figure, type FigureKind} from '../core/figures.js';
import {QuerySearch} from '../core/query.js';
import {Searcher, searchDocs} from '../core/search.js';
import {alignCorpus, pairwise, type Pair} from '../core/reuse.js';
import {families} from './families.js';
import {cell, done, json, table, type Output} from './output.js';
import {exportCorpus, type ExportFormat} from './export.js';
import {reportCommand} from './report.js';
import type {ReportFormat} from '../core/report.js';

export type {Output};

export type CommandOptions = {
	json: boolean;
	/** JSON lines: one object a line. */
	jsonl?: boolean;
	limit?: number;
	kind?: string;
	source?: string;
	color?: boolean;
	/** `pairs --all`: every aligned pair of sources, not each copy against its origin. */
	all?: boolean;
	/** `families --min-reach N`: families carried by at least N sources. */
	minReach?: number;
	/** `export --format`. */
	format?: ExportFormat;
	/** `report --format`. */
	reportFormat?: ReportFormat;
};

export const SUBCOMMANDS = ['sources', 'search', 'pairs', 'families', 'figures', 'export', 'report'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

/** `analysis` (sources, pairs) comes from the cache when the caller has it; else it is computed here. */
export function runCommand(name: Subcommand, args: string[], corpus: Corpus, opts: CommandOptions, analysis?: Analysis): Output {
	switch (name) {
		case 'sources':
			return sources(analysis ?? analyze(corpus), opts);
		case 'search':
			return search(corpus, args.join(' '), opts);
		case 'pairs':
			return pairs(opts.all ? {pairs: pairwise(corpus.sources, alignCorpus(corpus.sources))} : (analysis ?? analyze(corpus)), opts);
		case 'families':
			return families(analysis ?? analyze(corpus), opts);
		case 'figures':
			return figures(corpus, opts);
		case 'export':
			return exportCorpus(corpus, opts.format ?? 'passim');
		case 'report':
			return reportCommand(analysis ?? analyze(corpus), opts.reportFormat);
	}
}

function sources(an: Analysis, opts: CommandOptions): Output {
	const rows = an.rows.map(({figures: _f, ...r}) => r);
	if (opts.json || opts.jsonl) return json(rows, {lines: opts.jsonl});
	return done(
		rows.length,
		table(
			['SOURCE', 'DATE', 'WORDS', 'PASSAGES', 'REUSED', 'TITLE', 'PUBLISHER'],
			an.rows.map(r => [
				r.source,
				r.date ?? '—',
				String(r.words),
				String(r.passages),
				`${Math.round(r.reused * 100)}%`,
				r.title,
				r.publisher ?? '—',
			]),
		),
	);
}

function search(corpus: Corpus, query: string, opts: CommandOptions): Output {
	// The explorer's query language: phrases, source:, whole numbers, figures (core/query.ts).
	const hits = new QuerySearch(new Searcher(searchDocs(corpus.sources)), corpus.sources).search(query, opts.limit ?? 20);
	const rows = hits.map(h => ({source: h.source, start: h.start, end: h.end, text: h.text, score: h.score}));
	if (opts.json || opts.jsonl) return json(rows, {lines: opts.jsonl});
	const mark = (t: string) => (opts.color ? `\x1b[1;33m${t}\x1b[0m` : t);
	const out = hits.map(h => {
		const base = h.kind === 'passage' ? h.start : 0;
		let text = '';
		let at = 0;
		for (const [a, b] of h.matches) {
			text += cell(h.text.slice(at, a - base)) + mark(cell(h.text.slice(a - base, b - base)));
			at = b - base;
		}
		text += cell(h.text.slice(at));
		return `${h.score.toFixed(2)}  ${cell(h.source)}:${h.start}-${h.end}\n      ${text}\n`;
	});
	return done(rows.length, out);
}

function pairs(an: Pick<Analysis, 'pairs'>, opts: CommandOptions): Output {
	const selected = an.pairs.filter(p => !opts.source || p.a.source === opts.source || p.b.source === opts.source);
	const rows = selected.map(p => ({
		a: {source: p.a.source, start: p.a.start, end: p.a.end, text: p.a.text},
		b: {source: p.b.source, start: p.b.start, end: p.b.end, text: p.b.text},
		similarity: p.similarity,
		kind: p.kind,
		direction: p.direction,
		figures: p.figures.map(f => ({status: f.status, a: f.a && figureJson(f.a), b: f.b && figureJson(f.b)})),
		parts: p.parts,
		family: p.family,
	}));
	if (opts.json || opts.jsonl) return json(rows, {lines: opts.jsonl});
	return done(
		rows.length,
		(function* () {
			for (const [i, p] of selected.entries()) yield (i ? '\n' : '') + formatPair(p);
		})(),
	);
}

function formatPair(p: Pair): string {
	const arrow = p.direction === 'dated' ? '→' : '~';
	const lines = [
		`${cell(p.a.source)}:${p.a.start}-${p.a.end} ${arrow} ${cell(p.b.source)}:${p.b.start}-${p.b.end}  ${p.kind} ${p.similarity.toFixed(2)}`,
		`  A  ${cell(p.a.text)}`,
		`  B  ${cell(p.b.text)}`,
	];
	for (const f of p.figures) {
		lines.push(`     ${f.status.padEnd(8)} ${cell(f.a?.text ?? '').padEnd(36)} ${cell(f.b?.text ?? '')}`);
	}
	return lines.join('\n') + '\n';
}

function figureJson(f: Figure) {
	return {
		start: f.start,
		end: f.end,
		text: f.text,
		kind: f.kind,
		value: f.value,
		unit: f.unit,
		qualifier: f.qualifier,
		ambiguous: f.ambiguous ?? false,
		measure: f.measure ?? null,
	};
}

function figures(corpus: Corpus, opts: CommandOptions): Output {
	const kind = opts.kind as FigureKind | undefined;
	const rows = corpus.sources
		.filter(s => !s.sameAs && (!opts.source || s.id === opts.source))
		.flatMap(s =>
			[...s.figures.map(f => ({f, furniture: false})), ...s.furnitureFigures.map(f => ({f, furniture: true}))]
				.filter(({f}) => !kind || f.kind === kind)
				.sort((x, y) => x.f.start - y.f.start)
				.map(({f, furniture}) => ({
					source: s.id,
					language: s.language,
					...figureJson(f),
					furniture,
					sentence: s.sentences[f.sentence]!.text,
				})),
		);
	if (opts.json || opts.jsonl) return json(rows, {lines: opts.jsonl});
	return done(
		rows.length,
		table(
			['SOURCE', 'KIND', 'VALUE', 'QUAL', 'TEXT'],
			rows.map(r => [r.source, r.furniture ? `${r.kind} (page)` : r.kind, formatValue(r), r.qualifier ?? '', r.text]),
		),
	);
}

export function validKind(kind: string | undefined): boolean {
	return kind === undefined || (FIGURE_KINDS as string[]).includes(kind);
}
