// One-line messages on stderr, prefixed `churnscope:`. They name files and quote the sidecar, so they pass
// through the terminal sanitiser: a newline or an escape sequence in a file name stays on its line, visible.

import {sanitize} from '../core/sanitize.js';

/** Longest message written: a name or a sidecar key can be megabytes long. */
const MAX_CHARS = 2000;

export function message(text: string): void {
	process.stderr.write(`churnscope: ${sanitize(clip(text))}\n`);
}

/** `text` cut to MAX_CHARS with an ellipsis, never through a surrogate pair. */
export function clip(text: string, max = MAX_CHARS): string {
	if (text.length <= max) return text;
	const c = text.charCodeAt(max - 1);
	return `${text.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max)}…`;
}

export function warn(text: string): void {
	message(`warning: ${text}`);
}

/** Every warning of a loaded corpus: the corpus's own, then each source's, named by its file. */
export function warnAll(corpus: {warnings: string[]; sources: {id: string; warnings: string[]}[]}): void {
	for (const w of corpus.warnings) warn(w);
	for (const s of corpus.sources) for (const w of s.warnings) warn(`${s.id}: ${w}`);
}
