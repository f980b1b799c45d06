// Pathological inputs: long runs of one class of character, the shape that makes a backtracking regular
// expression take time quadratic in the run. Shared by `npm run bench` (part `hostile`, below) and
// test/hostile/pathological.test.ts.

import {buildSource} from '../source/core/source.js';

/** Every ASCII punctuation character. */
export const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

export type Pathological = {name: string; text: string};

/** `unit` repeated to about `size` characters. */
const run = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

/**
 * The input classes, each about `size` characters: runs of every punctuation character (alone, before a
 * letter, between letters, between spaces), digits with and without separators, and whitespace.
 */
export function pathologicalInputs(size: number): Pathological[] {
	const out: Pathological[] = [];
	for (const p of PUNCTUATION) {
		out.push({name: `${p} run`, text: run(p, size)});
		out.push({name: `${p} run, then a letter`, text: `${run(p, size)}a`});
		out.push({name: `${p} between letters`, text: run(`a${p}`, size)});
		out.push({name: `${p} between spaces`, text: run(`${p} `, size)});
	}
	out.push(
		{name: 'digits', text: run('7', size)},
		{name: 'digits, then a space', text: `${run('7', size)} x`},
		{name: 'digits with commas', text: run('1,', size)},
		{name: 'digits with full stops', text: run('1.', size)},
		{name: 'digits with spaces', text: run('1 ', size)},
		{name: 'thousands (1,000,)', text: run('1,000,', size)},
		{name: 'decimals (1.5.)', text: run('1.5.', size)},
		{name: 'percentages (5% )', text: run('5% ', size)},
		{name: 'money ($1 )', text: run('$1 ', size)},
		{name: 'dates (2026-01-)', text: run('2026-01-', size)},
		{name: 'spaces', text: run(' ', size)},
		{name: 'spaces, then a letter', text: `x${run(' ', size)}x`},
		{name: 'tabs', text: `x${run('\t', size)}x`},
		{name: 'line feeds', text: `x${run('\n', size)}x`},
		{name: 'CRLF', text: `x${run('\r\n', size)}x`},
		{name: 'lone CR', text: `x${run('\r', size)}x`},
		{name: 'no-break spaces', text: `x${run('\u00a0', size)}x`},
		{name: 'spaces and tabs', text: `x${run(' \t', size)}x`},
		{name: 'letters', text: run('a', size)},
		{name: 'capitals and full stops (A.)', text: run('A.', size)},
		{name: 'words and full stops (Mr. )', text: run('Mr. ', size)},
		{name: 'heading marks (# )', text: run('# ', size)},
		{name: 'bold marks (**)', text: run('**a', size)},
		{name: 'entities (&#)', text: run('&#', size)},
		{name: 'tags without end (<a )', text: run('<a ', size)},
		{name: 'scripts without end', text: run('<script>', size)},
		{name: 'comments without end', text: run('<!--', size)},
		{name: 'mojibake (Ã©)', text: run('Ã©', size)},
	);
	return out;
}

export type ClassTiming = {
	name: string;
	/** Milliseconds through buildSource, by input size in characters, as text and as HTML. */
	txt_ms: Record<number, number>;
	html_ms: Record<number, number>;
	/** Growth of the time between the two largest sizes measured: 1 is linear, 2 quadratic. */
	exponent: number | null;
	/** Largest size measured. */
	largest: number;
	/** Stopped before the target size: its growth would have taken it over a minute there. */
	stopped: boolean;
};

/**
 * Each input class through the whole pipeline (buildSource, as .txt and .html) at sizes doubling up to
 * `target` characters from 1/128 of it, stopping early for a class whose growth would take it over a
 * minute at `target` (a super-linear class would take hours at 1 MB). Slowest first, by the time at
 * `target` (measured, or extrapolated by the growth measured).
 */
export function timePathological(target = 1_000_000): ClassTiming[] {
	const sizes = [128, 64, 32, 16, 8, 4, 2, 1].map(d => Math.round(target / d));
	const out: ClassTiming[] = [];
	const names = pathologicalInputs(16).map(p => p.name);
	for (const [i, name] of names.entries()) {
		const t: ClassTiming = {name, txt_ms: {}, html_ms: {}, exponent: null, largest: 0, stopped: false};
		const slowest = (n: number) => Math.max(1, t.txt_ms[n]!, t.html_ms[n]!);
		let previous = 0;
		// Warm up untimed: the first calls of a class run before the JIT has compiled its paths, and a
		// slow small size read against a fast larger one would fool the growth measure.
		const warm = Buffer.from(pathologicalInputs(sizes[0]!)[i]!.text);
		for (let k = 0; k < 3; k++) for (const ext of ['txt', 'html']) buildSource(`x.${ext}`, warm);
		for (const n of sizes) {
			const bytes = Buffer.from(pathologicalInputs(n)[i]!.text);
			for (const [ext, into] of [
				['txt', t.txt_ms],
				['html', t.html_ms],
			] as const) {
				const t0 = performance.now();
				buildSource(`x.${ext}`, bytes);
				into[n] = Math.round(performance.now() - t0);
			}
			t.largest = n;
			if (previous) t.exponent = Math.round((Math.log(slowest(n) / slowest(previous)) / Math.log(n / previous)) * 100) / 100;
			previous = n;
			// Past 100 ms, stop a class whose growth would take it over a minute at the target size.
			if (n < target && t.exponent !== null && slowest(n) > 100 && slowest(n) * (target / n) ** (t.exponent ?? 1) > 60_000) {
				t.stopped = true;
				break;
			}
		}
		out.push(t);
	}
	const at = (c: ClassTiming) => Math.max(c.txt_ms[c.largest]!, c.html_ms[c.largest]!) * (target / c.largest) ** (c.exponent ?? 1);
	return out.sort((x, y) => at(y) - at(x));
}
