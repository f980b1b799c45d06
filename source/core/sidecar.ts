// The sidecar `churnscope.json`: metadata for the sources of a corpus, parsed from its text. Pure.

import type {GivenMeta} from './source.js';

export const SIDECAR = 'churnscope.json';

/** Longest title or publisher kept: a 10 MB title would be measured and drawn on every keypress. */
export const MAX_META_CHARS = 500;
/** Longest URL kept. */
export const MAX_URL_CHARS = 2048;

const LIMITS = {title: MAX_META_CHARS, publisher: MAX_META_CHARS, url: MAX_URL_CHARS, date: 10} as const;

/** The sidecar `churnscope.json`: `{"sources": {"file.txt": {"title", "publisher", "date", "url", "language"}}}`. */
export function parseSidecar(raw: string, warnings: string[]): Record<string, GivenMeta> {
	let data: unknown;
	try {
		// A byte order mark is not JSON, but editors on Windows write one.
		data = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
	} catch (error) {
		warnings.push(`${SIDECAR}: not valid JSON (${(error as Error).message}); metadata inferred from the texts`);
		return {};
	}
	const sources = typeof data === 'object' && data !== null ? (data as {sources?: unknown}).sources : undefined;
	if (typeof sources !== 'object' || sources === null || Array.isArray(sources)) {
		warnings.push(`${SIDECAR}: expected {"sources": {"<file>": {"title": …}}}; metadata inferred from the texts`);
		return {};
	}
	// No prototype: a file may well be called `constructor` or `__proto__`.
	const out: Record<string, GivenMeta> = Object.create(null);
	for (const [id, value] of Object.entries(sources)) {
		if (typeof value !== 'object' || value === null) {
			warnings.push(`${SIDECAR}: entry for ${id} is not an object; ignored`);
			continue;
		}
		const entry: GivenMeta = {};
		for (const field of ['title', 'publisher', 'date', 'url', 'language'] as const) {
			const v = Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
			if (v === undefined || v === null) continue;
			if (typeof v !== 'string') {
				warnings.push(`${SIDECAR}: ${id}.${field} is not a string; ignored`);
				continue;
			}
			if (field === 'language') {
				if (/^[a-z]{2}(-[A-Za-z]{2,4})?$/.test(v)) entry.language = v.slice(0, 2);
				else
					warnings.push(
						`${SIDECAR}: ${id}.language "${v.slice(0, 40)}" is not an ISO 639-1 code such as "de"; detected from the text instead`,
					);
				continue;
			}
			if (field === 'date') {
				if (!isDate(v)) {
					warnings.push(`${SIDECAR}: ${id}.date "${v.slice(0, 40)}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD; ignored`);
					continue;
				}
			} else if (v.length > LIMITS[field]) {
				warnings.push(`${SIDECAR}: ${id}.${field} is ${v.length} characters long; cut to ${LIMITS[field]}`);
				entry[field] = cut(v, LIMITS[field]);
				continue;
			}
			entry[field] = v;
		}
		out[id] = entry;
	}
	return out;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a day that month has (2024-02-29 is; 2025-02-29 and month 13 are not). */
export function isDate(s: string): boolean {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
	if (!m) return false;
	const year = Number(m[1]);
	if (m[2] === undefined) return true;
	const month = Number(m[2]);
	if (month < 1 || month > 12) return false;
	if (m[3] === undefined) return true;
	const day = Number(m[3]);
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
	return day >= 1 && day <= days;
}

/** The first `n` UTF-16 units of `s`, not ending in half a surrogate pair. */
function cut(s: string, n: number): string {
	const c = s.charCodeAt(n - 1);
	return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}
