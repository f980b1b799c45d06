// The reader: one source's whole text, passages shared with another source coloured by that source (a
// legend line names them), figures marked, boilerplate dimmed, the passage stepped to highlighted.

import {Box, Text} from 'ink';
import type {ReaderFrame} from '../../state/app-state.js';
import type {Model} from '../../state/model.js';
import {Row, StyledLine} from '../components.js';
import {fit, readerLayout, width} from '../layout.js';
import type {ReaderScreen} from '../screens.js';
import {styleOf, type Theme} from '../theme.js';

export function ReaderView({
	model,
	theme,
	cols,
	rows,
	frame,
	screen,
}: {
	model: Model;
	theme: Theme;
	cols: number;
	rows: number;
	frame: ReaderFrame;
	screen: ReaderScreen;
}) {
	const src = model.byId.get(frame.source)!;
	const legend = screen.legend.length > 0;
	const {textRows} = readerLayout(rows, legend);
	const top = Math.max(0, Math.min(frame.top, Math.max(0, screen.lines.length - textRows)));
	const visible = screen.lines.slice(top, top + textRows);
	const pair = frame.passage === null ? null : screen.pairs[frame.passage];
	let info = `${src.title}${src.publisher ? ` — ${src.publisher}` : ''}${src.date ? ` · ${src.date}` : ''}`;
	if (pair) {
		const other = pair.a.source === frame.source ? pair.b.source : pair.a.source;
		const role = pair.a.source === frame.source ? 'origin of' : 'copied from';
		info = `passage ${frame.passage! + 1}/${screen.pairs.length}: ${pair.kind} ${pair.similarity.toFixed(2)}, ${role} ${model.short.get(other) ?? other} — Enter compares, w: who else carries it`;
	}
	// The legend: which colour is which source (without colour, shared text is underlined).
	let used = 0;
	const entries: {text: string; role: string}[] = [];
	const lead = theme.color ? 'shared with: ' : 'underlined: shared with ';
	used += width(lead);
	for (const e of screen.legend) {
		const text = fit(`■ ${model.short.get(e.source) ?? e.source}`, Math.max(1, cols - used - 2));
		if (used + width(text) + 2 > cols) break;
		entries.push({text, role: e.role});
		used += width(text) + 2;
	}
	return (
		<Box flexDirection="column" height={rows}>
			<Row text={info} cols={cols} theme={theme} tone="title" />
			{legend ? (
				<Text wrap="truncate">
					<Text {...theme.roles.dim}>{lead}</Text>
					{entries.map((e, i) => (
						<Text key={i}>
							<Text {...styleOf(theme, [e.role])}>{e.text}</Text>
							<Text>{'  '}</Text>
						</Text>
					))}
					<Text>{fit('', Math.max(0, cols - used), true)}</Text>
				</Text>
			) : null}
			{Array.from({length: textRows}, (_, i) => (
				<StyledLine key={i} line={visible[i]} theme={theme} cols={cols} />
			))}
		</Box>
	);
}
