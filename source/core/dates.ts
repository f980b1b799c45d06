// Dates of sources, which may be partial (YYYY or YYYY-MM): compared by their latest possible day, so that
// "2026-02" is not earlier than "2026-02-05".

/** The latest day a date can mean, as YYYY-MM-DD; null when there is no date. */
export function dateEnd(d: string | null): string | null {
	if (!d) return null;
	if (/^\d{4}$/.test(d)) return `${d}-12-31`;
	if (/^\d{4}-\d{2}$/.test(d)) return `${d}-31`;
	return d;
}

/** Order of two dates, earliest first, undated last. */
export function compareDates(x: string | null, y: string | null): number {
	return compareDateEnds(dateEnd(x), dateEnd(y));
}

/** The same order for dates already made full by dateEnd (no parsing: for sorts that run a million times). */
export function compareDateEnds(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}
