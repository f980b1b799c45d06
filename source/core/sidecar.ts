// The sidecar `churnscope.json`: metadata for the sources of a corpus, parsed from its text. Pure.

import type {GivenMeta} from './source.js';

export const SIDECAR = 'churnscope.json';

/** The sidecar `churnscope.json`: `{"sources": {"file.txt": {"title", "publisher", "date", "url", "language"}}}`. */
export function parseSidecar(raw: string, warnings: string[]): Record<string, GivenMeta> {
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch (error) {
		warnings.push(`${SIDECAR}: not valid JSON (${(error as Error).message}); metadata inferred from the texts`);
		return {};
	}
	const sources = typeof data === 'object' && data !== null ? (data as {sources?: unknown}).sources : undefined;
	if (typeof sources !== 'object' || sources === null || Array.isArray(sources)) {
		warnings.push(`${SIDECAR}: expected {"sources": {"<file>": {"title": …}}}; metadata inferred from the texts`);
		return {};
	}
	const out: Record<string, GivenMeta> = {};
	for (const [id, value] of Object.entries(sources)) {
		if (typeof value !== 'object' || value === null) {
			warnings.push(`${SIDECAR}: entry for ${id} is not an object; ignored`);
			continue;
		}
		const entry: GivenMeta = {};
		for (const field of ['title', 'publisher', 'date', 'url', 'language'] as const) {
			const v = (value as Record<string, unknown>)[field];
			if (v === undefined || v === null) continue;
			if (typeof v !== 'string') {
				warnings.push(`${SIDECAR}: ${id}.${field} is not a string; ignored`);
				continue;
			}
			if (field === 'date' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) {
				warnings.push(`${SIDECAR}: ${id}.date "${v}" is not YYYY, YYYY-MM or YYYY-MM-DD; ignored`);
				continue;
			}
			if (field === 'language' && !/^[a-z]{2}(-[A-Za-z]{2,4})?$/.test(v)) {
				warnings.push(`${SIDECAR}: ${id}.language "${v}" is not an ISO 639-1 code such as "de"; detected from the text instead`);
				continue;
			}
			entry[field] = field === 'language' ? v.slice(0, 2) : v;
		}
		out[id] = entry;
	}
	return out;
}
