// The language tables by ISO 639-1 code; an unknown or missing language reads as English.

import {dictFields} from '../dict.js';
import {de} from './de.js';
import {en} from './en.js';
import {es} from './es.js';
import {fr} from './fr.js';
import {id} from './id.js';
import {it} from './it.js';
import {pt} from './pt.js';
import {ru} from './ru.js';
import type {LanguageTable} from './types.js';
import {zh} from './zh.js';

export type {LanguageTable, TimeUnit} from './types.js';

/** The tables by code, their word records without prototypes (a text may say "constructor"). */
export const LANGUAGE_TABLES: Record<string, LanguageTable> = Object.fromEntries(
	Object.entries({en, es, pt, fr, de, it, ru, id, zh}).map(([code, table]) => [code, dictFields(table)]),
);

export function tableFor(language: string | null | undefined): LanguageTable {
	return (
		(language &&
			Object.hasOwn(LANGUAGE_TABLES, language.toLowerCase().slice(0, 2)) &&
			LANGUAGE_TABLES[language.toLowerCase().slice(0, 2)]) ||
		LANGUAGE_TABLES['en']!
	);
}
