// One family: who carries the passage (date, publisher, how close the copy is) with each member placed
// on a date axis (the timeline), and the figure matrix: each figure of the origin against each member,
// every cell coloured and marked with a symbol so it reads without colour.

import {Box, Text} from 'ink';
import type {Family} from '../../core/types.js';
import type {FamilyFrame} from '../../state/app-state.js';
import {follow} from '../../state/list.js';
import {Row} from '../components.js';
import {axisLabel, familyLayout, fit, fitColumns, fitMiddle, row, timelineCell, width, windowStart, type Column} from '../layout.js';
import type {FamilyScreen, MemberRow} from '../screens.js';
import {STATUS_MARK, type Theme} from '../theme.js';

export type MemberColumn = 'n' | 'date' | 'publisher' | 'source' | 'kind' | 'sim' | 'timeline';
const RIGHT: MemberColumn[] = ['n', 'sim'];

export function memberColumns(cols: number): Column<MemberColumn>[] {
	return fitColumns<MemberColumn>(cols, [
		{key: 'n', min: 3, ideal: 3, priority: 6},
		{key: 'date', min: 10, ideal: 10, priority: 1},
		{key: 'publisher', min: 10, ideal: 24, priority: 2},
		{key: 'source', min: 8, ideal: 24, priority: 7},
		{key: 'kind', min: 10, ideal: 10, priority: 3},
		{key: 'sim', min: 4, ideal: 4, priority: 4},
		{key: 'timeline', min: 12, ideal: 12, priority: 5, flex: true},
	]);
}

/** Each member's column in the figure matrix: its number, right-aligned in three characters. */
const CELL = 4;

/** How many members' columns the figure matrix shows beside its label column. */
export function matrixWindow(cols: number, members: number, cursor: number): {labelW: number; start: number; count: number} {
	const labelW = Math.max(12, Math.min(36, Math.floor(cols * 0.35)));
	const count = Math.max(1, Math.min(members, Math.floor((cols - labelW - 1) / CELL)));
	return {labelW, start: windowStart(cursor, members, count), count};
}

function memberLine(m: MemberRow, i: number, columns: Column<MemberColumn>[], screen: FamilyScreen): {text: string; timeline: string} {
	const timelineW = columns.find(c => c.key === 'timeline')?.width ?? 0;
	const sourceW = columns.find(c => c.key === 'source')?.width ?? 8;
	const cellsText = row(
		columns.filter(c => c.key !== 'timeline'),
		{
			n: `#${i + 1}`,
			date: m.date,
			publisher: `${m.origin ? '◆ ' : ''}${m.publisher}`,
			source: fitMiddle(m.source, sourceW),
			kind: m.origin ? 'origin' : m.kind,
			sim: m.origin ? '' : m.similarity.toFixed(2),
		},
		RIGHT,
	);
	const timeline = timelineW && screen.axis ? timelineCell(m.span, screen.axis.from, screen.axis.to, timelineW, m.origin) : '';
	return {text: cellsText, timeline};
}

export function FamilyView({
	theme,
	cols,
	rows,
	frame,
	family,
	screen,
}: {
	theme: Theme;
	cols: number;
	rows: number;
	frame: FamilyFrame;
	family: Family;
	screen: FamilyScreen;
}) {
	const {memberRows, matrixRows} = familyLayout(rows, screen.members.length, screen.matrix.length);
	const columns = memberColumns(cols - 2);
	const hasTimeline = columns.some(c => c.key === 'timeline') && screen.axis !== null;
	const timelineW = columns.find(c => c.key === 'timeline')?.width ?? 0;
	const plain = columns.filter(c => c.key !== 'timeline');
	const headerCells = row(plain, {n: '#', date: 'DATE', publisher: 'PUBLISHER', source: 'SOURCE', kind: 'KIND', sim: 'SIM'}, RIGHT);
	const axis = hasTimeline ? axisLabel(screen.axis!.first, screen.axis!.last, timelineW) : '';
	const origin = family.members[family.origin]!;
	const span = family.first ? `${family.first}${family.last && family.last !== family.first ? ` → ${family.last}` : ''}` : 'undated';
	const title = `Family ${family.id} · reach ${family.reach.sources} source${family.reach.sources === 1 ? '' : 's'}, ${family.reach.publishers} publisher${family.reach.publishers === 1 ? '' : 's'} · ${span}`;
	const top = follow(frame.list.top, frame.list.cursor, memberRows, screen.members.length);
	const cursor = frame.list.cursor;
	const focusMembers = frame.pane === 'members';
	// The figure matrix: the origin's figures down, members across (a window of them around the cursor).
	const win = matrixWindow(cols, screen.members.length, cursor);
	const figTop = Math.max(0, Math.min(frame.figTop, Math.max(0, screen.matrix.length - matrixRows)));
	const selected = screen.members[cursor];
	const diffs = screen.matrix
		.map(r => ({r, c: r.cells[cursor]}))
		.filter(x => x.c && x.c.status !== 'same')
		.map(x => `${STATUS_MARK[x.c!.status]} ${x.r.text}${x.c!.status === 'changed' || x.c!.status === 'hedged' ? `→${x.c!.text}` : ''}`);
	const added = screen.added.filter(a => a.member === cursor).map(a => `+ ${a.text}`);
	const detail = selected && !selected.origin ? ` · #${cursor + 1}: ${[...diffs, ...added].join('; ') || 'all figures the same'}` : '';
	const legend = `= same ≠ changed ~ hedged - missing + added · ◆ origin${detail}`;
	return (
		<Box flexDirection="column" height={rows}>
			<Row text={title} cols={cols} theme={theme} tone="title" />
			<Text wrap="truncate">
				<Text {...theme.roles.origin}>
					{fit(`◆ ${origin.publisher ?? origin.source} (${origin.date ?? 'undated'}): `, Math.floor(cols / 2))}
				</Text>
				<Text>
					{fit(
						`“${origin.text.replace(/\s+/g, ' ')}”`,
						Math.max(
							1,
							cols - Math.min(width(`◆ ${origin.publisher ?? origin.source} (${origin.date ?? 'undated'}): `), Math.floor(cols / 2)),
						),
						true,
					)}
				</Text>
			</Text>
			<Text wrap="truncate" {...theme.roles.header}>
				{fit(`${focusMembers ? '▶' : ' '} ${headerCells}${hasTimeline ? ` ${axis}` : ''}`, cols, true)}
			</Text>
			{Array.from({length: memberRows}, (_, i) => {
				const at = top + i;
				const m = screen.members[at];
				if (!m) return <Row key={i} text="" cols={cols} theme={theme} />;
				const line = memberLine(m, at, columns, screen);
				const isCursor = at === cursor;
				return (
					<Text key={i} wrap="truncate">
						<Text {...(isCursor ? theme.roles.selected : m.origin ? theme.roles.origin : {})}>
							{fit(`${isCursor ? '›' : ' '} ${line.text}`, cols - (line.timeline ? timelineW + 1 : 0), true)}
						</Text>
						{line.timeline ? <Timeline cell={line.timeline} origin={m.origin} theme={theme} /> : null}
					</Text>
				);
			})}
			<Text wrap="truncate" {...theme.roles.header}>
				{screen.matrix.length
					? fit(
							`${frame.pane === 'figures' ? '▶' : ' '} ${fit('FIGURE (ORIGIN)', win.labelW - 2, true)}${Array.from({length: win.count}, (_, k) => `#${win.start + k + 1}`.padStart(CELL)).join('')}`,
							cols,
							true,
						)
					: fit('  the origin passage states no figures', cols, true)}
			</Text>
			{Array.from({length: matrixRows}, (_, i) => {
				const r = screen.matrix[figTop + i];
				if (!r) return <Row key={i} text="" cols={cols} theme={theme} />;
				return (
					<Text key={i} wrap="truncate">
						<Text>{fit(`  ${r.kind.padEnd(7)} ${r.text}`, win.labelW, true)}</Text>
						{Array.from({length: win.count}, (_, k) => {
							const m = win.start + k;
							const cell = r.cells[m];
							const status = cell?.status ?? 'missing';
							const mark = STATUS_MARK[status] ?? '?';
							return (
								<Text key={k} {...theme.roles[status]} inverse={m === cursor ? true : undefined}>
									{`  ${mark} `}
								</Text>
							);
						})}
						<Text>{' '.repeat(Math.max(0, cols - win.labelW - win.count * CELL))}</Text>
					</Text>
				);
			})}
			<Row text={legend} cols={cols} theme={theme} tone="dim" />
		</Box>
	);
}

/** A member's timeline cell: the axis dim, the member's mark (or its partial date's span) stand out. */
function Timeline({cell, origin, theme}: {cell: string; origin: boolean; theme: Theme}) {
	const chars = [...cell];
	const first = chars.findIndex(c => c !== '─');
	let last = chars.length - 1;
	while (last >= 0 && (chars[last] === '─' || chars[last] === ' ')) last--;
	if (first < 0) return <Text {...theme.roles.axis}> {cell}</Text>;
	return (
		<Text>
			<Text {...theme.roles.axis}> {chars.slice(0, first).join('')}</Text>
			<Text {...(origin ? theme.roles.origin : theme.roles.mark)}>{chars.slice(first, last + 1).join('')}</Text>
			<Text {...theme.roles.axis}>{chars.slice(last + 1).join('')}</Text>
		</Text>
	);
}
