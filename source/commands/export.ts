// `churnscope export --format passim`: the corpus as another tool's input, made line by line as it is
// written. passim's input is JSON lines with `id`, `series`, `text` and our metadata (core/passim.ts).

import {passimLines} from '../core/passim.js';
import type {Corpus} from '../core/source.js';
import {done, type Output} from './output.js';

export const EXPORT_FORMATS = ['passim'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const validFormat = (format: string | undefined): format is ExportFormat =>
	(EXPORT_FORMATS as readonly string[]).includes(format ?? '');

export function exportCorpus(corpus: Corpus, _format: ExportFormat): Output {
	return done(corpus.sources.length, passimLines(corpus.sources));
}
