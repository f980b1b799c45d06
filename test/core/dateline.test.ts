import {describe, expect, it} from 'vitest';
import {datelineEnd} from '../../source/core/dateline.js';

const rest = (s: string) => s.slice(datelineEnd(s, 0, s.length));

describe('newswire datelines', () => {
	it('strips the datelines wires and agencies put before a lead', () => {
		const lead = 'German Chancellor Olaf Scholz paid an official visit to China on Friday.';
		for (const dateline of [
			'BEIJING, Nov. 5, 2022 /PRNewswire/ -- ',
			'BEIJING, Nov. 5, 2022 /PRNewswire/ — ',
			'SHENZHEN, China, Dec. 8, 2022 /PRNewswire/ -- ',
			'TORONTO, Jan. 1, 2023 /CNW/ — ',
			'BEIJING, Dec.31 (Xinhua) – ',
			'BEIJING, March 19 (Xinhua) -- ',
			'TIANJIN - ',
			'HONG KONG, Feb 5, 2026 /Media OutReach Newswire/ - ',
			'BEIJING/Xinhua ',
			'(Xinhua) -- ',
		]) {
			expect(rest(dateline + lead), dateline).toBe(lead);
		}
	});
	it('leaves sentences without a dateline as they are', () => {
		for (const s of [
			'The harbour authority approved a new container terminal on Tuesday.',
			'IBM and SAP announced a partnership - the first of its kind.',
			'NEW YORK TIMES REPORTERS WERE NOT INVITED TO THE BRIEFING ON TUESDAY - OFFICIALS SAID.',
			'Beijing - the capital - hosted the forum.',
			'CGTN (China Global Television Network) is a broadcaster.',
		]) {
			expect(rest(s), s).toBe(s);
		}
	});
	it('never leaves a sentence empty', () => {
		expect(rest('BEIJING, Nov. 5, 2022 /PRNewswire/ --')).toBe('BEIJING, Nov. 5, 2022 /PRNewswire/ --');
	});
});
