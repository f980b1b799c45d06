// Reuse on real syndicated pages (test/fixtures/syndicated): recall and precision of copied sentences against
// the hand-made gold, on the releases used for tuning and, separately, on the ones held out of tuning.
// Same-language copies (verbatim, near, paraphrase, partial) are the headline; translations are scored on
// their own (cross-language matching is a separate capability, issue 11 item 8).
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {wordRatio, wordsOf} from '../../source/core/classify.js';
import {matchStart} from '../../source/core/features.js';
import {analyze, type Analysis} from '../../source/core/analysis.js';
import {datelineEnd} from '../../source/core/dateline.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {
	type Gold,
	ratio,
	readGold,
	type Score,
	score,
	SYNDICATED,
	SYNDICATED_FRESH,
	SYNDICATED_FRESH2,
	SYNDICATED_FRESH3,
	SYNDICATED_FRESH4,
} from './syndicated-score.js';

/**
 * What the tuning releases must keep: the bar (recall 0.9, precision 0.95), just under what they
 * measure (same-language recall 0.917, precision 0.963; translations found 0.34, 28 of 83).
 */
const TUNING = {recall: 0.9, precision: 0.95, translations: 0.33};
/**
 * What the held-out releases must keep, just under what they measure (0.72, 0.93): short of the bar (README,
 * "On real pages"). Gap alignment (core/gaps.ts) was designed after reading their misses, so they are no
 * longer clean for it (README).
 */
const HELDOUT = {recall: 0.72, precision: 0.92};
/**
 * What the fresh set (collected after the thresholds were set) must keep, just under what it measures:
 * recall 0.911, precision 0.856 (0.933 over the pairs its gold can judge). Its first measure, with nothing
 * tuned on it, was 0.922 and 0.85 (0.844 and 0.826 before a review's fixes to gap alignment). The translation
 * stage's ANCHOR_SENTENCES was then chosen on it and on fresh2: neither is unseen any more (their READMEs).
 */
const FRESH = {recall: 0.91, precision: 0.85, judgedPrecision: 0.93, leadsMissed: 0};
/**
 * The second fresh set (two CGTN polls, carried mostly as rewrites and translations) first measured, with
 * nothing tuned on it, recall 0.773 (34/44), precision 0.627 (52/83), 0.765 over the pairs its gold can
 * judge. Its wrong pairs were mostly translations lined up by "CGTN Think Tank" and the percentages; with
 * ANCHOR_SENTENCES it measures recall 0.75, precision 0.725 (0.877 judged). Far short of the bar.
 */
const FRESH2 = {recall: 0.75, precision: 0.72, judgedPrecision: 0.87, leadsMissed: 0};
/**
 * The third fresh set (a GlobeNewswire release on the China-U.S. London talks and CMG's 2021 New Year
 * release; one wire copy each, the rest rewrites and translations), measured once with the matcher as it
 * stood after ANCHOR_SENTENCES was set, and not read for tuning since: recall 0.672 (43/64), precision
 * 0.761 (51/67), 0.895 over the pairs its gold can judge; datelined leads 2 of 3 (Bernama's rewrite under
 * its own dateline is missed). Every verbatim copy is found; reworded sentences are the gap (25/45).
 * With ANCHOR_SENTENCES off it measures 0.672 and 0.768: that change did nothing here.
 */
const FRESH3 = {recall: 0.67, precision: 0.76, judgedPrecision: 0.89, leadsMissed: 1};
/**
 * The fourth fresh set (two CGTN poll articles carried by China Media Group's language services: 73 of its 85
 * copy sentences are translations, in eight languages; no datelined lead), measured once with nothing tuned on
 * it: same-language recall 0.917 (11/12), precision 0.904 (47/52), 0.922 over the pairs its gold can judge;
 * translations found 37 of 73. With anchors of one language left out of two sources' share (a change made for
 * all sets, 2026-12-08): precision 0.925 (49/53), 0.942 judged; translations found 40 of 73.
 */
const FRESH4 = {recall: 0.91, precision: 0.92, judgedPrecision: 0.94, leadsMissed: 0, translations: 0.54};
const SAME_LANGUAGE = ['verbatim', 'near', 'paraphrase', 'partial'];

const sameLanguage = (s: Score) => {
	let copies = 0;
	let found = 0;
	for (const k of SAME_LANGUAGE) {
		copies += s.byKind[k]?.copies ?? 0;
		found += s.byKind[k]?.found ?? 0;
	}
	return {copies, found, recall: ratio(found, copies)};
};

/** Prints a set's scores (the figures the README quotes) and returns its same-language recall. */
const report = (name: string, s: Score, extra = '') => {
	const same = sameLanguage(s);
	const kinds = Object.entries(s.byKind)
		.map(([k, v]) => `${k} ${v.found}/${v.copies}`)
		.join(', ');
	console.log(
		`${name}: same-language recall ${same.recall} (${same.found}/${same.copies}), precision ${ratio(s.correctPairs, s.pairs)} (${s.correctPairs}/${s.pairs} pairs; ${ratio(s.judgedPrecision * 1000, 1000)} of the ${s.pairs - s.unjudged} the gold can judge); by kind: ${kinds}${extra}`,
	);
	return same;
};

describe('reuse on real syndicated pages', () => {
	let an: Analysis;
	let gold: Gold;
	let held: Set<string>;
	beforeAll(() => {
		an = analyze(loadCorpus(join(SYNDICATED, 'pages')));
		gold = readGold();
		held = new Set(gold.releases.filter(r => r.holdout).map(r => r.id));
	});

	it('finds the copies of the tuning releases, and little else', () => {
		const s = score(an, gold, r => !held.has(r));
		const same = report('tuning', s);
		expect(same.recall).toBeGreaterThanOrEqual(TUNING.recall);
		expect(s.precision).toBeGreaterThanOrEqual(TUNING.precision);
		// Copies in another language are found by the numbers and names they keep (translation.ts).
		const t = s.byKind['translation']!;
		expect(ratio(t.found, t.copies)).toBeGreaterThanOrEqual(TUNING.translations);
		// Verbatim copies are found whole.
		expect(s.byKind['verbatim']!.found).toBe(s.byKind['verbatim']!.copies);
	});

	it('holds on the releases kept out of tuning', () => {
		const s = score(an, gold, r => held.has(r));
		const same = report('held out', s);
		expect(same.recall).toBeGreaterThanOrEqual(HELDOUT.recall);
		expect(s.precision).toBeGreaterThanOrEqual(HELDOUT.precision);
	});

	it('never pairs a source with itself', () => {
		for (const p of an.pairs) expect(p.a.source).not.toBe(p.b.source);
		for (const f of an.families) expect(new Set(f.members.map(m => m.source)).size).toBe(f.members.length);
	});

	it('finds every same-language lead that carries a newswire dateline', () => {
		const byId = new Map(an.corpus.sources.map(s => [s.id, s]));
		let leads = 0;
		for (const g of gold.families) {
			if (!g.lead) continue;
			for (const c of g.copies) {
				if (c.kind === 'translation') continue;
				const text = byId.get(c.file)!.text;
				const at = text.indexOf(c.text);
				if (datelineEnd(text, at, at + c.text.length) === at) continue;
				leads++;
				const covered = an.families.some(f => f.members.some(m => m.source === c.file && m.start <= at && m.end >= at + c.text.length / 2));
				expect(covered, `${c.file}: ${c.text.slice(0, 60)}`).toBe(true);
			}
		}
		expect(leads).toBeGreaterThan(0);
	});
});

describe('reuse on fresh sets of real syndicated pages, never tuned on', () => {
	for (const [name, dir, floor] of [
		['fresh', SYNDICATED_FRESH, FRESH],
		['fresh2', SYNDICATED_FRESH2, FRESH2],
		['fresh3', SYNDICATED_FRESH3, FRESH3],
		['fresh4', SYNDICATED_FRESH4, FRESH4],
	] as const) {
		it(`${name}: finds their copies, pairs no source with itself, and finds the datelined leads`, () => {
			const an = analyze(loadCorpus(join(dir, 'pages')));
			const gold = readGold(dir);
			const s = score(an, gold, () => true);
			const same = report(name, s, `; datelined leads ${s.leadsFound}/${s.leads}`);
			expect(same.recall).toBeGreaterThanOrEqual(floor.recall);
			expect(s.precision).toBeGreaterThanOrEqual(floor.precision);
			expect(s.judgedPrecision).toBeGreaterThanOrEqual(floor.judgedPrecision);
			expect(s.selfPairs).toBe(0);
			expect(s.leadsFound).toBeGreaterThanOrEqual(s.leads - floor.leadsMissed);
			// The sets with datelined leads have them counted (fresh4's releases are web articles, without one).
			expect(s.leads > 0).toBe(name !== 'fresh4');
			if ('translations' in floor) {
				const t = s.byKind['translation']!;
				expect(ratio(t.found, t.copies)).toBeGreaterThanOrEqual(floor.translations);
			}
		});
	}
});

describe('kinds on real syndicated pages', () => {
	// A page the gold lists only translations from (Filipino, Swahili, Spanish, German…) shows each of its
	// sentences as a translation, whether or not the detector names its language: a Filipino copy lined up by
	// its numbers with the English was shown as a paraphrase sharing nothing (similarity 0.00).
	for (const [name, dir] of [
		['tuning and held out', SYNDICATED],
		['fresh', SYNDICATED_FRESH],
		['fresh2', SYNDICATED_FRESH2],
		['fresh3', SYNDICATED_FRESH3],
		['fresh4', SYNDICATED_FRESH4],
	] as const) {
		it(`${name}: shows the pages that only translate as translations, and no reworded sentence as 0.00 alike`, () => {
			const gold = readGold(dir);
			const kinds = new Map<string, Set<string>>();
			for (const f of gold.families)
				for (const c of f.copies) (kinds.get(c.file) ?? kinds.set(c.file, new Set()).get(c.file)!).add(c.kind ?? '');
			const translating = new Set([...kinds].filter(([, k]) => k.size === 1 && k.has('translation')).map(([file]) => file));
			const an = analyze(loadCorpus(join(dir, 'pages')));
			const shown: string[] = [];
			for (const f of an.families) {
				const origin = f.members[f.origin]!;
				for (const m of f.members)
					if (m !== origin && translating.has(m.source) && !translating.has(origin.source))
						for (const p of m.parts ?? []) shown.push(`${m.source} #${p.b}: ${p.kind}`);
			}
			expect(shown.length).toBeGreaterThan(0);
			expect(shown.filter(x => !x.endsWith(': translation'))).toEqual([]);
			// A reworded sentence sharing words with its origin sentence is not shown as 0.00 alike (the feature
			// similarity is not measured below four shared features; the words in order then say it).
			const byId = new Map(an.corpus.sources.map(x => [x.id, x]));
			const zero: string[] = [];
			for (const f of an.families) {
				const O = byId.get(f.members[f.origin]!.source)!;
				for (const m of f.members) {
					const S = byId.get(m.source)!;
					for (const p of m.parts ?? []) {
						const shared = wordRatio(wordsOf(O, p.a, matchStart(O, p.a)), wordsOf(S, p.b, matchStart(S, p.b)));
						if (p.kind !== 'translation' && shared > 0 && p.similarity === 0) zero.push(`${m.source} #${p.b}`);
					}
				}
			}
			expect(zero).toEqual([]);
		});
	}
});
