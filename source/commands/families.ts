// `churnscope families`: one passage and every copy of it, most carried first. JSON uses passim's names
// where passim's clusters name the same thing (README, "Families and passim"): `cluster` for the family,
// `size` for its members, and for each member `uid`, `id` (the source), `begin` and `end`.

import type {Analysis} from '../core/analysis.js';
import type {Figure} from '../core/figures.js';
import type {Family} from '../core/types.js';
import {cell, done, json, table, type Output} from './output.js';

export type FamiliesOptions = {json: boolean; minReach?: number; source?: string};

export function families(an: Analysis, opts: FamiliesOptions): Output {
	const selected = an.families.filter(
		f => f.reach.sources >= (opts.minReach ?? 2) && (!opts.source || f.members.some(m => m.source === opts.source)),
	);
	if (opts.json) return json(selected, familyJson);
	return done(
		selected.length,
		table(
			['FAMILY', 'REACH', 'SITES', 'ORIGIN', 'DATES', 'PASSAGE'],
			selected.map(f => {
				const o = f.members[f.origin]!;
				return [`#${f.id}`, String(f.reach.sources), String(f.reach.publishers), o.source, span(f), firstWords(o.text, 12)];
			}),
		),
	);
}

function span(f: Family): string {
	if (!f.first) return '—';
	return f.first === f.last ? f.first : `${f.first} … ${f.last}`;
}

function firstWords(text: string, n: number): string {
	const words = cell(text).split(' ');
	return words.length > n ? `${words.slice(0, n).join(' ')} …` : words.join(' ');
}

const figureJson = (f: Figure) => ({
	begin: f.start,
	end: f.end,
	text: f.text,
	kind: f.kind,
	value: f.value,
	unit: f.unit,
	qualifier: f.qualifier,
});

/** A family as JSON, with passim's names where they coincide. */
export function familyJson(f: Family) {
	const o = f.members[f.origin]!;
	return {
		cluster: f.id,
		size: f.members.length,
		reach: f.reach,
		origin: {id: o.source, begin: o.start, end: o.end, date: o.date, publisher: o.publisher},
		first: f.first,
		last: f.last,
		publishers: [...new Set(f.members.map(m => m.publisher).filter((p): p is string => p !== null))],
		text: o.text,
		members: f.members.map((m, i) => ({
			uid: `${f.id}:${i}`,
			id: m.source,
			begin: m.start,
			end: m.end,
			origin: i === f.origin,
			date: m.date,
			publisher: m.publisher,
			kind: m.kind,
			similarity: m.similarity,
			slots: m.slots,
			text: m.text,
		})),
		figures: {
			rows: f.figures.rows.map(r => ({
				figure: figureJson(r.figure),
				cells: r.cells.map((c, i) => ({id: f.members[i]!.source, status: c.status, figure: c.figure && figureJson(c.figure)})),
			})),
			added: f.figures.added.map(a => ({id: f.members[a.member]!.source, figure: figureJson(a.figure)})),
		},
	};
}
