// Stage 3c: sentences between two aligned pairs of two related sources, lined up by length and shared words.
import {describe, expect, it} from 'vitest';
import {weighUnits, type Unit} from '../../source/core/align.js';
import {sourceFeatures} from '../../source/core/features.js';
import {
	alignGap,
	containment,
	GAP_LENGTH_RATIO,
	GAP_MAX,
	gapEdges,
	increasingRun,
	LONE_MIN_CONTAIN,
	MERGE_LONGER,
} from '../../source/core/gaps.js';
import {findReuse} from '../../source/core/reuse.js';
import {buildSource} from '../../source/core/source.js';

const src = (id: string, text: string, date: string) => buildSource(id, Buffer.from(text), {publisher: id, date});

/** Units of each sentence of two texts, weighed together; `at(side, sentence)` finds one. */
function unitsOf(a: string, b: string): {units: Unit[]; at: (side: 0 | 1, sent: number) => number} {
	const sources = [src('a.txt', a, '2025-01-01'), src('b.txt', b, '2025-01-02')];
	const units = weighUnits(sources.flatMap((s, i) => sourceFeatures(s).map(f => ({src: i, f}))));
	return {units, at: (side, sent) => units.findIndex(u => u.src === side && u.sent === sent)};
}

// A release of twelve sentences and a copy that keeps its order but rewords four of them past what the
// features match (as a back-translation does), two of them next to each other.
const RELEASE = [
	'The ministry of transport opened the northern freight corridor to traffic on Monday morning.',
	'Officials said the corridor links the inland port of Kashgar with the coastal city of Tianjin.',
	'The following is the full text of the statement released by the ministry.',
	'Construction of the corridor began four years ago and employed nearly twelve thousand workers.',
	'Engineers laid three hundred kilometres of new track across the mountain passes near the border.',
	'Trains will run twice a week at first, carrying containers of machinery, textiles and fruit.',
	'Rising demand from Central Asian buyers is expected to double that schedule within two years.',
	'The old route through the southern provinces took eleven days from the port to the border.',
	'Freight on the new corridor reaches the border crossing in less than six days end to end.',
	'Local traders welcomed the news, saying shorter journeys would keep fresh fruit from spoiling.',
	'Several logistics companies have already booked space on the first ten departures next month.',
	'The ministry plans a second corridor further south, with a feasibility study due next spring.',
];
const COPY = [...RELEASE];
COPY[2] = 'What the ministry said in its statement is printed in full here below.';
COPY[5] = 'At first, two departures weekly will haul boxes of machinery, cloth and fruit.';
COPY[6] = 'Growing appetite among Central Asian purchasers may see this frequency doubled soon.';
COPY[9] = 'Local merchants were pleased, since quicker trips stop fresh goods going bad.';

describe('gap alignment', () => {
	it('keeps the longest run of pairs that increases on both sides', () => {
		expect(
			increasingRun([
				[0, 0],
				[1, 5],
				[2, 1],
				[3, 2],
				[4, 3],
			]),
		).toEqual([
			[0, 0],
			[2, 1],
			[3, 2],
			[4, 3],
		]);
		expect(increasingRun([])).toEqual([]);
	});

	it('pairs reworded sentences closed in by copied ones, in order, and nothing else', () => {
		const {families} = findReuse([src('release.txt', RELEASE.join(' '), '2025-05-20'), src('copy.txt', COPY.join(' '), '2025-05-21')]);
		expect(families).toHaveLength(1);
		const copy = families[0]!.members.find(m => m.source === 'copy.txt')!;
		// Every sentence of the copy stands against the release sentence it rewords.
		for (let k = 0; k < RELEASE.length; k++)
			expect(
				copy.parts.some(p => p.a === k && p.b === k),
				`sentence ${k}`,
			).toBe(true);
		expect(copy.parts.every(p => p.a === p.b)).toBe(true);
	});

	it('leaves a gap alone when one side has much more text of its own', () => {
		// The copy's own sentences share words with the release's (as many as a reworded one), so only their
		// number keeps them out.
		const own = Array.from({length: GAP_MAX + 1}, (_, i) => `Fruit, machinery and textiles, says remark ${i + 1} of our readers.`);
		const long = [...COPY.slice(0, 5), ...own, ...COPY.slice(7)];
		const {families} = findReuse([src('release.txt', RELEASE.join(' '), '2025-05-20'), src('copy.txt', long.join(' '), '2025-05-21')]);
		const copy = families.flatMap(f => f.members).filter(m => m.source === 'copy.txt');
		const paired = new Set(copy.flatMap(m => m.parts.map(p => p.b)));
		for (let k = 5; k < 5 + own.length; k++) expect(paired.has(k), `own sentence ${k}`).toBe(false);
	});

	it('pairs a lone sentence by its place if it shares a little, and a run only where words are shared', () => {
		const {units, at} = unitsOf(
			'Trains will run twice a week at first, carrying containers of machinery. Local traders welcomed the news about the trains.',
			'At the beginning, two trains weekly haul boxes of equipment. Merchants in the city were pleased by the reports.',
		);
		// Alone on both sides, the length decides, with a word in common.
		expect(containment(units[at(0, 0)]!, units[at(1, 0)]!)).toBeGreaterThanOrEqual(LONE_MIN_CONTAIN);
		expect(alignGap(units, [at(0, 0)], [at(1, 0)])).toEqual([{a: [at(0, 0)], b: [at(1, 0)]}]);
		// Two a side with little shared: no pair stands on its length alone.
		expect(alignGap(units, [at(0, 0), at(0, 1)], [at(1, 0), at(1, 1)])).toEqual([]);
	});

	it('never pairs two sentences that share nothing or name different days, however alone', () => {
		// Two daily reports from one template: the opening and closing sentences align, the news between is
		// the gap. What gap alignment makes of the middle sentences, as [a, b] sentence pairs.
		const open = 'Shares in Hong Kong closed the session with heavy turnover across the main board, traders said.';
		const close = 'Trading resumes tomorrow morning at half past nine local time, the exchange said in a notice.';
		const middles = (a: string, b: string) => {
			const {units, at} = unitsOf(`${open} ${a} ${close}`, `${open} ${b} ${close}`);
			const edges = [
				{u: at(0, 0), v: at(1, 0), sim: 1},
				{u: at(0, 2), v: at(1, 2), sim: 1},
			];
			return gapEdges(units, edges, (src, sent) => at(src as 0 | 1, sent)).map(e => [units[e.u]!.sent, units[e.v]!.sent]);
		};
		expect(
			middles('BYD rose sharply after electric car deliveries beat forecasts.', 'Property developers slumped as land sales fell again.'),
		).toEqual([]);
		const rose = 'Carmakers rose sharply after deliveries beat forecasts on 3 March 2025.';
		expect(middles(rose, 'Carmakers rose after their deliveries beat forecasts on 4 March 2025.')).toEqual([]);
		// The same sentence on the same day does pair (the control).
		expect(middles(rose, 'Carmakers rose after their deliveries beat forecasts on 3 March 2025.')).toEqual([[1, 1]]);
	});

	it('joins a sentence that a copy split in two, when both halves share its words', () => {
		const {units, at} = unitsOf(
			'Construction of the corridor began four years ago and employed nearly twelve thousand workers on the mountain passes. The trains run weekly.',
			'Construction of the corridor began four years ago. It employed nearly twelve thousand workers on the mountain passes. Buses run daily too.',
		);
		expect(containment(units[at(0, 0)]!, units[at(1, 1)]!)).toBeGreaterThan(0.3);
		const beads = alignGap(units, [at(0, 0), at(0, 1)], [at(1, 0), at(1, 1), at(1, 2)]);
		expect(beads[0]).toEqual({a: [at(0, 0)], b: [at(1, 0), at(1, 1)]});
	});

	it('never pairs sentences whose lengths differ past the ratio', () => {
		const {units, at} = unitsOf(
			'Officials said the corridor opened. Officials said the corridor links the inland port of Kashgar with the coastal city of Tianjin, the capital, the northern plains and the sea beyond them.',
			'Officials said the corridor links Kashgar and Tianjin today.',
		);
		expect(at(0, 0)).toBeGreaterThanOrEqual(0);
		expect(units[at(0, 0)]!.words * GAP_LENGTH_RATIO).toBeLessThan(units[at(1, 0)]!.words + 5);
		expect(alignGap(units, [at(0, 1)], [at(1, 0)])).toEqual([]);
		expect(units[at(0, 1)]!.words).toBeGreaterThan(units[at(1, 0)]!.words * GAP_LENGTH_RATIO);
	});
});

describe('gap alignment at the open ends of a passage', () => {
	it('pairs a last sentence cut off mid-word, and not a closing line of the site', () => {
		const cut = `${COPY.slice(0, 11).join(' ')} The ministry plans a sec`; // 5 words of its 16
		const own = `${COPY.slice(0, 11).join(' ')} Subscribe to our newsletter for more stories about the ministry and trade.`;
		for (const [text, pairs] of [
			[cut, true],
			[own, false],
		] as const) {
			const {families} = findReuse([src('release.txt', RELEASE.join(' '), '2025-05-20'), src('copy.txt', text, '2025-05-21')]);
			const copy = families.flatMap(f => f.members).filter(m => m.source === 'copy.txt');
			expect(
				copy.some(m => m.parts.some(p => p.a === 11 && p.b === 11)),
				text.slice(-40),
			).toBe(pairs);
		}
	});
});

describe('merged sentences', () => {
	it('pair the neighbour of an aligned sentence with its partner when the partner holds enough of it', () => {
		const {units, at} = unitsOf(
			`${RELEASE[5]} ${RELEASE[6]} ${RELEASE[7]}`,
			'Trains will run twice a week at first with machinery and fruit, as demand from Central Asian buyers may double it. The old route was slow.',
		);
		const edges = [{u: at(0, 0), v: at(1, 0), sim: 0.6}];
		const found = gapEdges(units, edges, (src, sent) => at(src as 0 | 1, sent));
		const key = (u: number, v: number) => `${Math.min(u, v)}-${Math.max(u, v)}`;
		const keys = found.map(e => key(e.u, e.v));
		expect(keys).toContain(key(at(0, 1), at(1, 0)));
		// The sentence after shares nothing with it, and the short last one is not a merge.
		expect(keys).not.toContain(key(at(0, 2), at(1, 0)));
	});

	it('give each pair once, when one sentence of a copy holds three of the origin', () => {
		const {units, at} = unitsOf(
			'Engineers laid new track across the mountain passes. Trains will carry machinery and fruit to the border. Central Asian buyers expect the schedule to double.',
			'Engineers laid new track across the mountain passes, so trains will carry machinery and fruit to the border, and Central Asian buyers expect the schedule to double.',
		);
		// The copy's sentence is aligned with the first and the last; the middle one is a neighbour of both.
		const edges = [
			{u: at(0, 0), v: at(1, 0), sim: 0.5},
			{u: at(0, 2), v: at(1, 0), sim: 0.5},
		];
		const found = gapEdges(units, edges, (src, sent) => at(src as 0 | 1, sent));
		const keys = found.map(e => `${e.u}-${e.v}`);
		expect(keys).toContain(`${at(0, 1)}-${at(1, 0)}`);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('only into a sentence long enough to hold both', () => {
		const {units, at} = unitsOf(
			'Trains will run twice a week at first, carrying containers of machinery, textiles and fruit. Rising demand from Central Asian buyers is expected to double that schedule within two years.',
			'Trains will run twice a week at first, carrying machinery, textiles and fruit for Central Asian buyers.',
		);
		// As long as the first sentence alone: it reworded that one, and took two words of the next.
		expect(units[at(1, 0)]!.words).toBeLessThan(units[at(0, 0)]!.words * MERGE_LONGER);
		const edges = [{u: at(0, 0), v: at(1, 0), sim: 0.6}];
		expect(gapEdges(units, edges, (src, sent) => at(src as 0 | 1, sent))).toEqual([]);
	});

	it('never merge across paragraphs (a headline into the lead under it)', () => {
		const {units, at} = unitsOf(
			`${RELEASE[5]} ${RELEASE[6]}`,
			'Trains will run twice a week at first with machinery and fruit, as demand from Central Asian buyers may double it.',
		);
		const edges = [{u: at(0, 0), v: at(1, 0), sim: 0.6}];
		const apart = gapEdges(
			units,
			edges,
			(src, sent) => at(src as 0 | 1, sent),
			() => false,
		);
		expect(apart).toEqual([]);
	});

	it('pair a copy sentence that strings two of the origin together with both', () => {
		const merged = [
			...COPY.slice(0, 5),
			'Trains will run twice a week at first with machinery and fruit, and demand from Central Asian buyers could double that within two years.',
			...COPY.slice(7),
		];
		const {families} = findReuse([src('release.txt', RELEASE.join(' '), '2025-05-20'), src('copy.txt', merged.join(' '), '2025-05-21')]);
		const parts = families.flatMap(f => f.members.filter(m => m.source === 'copy.txt').flatMap(m => m.parts));
		expect(parts.some(p => p.a === 5 && p.b === 5)).toBe(true);
		expect(parts.some(p => p.a === 6 && p.b === 5)).toBe(true);
		// The sentences after it keep their own partners.
		expect(parts.some(p => p.a === 7 && p.b === 6)).toBe(true);
	});
});

describe('units for the stages', () => {
	it('are weighed source by source, and refuse another order (their indices would not be those given)', () => {
		const a = src('a.txt', 'The harbour council approved the dredging plan for the northern quay on Monday.', '2025-01-01');
		const b = src('b.txt', 'Fishermen protested against the dredging plan at the northern quay on Tuesday.', '2025-01-02');
		const rows = [a, b].flatMap((s, i) => sourceFeatures(s).map(f => ({src: i, f})));
		const units = weighUnits(rows);
		expect(units.map(u => [u.src, u.sent])).toEqual(rows.map(r => [r.src, r.f.sentence]));
		expect(() => weighUnits([...rows].reverse())).toThrow(/source by source/);
	});
});
