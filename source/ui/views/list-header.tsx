// The first line of a list view: its title, size, sort and filter; or, while the filter is typed, the
// filter with its caret and how many rows match.

import type {ListState} from '../../state/app-state.js';
import {SORT_LABELS, sortArrow, type AnySort} from '../../state/model.js';
import {Row, TypedLine} from '../components.js';
import type {Theme} from '../theme.js';

export function ListHeader({
	title,
	frame,
	shown,
	total,
	cols,
	theme,
	extra = '',
}: {
	title: string;
	frame: ListState<AnySort>;
	shown: number;
	total: number;
	cols: number;
	theme: Theme;
	extra?: string;
}) {
	const count = shown === total ? `${total}` : `${shown} of ${total}`;
	if (frame.typing)
		return <TypedLine prompt="/ " line={frame.filter} cols={cols} theme={theme} after={`  ${count} match · Enter keeps · Esc clears`} />;
	const filter = frame.filter.text ? ` · filter "${frame.filter.text}" (Esc clears)` : '';
	const sort = `sort: ${SORT_LABELS[frame.sort]} ${sortArrow(frame.sort, frame.reverse)}`;
	return <Row text={`${title} · ${count}${extra} · ${sort}${filter}`} cols={cols} theme={theme} tone="title" />;
}
