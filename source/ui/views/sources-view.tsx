// The sources list: one row per source, only the rows on screen drawn (a corpus may have 100,000),
// columns dropped from the least useful when the terminal is narrow.

import {Box, Text} from 'ink';
import type {SourceRow} from '../../core/analysis.js';
import type {SourcesFrame} from '../../state/app-state.js';
import {follow} from '../../state/list.js';
import type {Model} from '../../state/model.js';
import {Row} from '../components.js';
import {fit, fitColumns, fitMiddle, listLayout, row, width, type Column, type ColumnSpec} from '../layout.js';
import type {Theme} from '../theme.js';
import {ListHeader} from './list-header.js';

export type SourceColumn = 'name' | 'title' | 'publisher' | 'date' | 'words' | 'reused' | 'reach' | 'figs';
const RIGHT: SourceColumn[] = ['words', 'reused', 'reach', 'figs'];
const TITLES: Record<SourceColumn, string> = {
	name: 'FILE',
	title: 'TITLE',
	publisher: 'PUBLISHER',
	date: 'DATE',
	words: 'WORDS',
	reused: 'REUSED',
	reach: 'REACH',
	figs: 'FIGS',
};

/** The widest file name and publisher, measured once per model (a column is as wide as its content, up to a cap). */
function widths(model: Model): {name: number; publisher: number} {
	const key = 'sourceWidths';
	const known = model.cache.get(key) as {name: number; publisher: number} | undefined;
	if (known) return known;
	let name = 4;
	let publisher = 9;
	for (const r of model.rows) {
		name = Math.max(name, width(r.source));
		publisher = Math.max(publisher, width(r.publisher ?? '—'));
	}
	const out = {name, publisher};
	model.cache.set(key, out);
	return out;
}

/** The columns of the sources list in `cols` columns (the two-column cursor mark excluded). */
export function sourceColumns(cols: number, longest: {name: number; publisher: number}): Column<SourceColumn>[] {
	// Where there is room for more than a few words of the title, counts give way to it first.
	const titleMin = cols >= 60 ? 26 : 14;
	const specs: ColumnSpec<SourceColumn>[] = [
		{key: 'name', min: 16, ideal: Math.min(longest.name, 36, Math.floor(cols * 0.3)), priority: 1, eager: true},
		{key: 'title', min: titleMin, ideal: 60, priority: 2, flex: true},
		{key: 'publisher', min: 9, ideal: Math.min(longest.publisher, 24), priority: 5},
		{key: 'date', min: 10, ideal: 10, priority: 4},
		{key: 'words', min: 6, ideal: 6, priority: 7},
		{key: 'reused', min: 6, ideal: 6, priority: 3},
		{key: 'reach', min: 5, ideal: 5, priority: 6},
		{key: 'figs', min: 4, ideal: 4, priority: 8},
	];
	return fitColumns(cols, specs);
}

function cells(r: SourceRow, columns: Column<SourceColumn>[], analysed: boolean): string {
	const nameW = columns.find(c => c.key === 'name')?.width ?? 8;
	return row(
		columns,
		{
			name: fitMiddle(r.source, nameW),
			title: r.title,
			publisher: r.publisher ?? '—',
			date: r.date ?? '—',
			words: String(r.words),
			reused: analysed ? `${Math.round(r.reused * 100)}%` : '…',
			reach: analysed ? String(r.reach) : '…',
			figs: String(r.figures),
		},
		RIGHT,
	);
}

export function SourcesView({
	model,
	theme,
	cols,
	rows,
	frame,
	order,
	busy,
}: {
	model: Model;
	theme: Theme;
	cols: number;
	rows: number;
	frame: SourcesFrame;
	order: number[];
	busy?: string;
}) {
	const {listRows} = listLayout(rows);
	const columns = sourceColumns(cols - 2, widths(model));
	const header = row(columns, Object.fromEntries(columns.map(c => [c.key, TITLES[c.key]])), RIGHT);
	const top = follow(frame.list.top, frame.list.cursor, listRows, order.length);
	const analysed = model.analysis !== null;
	const what = busy ?? (analysed ? `${model.analysis!.pairs.length} reused passages` : 'analysing reuse…');
	return (
		<Box flexDirection="column" height={rows}>
			<ListHeader
				title="Sources"
				frame={frame}
				shown={order.length}
				total={model.rows.length}
				cols={cols}
				theme={theme}
				extra={` · ${what}`}
			/>
			<Row text={`  ${header}`} cols={cols} theme={theme} tone="header" />
			{Array.from({length: listRows}, (_, i) => {
				const at = top + i;
				const index = order[at];
				if (index === undefined)
					return (
						<Row
							key={i}
							text={i === 0 && order.length === 0 ? (model.rows.length ? '  no source matches the filter' : '  no sources') : ''}
							cols={cols}
							theme={theme}
							tone="dim"
						/>
					);
				const r = model.rows[index]!;
				const selected = at === frame.list.cursor;
				return (
					<Text key={i} wrap="truncate" {...(selected ? theme.roles.selected : {})}>
						{fit(`${selected ? '›' : ' '} ${cells(r, columns, analysed)}`, cols, true)}
					</Text>
				);
			})}
		</Box>
	);
}
