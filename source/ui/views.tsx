// The views. Each renders exactly `rows` lines from data the screens module prepared; none handles keys
// except the sources list, whose ink-select-input owns up/down/enter while it has focus.

import {useMemo} from 'react';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {SourceRow} from '../core/analysis.js';
import {formatValue} from '../core/figures.js';
import type {Hit} from '../core/search.js';
import type {Pair} from '../core/reuse.js';
import type {CompareFrame, FiguresFrame, ReaderFrame, SearchFrame} from '../state/app-state.js';
import type {Model} from '../state/model.js';
import {StyledLine} from './components.js';
import {compareLayout, fit, segment, windowStart, wrap, type Line} from './layout.js';
import {ledgerRows, STATUS_LABEL, type CompareScreen, type ReaderScreen} from './screens.js';
import {styleOf, type Theme} from './theme.js';

type Size = {cols: number; rows: number};

// ---------- sources ----------

export function sourceColumns(cols: number) {
	const fixed = {date: 10, words: 6, reused: 7, figs: 5, pub: Math.min(28, Math.max(8, Math.floor(cols * 0.2)))};
	const title = Math.max(10, cols - 2 - 8 - fixed.date - fixed.words - fixed.reused - fixed.figs - fixed.pub - 7);
	return {...fixed, title, id: 8};
}

function sourceLine(r: SourceRow, short: string, cols: number, analysed: boolean): string {
	const c = sourceColumns(cols);
	return [
		fit(short, c.id, true),
		fit(r.title, c.title, true),
		fit(r.publisher ?? '—', c.pub, true),
		fit(r.date ?? '—', c.date, true),
		fit(String(r.words), c.words, true),
		fit(analysed ? `${Math.round(r.reused * 100)}%` : '…', c.reused, true),
		fit(String(r.figures), c.figs, true),
	].join(' ');
}

export function SourcesView({
	model,
	theme,
	size,
	cursor,
	focused,
	preview,
	onHighlight,
	onSelect,
}: {
	model: Model;
	theme: Theme;
	size: Size;
	cursor: number;
	focused: boolean;
	preview?: boolean;
	onHighlight: (i: number) => void;
	onSelect: (i: number) => void;
}) {
	const c = sourceColumns(size.cols - 2);
	const header = [
		fit('SOURCE', c.id, true),
		fit('TITLE', c.title, true),
		fit('PUBLISHER', c.pub, true),
		fit('DATE', c.date, true),
		fit('WORDS', c.words, true),
		fit('REUSED', c.reused, true),
		fit('FIGS', c.figs, true),
	].join(' ');
	// Labels are row numbers; the line is drawn only for the rows on screen (a corpus may have 100,000).
	const items = useMemo(() => model.rows.map((r, i) => ({key: r.source, label: String(i), value: i})), [model.rows]);
	const line = (i: number) => {
		const r = model.rows[i]!;
		return sourceLine(r, model.short.get(r.source) ?? r.source, size.cols - 2, model.analysis !== null);
	};
	const listRows = Math.max(1, size.rows - 3);
	const warnings = model.corpus.warnings.length + model.corpus.sources.reduce((t, s) => t + s.warnings.length, 0);
	return (
		<Box flexDirection="column" height={size.rows}>
			<Text {...theme.roles['title']}>
				{fit(
					`churnscope — ${model.corpus.sources.length} sources · ${preview ? 'loading texts…' : model.analysis ? `${model.analysis.pairs.length} reused passages` : 'analysing reuse…'}${warnings ? ` · ${warnings} warning${warnings > 1 ? 's' : ''} (printed on exit)` : ''}`,
					size.cols,
				)}
			</Text>
			<Text {...theme.roles['dim']}>{fit('  ' + header, size.cols)}</Text>
			{items.length === 0 ? (
				<Text>No sources.</Text>
			) : (
				<SelectInput
					items={items}
					isFocused={focused}
					initialIndex={Math.min(cursor, items.length - 1)}
					limit={Math.min(listRows, items.length)}
					indicatorComponent={({isSelected}) => <Text {...theme.roles['accent']}>{isSelected ? '› ' : '  '}</Text>}
					itemComponent={({isSelected, label}) => <Text {...(isSelected ? theme.roles['selected'] : {})}>{line(Number(label))}</Text>}
					onHighlight={item => onHighlight(item.value)}
					onSelect={item => onSelect(item.value)}
				/>
			)}
			<Box flexGrow={1} />
		</Box>
	);
}

// ---------- reader ----------

export function ReaderView({
	model,
	theme,
	size,
	frame,
	screen,
}: {
	model: Model;
	theme: Theme;
	size: Size;
	frame: ReaderFrame;
	screen: ReaderScreen;
}) {
	const src = model.byId.get(frame.source)!;
	const body = size.rows - 1;
	const visible = screen.lines.slice(frame.top, frame.top + body);
	const pair = frame.pair === null ? null : screen.pairs[frame.pair];
	let info = `${src.title}${src.publisher ? ` — ${src.publisher}` : ''}${src.date ? ` · ${src.date}` : ''}`;
	if (pair) {
		const other = pair.a.source === frame.source ? pair.b.source : pair.a.source;
		info = `passage ${frame.pair! + 1}/${screen.pairs.length}: ${pair.kind} ${pair.similarity.toFixed(2)} with ${model.short.get(other)} — ⏎ to compare`;
	}
	return (
		<Box flexDirection="column" height={size.rows}>
			<Text {...theme.roles['title']}>{fit(info, size.cols)}</Text>
			{Array.from({length: body - 1}, (_, i) => (
				<StyledLine key={i} line={visible[i]} theme={theme} cols={size.cols} />
			))}
		</Box>
	);
}

// ---------- search ----------

export function SearchView({
	model,
	theme,
	size,
	frame,
	hits,
	indexing,
}: {
	model: Model;
	theme: Theme;
	size: Size;
	frame: SearchFrame;
	hits: Hit[];
	indexing?: boolean;
}) {
	const per = 2;
	const listRows = Math.max(1, Math.floor((size.rows - 2) / per));
	const start = windowStart(frame.cursor, hits.length, listRows);
	const shown = hits.slice(start, start + listRows);
	const count = indexing
		? 'indexing the corpus…'
		: frame.query.trim()
			? `${hits.length}${hits.length >= 200 ? '+' : ''} results`
			: 'type to search passages and titles';
	return (
		<Box flexDirection="column" height={size.rows}>
			<Text>
				<Text {...theme.roles['key']}>/ </Text>
				<Text>{fit(frame.query, Math.max(1, size.cols - 24))}</Text>
				<Text inverse> </Text>
				<Text {...theme.roles['dim']}>{'  ' + count}</Text>
			</Text>
			{shown.map((h, i) => {
				const selected = start + i === frame.cursor;
				const title = model.byId.get(h.source)?.title ?? h.source;
				return (
					<Box key={start + i} flexDirection="column">
						<Text {...(selected ? theme.roles['selected'] : theme.roles['dim'])}>
							{fit(`${selected ? '›' : ' '} ${model.short.get(h.source)} · ${title} · ${h.score.toFixed(2)}`, size.cols, true)}
						</Text>
						<StyledLine line={snippet(h, size.cols - 4)} theme={theme} cols={size.cols} />
					</Box>
				);
			})}
		</Box>
	);
}

/** One line of a hit around its first match, matches marked. */
export function snippet(h: Hit, cols: number): Line {
	const base = h.kind === 'passage' ? h.start : 0;
	const ranges = h.matches.map(([a, b]) => ({start: a - base, end: b - base, role: 'match'}));
	const from = Math.max(0, (ranges[0]?.start ?? 0) - Math.floor(cols / 3));
	const segs = segment(h.text, from, h.text.length, ranges).map(s => ({...s, text: s.text.replace(/\s+/g, ' ')}));
	const line = wrap(segs, Math.max(1, cols))[0] ?? {segs: [], start: 0};
	return {segs: [{text: from > 0 ? '   …' : '    ', roles: ['dim'], start: -1}, ...line.segs], start: line.start};
}

// ---------- compare ----------

export function CompareView({
	model,
	theme,
	size,
	frame,
	pair,
	screen,
	count,
}: {
	model: Model;
	theme: Theme;
	size: Size;
	frame: CompareFrame;
	pair: Pair;
	screen: CompareScreen;
	count: number;
}) {
	const {colWidth, textRows, tableRows} = compareLayout(
		size.cols,
		size.rows,
		screen.figures.length,
		Math.max(screen.a.length, screen.b.length),
	);
	const origin = pair.direction === 'dated' ? 'A is the origin (earlier date)' : 'origin unknown (no dates)';
	const A = model.byId.get(frame.a)!;
	const B = model.byId.get(frame.b)!;
	const head = (src: typeof A, label: string, side: 0 | 1) => {
		const origin = side === 0 && pair.direction === 'dated' ? ' (origin)' : '';
		const scrolling = frame.side === side ? '▶ ' : '  ';
		return fit(`${scrolling}${label} ${model.short.get(src.id)}${origin} · ${src.title}`, colWidth, true);
	};
	const aLines = screen.a.slice(frame.scroll[0], frame.scroll[0] + textRows);
	const bLines = screen.b.slice(frame.scroll[1], frame.scroll[1] + textRows);
	const more = (lines: Line[], from: number) => (from + textRows < lines.length ? `↓ ${lines.length - from - textRows} more` : '');
	const kindW = 8;
	const statusW = 10;
	const normW = 16;
	const valW = Math.max(6, Math.min(34, Math.floor((size.cols - kindW - statusW - normW - 4) / 2)));
	return (
		<Box flexDirection="column" height={size.rows}>
			<Text wrap="truncate" {...theme.roles['accent']}>
				{fit(
					`${pair.kind} · similarity ${pair.similarity.toFixed(2)} · ${origin} · pair ${frame.index + 1}/${count} between these sources`,
					size.cols,
				)}
			</Text>
			<Text>
				<Text {...styleOf(theme, ['source:' + model.index.get(frame.a), 'title'])}>{head(A, 'A', 0)}</Text>
				<Text> │ </Text>
				<Text {...styleOf(theme, ['source:' + model.index.get(frame.b), 'title'])}>{head(B, 'B', 1)}</Text>
			</Text>
			{Array.from({length: textRows}, (_, i) => (
				<Text key={i} wrap="truncate">
					<StyledLine line={aLines[i]} theme={theme} cols={colWidth} />
					<Text {...theme.roles['dim']}> │ </Text>
					<StyledLine line={bLines[i]} theme={theme} cols={colWidth} />
				</Text>
			))}
			<Text {...theme.roles['dim']}>
				{fit(`${more(screen.a, frame.scroll[0])}`, colWidth, true) + '   ' + fit(more(screen.b, frame.scroll[1]), colWidth, true)}
			</Text>
			<Text {...theme.roles['dim']}>
				{fit(
					`${'FIGURE'.padEnd(kindW)} ${fit('AS IN A', valW, true)} ${fit('AS IN B', valW, true)} ${fit('VALUE', normW, true)} STATUS`,
					size.cols,
				)}
			</Text>
			{screen.figures.slice(0, tableRows).map((f, i) => (
				<Text key={i} wrap="truncate">
					<Text>{fit(f.kind, kindW, true)} </Text>
					<Text>{fit(f.a || '—', valW, true)} </Text>
					<Text>{fit(f.b || '—', valW, true)} </Text>
					<Text>{fit(f.value, normW, true)} </Text>
					<Text {...theme.roles[f.status]}>{STATUS_LABEL[f.status]}</Text>
				</Text>
			))}
			<Text {...theme.roles['dim']}>
				{screen.figures.length > tableRows
					? `  … ${screen.figures.length - tableRows} more figures (enlarge the terminal)`
					: screen.figures.length === 0
						? '  no figures in this passage'
						: ' '}
			</Text>
			<Box flexGrow={1} />
		</Box>
	);
}

// ---------- figures ----------

export function FiguresView({model, theme, size, frame}: {model: Model; theme: Theme; size: Size; frame: FiguresFrame}) {
	const rows = ledgerRows(model, frame.kind);
	const charts = chartLines(model, size.cols, Math.max(0, Math.floor((size.rows - 3) / 2)));
	const listRows = Math.max(1, size.rows - 3 - charts.length);
	const start = windowStart(frame.cursor, rows.length, listRows);
	const srcW = Math.min(24, Math.max(8, Math.floor(size.cols * 0.2)));
	const valW = 16;
	return (
		<Box flexDirection="column" height={size.rows}>
			<Text {...theme.roles['title']}>
				{fit(`Figures ledger — ${frame.kind ?? 'all kinds'} · ${rows.length} quantities · tab: filter by kind`, size.cols)}
			</Text>
			{charts.map((l, i) => (
				<Text key={'c' + i} {...(i === 0 ? theme.roles['accent'] : theme.roles['bar'])}>
					{fit(l, size.cols)}
				</Text>
			))}
			<Text {...theme.roles['dim']}>
				{fit(`  ${'KIND'.padEnd(8)}${fit('VALUE', valW, true)} ${fit('SOURCES', srcW, true)} NOTES / AS WRITTEN`, size.cols)}
			</Text>
			{rows.slice(start, start + listRows).map((r, i) => {
				const selected = start + i === frame.cursor;
				const srcs = r.sources.map(s => model.short.get(s)).join(' ');
				const notes = [
					r.changed.length ? `changed: ${r.changed.join('; ')}` : '',
					r.hedged.length ? `hedged: ${r.hedged.join('; ')}` : '',
					r.dropped ? `dropped by ${r.dropped} cop${r.dropped > 1 ? 'ies' : 'y'}` : '',
				]
					.filter(Boolean)
					.join(' · ');
				const written = [...new Set(r.occurrences.map(o => o.figure.text.replace(/\\\$/g, '$')))].join(' | ');
				const line = `${selected ? '›' : ' '} ${r.kind.padEnd(9)}${fit(r.value, valW, true)} ${fit(srcs, srcW, true)} ${notes ? notes + ' · ' : ''}${written}`;
				return (
					<Text key={r.key} {...(selected ? theme.roles['selected'] : r.changed.length ? theme.roles['changed'] : {})}>
						{fit(line, size.cols, true)}
					</Text>
				);
			})}
			<Box flexGrow={1} />
		</Box>
	);
}

/** Small horizontal bar charts for quantities stated over several years. */
export function chartLines(model: Model, cols: number, maxLines: number): string[] {
	const out: string[] = [];
	for (const s of model.series) {
		const block = [`${model.short.get(s.source)}: ${s.kind}${s.unit && s.unit !== 'top' ? ` (${s.unit})` : ''} over time`];
		const values = s.points.map(p => (typeof p.figure.value === 'number' ? p.figure.value : 0));
		const max = Math.max(...values, 1);
		const barW = Math.max(4, Math.min(40, cols - 30));
		s.points.forEach((p, i) => {
			const n = Math.max(1, Math.round((values[i]! / max) * barW));
			block.push(`  ${p.year}  ${'█'.repeat(n)}${' '.repeat(barW - n)} ${formatValue(p.figure)}`);
		});
		if (out.length + block.length > maxLines) break;
		out.push(...block);
	}
	return out;
}
