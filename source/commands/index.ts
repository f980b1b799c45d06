// The non-interactive subcommands: pure functions from a loaded corpus to text or JSON and an exit code.
// No Ink here: this path must start fast and run without a terminal.

import {analyze, type Analysis} from './core/analysis.js';
import type {Corpus} from './core/corpus.js';
import {FIGURE_KINDS, formatValue, type Figure, type FigureKind} from './core/figures.js';
import {Searcher, searchDocs} from './core/search.js';
import type {Pair} from './core/reuse.js';

export type Output = {stdout: string; code: 0 | 1 | 2};
export type CommandOptions = {json: boolean; limit?: number; kind?: string; source?: string; color?: boolean};

export const SUBCOMMANDS = ['sources', 'search', 'pairs', 'figures'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

/** `analysis` (sources, pairs) comes from the cache when the caller has it; else it is computed here. */
export function runCommand(name: Subcommand, args: string[], corpus: Corpus, opts: CommandOptions, analysis?: Analysis): Output {
	switch (name) {
		case 'sources':
			return sources(analysis ?? analyze(corpus), opts);
		case 'search':
			return search(corpus, args.join(' '), opts);
		case 'pairs':
			return pairs(analysis ?? analyze(corpus), opts);
		case 'figures':
			return figures(corpus, opts);
	}
}

const done = (rows: unknown[], stdout: string): Output => ({stdout, code: rows.length ? 0 : 1});
const json = (rows: unknown[]): Output => done(rows, JSON.stringify(rows, null, 2) + '\n');

function sources(an: Analysis, opts: CommandOptions): Output {
	const rows = an.rows.map(({figures: _f, ...r}) => r);
	if (opts.json) return json(rows);
	return done(rows, table(
		['SOURCE', 'DATE', 'WORDS', 'PASSAGES', 'REUSED', 'TITLE', 'PUBLISHER'],
		an.rows.map(r => [r.source, r.date ?? '—', String(r.words), String(r.passages), `${Math.round(r.reused * 100)}%`, r.title, r.publisher ?? '—']),
	));
}

function search(corpus: Corpus, query: string, opts: CommandOptions): Output {
	const hits = new Searcher(searchDocs(corpus.sources)).search(query, opts.limit ?? 20);
	const rows = hits.map(h => ({source: h.source, start: h.start, end: h.end, text: h.text, score: h.score}));
	if (opts.json) return json(rows);
	const mark = (t: string) => (opts.color ? `\x1b[1;33m${t}\x1b[0m` : t);
	const out = hits.map(h => {
		const base = h.kind === 'passage' ? h.start : 0;
		let text = '';
		let at = 0;
		for (const [a, b] of h.matches) {
			text += h.text.slice(at, a - base) + mark(h.text.slice(a - base, b - base));
			at = b - base;
		}
		text += h.text.slice(at);
		return `${h.score.toFixed(2)}  ${h.source}:${h.start}-${h.end}\n      ${text}`;
	});
	return done(rows, out.join('\n') + (out.length ? '\n' : ''));
}

function pairs(an: Analysis, opts: CommandOptions): Output {
	const selected = an.pairs.filter(p => !opts.source || p.a.source === opts.source || p.b.source === opts.source);
	const rows = selected.map(p => ({
		a: {source: p.a.source, start: p.a.start, end: p.a.end, text: p.a.text},
		b: {source: p.b.source, start: p.b.start, end: p.b.end, text: p.b.text},
		similarity: p.similarity,
		kind: p.kind,
		direction: p.direction,
		figures: p.figures.map(f => ({status: f.status, a: f.a && figureJson(f.a), b: f.b && figureJson(f.b)})),
		parts: p.parts,
	}));
	if (opts.json) return json(rows);
	return done(rows, selected.map(formatPair).join('\n'));
}

function formatPair(p: Pair): string {
	const arrow = p.direction === 'dated' ? '→' : p.direction === 'self' ? '=' : '~';
	const lines = [
		`${p.a.source}:${p.a.start}-${p.a.end} ${arrow} ${p.b.source}:${p.b.start}-${p.b.end}  ${p.kind} ${p.similarity.toFixed(2)}`,
		`  A  ${p.a.text.replace(/\s+/g, ' ')}`,
		`  B  ${p.b.text.replace(/\s+/g, ' ')}`,
	];
	for (const f of p.figures) {
		lines.push(`     ${f.status.padEnd(8)} ${(f.a?.text ?? '').padEnd(36)} ${f.b?.text ?? ''}`);
	}
	return lines.join('\n') + '\n';
}

function figureJson(f: Figure) {
	return {start: f.start, end: f.end, text: f.text, kind: f.kind, value: f.value, unit: f.unit, qualifier: f.qualifier};
}

function figures(corpus: Corpus, opts: CommandOptions): Output {
	const kind = opts.kind as FigureKind | undefined;
	const rows = corpus.sources
		.filter(s => !s.sameAs && (!opts.source || s.id === opts.source))
		.flatMap(s =>
			s.figures
				.filter(f => !kind || f.kind === kind)
				.map(f => ({source: s.id, ...figureJson(f), sentence: s.sentences[f.sentence]!.text})),
		);
	if (opts.json) return json(rows);
	return done(rows, table(
		['SOURCE', 'KIND', 'VALUE', 'QUAL', 'TEXT'],
		rows.map(r => [r.source, r.kind, formatValue(r), r.qualifier ?? '', r.text]),
	));
}

export function validKind(kind: string | undefined): boolean {
	return kind === undefined || (FIGURE_KINDS as string[]).includes(kind);
}

function table(header: string[], rows: string[][]): string {
	const all = [header, ...rows];
	const widths = header.map((_, i) => Math.min(60, Math.max(...all.map(r => r[i]!.length))));
	return all
		.map(r => r.map((c, i) => (i === r.length - 1 ? c : (c.length > widths[i]! ? c.slice(0, widths[i]! - 1) + '…' : c).padEnd(widths[i]!))).join('  '))
		.join('\n') + '\n';
}
