// What a language contributes to reading figures: words, phrases and conventions. One table a language
// (lang/en.ts, lang/de.ts…); phrases are written as in text and matched token by token.

import type {Qualifier} from '../types.js';

/** A time unit: years, months, weeks, days, hours, minutes, seconds, quarters (three months), decades. */
export type TimeUnit = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S' | 'Q' | 'DEC';

export type LanguageTable = {
	code: string;
	/** The decimal mark: `3,2 %` in German, `3.2%` in English. */
	decimal: ',' | '.';
	/** Whether a plain space groups thousands (`25 050 milliards`). */
	spaceGroups: boolean;
	/** Order of day and month in `1/2/2025`. */
	slashOrder: 'mdy' | 'dmy';
	numbers: Record<string, number>;
	ordinals: Record<string, number>;
	/** Scale words and phrases after a number (`million`, `mil millones`, `Mrd`, `млн`). */
	scales: Record<string, number>;
	percent: string[];
	points: string[];
	months: Record<string, number>;
	/** Hedges written before the number, in any case, mapped to the canonical form. */
	hedges: Record<string, Qualifier>;
	/** Hedges written after the number or its unit (`10%以上`, `or more`). */
	hedgesAfter: Record<string, Qualifier>;
	/** Currency words and phrases after a number (`yuan`, `dólares estadounidenses`); `$` stands for the unresolved dollar. */
	currencies: Record<string, string>;
	/** Currency words that stand before a number (`US$`, `RMB`). */
	currencyBefore: Record<string, string>;
	timeUnits: Record<string, TimeUnit>;
	/** Words between a scale and what it counts (`millones de yuanes`, `milliards de`). */
	connectors: string[];
	/** Words that join the two ends of a range (`to`, `bis`, `au`, `по`). */
	rangeLinks: string[];
	/** Words that open a range of two values (`between`, `zwischen`, `entre`). */
	rangeOpeners: string[];
	/** Words for multiples: `twice`, `verdreifacht` (value), and the word after a number (`times`, `fois`). */
	ratioWords: Record<string, number>;
	times: string[];
	half: string[];
	/** Phrases naming the first or second half of a year. */
	halves: Record<string, 'H1' | 'H2'>;
	quarter: string[];
	past: string[];
	next: string[];
	decade: string[];
	consecutive: string[];
	/** The words after an ordinal that name a five-year plan. */
	plan: string[];
	/** Words around an ordinal that make it a rank (`ranked`, `place`, `sitio`, `Platz`). */
	rankBefore: string[];
	rankAfter: string[];
	/** Superlatives joined to an ordinal (`second-largest`, `zweitgrößte`). */
	superlatives: string[];
	/** Words that end the noun phrase after a number, and articles skipped around hedges. */
	stops: string[];
	articles: string[];
	/** Where the counted noun stands after a number: the first word (Romance, Russian) or the last of the phrase (English). */
	headFirst: boolean;
	/** Words written after a year that stay outside the span (`году`, `Jahr`). */
	yearWords: string[];
	/** Words that mark a figure as a publishing stamp (`updated`, `publié le`). */
	stamps: string[];
	/** Words meaning "top" before a number (`top 10`). */
	top: string[];
	/** Dollar words that say US dollars when next to the dollar (`US`, `estadounidenses`, `США`). */
	usMarkers: string[];
};
