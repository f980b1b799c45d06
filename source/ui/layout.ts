// Layout arithmetic, pure: styled text cut into segments by ranges, wrapped by display width (wide
// characters measured, not counted), truncated to a width. No React here.

import stringWidth from 'string-width';
import {sanitize} from '../core/sanitize.js';

export type Role = string;
export type Seg = {text: string; roles: Role[]; start: number};
export type Line = {segs: Seg[]; start: number};
export type Range = {start: number; end: number; role: Role};

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

/** Cut `text[from, to)` into segments, each carrying the roles of the ranges that cover it. */
export function segment(text: string, from: number, to: number, ranges: Range[]): Seg[] {
	const cuts = new Set<number>([from, to]);
	for (const r of ranges) {
		if (r.end <= from || r.start >= to) continue;
		cuts.add(Math.max(from, r.start));
		cuts.add(Math.min(to, r.end));
	}
	const points = [...cuts].sort((a, b) => a - b);
	const out: Seg[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const a = points[i]!;
		const b = points[i + 1]!;
		if (a === b) continue;
		const roles = ranges.filter(r => r.start <= a && r.end >= b).map(r => r.role);
		out.push({text: text.slice(a, b), roles, start: a});
	}
	return out;
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

export function width(s: string): number {
	return stringWidth(s);
}

/**
 * Wrap segments to `cols` display columns. Newlines in the text break lines; words longer than a line
 * are cut by grapheme. Each line records the offset of its first character.
 */
export function wrap(segs: Seg[], cols: number): Line[] {
	const w = Math.max(1, cols);
	const lines: Line[] = [];
	let line: Line = {segs: [], start: segs[0]?.start ?? 0};
	let used = 0;
	const newLine = (start: number) => {
		trimEnd(line);
		lines.push(line);
		line = {segs: [], start};
		used = 0;
	};
	// Where the last segment put on the line ends in the source text (its shown text may be longer: escapes).
	let lastEnd = -1;
	const put = (text: string, roles: Role[], start: number, length = text.length) => {
		const last = line.segs[line.segs.length - 1];
		if (last && last.roles === roles && lastEnd === start) last.text += text;
		else line.segs.push({text, roles, start});
		lastEnd = start + length;
	};
	for (const seg of segs) {
		const re = /\r\n|\r|\n|[^\S\r\n]+|[^\s]+/g;
		for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
			const piece = m[0];
			const at = seg.start + m.index;
			if (piece === '\n' || piece === '\r\n' || piece === '\r') {
				newLine(at + piece.length);
				continue;
			}
			if (/^\s/.test(piece)) {
				if (used === 0 && lines.length > 0 && line.segs.length === 0) continue; // no leading space on a wrapped line
				if (used + 1 > w) {
					newLine(at + piece.length);
					continue;
				}
				put(' ', seg.roles, at);
				used += 1;
				continue;
			}
			// Text from a file reaches the terminal only through the sanitiser: controls shown as escapes.
			const shown = sanitize(piece);
			const pw = width(shown);
			if (used + pw <= w) {
				put(shown, seg.roles, at, piece.length);
				used += pw;
				continue;
			}
			if (pw <= w && used > 0) {
				newLine(at);
				put(shown, seg.roles, at, piece.length);
				used = pw;
				continue;
			}
			// A word longer than the line: cut it by grapheme (offsets approximate inside an escaped word).
			let offset = 0;
			for (const {segment: g} of graphemes.segment(shown)) {
				const gw = width(g);
				const from = at + Math.min(offset, piece.length);
				if (used + gw > w && used > 0) newLine(from);
				put(g, seg.roles, from, shown === piece ? g.length : 0);
				used += gw;
				offset += g.length;
			}
		}
	}
	trimEnd(line);
	lines.push(line);
	return lines;
}

function trimEnd(line: Line) {
	let last = line.segs[line.segs.length - 1];
	while (last && /\s$/.test(last.text)) {
		last.text = last.text.replace(/\s+$/, '');
		if (last.text) break;
		line.segs.pop();
		last = line.segs[line.segs.length - 1];
	}
}

/** The index of the line that holds offset `at` (the last line starting at or before it). */
export function lineOf(lines: Line[], at: number): number {
	let lo = 0;
	let hi = lines.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (lines[mid]!.start <= at) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** Cut a string to at most `cols` display columns, with an ellipsis when cut; pad to exactly `cols` if asked. */
export function fit(s: string, cols: number, pad = false): string {
	// One line: tabs and line ends become spaces; any other control is shown as an escape.
	const flat = sanitize(s.replace(/[\r\n\t]+/g, ' '));
	if (cols <= 0) return '';
	let out = '';
	let used = 0;
	const total = width(flat);
	if (total <= cols) return pad ? flat + ' '.repeat(cols - total) : flat;
	for (const {segment: g} of graphemes.segment(flat)) {
		const gw = width(g);
		if (used + gw > cols - 1) break;
		out += g;
		used += gw;
	}
	out += '…';
	used += 1;
	return pad ? out + ' '.repeat(Math.max(0, cols - used)) : out;
}

/** Visible window of a list: the first row to draw so that `cursor` stays on screen. */
export function windowStart(cursor: number, length: number, rows: number): number {
	if (length <= rows) return 0;
	const half = Math.floor(rows / 2);
	return Math.max(0, Math.min(length - rows, cursor - half));
}

/**
 * Sizes of the compare view in `rows` lines: a summary line, column titles, the two columns, a line of
 * "more" marks, the table header, the table, and one line for a note under the table.
 */
export function compareLayout(
	cols: number,
	rows: number,
	figureRows: number,
	textLines = Number.POSITIVE_INFINITY,
): {colWidth: number; textRows: number; tableRows: number} {
	const colWidth = Math.max(10, Math.floor((cols - 3) / 2));
	const avail = Math.max(4, rows - 5);
	// The table gets what the text does not need, and at least a third of the room when both are long.
	const tableRows = Math.min(figureRows, Math.max(2, avail - textLines, Math.floor(avail / 3)));
	return {colWidth, textRows: Math.max(2, Math.min(textLines, avail - tableRows)), tableRows};
}
