// The short menus (sort, export, kind of figure): their items, from the view they open on. Pure data;
// the menu component draws them and the controller acts on the choice.

import {FIGURE_KINDS, type FigureKind} from '../core/figures.js';
import {current, type MenuKind, type ReportFormat, type ReportScope, type State} from '../state/app-state.js';
import {type AnySort, FAMILY_SORTS, LEDGER_SORTS, SORT_LABELS, SOURCE_SORTS} from '../state/model.js';

export type MenuItem =
	| {label: string; type: 'sort'; sort: AnySort}
	| {label: string; type: 'kind'; kind: FigureKind | null}
	| {label: string; type: 'export'; scope: ReportScope; format: ReportFormat};

export const MENU_TITLES: Record<MenuKind, string> = {sort: 'Sort by', export: 'Export a report', kind: 'Show figures of kind'};

/** What the export menu offers on a view: what is on screen, then the whole corpus. */
export function exportScopes(state: State, at: {source?: string; family?: number | null}): {label: string; scope: ReportScope}[] {
	const f = current(state);
	const out: {label: string; scope: ReportScope}[] = [];
	if (f.view === 'compare') out.push({label: 'this pair', scope: {kind: 'pair', source: f.source, index: f.index}});
	if (at.family !== undefined && at.family !== null) out.push({label: 'this family', scope: {kind: 'family', id: at.family}});
	if (at.source) out.push({label: 'this source', scope: {kind: 'source', source: at.source}});
	out.push({label: 'the whole corpus', scope: {kind: 'corpus'}});
	return out;
}

export function menuItems(state: State, kind: MenuKind, at: {source?: string; family?: number | null}): MenuItem[] {
	const f = current(state);
	if (kind === 'sort') {
		const sorts: AnySort[] = f.view === 'families' ? FAMILY_SORTS : f.view === 'figures' ? LEDGER_SORTS : SOURCE_SORTS;
		return sorts.map(sort => ({label: SORT_LABELS[sort], type: 'sort', sort}));
	}
	if (kind === 'kind') return [null, ...FIGURE_KINDS].map(k => ({label: k ?? 'all kinds', type: 'kind', kind: k}));
	return exportScopes(state, at).flatMap(({label, scope}) => [
		{label: `${label} as Markdown`, type: 'export' as const, scope, format: 'md' as const},
		{label: `${label} as HTML`, type: 'export' as const, scope, format: 'html' as const},
	]);
}
