// Newswire datelines at the front of a lead sentence: "BEIJING, Nov. 5, 2025 /PRNewswire/ --", "BEIJING,
// Dec.31 (Xinhua) –", "TIANJIN -", "BEIJING/Xinhua". Every wire copy starts its lead with one, and each site
// writes it its own way or drops it, so the dateline is stripped before the sentence is matched; the
// sentence itself stays, in the text and in the results.
//
// The patterns only ever see the first MAX_DATELINE characters of a sentence, so their cost is bounded
// whatever the input (no scan across an unbounded run).

/** A dateline is short: a city, a date, an agency and a dash. Longer openings are text. */
export const MAX_DATELINE = 90;

/** Agencies and wires seen in datelines, lower-case. */
const AGENCIES = new Set([
	'prnewswire',
	'pr newswire',
	'globe newswire',
	'globenewswire',
	'business wire',
	'businesswire',
	'cnw',
	'accesswire',
	'media outreach newswire',
	'media outreach',
	'xinhua',
	'xinhuanet',
	'cgtn',
	'ap',
	'afp',
	'reuters',
	'upi',
	'ani',
	'pti',
	'ians',
	'kyodo',
	'yonhap',
	'tass',
	'efe',
	'dpa',
	'ansa',
	'bernama',
	'people’s daily online',
	"people's daily online",
	'people’s daily',
	"people's daily",
	'china daily',
	'chinadaily.com.cn',
	'ecns',
	'cna',
	'cns',
	'newswire',
]);

const DASH = '(?:--|[-–—])';
/** The city: capitals (any script), with spaces, dots, apostrophes, hyphens and slashes between them. */
const CITY = String.raw`\p{Lu}[\p{Lu}\p{M} .'’/-]{1,40}?`;
/** Between the city and the agency: ", China, Dec. 8, 2022" — no brackets, slashes or line ends. */
const BETWEEN = String.raw`(?:,\s?[^/()\n]{0,45}?)?`;

/** CITY[, date] /AGENCY/ [--] or CITY[, date] (AGENCY) [--]. */
const WITH_AGENCY = new RegExp(String.raw`^${CITY}${BETWEEN}\s?[/(]\s?([^/()\n]{2,30}?)\s?[/)]\s*(?:${DASH}\s*)?`, 'u');
/** CITY/Agency: "BEIJING/Xinhua". */
const SLASH_AGENCY = new RegExp(String.raw`^\p{Lu}[\p{Lu} ]{1,30}/([\p{L} .’']{2,30}?)(?:\s*${DASH})?\s+`, 'u');
/** CITY[, date] --: the city alone in capitals, an optional date with a number, then a dash. */
const BARE = new RegExp(String.raw`^\p{Lu}[\p{Lu} .'’]{1,30}?(?:,\s?[^\n\d]{0,15}\d{1,4}(?:,?\s?\d{4})?)?\s?${DASH}\s+`, 'u');
/** (Agency) --: the agency alone in brackets. */
const AGENCY_ONLY = new RegExp(String.raw`^\(([^()\n]{2,30})\)\s?${DASH}\s*`, 'u');

const isAgency = (name: string) => AGENCIES.has(name.trim().toLowerCase());

/**
 * The offset in `text` where the sentence `text[start, end)` begins once its dateline is dropped, or `start`
 * when it has none. Nothing is dropped that would leave the sentence empty.
 */
export function datelineEnd(text: string, start: number, end: number): number {
	const head = text.slice(start, Math.min(end, start + MAX_DATELINE));
	let m = WITH_AGENCY.exec(head);
	if (!(m && isAgency(m[1]!))) m = SLASH_AGENCY.exec(head);
	if (m && m[1] !== undefined && !isAgency(m[1])) m = null;
	if (!m) m = AGENCY_ONLY.exec(head);
	if (m && m[1] !== undefined && !isAgency(m[1])) m = null;
	if (!m) {
		m = BARE.exec(head);
		// A bare dash after capitals is a dateline only when the capitals are a single word or two ("TIANJIN -",
		// "HONG KONG -"), not a shouted headline.
		if (m && m[0].trim().split(/\s+/).length > 5) m = null;
	}
	if (!m) return start;
	const at = start + m[0].length;
	return at < end ? at : start;
}
