// Word tables without a prototype: a text may contain "constructor" or "__proto__", which a plain object
// would answer with its own properties.

export function dict<T>(entries: Record<string, T>): Record<string, T> {
	return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** Every record field of a table made prototype-free (lists and scalars stay as they are). */
export function dictFields<T extends object>(table: T): T {
	const out = {...table} as Record<string, unknown>;
	for (const [k, v] of Object.entries(out))
		if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = dict(v as Record<string, unknown>);
	return out as T;
}
