// What carrying out a request for the outside world takes, worked out from the model: the text to copy,
// the file and line to open, the report to write. Pure; the app hands the plan to its I/O.

import {join} from 'node:path';
import type {ReportTarget} from '../core/report.js';
import type {Effect, ReportScope} from '../state/app-state.js';
import {familyById, readerPairs, type Model} from '../state/model.js';

export type OpenPlan = {
	program: 'pager' | 'editor';
	/** The file to open: the source itself, or (for HTML, whose offsets are into the extracted text) a copy of the text. */
	path: string;
	/** The text to write to a temporary file and open instead of `path`, when the file's own lines are not the text's. */
	text: string | null;
	line: number;
	source: string;
};
export type Plan =
	| {type: 'copy'; text: string; what: string}
	| {type: 'open'; open: OpenPlan}
	| {type: 'export'; target: ReportTarget; format: 'md' | 'html'; name: string; what: string}
	| {type: 'fail'; message: string};

/** The 1-based line of `offset` in `text` (CRLF, LF and a lone CR each end a line). */
export function lineAt(text: string, offset: number): number {
	let line = 1;
	const end = Math.min(offset, text.length);
	for (let i = 0; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
	}
	return line;
}

/** The report target a scope names, or why there is none. */
export function targetOf(model: Model, scope: ReportScope): ReportTarget | string {
	if (!model.analysis) return 'the reuse analysis is still running';
	switch (scope.kind) {
		case 'pair': {
			const pair = readerPairs(model, scope.source)[scope.index];
			return pair ? {kind: 'pair', pair} : 'that pair is no longer listed';
		}
		case 'family': {
			const family = familyById(model, scope.id);
			return family ? {kind: 'family', family} : 'that family is no longer listed';
		}
		case 'source':
			return {kind: 'source', source: scope.source};
		case 'corpus':
			return {kind: 'corpus'};
	}
}

const slug = (s: string) =>
	s
		.replace(/\.[^.]+$/, '')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40) || 'corpus';

/** A file name for a report: what it covers and when, e.g. `churnscope-pair-000-20260205-101500.md`. */
export function reportName(scope: ReportScope, format: 'md' | 'html', now: Date): string {
	const what =
		scope.kind === 'pair'
			? `pair-${slug(scope.source)}-${scope.index + 1}`
			: scope.kind === 'family'
				? `family-${scope.id}`
				: scope.kind === 'source'
					? `source-${slug(scope.source)}`
					: 'corpus';
	const p = (n: number) => String(n).padStart(2, '0');
	const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
	return `churnscope-${what}-${stamp}.${format}`;
}

export function planEffect(effect: Effect, model: Model, now: Date): Plan {
	switch (effect.type) {
		case 'copy':
			return {type: 'copy', text: effect.text, what: effect.what};
		case 'open': {
			const src = model.byId.get(effect.source);
			if (!src) return {type: 'fail', message: `no source ${effect.source}`};
			const extracted = /\.html?$/i.test(src.id);
			return {
				type: 'open',
				open: {
					program: effect.program,
					path: join(model.corpus.dir, src.id),
					text: extracted ? src.text : null,
					line: lineAt(src.text, effect.offset),
					source: src.id,
				},
			};
		}
		case 'export': {
			const target = targetOf(model, effect.scope);
			if (typeof target === 'string') return {type: 'fail', message: target};
			const what = target.kind === 'family' ? `family ${target.family.id}` : target.kind === 'corpus' ? 'the corpus' : `the ${target.kind}`;
			return {type: 'export', target, format: effect.format, name: reportName(effect.scope, effect.format, now), what};
		}
	}
}
