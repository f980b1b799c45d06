// The compare view: a copy beside its origin, lined up sentence by sentence (an aligned pair of
// sentences starts on one row, blank filler where a side has no counterpart), shared words plain,
// changed words and one-side-only words in styles that differ without colour too, a legend, and the
// figures of both sides lined up in a table that scrolls.

import {Box, Text} from 'ink';
import type {Pair} from '../../core/types.js';
import type {CompareFrame} from '../../state/app-state.js';
import type {Model} from '../../state/model.js';
import {Row, StyledLine} from '../components.js';
import {compareLayout, fit, fitColumns, row, width, type Column} from '../layout.js';
import {STATUS_LABEL, type CompareScreen} from '../screens.js';
import {STATUS_MARK, styleOf, type Role, type Theme} from '../theme.js';

export type FigureColumn = 'status' | 'kind' | 'a' | 'b' | 'value';

export function figureColumns(cols: number): Column<FigureColumn>[] {
	return fitColumns<FigureColumn>(cols, [
		{key: 'status', min: 9, ideal: 9, priority: 1},
		{key: 'kind', min: 7, ideal: 7, priority: 5},
		{key: 'a', min: 10, ideal: 34, priority: 2},
		{key: 'b', min: 10, ideal: 34, priority: 3},
		{key: 'value', min: 12, ideal: 24, priority: 4, flex: true},
	]);
}

const LEGEND: [string, Role][] = [
	['shared', 'shared'],
	['changed', 'diffChanged'],
	['only in A', 'onlyA'],
	['only in B', 'onlyB'],
];

export function CompareView({
	model,
	theme,
	cols,
	rows,
	frame,
	pair,
	screen,
	count,
}: {
	model: Model;
	theme: Theme;
	cols: number;
	rows: number;
	frame: CompareFrame;
	pair: Pair;
	screen: CompareScreen;
	count: number;
}) {
	const text = frame.locked ? screen.rows.length : Math.max(screen.a.length, screen.b.length);
	const {colWidth, textRows, tableRows} = compareLayout(cols, rows, screen.figures.length, text);
	const origin = pair.direction === 'dated' ? 'A is the origin (earlier date)' : 'origin unknown (no dates)';
	const A = model.byId.get(pair.a.source)!;
	const B = model.byId.get(pair.b.source)!;
	const name = (id: string) => model.short.get(id) ?? id;
	const head = (title: string, id: string, label: string, side: 0 | 1) => {
		const mark = frame.pane === side ? '▶ ' : '  ';
		const isOrigin = side === 0 && pair.direction === 'dated' ? ' (origin)' : '';
		return fit(`${mark}${label} ${name(id)}${isOrigin} · ${title}`, colWidth, true);
	};
	// Lined up: one scroll for both; free: each side its own.
	const lined = frame.locked;
	const maxTop = Math.max(0, screen.rows.length - textRows);
	const top = Math.min(frame.scroll[0], maxTop);
	const topA = Math.min(frame.scroll[0], Math.max(0, screen.a.length - textRows));
	const topB = Math.min(frame.scroll[1], Math.max(0, screen.b.length - textRows));
	const below = lined
		? Math.max(0, screen.rows.length - top - textRows)
		: Math.max(0, screen.a.length - topA - textRows, screen.b.length - topB - textRows);
	const figTop = Math.min(frame.figTop, Math.max(0, screen.figures.length - tableRows));
	const columns = figureColumns(cols - 2);
	const gutterRole = (g: string) => (g === '│' ? 'dim' : 'accent');
	// The legend: what each style means, in that style; then how the sides scroll.
	const mode = lined ? 'lined up (l: free scrolling)' : `free scrolling, ${frame.pane === 1 ? 'B' : 'A'} moves (l: line up)`;
	const more = below ? ` · ↓ ${below} more` : '';
	const tail = ` · = ≈ ~ ⇄ aligned · ${mode}${more}`;
	let legendUsed = width('legend: ');
	return (
		<Box flexDirection="column" height={rows}>
			<Row
				text={`passage ${frame.index + 1}/${count} of ${name(frame.source)} · ${pair.kind} · similarity ${pair.similarity.toFixed(2)} · ${origin}`}
				cols={cols}
				theme={theme}
				tone="accent"
			/>
			<Text wrap="truncate">
				<Text {...styleOf(theme, [`source:${model.index.get(pair.a.source) ?? 0}`, 'title'])}>{head(A.title, A.id, 'A', 0)}</Text>
				<Text {...theme.roles.dim}> │ </Text>
				<Text {...styleOf(theme, [`source:${model.index.get(pair.b.source) ?? 0}`, 'title'])}>{head(B.title, B.id, 'B', 1)}</Text>
			</Text>
			{Array.from({length: textRows}, (_, i) => {
				const r = lined ? screen.rows[top + i] : {a: screen.a[topA + i] ?? null, b: screen.b[topB + i] ?? null, gutter: '│'};
				// Below the end of both sides, no rule between the columns.
				const gutter = r && (r.a || r.b || lined) ? r.gutter : ' ';
				return (
					<Text key={i} wrap="truncate">
						<StyledLine line={r?.a} theme={theme} cols={colWidth} />
						<Text {...theme.roles[gutterRole(gutter)]}>{` ${gutter} `}</Text>
						<StyledLine line={r?.b} theme={theme} cols={colWidth} />
					</Text>
				);
			})}
			<Text wrap="truncate">
				<Text {...theme.roles.dim}>legend: </Text>
				{LEGEND.map(([label, role], i) => {
					const piece = fit(label, Math.max(0, cols - legendUsed));
					legendUsed += width(piece) + 2;
					return (
						<Text key={i}>
							<Text {...theme.roles[role]}>{piece}</Text>
							<Text>{legendUsed <= cols ? '  ' : ''}</Text>
						</Text>
					);
				})}
				<Text {...theme.roles.dim}>{fit(tail, Math.max(0, cols - legendUsed), true)}</Text>
			</Text>
			<Text wrap="truncate" {...theme.roles.header}>
				{screen.figures.length
					? fit(
							`${frame.pane === 2 ? '▶' : ' '} ${row(columns, {status: 'STATUS', kind: 'FIGURE', a: 'AS IN A', b: 'AS IN B', value: 'VALUE'})}${
								screen.figures.length > tableRows ? ` ${figTop + 1}-${figTop + tableRows}/${screen.figures.length}` : ''
							}`,
							cols,
							true,
						)
					: fit('  no figures in this passage', cols, true)}
			</Text>
			{Array.from({length: tableRows}, (_, i) => {
				const f = screen.figures[figTop + i];
				if (!f) return <Row key={i} text="" cols={cols} theme={theme} />;
				const statusW = columns.find(c => c.key === 'status')!.width;
				const rest = columns.filter(c => c.key !== 'status');
				return (
					<Text key={i} wrap="truncate">
						<Text>{'  '}</Text>
						<Text {...theme.roles[f.status]}>{fit(`${STATUS_MARK[f.status]} ${STATUS_LABEL[f.status]}`, statusW, true)}</Text>
						<Text>
							{fit(
								rest.length ? ` ${row(rest, {kind: f.kind, a: f.a || '—', b: f.b || '—', value: f.value})}` : '',
								cols - 2 - statusW,
								true,
							)}
						</Text>
					</Text>
				);
			})}
		</Box>
	);
}
