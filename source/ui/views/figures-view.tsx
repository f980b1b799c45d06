// The figures ledger: every quantity the corpus states, grouped across notations, with the sources that
// state it and where a copy changed or dropped it; above it, small charts of quantities stated over
// several years, for the kind of figure shown.

import {Box, Text} from 'ink';
import {formatValue, type FigureKind} from '../../core/figures.js';
import type {FiguresFrame} from '../../state/app-state.js';
import {follow} from '../../state/list.js';
import type {Model} from '../../state/model.js';
import {Row} from '../components.js';
import {fit, fitColumns, row} from '../layout.js';
import type {Theme} from '../theme.js';
import {ListHeader} from './list-header.js';

/**
 * Bar charts of quantities stated for several years, of one kind (or all). A rank is better the smaller
 * it is, so its bar is longer for a better rank (#1 the longest): bars grow the way the quantity improves.
 */
export function chartLines(model: Model, cols: number, maxLines: number, kind: FigureKind | null): {text: string; title: boolean}[] {
	const out: {text: string; title: boolean}[] = [];
	for (const s of model.series) {
		if (kind && s.kind !== kind) continue;
		const rank = s.kind === 'rank';
		const block = [
			{
				text: `${model.short.get(s.source) ?? s.source}: ${s.kind}${s.unit && s.unit !== 'top' ? ` (${s.unit})` : ''} over time${rank ? ' (longer bar: higher rank)' : ''}`,
				title: true,
			},
		];
		const values = s.points.map(p => (typeof p.figure.value === 'number' ? p.figure.value : 0));
		const max = Math.max(...values, 1);
		const barW = Math.max(4, Math.min(40, cols - 30));
		s.points.forEach((p, i) => {
			const v = values[i]!;
			const share = rank ? (max + 1 - v) / max : v / max;
			const n = Math.max(1, Math.min(barW, Math.round(share * barW)));
			block.push({text: `  ${p.year}  ${'█'.repeat(n)}${' '.repeat(barW - n)} ${formatValue(p.figure)}`, title: false});
		});
		if (out.length + block.length > maxLines) break;
		out.push(...block);
	}
	return out;
}

type LedgerColumn = 'kind' | 'value' | 'sources' | 'notes';

export function FiguresView({
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
	frame: FiguresFrame;
	order: number[];
}) {
	const charts = chartLines(model, cols, Math.max(0, Math.floor((rows - 4) / 2)), frame.kind);
	const listRows = Math.max(1, rows - 2 - charts.length);
	const top = follow(frame.list.top, frame.list.cursor, listRows, order.length);
	const columns = fitColumns<LedgerColumn>(cols - 2, [
		{key: 'kind', min: 7, ideal: 7, priority: 3},
		{key: 'value', min: 10, ideal: 16, priority: 1},
		{key: 'sources', min: 8, ideal: 24, priority: 4},
		{key: 'notes', min: 12, ideal: 12, priority: 2, flex: true},
	]);
	const total = frame.kind ? model.ledger.filter(r => r.kind === frame.kind).length : model.ledger.length;
	return (
		<Box flexDirection="column" height={rows}>
			<ListHeader
				title={`Figures ledger · ${frame.kind ?? 'all kinds'}`}
				frame={frame}
				shown={order.length}
				total={total}
				cols={cols}
				theme={theme}
				extra=" · Tab: kind"
			/>
			{charts.map((l, i) => (
				<Row key={`c${i}`} text={l.text} cols={cols} theme={theme} tone={l.title ? 'accent' : 'bar'} />
			))}
			<Row
				text={`  ${row(columns, {kind: 'KIND', value: 'VALUE', sources: 'SOURCES', notes: 'NOTES / AS WRITTEN'})}`}
				cols={cols}
				theme={theme}
				tone="header"
			/>
			{Array.from({length: listRows}, (_, i) => {
				const at = top + i;
				const index = order[at];
				const r = index === undefined ? undefined : model.ledger[index];
				if (!r)
					return <Row key={i} text={i === 0 && order.length === 0 ? '  no figure matches' : ''} cols={cols} theme={theme} tone="dim" />;
				const selected = at === frame.list.cursor;
				const notes = [
					r.changed.length ? `changed: ${r.changed.join('; ')}` : '',
					r.hedged.length ? `hedged: ${r.hedged.join('; ')}` : '',
					r.dropped ? `dropped by ${r.dropped} cop${r.dropped > 1 ? 'ies' : 'y'}` : '',
					[...new Set(r.occurrences.map(o => o.figure.text.replace(/\\\$/g, '$')))].join(' | '),
				]
					.filter(Boolean)
					.join(' · ');
				const line = row(columns, {kind: r.kind, value: r.value, sources: r.sources.map(s => model.short.get(s) ?? s).join(' '), notes});
				return (
					<Text key={r.key} wrap="truncate" {...(selected ? theme.roles.selected : r.changed.length ? theme.roles.changed : {})}>
						{fit(`${selected ? '›' : ' '} ${line}`, cols, true)}
					</Text>
				);
			})}
		</Box>
	);
}
