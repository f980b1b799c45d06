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

/**
 * Characters one column wide for certain: printable ASCII and Latin-1, general punctuation (dashes,
 * quotes, …), arrows, box drawing, blocks and geometric shapes, which is most of what is drawn; anything
 * else (CJK, emoji, combining marks, Hangul) is measured by string-width.
 */
const NARROW = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u202f-\u205f\u2190-\u21ff\u2500-\u25fc]*$/;

export function width(s: string): number {
	return NARROW.test(s) ? s.length : stringWidth(s);
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

/** Cut a string to `cols` columns by taking out its middle (file names differ at both ends); pad if asked. */
export function fitMiddle(s: string, cols: number, pad = false): string {
	const flat = fit(s, Number.MAX_SAFE_INTEGER);
	const total = width(flat);
	if (total <= cols) return pad ? flat + ' '.repeat(Math.max(0, cols - total)) : flat;
	if (cols <= 3) return fit(flat, cols, pad);
	const parts = [...graphemes.segment(flat)].map(g => g.segment);
	const keep = cols - 1;
	const head = Math.ceil(keep / 2);
	let left = '';
	let used = 0;
	for (const g of parts) {
		if (used + width(g) > head) break;
		left += g;
		used += width(g);
	}
	let right = '';
	let rused = 0;
	for (let i = parts.length - 1; i >= 0; i--) {
		const g = parts[i]!;
		if (used + rused + width(g) > keep) break;
		right = g + right;
		rused += width(g);
	}
	const out = `${left}…${right}`;
	return pad ? out + ' '.repeat(Math.max(0, cols - width(out))) : out;
}

/** Visible window of a list: the first row to draw so that `cursor` stays on screen (the cursor kept mid-screen). */
export function windowStart(cursor: number, length: number, rows: number): number {
	if (length <= rows) return 0;
	const half = Math.floor(rows / 2);
	return Math.max(0, Math.min(length - rows, cursor - half));
}

// ---------- columns that drop rather than break

export type ColumnSpec<K extends string> = {
	key: K;
	/** Narrowest useful width; a column that cannot have it is dropped. */
	min: number;
	/** Width it grows to before the flexible column takes the rest. */
	ideal: number;
	/** Lower numbers are kept longer when the terminal is narrow. */
	priority: number;
	/** The column that takes whatever room is left (at most one). */
	flex?: boolean;
	/** Grows to its ideal width before the others share the room (a file name, which must read whole). */
	eager?: boolean;
};
export type Column<K extends string> = {key: K; width: number};

/**
 * Widths of the columns that fit in `cols`, separated by one space, in the order given: the columns of
 * lowest priority are dropped until the rest fit at their minimum; then eager columns grow to their
 * ideal width, the room left is shared among the others in proportion to how far each is from its
 * ideal, and what is left after every column has its ideal goes to the flexible one.
 */
export function fitColumns<K extends string>(cols: number, specs: ColumnSpec<K>[]): Column<K>[] {
	const kept = [...specs];
	const need = (list: ColumnSpec<K>[]) => list.reduce((t, c) => t + c.min, 0) + Math.max(0, list.length - 1);
	while (kept.length > 1 && need(kept) > cols) {
		const worst = kept.reduce((w, c) => (c.priority > w.priority ? c : w));
		kept.splice(kept.indexOf(worst), 1);
	}
	const widths = new Map(kept.map(c => [c.key, c.min]));
	let room = Math.max(0, cols - need(kept));
	for (const c of kept) {
		if (!c.eager) continue;
		const grow = Math.min(room, Math.max(0, c.ideal - c.min));
		widths.set(c.key, c.min + grow);
		room -= grow;
	}
	const wants = kept.map(c => (c.eager ? 0 : Math.max(0, c.ideal - c.min)));
	const wanted = wants.reduce((t, w) => t + w, 0);
	if (wanted <= room) {
		for (const [i, c] of kept.entries()) widths.set(c.key, widths.get(c.key)! + wants[i]!);
		room -= wanted;
		const flex = kept.find(c => c.flex);
		if (flex) widths.set(flex.key, widths.get(flex.key)! + room);
	} else {
		const share = kept.map((_, i) => Math.floor((room * wants[i]!) / wanted));
		for (const [i, c] of kept.entries()) widths.set(c.key, widths.get(c.key)! + share[i]!);
		let left = room - share.reduce((t, x) => t + x, 0);
		// What rounding left over goes to the columns that still want it, most important first.
		for (const i of kept.map((_, i) => i).sort((x, y) => kept[x]!.priority - kept[y]!.priority)) {
			if (left <= 0) break;
			if (share[i]! < wants[i]!) {
				widths.set(kept[i]!.key, widths.get(kept[i]!.key)! + 1);
				left--;
			}
		}
	}
	return kept.map(c => ({key: c.key, width: Math.max(1, Math.min(widths.get(c.key)!, cols))}));
}

/** One row of cells laid out by `fitColumns`: each cell cut or padded to its column, right-aligned where asked. */
export function row<K extends string>(columns: Column<K>[], cells: Partial<Record<K, string>>, right: readonly K[] = []): string {
	return columns
		.map(c => {
			const text = cells[c.key] ?? '';
			if (!right.includes(c.key)) return fit(text, c.width, true);
			const f = fit(text, c.width);
			return ' '.repeat(Math.max(0, c.width - width(f))) + f;
		})
		.join(' ');
}

// ---------- view layouts: how many rows each part of a view gets, in `rows` rows

/** The rows of a list view: a title line, a header line, then the list. */
export function listLayout(rows: number): {listRows: number} {
	return {listRows: Math.max(1, rows - 2)};
}

/** The reader: a title line, a legend line when the source shares text, then the text. */
export function readerLayout(rows: number, legend: boolean): {textRows: number} {
	return {textRows: Math.max(1, rows - 1 - (legend ? 1 : 0))};
}

/**
 * The compare view in `rows` lines: a summary line, the column titles, the lined-up text, a legend line,
 * the figures table's header and its rows. The table gets what the text does not need, and at least a
 * third of the room when both are long; the text always fills its part, so the frame is exactly `rows`.
 */
export function compareLayout(
	cols: number,
	rows: number,
	figureRows: number,
	textLines = Number.POSITIVE_INFINITY,
): {colWidth: number; textRows: number; tableRows: number} {
	const colWidth = Math.max(8, Math.floor((cols - 3) / 2));
	const avail = Math.max(2, rows - 4);
	const tableRows = Math.max(0, Math.min(figureRows, Math.max(1, avail - textLines, Math.floor(avail / 3)), avail - 1));
	return {colWidth, textRows: Math.max(1, avail - tableRows), tableRows};
}

/**
 * One family in `rows` lines: a title, the origin's first words, the members' header and rows, the
 * figure matrix's header and rows, and a legend line.
 */
export function familyLayout(rows: number, members: number, figureRows: number): {memberRows: number; matrixRows: number} {
	const avail = Math.max(2, rows - 5);
	const matrixRows = Math.max(0, Math.min(figureRows, Math.max(1, avail - members, Math.floor(avail / 3)), avail - 1));
	return {memberRows: Math.max(1, avail - matrixRows), matrixRows};
}

// ---------- a date axis

/** Days since 1970 of the first and last day a date names (`2026`, `2026-02`, `2026-02-05`); null when it is not a date. */
export function dateSpan(date: string | null): [number, number] | null {
	const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
	if (!m) return null;
	const y = Number(m[1]);
	const day = (yy: number, mm: number, dd: number) => Math.floor(Date.UTC(yy, mm, dd) / 86_400_000);
	if (m[3]) {
		const d = day(y, Number(m[2]) - 1, Number(m[3]));
		return [d, d];
	}
	if (m[2]) return [day(y, Number(m[2]) - 1, 1), day(y, Number(m[2]), 0)];
	return [day(y, 0, 1), day(y, 11, 31)];
}

/**
 * A member's cell on a timeline `cols` wide spanning the days [from, to]: `─` for the axis, `●` where a
 * dated member falls (then `━` on across a partial date's month or year), `◆` for the origin; an
 * undated member gets a `?` and no axis.
 */
export function timelineCell(span: [number, number] | null, from: number, to: number, cols: number, origin: boolean): string {
	const w = Math.max(1, cols);
	if (!span) return fit('?', w, true);
	const range = Math.max(1, to - from);
	const at = (d: number) => Math.max(0, Math.min(w - 1, Math.round(((d - from) / range) * (w - 1))));
	const a = at(span[0]);
	const b = at(span[1]);
	const mark = origin ? '◆' : '●';
	let out = '';
	for (let i = 0; i < w; i++) out += i === a ? mark : i > a && i <= b ? '━' : '─';
	return out;
}

/** The axis line above a timeline: the first date at the left, the last at the right. */
export function axisLabel(first: string, last: string, cols: number): string {
	if (first === last || width(first) + width(last) + 1 > cols) return fit(first, cols, true);
	return first + ' '.repeat(cols - width(first) - width(last)) + last;
}
