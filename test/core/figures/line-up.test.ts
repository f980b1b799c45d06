import {describe, expect, it} from 'vitest';
import {extractFigures, type Figure, lineUp} from '../../../source/core/figures.js';

/** Figures of each sentence, numbered in order. */
const side = (...sentences: string[]): (Figure & {sentence: number})[] =>
	sentences.flatMap((s, i) => extractFigures(s, 0, s.length, {language: 'en'}).map(f => ({...f, sentence: i})));
const show = (rows: ReturnType<typeof lineUp>) => rows.map(r => `${r.status}:${r.a?.text ?? ''}|${r.b?.text ?? ''}`);

describe('lining figures up by what they measure', () => {
	it('never lines up equal values that count different things', () => {
		const rows = lineUp(side('The park had 3 million visitors.'), side('The park cost 3 million yuan.'));
		expect(show(rows)).toEqual(['missing:3 million|', 'added:|3 million yuan']);
	});
	it('tells a hedge added, dropped or changed from a changed value', () => {
		const rows = lineUp(
			side('Exports reached about $142 billion, up 5 percent, with 129 people employed.'),
			side('Exports reached $142bn, up more than 5 percent, with 157 people employed.'),
		);
		expect(show(rows)).toEqual(['hedged:$142 billion|$142bn', 'hedged:5 percent|5 percent', 'changed:129|157']);
	});
	it('pairs figures only within aligned sentences when alignments are given', () => {
		const a = side('The toll rose to 128 people.', 'Some 500 homes were destroyed.');
		const b = side('Some 500 homes were destroyed.', 'The toll rose to 157 people.');
		expect(
			show(
				lineUp(a, b, [
					[0, 1],
					[1, 0],
				]),
			),
		).toEqual(['changed:128|157', 'same:500|500']);
		// Without its sentence aligned, a figure meets only an equal one left over elsewhere (moved, the same).
		expect(show(lineUp(a, b, [[0, 0]]))).toEqual(['missing:128|', 'same:500|500', 'added:|157']);
		expect(show(lineUp(side('The toll rose to 128 people.'), side('The toll rose to 157 people.'), []))).toEqual([
			'missing:128|',
			'added:|157',
		]);
	});
	it('lines up counts of people under different nouns, and measurements in different units', () => {
		const rows = lineUp(
			side('At least 25 passengers died in a 300m-deep gorge.'),
			side('At least 32 people died in a 500-metre-deep gorge.'),
		);
		expect(show(rows)).toEqual(['changed:25|32', 'changed:300|500']);
	});
	it('takes a year-less period for the same as one with its year', () => {
		const rows = lineUp(side('Trade grew in the first half of 2023.'), side('Trade grew in the first half.'));
		expect(rows[0]!.status).toBe('same');
	});
});
