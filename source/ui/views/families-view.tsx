// The families list: each passage carried by more than one source, the most carried first, with its
// reach, dates, origin and first words.

import {Box, Text} from 'ink';
import type {Family} from '../../core/types.js';
import type {FamiliesFrame} from '../../state/app-state.js';
import {follow} from '../../state/list.js';
import type {Model} from '../../state/model.js';
import {Row} from '../components.js';
import {fit, fitColumns, fitMiddle, listLayout, row, type Column} from '../layout.js';
import type {Theme} from '../theme.js';
import {ListHeader} from './list-header.js';

export type FamilyColumn = 'reach' | 'pubs' | 'first' | 'last' | 'origin' | 'text';
const RIGHT: FamilyColumn[] = ['reach', 'pubs'];
const TITLES: Record<FamilyColumn, string> = {
	reach: 'REACH',
	pubs: 'PUBS',
	first: 'FIRST',
	last: 'LAST',
	origin: 'ORIGIN',
	text: 'PASSAGE',
};

export function familyColumns(cols: number): Column<FamilyColumn>[] {
	return fitColumns<FamilyColumn>(cols, [
		{key: 'reach', min: 5, ideal: 5, priority: 1},
		{key: 'pubs', min: 4, ideal: 4, priority: 5},
		{key: 'first', min: 10, ideal: 10, priority: 3},
		{key: 'last', min: 10, ideal: 10, priority: 6},
		{key: 'origin', min: 8, ideal: 22, priority: 4},
		{key: 'text', min: 16, ideal: 16, priority: 2, flex: true},
	]);
}

function cells(f: Family, columns: Column<FamilyColumn>[]): string {
	const origin = f.members[f.origin]!;
	const originW = columns.find(c => c.key === 'origin')?.width ?? 8;
	return row(
		columns,
		{
			reach: String(f.reach.sources),
			pubs: String(f.reach.publishers),
			first: f.first ?? '—',
			last: f.last ?? '—',
			origin: origin.publisher ? fit(origin.publisher, originW) : fitMiddle(origin.source, originW),
			text: origin.text,
		},
		RIGHT,
	);
}

export function FamiliesView({
	model,
	theme,
	cols,
	rows,
	frame,
	order,
}: {
	model: Model;
	theme: Theme;
	cols: number;
	rows: number;
	frame: FamiliesFrame;
	order: number[];
}) {
	const {listRows} = listLayout(rows);
	const columns = familyColumns(cols - 2);
	const header = row(columns, Object.fromEntries(columns.map(c => [c.key, TITLES[c.key]])), RIGHT);
	const top = follow(frame.list.top, frame.list.cursor, listRows, order.length);
	const title = frame.source ? `Families with a member in ${frame.source}` : 'Families';
	const total = frame.source ? order.length : model.families.length;
	const empty = model.analysis
		? model.families.length
			? '  no family matches the filter'
			: '  no passage is carried by more than one source (or this analysis has no families)'
		: '  the reuse analysis is still running';
	return (
		<Box flexDirection="column" height={rows}>
			<ListHeader title={title} frame={frame} shown={order.length} total={Math.max(total, order.length)} cols={cols} theme={theme} />
			<Row text={`  ${header}`} cols={cols} theme={theme} tone="header" />
			{Array.from({length: listRows}, (_, i) => {
				const at = top + i;
				const index = order[at];
				if (index === undefined)
					return <Row key={i} text={i === 0 && order.length === 0 ? empty : ''} cols={cols} theme={theme} tone="dim" />;
				const f = model.families[index]!;
				const selected = at === frame.list.cursor;
				return (
					<Text key={i} wrap="truncate" {...(selected ? theme.roles.selected : {})}>
						{fit(`${selected ? '›' : ' '} ${cells(f, columns)}`, cols, true)}
					</Text>
				);
			})}
		</Box>
	);
}
