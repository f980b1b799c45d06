// The one gate between text from files (article text, sidecar fields, file names) and a terminal. A
// crafted page must not set the window title, write the clipboard (OSC 52), plant links (OSC 8), send C1
// controls or reorder what is shown with bidi overrides. Every control is shown as a visible escape, as
// less and fzf do: C0 in caret notation (ESC → ^[), DEL as ^?, C1 and bidi controls as \uXXXX. The output
// holds only printable characters (and \n or \t where the caller keeps them), so truncating it can never
// leave a sequence open. JSON output does not come here: JSON.stringify escapes on its own.

export type SanitizeOptions = {
	/** Keep line feeds (a text body); otherwise they are shown as `\n` (a name or a table cell). */
	newlines?: boolean;
	/** Keep tabs; otherwise they are shown as `^I`. */
	tabs?: boolean;
};

/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what follows. */
const isBidiControl = (c: number) => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

/** Whether a UTF-16 unit must not reach a terminal as it is. */
export function isUnsafe(c: number): boolean {
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c) || c === 0x2028 || c === 0x2029;
}

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/** The visible form of one unsafe unit. */
function escapeUnit(c: number, opts: SanitizeOptions): string {
	if (c === 0x0a) return opts.newlines ? '\n' : '\\n';
	if (c === 0x09) return opts.tabs ? '\t' : '^I';
	if (c < 0x20) return '^' + String.fromCharCode(c + 0x40);
	if (c === 0x7f) return '^?';
	return hex(c);
}

/** `s` with every control made visible; the same string when there is none (the common case, no copy). */
export function sanitize(s: string, opts: SanitizeOptions = {}): string {
	let i = 0;
	while (i < s.length && !isUnsafe(s.charCodeAt(i))) i++;
	if (i === s.length) return s;
	let out = s.slice(0, i);
	let from = i;
	for (; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (!isUnsafe(c)) continue;
		out += s.slice(from, i) + escapeUnit(c, opts);
		from = i + 1;
	}
	return out + s.slice(from);
}
