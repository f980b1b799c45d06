// Scores an analysis of test/fixtures/syndicated/pages against its hand-made gold (gold.json): which
// sentence of which page comes from which sentence of the release. Shared by the test and `npm run bench`.
//
// A gold item is a span of a page; it stands for the sentences of our segmentation that overlap it by half.
// - strict recall: a copy sentence found in the same sentence slot of a family as its origin sentence;
// - found recall: found in a slot with any other copy of the same origin sentence (two Spanish copies of an
//   English release, linked to each other but not to the English, count here and not above);
// - precision: of the pairs the analysis shows (each member sentence against its family's origin sentence,
//   slot by slot), the share whose two sentences the gold puts in one group.

import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Analysis} from '../../source/core/analysis.js';
import type {Source} from '../../source/core/source.js';

export const SYNDICATED = join(import.meta.dirname, '..', 'fixtures', 'syndicated');
/** Collected and labelled after the matcher's thresholds were set, never used for tuning (its README). */
export const SYNDICATED_FRESH = join(import.meta.dirname, '..', 'fixtures', 'syndicated-fresh');
/** A second fresh set: rewrites and translations more than wire copies (its README). */
export const SYNDICATED_FRESH2 = join(import.meta.dirname, '..', 'fixtures', 'syndicated-fresh2');
/** A third fresh set, measured once and not read for tuning (its README). */
export const SYNDICATED_FRESH3 = join(import.meta.dirname, '..', 'fixtures', 'syndicated-fresh3');
/** A fourth fresh set, mostly translations, measured once and not read for tuning (its README). */
export const SYNDICATED_FRESH4 = join(import.meta.dirname, '..', 'fixtures', 'syndicated-fresh4');

type GoldItem = {file: string; text: string; kind?: string};
type GoldFamily = {release: string; lead?: boolean; origin: GoldItem; copies: GoldItem[]};
export type Gold = {releases: {id: string; origin: string; holdout: boolean}[]; families: GoldFamily[]; unrelated: string[]};

export function readGold(dir = SYNDICATED): Gold {
	return JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
}

/** The sentences of `source` that a span covers: those overlapping it by at least half of either. */
function sentencesOf(source: Source, text: string): number[] {
	const at = source.text.indexOf(text);
	if (at < 0) throw new Error(`gold text not in ${source.id}: ${text.slice(0, 60)}`);
	const end = at + text.length;
	const out: number[] = [];
	for (const s of source.sentences) {
		const overlap = Math.min(end, s.end) - Math.max(at, s.start);
		if (overlap > 0 && (overlap * 2 >= s.end - s.start || overlap * 2 >= text.length)) out.push(s.index);
	}
	return out;
}

export type Score = {
	copies: number;
	strict: number;
	found: number;
	byKind: Record<string, {copies: number; strict: number; found: number}>;
	pairs: number;
	correctPairs: number;
	precision: number;
	/**
	 * Pairs of which neither sentence is in the gold and neither page a distractor: the gold cannot judge them
	 * (copies that run past the origin's excerpt share sentences the gold does not list). `precision` counts
	 * them as wrong; `judgedPrecision` leaves them out.
	 */
	unjudged: number;
	judgedPrecision: number;
	leads: number;
	leadsFound: number;
	selfPairs: number;
	misses: string[];
	falsePairs: string[];
};

/** Scores for the releases `include` selects (e.g. the held-out ones), over the whole analysis. */
export function score(an: Analysis, gold: Gold, include: (release: string) => boolean): Score {
	const byId = new Map(an.corpus.sources.map(s => [s.id, s]));
	// Where each sentence sits: "family:slot" keys.
	const slotsOf = new Map<string, Set<string>>();
	for (const f of an.families) {
		for (const m of f.members) {
			m.slots.forEach((sent, slot) => {
				if (sent < 0) return;
				const k = `${m.source}\0${sent}`;
				(slotsOf.get(k) ?? slotsOf.set(k, new Set()).get(k)!).add(`${f.id}:${slot}`);
			});
		}
	}
	const keysOf = (item: GoldItem) => {
		const src = byId.get(item.file);
		if (!src) throw new Error(`no source ${item.file}`);
		const out = new Set<string>();
		for (const s of sentencesOf(src, item.text)) for (const k of slotsOf.get(`${item.file}\0${s}`) ?? []) out.add(k);
		return out;
	};
	const meets = (a: Set<string>, b: Set<string>) => [...a].some(k => b.has(k));
	// Gold group of each sentence, for precision.
	const groupOf = new Map<string, Set<number>>();
	gold.families.forEach((g, gi) => {
		for (const item of [g.origin, ...g.copies]) {
			const src = byId.get(item.file)!;
			for (const s of sentencesOf(src, item.text)) {
				const k = `${item.file}\0${s}`;
				(groupOf.get(k) ?? groupOf.set(k, new Set()).get(k)!).add(gi);
			}
		}
	});
	const included = new Set(gold.families.map((g, gi) => (include(g.release) ? gi : -1)).filter(x => x >= 0));
	const s: Score = {
		copies: 0,
		strict: 0,
		found: 0,
		byKind: {},
		pairs: 0,
		correctPairs: 0,
		precision: 0,
		unjudged: 0,
		judgedPrecision: 0,
		leads: 0,
		leadsFound: 0,
		selfPairs: 0,
		misses: [],
		falsePairs: [],
	};
	gold.families.forEach((g, gi) => {
		if (!included.has(gi)) return;
		const origin = keysOf(g.origin);
		for (const c of g.copies) {
			const kind = c.kind ?? 'unknown';
			s.byKind[kind] ??= {copies: 0, strict: 0, found: 0};
			const k = s.byKind[kind];
			s.copies++;
			k.copies++;
			const mine = keysOf(c);
			const strict = meets(mine, origin);
			const found = strict || g.copies.some(o => o !== c && o.file !== c.file && meets(mine, keysOf(o)));
			if (strict) {
				s.strict++;
				k.strict++;
			}
			if (found) {
				s.found++;
				k.found++;
			} else s.misses.push(`${c.file} [${kind}]: ${c.text.slice(0, 70)}`);
			if (g.lead && /^\p{Lu}[\p{Lu} ,.]{2,}/u.test(c.text) && kind !== 'translation') {
				s.leads++;
				if (found) s.leadsFound++;
			}
		}
	});
	// Precision over the pairs shown: every member sentence against the origin's sentence in the same slot,
	// counted for pages of the included releases.
	const releaseOf = (file: string) => file.split('--')[0]!;
	const unrelated = new Set(gold.unrelated);
	for (const f of an.families) {
		const o = f.members[f.origin]!;
		for (const [i, m] of f.members.entries()) {
			if (i === f.origin) continue;
			if (m.source === o.source) s.selfPairs++;
			if (!include(releaseOf(m.source)) && !include(releaseOf(o.source))) continue;
			m.slots.forEach((sent, slot) => {
				const os = o.slots[slot]!;
				if (sent < 0 || os < 0) return;
				s.pairs++;
				const a = groupOf.get(`${o.source}\0${os}`);
				const b = groupOf.get(`${m.source}\0${sent}`);
				if (a && b && [...a].some(x => b.has(x))) s.correctPairs++;
				else {
					if (!a && !b && !unrelated.has(o.source) && !unrelated.has(m.source)) s.unjudged++;
					const text = (id: string, n: number) => byId.get(id)!.sentences[n]!.text.slice(0, 50);
					s.falsePairs.push(`${o.source}#${os} "${text(o.source, os)}" ⇄ ${m.source}#${sent} "${text(m.source, sent)}"`);
				}
			});
		}
	}
	s.precision = s.pairs ? s.correctPairs / s.pairs : 1;
	s.judgedPrecision = s.pairs - s.unjudged ? s.correctPairs / (s.pairs - s.unjudged) : 1;
	return s;
}

export const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 1);
