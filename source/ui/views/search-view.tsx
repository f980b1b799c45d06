// The search: the query with its caret, then the hits, two lines each (where, and the text around the
// match). With nothing typed yet, the forms a query can take.

import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import type {Hit} from '../../core/search.js';
import type {SearchFrame} from '../../state/app-state.js';
import {follow} from '../../state/list.js';
import type {Model} from '../../state/model.js';
import {Row, StyledLine, TypedLine} from '../components.js';
import {searchRows, SEARCH_LIMIT} from '../controller.js';
import {fit, segment, wrap, type Line} from '../layout.js';
import type {Theme} from '../theme.js';

export const QUERY_FORMS: [string, string][] = [
	['words', 'fuzzy, every word must match (typos welcome)'],
	['"a phrase"', 'these words in this order'],
	['Tianwen 2', 'one-letter words and numbers match whole words'],
	['source:cgtn', 'only sources whose file name or publisher has this'],
	['>1 billion  17%  <$5m', 'passages stating such a figure (>, <, >=, <=)'],
];

export function SearchView({
	model,
	theme,
	cols,
	rows,
	frame,
	hits,
	indexing,
}: {
	model: Model;
	theme: Theme;
	cols: number;
	rows: number;
	frame: SearchFrame;
	hits: Hit[];
	indexing?: boolean;
}) {
	const listRows = searchRows(rows);
	const top = follow(frame.list.top, frame.list.cursor, listRows, hits.length);
	const shown = hits.slice(top, top + listRows);
	const typed = frame.query.text.trim() !== '';
	const count = indexing
		? 'indexing the corpus…'
		: typed
			? `${hits.length}${hits.length >= SEARCH_LIMIT ? '+' : ''} result${hits.length === 1 ? '' : 's'}`
			: 'type to search passages and titles';
	const lines: ReactNode[] = [];
	if (!typed) {
		lines.push(<Row key="h" text="  A query is words, and any of:" cols={cols} theme={theme} tone="dim" />);
		for (const [form, what] of QUERY_FORMS)
			lines.push(<Row key={form} text={`    ${form.padEnd(24)}${what}`} cols={cols} theme={theme} tone="dim" />);
	}
	shown.forEach((h, i) => {
		const selected = top + i === frame.list.cursor;
		const title = model.byId.get(h.source)?.title ?? h.source;
		lines.push(
			<Text key={`t${i}`} wrap="truncate" {...(selected ? theme.roles.selected : theme.roles.dim)}>
				{fit(`${selected ? '›' : ' '} ${model.short.get(h.source) ?? h.source} · ${title} · ${h.score.toFixed(2)}`, cols, true)}
			</Text>,
			<StyledLine key={`s${i}`} line={snippet(h, cols - 4)} theme={theme} cols={cols} />,
		);
	});
	const body = rows - 1;
	return (
		<Box flexDirection="column" height={rows}>
			<TypedLine
				prompt={frame.focus === 'query' ? '/ ' : '  '}
				line={frame.query}
				cols={cols}
				theme={theme}
				after={`  ${count}${frame.focus === 'results' ? ' · Tab: back to the query' : ''}`}
			/>
			{lines.slice(0, body)}
			{Array.from({length: Math.max(0, body - lines.length)}, (_, i) => (
				<Row key={`e${i}`} text="" cols={cols} theme={theme} />
			))}
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
