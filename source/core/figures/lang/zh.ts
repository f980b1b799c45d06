// Chinese: the numerals, scales, classifiers and hedges are read by cjk.ts for every language (the
// script is unambiguous); this table only sets the conventions for digits in Chinese text.

import {en} from './en.js';
import type {LanguageTable} from './types.js';

export const zh: LanguageTable = {...en, code: 'zh', slashOrder: 'mdy'};
