// One press release and lightly edited copies of it, as a newswire spreads them: a word swapped here and there,
// the dateline dropped by some sites, each site's own header and the wire's contact line. Shared by the
// families test (reach does not hurt recall) and the bench (output grows with the copies, not their square).

import {rng} from './synth.js';

export const RELEASE = [
	'BEIJING, Nov. 5, 2025 /PRNewswire/ -- The national statistics bureau said on Wednesday that industrial output rose 6.1 percent in October from a year earlier, beating forecasts.',
	'Retail sales grew 4.8 percent over the same period, while fixed-asset investment in the first ten months expanded 3.2 percent.',
	'Exports of electric vehicles reached 1.2 million units, almost double the figure recorded for the same months of last year.',
	'The bureau attributed the rebound to stronger demand from Southeast Asian markets and a recovery in domestic consumption.',
	'Officials expect the economy to meet its annual growth target of around 5 percent despite the slowdown in the property sector.',
	'Analysts at several banks raised their forecasts for the fourth quarter after the figures were published.',
	'Steel production, however, fell for a third consecutive month as construction activity remained weak across the country.',
	'The central bank kept its benchmark lending rate unchanged at 3.1 percent earlier this month.',
	'A senior economist said the data showed the stimulus measures announced in September were beginning to work.',
	'The next set of monthly figures will be released in the middle of December.',
];

const SWAPS: [string, string][] = [
	['said on Wednesday', 'announced on Wednesday'],
	['beating forecasts', 'ahead of forecasts'],
	['grew', 'rose'],
	['almost double', 'nearly twice'],
	['attributed the rebound to', 'credited the rebound to'],
	['raised their forecasts', 'lifted their forecasts'],
	['remained weak', 'stayed weak'],
	['kept its benchmark lending rate unchanged', 'left its benchmark lending rate unchanged'],
];

export type Copy = {name: string; text: string; publisher: string; date: string};

/** The release and `copies` lightly edited copies, the same for the same seed. */
export function releaseCopies(copies: number, seed = 1): Copy[] {
	const r = rng(seed);
	const origin: Copy = {name: 'origin.txt', text: RELEASE.join('\n'), publisher: 'PR Newswire', date: '2025-11-05'};
	const out = [origin];
	for (let i = 0; i < copies; i++) {
		const body = RELEASE.map(s => {
			let t = s;
			for (const [a, b] of SWAPS) if (t.includes(a) && r() < 0.3) t = t.replace(a, b);
			return t;
		});
		if (r() < 0.3) body[0] = body[0]!.replace('BEIJING, Nov. 5, 2025 /PRNewswire/ -- ', '');
		const text = [`Site ${i} business news`, `Published by outlet number ${i}`, ...body, 'SOURCE National Statistics Bureau'].join('\n');
		out.push({name: `copy-${String(i).padStart(4, '0')}.txt`, text, publisher: `Outlet ${i}`, date: '2025-11-06'});
	}
	return out;
}
