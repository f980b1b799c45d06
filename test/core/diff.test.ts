import {describe, expect, it} from 'vitest';
import {wordDiff} from '../../source/core/diff.js';

const words = (text: string, ranges: [number, number][]) => ranges.map(([a, b]) => text.slice(a, b));

describe('wordDiff', () => {
	it('finds nothing between the same words, whatever their case, quotes, dashes and spaces', () => {
		expect(wordDiff('The “port” – a hub', 'the "port" - a  hub')).toEqual({onlyA: [], onlyB: []});
		expect(wordDiff('', '')).toEqual({onlyA: [], onlyB: []});
	});
	it('marks the words found on one side only, as offsets into that side', () => {
		const a = 'The terminal will cost 4.2 billion euros next year.';
		const b = 'The new terminal will cost 4.5 billion euros.';
		const d = wordDiff(a, b);
		expect(words(a, d.onlyA)).toEqual(['4.2', 'next', 'year']);
		expect(words(b, d.onlyB)).toEqual(['new', '4.5']);
	});
	it('reads 1,000 and 1000 as the same number', () => {
		expect(wordDiff('cost 1,000 euros', 'cost 1000 euros')).toEqual({onlyA: [], onlyB: []});
	});
	it('keeps order: a word moved counts as changed on both sides', () => {
		const d = wordDiff('alpha beta gamma', 'gamma alpha beta');
		expect(words('alpha beta gamma', d.onlyA)).toEqual(['gamma']);
		expect(words('gamma alpha beta', d.onlyB)).toEqual(['gamma']);
	});
	it('falls back to membership on passages too long for a table', () => {
		const a = Array.from({length: 2100}, (_, i) => `w${i}`).join(' ');
		const b = `${Array.from({length: 2100}, (_, i) => `w${2099 - i}`).join(' ')} extra`;
		const d = wordDiff(a, b);
		expect(d.onlyA).toEqual([]);
		expect(words(b, d.onlyB)).toEqual(['extra']);
	});
});
