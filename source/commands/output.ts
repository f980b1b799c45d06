// How a subcommand's output is made: lazily, piece by piece, so that the command line can write it with
// backpressure and no output is ever held as one string. Plain text from files goes through the
// terminal sanitiser; JSON is escaped by JSON.stringify and stays exact.

import {sanitize} from '../core/sanitize.js';

/** Exit code (0 results, 1 none, 2 error) and the output, produced as it is written. */
export type Output = {code: 0 | 1 | 2; chunks: Iterable<string>};

export const done = (count: number, chunks: Iterable<string>): Output => ({code: count ? 0 : 1, chunks});

/** A JSON array, one item a chunk, as `JSON.stringify(items, null, 2)` would write it. */
export function* jsonArray<T>(items: Iterable<T>, encode: (item: T) => unknown = x => x): Iterable<string> {
	let first = true;
	for (const item of items) {
		const body = JSON.stringify(encode(item), null, 2).replace(/\n/g, '\n  ');
		yield `${first ? '[\n  ' : ',\n  '}${body}`;
		first = false;
	}
	yield first ? '[]\n' : '\n]\n';
}

/** JSON lines: one item a line, a line a chunk. */
export function* jsonLines<T>(items: Iterable<T>, encode: (item: T) => unknown = x => x): Iterable<string> {
	for (const item of items) yield `${JSON.stringify(encode(item))}\n`;
}

/** Rows as a JSON array, or as JSON lines with `lines`; each row through `encode` if given. */
export const json = <T>(rows: T[], opts: {lines?: boolean; encode?: (item: T) => unknown} = {}): Output =>
	done(rows.length, opts.lines ? jsonLines(rows, opts.encode) : jsonArray(rows, opts.encode));

/** A cell of plain output from a file, a name or the sidecar: one line, controls shown as escapes. */
export const cell = (s: string): string => sanitize(s.replace(/\s+/g, ' '));

/** Columns padded to the widest cell (at most 60), the last left free; a row a chunk. */
export function* table(header: string[], rows: Iterable<string[]>, max = 60): Iterable<string> {
	const all = [header, ...rows].map(r => r.map(cell));
	const widths = header.map((_, i) => Math.min(max, Math.max(...all.map(r => [...r[i]!].length))));
	for (const r of all) {
		yield r
			.map((c, i) => {
				if (i === r.length - 1) return c;
				const chars = [...c];
				return (chars.length > widths[i]! ? chars.slice(0, widths[i]! - 1).join('') + '…' : c).padEnd(widths[i]! + c.length - chars.length);
			})
			.join('  ') + '\n';
	}
}
