// Reports to send to an editor: a pair, a family, a source or the whole corpus, as Markdown or as one
// self-contained HTML page (styles inline, no script, no network), with the passages side by side,
// sentence by sentence, their word differences marked, and the figure tables. Also the plain text that
// the explorer copies to the clipboard. Pure: strings out, produced piece by piece so that a large
// corpus's report streams to its file.

import type {Analysis} from './analysis.js';
import {lineUpGroups, sideSentences, wordOps, type WordMark} from './diff-ops.js';
import {formatValue, type Figure} from './figures.js';
import {sanitize} from './sanitize.js';
import type {Corpus, Source} from './source.js';
import type {Family, FigureStatus, Pair} from './types.js';

export type ReportTarget =
	| {kind: 'pair'; pair: Pair}
	| {kind: 'family'; family: Family}
	| {kind: 'source'; source: string}
	| {kind: 'corpus'};
export type ReportFormat = 'md' | 'html';

/** `generated`: a date or time to print in the heading (left out when not given, so that output is reproducible). */
export type ReportOptions = {format: ReportFormat; generated?: string};

const STATUS_MARK: Record<FigureStatus, string> = {same: '=', changed: '≠', hedged: '~', missing: '-', added: '+'};
const STATUS_TEXT: Record<FigureStatus, string> = {
	same: 'same',
	changed: 'changed',
	hedged: 'hedged',
	missing: 'missing in the copy',
	added: 'added by the copy',
};

// ---------- the pieces both formats share

/** A segment of a side's text, with how it differs from the other side. */
type Piece = {text: string; mark: 'shared' | 'changed' | 'only'};
/** One lined-up group of sentences: the origin's text and the copy's, each in pieces. */
type Row = {a: Piece[]; b: Piece[]; aligned: boolean};

function pieces(text: string, marks: WordMark[]): Piece[] {
	const out: Piece[] = [];
	let at = 0;
	for (const m of marks) {
		if (m.start > at) out.push({text: text.slice(at, m.start), mark: 'shared'});
		out.push({text: text.slice(m.start, m.end), mark: m.kind});
		at = m.end;
	}
	if (at < text.length) out.push({text: text.slice(at), mark: 'shared'});
	return out;
}

/** Text from a file, for a report: markdown escapes undone, whitespace folded, controls shown as visible escapes (a report may be printed to a terminal). */
const clean = (s: string) => sanitize(s.replace(/\\([$%&*_#[\]().!-])/g, '$1').replace(/\s+/g, ' '));

/** The pair as rows of lined-up sentences, word differences marked. */
export function pairRows(corpus: Corpus, pair: Pair): Row[] {
	const byId = new Map(corpus.sources.map(s => [s.id, s]));
	const srcA = byId.get(pair.a.source);
	const srcB = byId.get(pair.b.source);
	if (!srcA || !srcB) {
		const ops = wordOps(pair.a.text, pair.b.text);
		return [{a: pieces(pair.a.text, ops.a), b: pieces(pair.b.text, ops.b), aligned: true}];
	}
	const textOf = (src: Source, list: number[], start: number, end: number): string => {
		if (!list.length) return '';
		const from = Math.max(start, src.sentences[list[0]!]?.start ?? start);
		const to = Math.min(end, src.sentences[list[list.length - 1]!]?.end ?? end);
		return src.text.slice(from, to);
	};
	return lineUpGroups(pair, sideSentences(srcA, pair.a), sideSentences(srcB, pair.b)).map(g => {
		const a = textOf(srcA, g.a, pair.a.start, pair.a.end);
		const b = textOf(srcB, g.b, pair.b.start, pair.b.end);
		if (g.kind === null || !a || !b) return {a: a ? [{text: a, mark: 'only'}] : [], b: b ? [{text: b, mark: 'only'}] : [], aligned: false};
		const ops = wordOps(a, b);
		return {a: pieces(a, ops.a), b: pieces(b, ops.b), aligned: true};
	});
}

const written = (f: Figure | null) => (f ? clean(f.text) : '');

function figureRows(pair: Pair): string[][] {
	return pair.figures.map(f => [
		`${STATUS_MARK[f.status]} ${STATUS_TEXT[f.status]}`,
		(f.a ?? f.b)!.kind,
		written(f.a) || '—',
		written(f.b) || '—',
		f.status === 'changed' && f.a && f.b ? `${formatValue(f.a)} → ${formatValue(f.b)}` : formatValue((f.a ?? f.b)!),
	]);
}

const describe = (s: Source | undefined, id: string) =>
	[s?.title ?? id, s?.publisher, s?.date].filter((x): x is string => Boolean(x)).join(' · ');

/** The pairs a report on a family covers: each member against the origin. */
function familyPairs(analysis: Analysis, family: Family): Pair[] {
	return analysis.pairs.filter(p => p.family === family.id);
}

function sourcePairs(analysis: Analysis, source: string): Pair[] {
	return analysis.pairs
		.filter(p => p.a.source === source || p.b.source === source)
		.sort((x, y) => (x.a.source === source ? x.a : x.b).start - (y.a.source === source ? y.a : y.b).start);
}

function targetTitle(corpus: Corpus, t: ReportTarget): string {
	switch (t.kind) {
		case 'pair':
			return `${t.pair.b.source} copying ${t.pair.a.source}`;
		case 'family':
			return `family ${t.family.id}: one passage and its ${t.family.members.length - 1} cop${t.family.members.length === 2 ? 'y' : 'ies'}`;
		case 'source':
			return `source ${t.source}`;
		case 'corpus':
			return `all ${corpus.sources.length} sources of ${corpus.dir.split('/').filter(Boolean).pop() ?? corpus.dir}`;
	}
}

function memberTable(family: Family): string[][] {
	return family.members.map((m, i) => [
		`#${i + 1}${i === family.origin ? ' (origin)' : ''}`,
		m.date ?? '—',
		m.publisher ?? '—',
		m.source,
		m.kind,
		m.similarity.toFixed(2),
	]);
}

function matrixTable(family: Family): {header: string[]; rows: string[][]} {
	const header = ['figure (origin)', ...family.members.map((_, i) => `#${i + 1}`)];
	const rows = family.figures.rows.map(r => [
		`${clean(r.figure.text)} (${r.figure.kind})`,
		...r.cells.map(c =>
			(c.status === 'changed' || c.status === 'hedged') && c.figure
				? `${STATUS_MARK[c.status]} ${clean(c.figure.text)}`
				: STATUS_MARK[c.status],
		),
	]);
	return {header, rows};
}

// ---------- Markdown

const mdEscape = (s: string) => clean(s).replace(/([\\`*_~[\]<>|])/g, '\\$1');

function mdPieces(list: Piece[], side: 'a' | 'b'): string {
	return list
		.map(p => {
			const t = mdEscape(p.text);
			if (p.mark === 'shared' || !t.trim()) return t;
			const lead = t.match(/^\s*/)![0];
			const trail = t.match(/\s*$/)![0];
			const core = t.trim();
			if (p.mark === 'changed') return `${lead}_${core}_${trail}`;
			return side === 'a' ? `${lead}~~${core}~~${trail}` : `${lead}**${core}**${trail}`;
		})
		.join('');
}

function mdTable(header: string[], rows: string[][]): string {
	const cell = (s: string) => mdEscape(s).replace(/\\\|/g, '\\|');
	return [
		`| ${header.map(cell).join(' | ')} |`,
		`|${header.map(() => '---').join('|')}|`,
		...rows.map(r => `| ${r.map(cell).join(' | ')} |`),
	].join('\n');
}

const MD_LEGEND =
	'Word differences: text in both is plain; _changed words_ are in italics on both sides; ~~struck~~ words are only in the origin, **bold** words only in the copy.';

function* mdPair(corpus: Corpus, pair: Pair, level: string): Iterable<string> {
	const byId = new Map(corpus.sources.map(s => [s.id, s]));
	yield `${level} ${mdEscape(pair.b.source)} ← ${mdEscape(pair.a.source)}\n\n`;
	yield `- origin (A): \`${pair.a.source}\` — ${mdEscape(describe(byId.get(pair.a.source), pair.a.source))}, characters ${pair.a.start}–${pair.a.end}\n`;
	yield `- copy (B): \`${pair.b.source}\` — ${mdEscape(describe(byId.get(pair.b.source), pair.b.source))}, characters ${pair.b.start}–${pair.b.end}\n`;
	yield `- ${pair.kind}, similarity ${pair.similarity.toFixed(2)}${pair.direction === 'dated' ? '; A is the origin by date' : '; no dates decide the origin'}\n\n`;
	yield '| origin (A) | copy (B) |\n|---|---|\n';
	for (const r of pairRows(corpus, pair)) yield `| ${mdPieces(r.a, 'a') || ' '} | ${mdPieces(r.b, 'b') || ' '} |\n`;
	yield '\n';
	if (pair.figures.length) yield mdTable(['status', 'kind', 'as in A', 'as in B', 'value'], figureRows(pair)) + '\n\n';
	else yield 'No figures in this passage.\n\n';
}

function* mdFamily(corpus: Corpus, analysis: Analysis, family: Family, level: string): Iterable<string> {
	const origin = family.members[family.origin]!;
	yield `${level} Family ${family.id}: reach ${family.reach.sources} sources, ${family.reach.publishers} publishers\n\n`;
	yield `- dates: ${family.first ?? 'unknown'} → ${family.last ?? family.first ?? 'unknown'}\n`;
	yield `- origin: \`${origin.source}\` (${mdEscape(origin.publisher ?? '—')}, ${origin.date ?? 'undated'})\n\n`;
	yield `> ${mdEscape(origin.text)}\n\n`;
	yield `${level}# Members, in order of date\n\n`;
	yield mdTable(['member', 'date', 'publisher', 'source', 'kind', 'similarity'], memberTable(family)) + '\n\n';
	yield `${level}# Figures of the origin in each member\n\n`;
	if (family.figures.rows.length) {
		const m = matrixTable(family);
		yield mdTable(m.header, m.rows) + '\n\n';
		yield '`=` same, `≠` changed (the copy’s value shown), `~` hedged, `-` missing in the copy.\n\n';
	} else yield 'The origin passage states no figures.\n\n';
	if (family.figures.added.length)
		yield `Added by copies: ${family.figures.added.map(a => `#${a.member + 1} ${mdEscape(clean(a.figure.text))}`).join('; ')}\n\n`;
	for (const p of familyPairs(analysis, family)) yield* mdPair(corpus, p, `${level}#`);
}

function* markdown(corpus: Corpus, analysis: Analysis, t: ReportTarget, opts: ReportOptions): Iterable<string> {
	yield `# churnscope report: ${mdEscape(targetTitle(corpus, t))}\n\n`;
	if (opts.generated) yield `Generated ${mdEscape(opts.generated)}.\n\n`;
	yield `${MD_LEGEND}\n\n`;
	switch (t.kind) {
		case 'pair':
			yield* mdPair(corpus, t.pair, '##');
			return;
		case 'family':
			yield* mdFamily(corpus, analysis, t.family, '##');
			return;
		case 'source': {
			const src = corpus.sources.find(s => s.id === t.source);
			yield `## ${mdEscape(describe(src, t.source))}\n\n`;
			const row = analysis.rows.find(r => r.source === t.source);
			if (row) yield `${row.words} words, ${Math.round(row.reused * 100)}% reused, shares text with ${row.reach} other source(s).\n\n`;
			const pairs = sourcePairs(analysis, t.source);
			if (!pairs.length) yield 'No passage of this source is shared with another.\n\n';
			for (const p of pairs) yield* mdPair(corpus, p, '###');
			return;
		}
		case 'corpus': {
			yield '## Sources\n\n';
			yield mdTable(
				['source', 'title', 'publisher', 'date', 'words', 'reused'],
				analysis.rows.map(r => [r.source, r.title, r.publisher ?? '—', r.date ?? '—', String(r.words), `${Math.round(r.reused * 100)}%`]),
			) + '\n\n';
			if (analysis.families.length) {
				yield '## Families\n\n';
				for (const f of [...analysis.families].sort((x, y) => y.reach.sources - x.reach.sources || x.id - y.id))
					yield* mdFamily(corpus, analysis, f, '###');
			} else {
				yield '## Reused passages\n\n';
				if (!analysis.pairs.length) yield 'No passage is shared between sources.\n\n';
				for (const p of analysis.pairs) yield* mdPair(corpus, p, '###');
			}
			return;
		}
	}
}

// ---------- HTML

const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const h = (s: string) => htmlEscape(clean(s));

const CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#1b1b1b;background:#fff}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f2f2f2}td.side{width:50%}tr.gap td{background:#fafafa}
ins{background:#d7f5dd;text-decoration:none;font-weight:bold}del{background:#fbdada}mark{background:#fff0a8;text-decoration:underline}
.same{color:#216e2c}.changed{color:#b00020;font-weight:bold}.hedged{color:#8a5a00}.missing{color:#b00020}.added{color:#0b4f9c}
blockquote{margin:.5em 0;padding:.3em 1em;border-left:4px solid #ccc;background:#fafafa}code{font-size:90%}
@media (prefers-color-scheme:dark){body{background:#161616;color:#e6e6e6}th{background:#262626}tr.gap td,blockquote{background:#1e1e1e}
ins{background:#1f4d2a}del{background:#5a2323}mark{background:#5a4c10;color:inherit}th,td{border-color:#444}}`;

function htmlPieces(list: Piece[], side: 'a' | 'b'): string {
	return list
		.map(p =>
			p.mark === 'shared'
				? h(p.text)
				: p.mark === 'changed'
					? `<mark>${h(p.text)}</mark>`
					: side === 'a'
						? `<del>${h(p.text)}</del>`
						: `<ins>${h(p.text)}</ins>`,
		)
		.join('');
}

function htmlTable(header: string[], rows: string[][], classes?: (row: string[], col: number) => string): string {
	const head = `<tr>${header.map(c => `<th>${h(c)}</th>`).join('')}</tr>`;
	const body = rows
		.map(r => `<tr>${r.map((c, i) => `<td${classes ? ` class="${classes(r, i)}"` : ''}>${h(c)}</td>`).join('')}</tr>`)
		.join('\n');
	return `<table>\n${head}\n${body}\n</table>\n`;
}

const statusClass = (cell: string) =>
	({'=': 'same', '≠': 'changed', '~': 'hedged', '-': 'missing', '+': 'added'})[cell.trim().charAt(0)] ?? '';

function* htmlPair(corpus: Corpus, pair: Pair, level: number): Iterable<string> {
	const byId = new Map(corpus.sources.map(s => [s.id, s]));
	yield `<section><h${level}>${h(pair.b.source)} ← ${h(pair.a.source)}</h${level}>\n<ul>`;
	yield `<li>origin (A): <code>${h(pair.a.source)}</code> — ${h(describe(byId.get(pair.a.source), pair.a.source))}, characters ${pair.a.start}–${pair.a.end}</li>`;
	yield `<li>copy (B): <code>${h(pair.b.source)}</code> — ${h(describe(byId.get(pair.b.source), pair.b.source))}, characters ${pair.b.start}–${pair.b.end}</li>`;
	yield `<li>${h(pair.kind)}, similarity ${pair.similarity.toFixed(2)}${pair.direction === 'dated' ? '; A is the origin by date' : '; no dates decide the origin'}</li></ul>\n`;
	yield '<table class="lined"><tr><th>origin (A)</th><th>copy (B)</th></tr>\n';
	for (const r of pairRows(corpus, pair))
		yield `<tr${r.aligned ? '' : ' class="gap"'}><td class="side">${htmlPieces(r.a, 'a')}</td><td class="side">${htmlPieces(r.b, 'b')}</td></tr>\n`;
	yield '</table>\n';
	if (pair.figures.length)
		yield htmlTable(['status', 'kind', 'as in A', 'as in B', 'value'], figureRows(pair), (r, i) => (i === 0 ? statusClass(r[0]!) : ''));
	else yield '<p>No figures in this passage.</p>\n';
	yield '</section>\n';
}

function* htmlFamily(corpus: Corpus, analysis: Analysis, family: Family, level: number): Iterable<string> {
	const origin = family.members[family.origin]!;
	yield `<section><h${level}>Family ${family.id}: reach ${family.reach.sources} sources, ${family.reach.publishers} publishers</h${level}>\n`;
	yield `<ul><li>dates: ${h(family.first ?? 'unknown')} → ${h(family.last ?? family.first ?? 'unknown')}</li>`;
	yield `<li>origin: <code>${h(origin.source)}</code> (${h(origin.publisher ?? '—')}, ${h(origin.date ?? 'undated')})</li></ul>\n`;
	yield `<blockquote>${h(origin.text)}</blockquote>\n`;
	yield `<h${level + 1}>Members, in order of date</h${level + 1}>\n`;
	yield htmlTable(['member', 'date', 'publisher', 'source', 'kind', 'similarity'], memberTable(family));
	yield `<h${level + 1}>Figures of the origin in each member</h${level + 1}>\n`;
	if (family.figures.rows.length) {
		const m = matrixTable(family);
		yield htmlTable(m.header, m.rows, (r, i) => (i === 0 ? '' : statusClass(r[i]!)));
		yield '<p><code>=</code> same, <code>≠</code> changed (the copy’s value shown), <code>~</code> hedged, <code>-</code> missing in the copy.</p>\n';
	} else yield '<p>The origin passage states no figures.</p>\n';
	if (family.figures.added.length)
		yield `<p>Added by copies: ${family.figures.added.map(a => `#${a.member + 1} ${h(a.figure.text)}`).join('; ')}</p>\n`;
	for (const p of familyPairs(analysis, family)) yield* htmlPair(corpus, p, level + 1);
	yield '</section>\n';
}

function* html(corpus: Corpus, analysis: Analysis, t: ReportTarget, opts: ReportOptions): Iterable<string> {
	const title = `churnscope report: ${targetTitle(corpus, t)}`;
	yield `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n`;
	yield `<title>${h(title)}</title>\n<style>\n${CSS}\n</style>\n</head>\n<body>\n<h1>${h(title)}</h1>\n`;
	if (opts.generated) yield `<p>Generated ${h(opts.generated)}.</p>\n`;
	yield '<p>Word differences: text in both is plain; <mark>changed words</mark> are marked on both sides; <del>struck</del> words are only in the origin, <ins>bold</ins> words only in the copy.</p>\n';
	switch (t.kind) {
		case 'pair':
			yield* htmlPair(corpus, t.pair, 2);
			break;
		case 'family':
			yield* htmlFamily(corpus, analysis, t.family, 2);
			break;
		case 'source': {
			const src = corpus.sources.find(s => s.id === t.source);
			yield `<h2>${h(describe(src, t.source))}</h2>\n`;
			const row = analysis.rows.find(r => r.source === t.source);
			if (row) yield `<p>${row.words} words, ${Math.round(row.reused * 100)}% reused, shares text with ${row.reach} other source(s).</p>\n`;
			const pairs = sourcePairs(analysis, t.source);
			if (!pairs.length) yield '<p>No passage of this source is shared with another.</p>\n';
			for (const p of pairs) yield* htmlPair(corpus, p, 3);
			break;
		}
		case 'corpus': {
			yield '<h2>Sources</h2>\n';
			yield htmlTable(
				['source', 'title', 'publisher', 'date', 'words', 'reused'],
				analysis.rows.map(r => [r.source, r.title, r.publisher ?? '—', r.date ?? '—', String(r.words), `${Math.round(r.reused * 100)}%`]),
			);
			if (analysis.families.length) {
				yield '<h2>Families</h2>\n';
				for (const f of [...analysis.families].sort((x, y) => y.reach.sources - x.reach.sources || x.id - y.id))
					yield* htmlFamily(corpus, analysis, f, 3);
			} else {
				yield '<h2>Reused passages</h2>\n';
				if (!analysis.pairs.length) yield '<p>No passage is shared between sources.</p>\n';
				for (const p of analysis.pairs) yield* htmlPair(corpus, p, 3);
			}
			break;
		}
	}
	yield '</body>\n</html>\n';
}

/** A report as pieces of text, to write as they come. */
export function report(corpus: Corpus, analysis: Analysis, target: ReportTarget, opts: ReportOptions): Iterable<string> {
	return opts.format === 'html' ? html(corpus, analysis, target, opts) : markdown(corpus, analysis, target, opts);
}

export function reportText(corpus: Corpus, analysis: Analysis, target: ReportTarget, opts: ReportOptions): string {
	return [...report(corpus, analysis, target, opts)].join('');
}

// ---------- plain text, for the clipboard

export function pairPlain(corpus: Corpus, pair: Pair): string {
	const byId = new Map(corpus.sources.map(s => [s.id, s]));
	const lines = [
		`Origin (A): ${pair.a.source} — ${describe(byId.get(pair.a.source), pair.a.source)}`,
		clean(pair.a.text),
		'',
		`Copy (B): ${pair.b.source} — ${describe(byId.get(pair.b.source), pair.b.source)}`,
		clean(pair.b.text),
		'',
		`${pair.kind}, similarity ${pair.similarity.toFixed(2)}`,
	];
	if (pair.figures.length) {
		lines.push('', 'Figures:');
		for (const r of figureRows(pair)) lines.push(`  ${r[0]!.padEnd(22)} ${r[2]!.padEnd(24)} ${r[3]}`);
	}
	return lines.join('\n') + '\n';
}

export function familyPlain(family: Family): string {
	const origin = family.members[family.origin]!;
	const lines = [
		`Family ${family.id}: reach ${family.reach.sources} sources, ${family.reach.publishers} publishers, ${family.first ?? '?'} → ${family.last ?? family.first ?? '?'}`,
		`Origin: ${origin.source} (${origin.publisher ?? '—'}, ${origin.date ?? 'undated'})`,
		clean(origin.text),
		'',
		'Members:',
		...memberTable(family).map(r => `  ${r.join('  ')}`),
	];
	if (family.figures.rows.length) {
		const m = matrixTable(family);
		lines.push('', 'Figures:', `  ${m.header.join(' | ')}`, ...m.rows.map(r => `  ${r.join(' | ')}`));
	}
	return lines.join('\n') + '\n';
}

export function passagePlain(source: Source, start: number, end: number): string {
	return `${clean(source.text.slice(start, end)).trim()}\n— ${describe(source, source.id)} (${source.id})\n`;
}
