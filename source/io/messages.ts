// One-line messages on stderr, prefixed `churnscope:`. They name files and quote the sidecar, so they pass
// through the terminal sanitiser: a newline or an escape sequence in a file name stays on its line, visible.

import {sanitize} from '../core/sanitize.js';

export function message(text: string): void {
	process.stderr.write(`churnscope: ${sanitize(text)}\n`);
}

export function warn(text: string): void {
	message(`warning: ${text}`);
}

/** Every warning of a loaded corpus: the corpus's own, then each source's, named by its file. */
export function warnAll(corpus: {warnings: string[]; sources: {id: string; warnings: string[]}[]}): void {
	for (const w of corpus.warnings) warn(w);
	for (const s of corpus.sources) for (const w of s.warnings) warn(`${s.id}: ${w}`);
}
