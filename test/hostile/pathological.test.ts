// Super-linear regular expressions: 1 MB runs of every ASCII punctuation character, digits with
// separators and whitespace, as text and as HTML, through the whole pipeline (buildSource) and through the
// command line. Each used to be able to freeze the tool (a 100 KB run of `<` took minutes in the HTML
// extractor, one of `!` before a letter in sentence splitting, one of digits in a boilerplate pattern);
// the timeouts are generous, not a measure: `npm run bench -- --only hostile` prints the times.
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {pathologicalInputs} from '../../bench/pathological.js';
import {htmlToText} from '../../source/core/html.js';
import {buildSource, FIGURE_SENTENCE_CHARS, inferMeta} from '../../source/core/source.js';
import {CLI, makeCorpus} from '../helpers.js';

const inputs = pathologicalInputs;

/** `a === b` without printing a megabyte when they differ. */
const same = (a: string, b: string, what: string) =>
	expect(a === b, `${what}: ${a.length} characters, expected ${b.length}; starts ${JSON.stringify(a.slice(0, 60))}`).toBe(true);

/** Classes that HTML treats apart (markup, entities, whitespace): these also go through the pipeline as pages. */
const MARKUP = /^[<>&!/-] |tags|scripts|comments|entities|spaces|tabs|line feeds|CR/;

describe('pathological runs', () => {
	it('go through the whole pipeline, as text, and as HTML where markup matters', () => {
		for (const {name, text} of inputs(1_000_000)) {
			for (const id of MARKUP.test(name) ? ['x.txt', 'x.html'] : ['x.txt']) {
				const s = buildSource(id, Buffer.from(text));
				expect(s.text.length, `${name} ${id}`).toBeLessThanOrEqual(text.length);
			}
		}
	}, 600_000);

	it('leave the HTML extractor linear: tags, scripts and comments without an end, runs of spaces', () => {
		const n = 1_000_000;
		for (const {name, text} of pathologicalInputs(n)) expect(htmlToText(text).length, name).toBeLessThanOrEqual(text.length);
		same(htmlToText('<'.repeat(n)), '<'.repeat(n), '<');
		same(htmlToText(`<p>${'<a '.repeat(n / 3)}`), '<a '.repeat(n / 3).trim(), '<a');
		same(htmlToText(`x${' '.repeat(n)}y\n`), `x${' '.repeat(n)}y`, 'spaces');
		same(htmlToText(`<p>a${' \t'.repeat(n / 2)}\nb</p>`), 'a\nb', 'spaces and tabs');
		same(htmlToText('<script>'.repeat(n / 8)), '', 'scripts');
		same(htmlToText(`keep<!--${'<!--'.repeat(n / 4)}`), 'keep', 'comments');
		same(htmlToText('<script>a</script>b<script>c'.repeat(n / 30)), `${'b'.repeat(n / 30)}c`, 'scripts that end');
		same(htmlToText('&#'.repeat(n / 2) + '&#65;'), '&#'.repeat(n / 2) + 'A', 'entities');
	}, 60_000);

	it('leave metadata inference linear', () => {
		const n = 1_000_000;
		for (const text of [
			'1' + ' '.repeat(n),
			`# ${' '.repeat(n)}`,
			'January ' + ' '.repeat(n),
			'https:'.repeat(n / 6),
			'â€'.repeat(n / 2),
		]) {
			expect(inferMeta(text, 'x.txt').title.length).toBeLessThanOrEqual(200);
		}
	}, 60_000);

	it('go through every command of the command line', () => {
		const files: Record<string, string> = {};
		for (const [i, {name, text}] of inputs(100_000).entries()) {
			files[`t${i}.txt`] = text;
			if (MARKUP.test(name)) files[`h${i}.html`] = text;
		}
		const dir = makeCorpus(files);
		for (const args of [['sources', '--json'], ['pairs'], ['figures', '--kind', 'percent'], ['search', 'harbour']]) {
			const r = spawnSync(process.execPath, [CLI, ...args, '--corpus', dir], {encoding: 'utf8', maxBuffer: 1 << 30, timeout: 300_000});
			expect(r.status, `${args.join(' ')}: ${r.error ?? r.stderr.slice(-500)}`).not.toBeNull();
			expect(r.status, args.join(' ')).toBeLessThan(2);
		}
	}, 600_000);
});

describe('figures in an overlong sentence', () => {
	it('are read in its first FIGURE_SENTENCE_CHARS characters only, with a warning, and no number is cut', () => {
		const dump = '12345 '.repeat(FIGURE_SENTENCE_CHARS); // one "sentence" six times the cap
		const s = buildSource('x.txt', Buffer.from(`In 2024, 7 ports opened. ${dump}`));
		const inDump = s.figures.filter(f => f.sentence === 1);
		expect(inDump.length).toBeGreaterThan(0);
		expect(inDump.length).toBeLessThanOrEqual(FIGURE_SENTENCE_CHARS / 6);
		expect(inDump.every(f => f.text === '12345')).toBe(true);
		expect(s.figures.some(f => f.sentence === 0 && f.value === 7)).toBe(true);
		expect(s.warnings.some(w => /figures read only in the first 5,000 characters of 1 overlong sentence/.test(w))).toBe(true);
	});

	it('are all read in a sentence under the cap, with no warning', () => {
		const text = `Exports rose ${Array.from({length: 400}, (_, i) => `${i + 1}%`).join(', ')}.`;
		expect(text.length).toBeLessThan(FIGURE_SENTENCE_CHARS);
		const s = buildSource('x.txt', Buffer.from(text));
		expect(s.figures.filter(f => f.kind === 'percent').length).toBe(400);
		expect(s.warnings).toEqual([]);
	});
});
