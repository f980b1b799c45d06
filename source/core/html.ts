// Text of an HTML page: scripts, styles and markup dropped, block elements become lines, entities decoded.
//
// One pass over the page, in time linear in its length whatever it holds: a page from the web may be
// a megabyte of `<` with no `>`, of `<script` with no end, or of spaces. Regular expressions that search
// for a closing `>` or `</script>` from every opening one took minutes on such pages; here each search
// starts after the last one ended, and a search that fails once is not repeated.

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00A0',
	mdash: '\u2014',
	ndash: '\u2013',
	lsquo: '\u2018',
	rsquo: '\u2019',
	ldquo: '\u201C',
	rdquo: '\u201D',
	hellip: '\u2026',
	euro: '€',
	pound: '£',
	yen: '¥',
	copy: '©',
};

/** Elements dropped with everything inside them. */
const RAW = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
/** Elements that start or end a line. */
const BLOCK = new Set([
	'p',
	'div',
	'br',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'ul',
	'ol',
	'tr',
	'table',
	'section',
	'article',
	'header',
	'footer',
	'blockquote',
	'pre',
	'title',
]);

const isNameChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/** After `<`: a letter, `/`, `!` or `?` opens a tag; anything else leaves the `<` as text. */
const startsTag = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2f || c === 0x21 || c === 0x3f;

export function htmlToText(html: string): string {
	return tidy(decodeEntities(stripMarkup(html)));
}

/** The page without comments, raw-text elements and tags; block tags become line feeds. */
function stripMarkup(html: string): string {
	const out: string[] = [];
	let from = 0;
	let at = html.indexOf('<');
	/** Set once a search for `>` failed: no tag can close after that, the rest is text. */
	let noMoreTags = false;
	/** Raw-text elements whose end tag does not occur after the position the search failed at. */
	const unclosed = new Set<string>();
	while (at >= 0 && !noMoreTags) {
		let next = -1;
		let replacement = '';
		if (!startsTag(html.charCodeAt(at + 1))) {
			// `a < b`, `<<`: text, as browsers read it.
			out.push(html.slice(from, at + 1));
			from = at + 1;
			at = html.indexOf('<', at + 1);
			continue;
		}
		if (html.startsWith('<!--', at)) {
			const end = html.indexOf('-->', at + 4);
			// An unclosed comment runs to the end of the page, as browsers read it.
			next = end < 0 ? html.length : end + 3;
		} else {
			const slash = html.charCodeAt(at + 1) === 0x2f ? 1 : 0;
			let e = at + 1 + slash;
			while (e < html.length && isNameChar(html.charCodeAt(e))) e++;
			const name = html.slice(at + 1 + slash, e).toLowerCase();
			if (!slash && RAW.has(name) && !unclosed.has(name)) {
				const close = closingTag(html, name, e);
				if (close < 0) unclosed.add(name);
				else next = close;
			}
			if (next < 0) {
				const gt = html.indexOf('>', at + 1);
				if (gt < 0) noMoreTags = true;
				else {
					next = gt + 1;
					if (BLOCK.has(name)) replacement = '\n';
				}
			}
		}
		if (next < 0) break;
		out.push(html.slice(from, at), replacement);
		from = next;
		at = html.indexOf('<', next);
	}
	out.push(html.slice(from));
	return out.join('');
}

const CLOSERS = new Map<string, RegExp>();

/** The end of the first `</name\s*>` at or after `from` (case-insensitive), or -1. */
function closingTag(html: string, name: string, from: number): number {
	let re = CLOSERS.get(name);
	if (!re) {
		re = new RegExp(`</${name}\\s*>`, 'gi');
		CLOSERS.set(name, re);
	}
	re.lastIndex = from;
	const m = re.exec(html);
	return m ? m.index + m[0].length : -1;
}

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,32});/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const n = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
			return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/** Spaces and tabs at line ends dropped, at most one blank line in a row, no blank start or end. */
function tidy(text: string): string {
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i]!;
		let end = l.length;
		while (end > 0 && (l.charCodeAt(end - 1) === 0x20 || l.charCodeAt(end - 1) === 0x09)) end--;
		if (end < l.length) lines[i] = l.slice(0, end);
	}
	return lines
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
