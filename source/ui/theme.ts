// Colours are roles, not literals, in two palettes: dark (the default) and light, chosen by `--theme`,
// `CHURNSCOPE_THEME`, or the terminal's COLORFGBG. With NO_COLOR (or TERM=dumb) every role falls back
// to plain attributes (bold, underline, inverse, dim), and every distinction the colours make is still
// made: differences, figure statuses and the selection read the same without colour.

export type TextStyle = {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dimColor?: boolean;
	underline?: boolean;
	inverse?: boolean;
	italic?: boolean;
};

export type ThemeName = 'dark' | 'light';

export type Role =
	| 'title'
	| 'header'
	| 'dim'
	| 'boilerplate'
	| 'figure'
	| 'shared'
	| 'diffChanged'
	| 'onlyA'
	| 'onlyB'
	| 'current'
	| 'match'
	| 'selected'
	| 'status'
	| 'statusKey'
	| 'flash'
	| 'warn'
	| 'key'
	| 'same'
	| 'changed'
	| 'hedged'
	| 'missing'
	| 'added'
	| 'error'
	| 'accent'
	| 'bar'
	| 'axis'
	| 'mark'
	| 'origin'
	| 'caret';

export type Theme = {
	name: ThemeName;
	color: boolean;
	roles: Record<Role, TextStyle>;
	/** One style per source, for marking passages by the source they are shared with. */
	sources: TextStyle[];
};

const THEME_NAMES: ThemeName[] = ['dark', 'light'];

export function isThemeName(s: string | undefined): s is ThemeName {
	return s !== undefined && (THEME_NAMES as string[]).includes(s);
}

/**
 * The palette to use: the `--theme` flag, else CHURNSCOPE_THEME, else the background colour the terminal
 * reports in COLORFGBG ("15;0" is light text on dark; a background of 7 or 15 is light), else dark.
 */
export function themeName(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): ThemeName {
	if (isThemeName(flag)) return flag;
	const fromEnv = env['CHURNSCOPE_THEME'];
	if (isThemeName(fromEnv)) return fromEnv;
	const bg = env['COLORFGBG']?.split(';').pop();
	if (bg !== undefined && /^\d+$/.test(bg)) return bg === '7' || bg === '15' ? 'light' : 'dark';
	return 'dark';
}

export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	return !('NO_COLOR' in env && env['NO_COLOR'] !== '') && env['TERM'] !== 'dumb';
}

const MONO: Record<Role, TextStyle> = {
	title: {bold: true},
	header: {bold: true},
	dim: {dimColor: true},
	boilerplate: {dimColor: true},
	figure: {bold: true},
	shared: {},
	diffChanged: {underline: true},
	onlyA: {bold: true, inverse: true},
	onlyB: {bold: true, inverse: true},
	current: {inverse: true},
	match: {bold: true, underline: true},
	selected: {inverse: true},
	status: {inverse: true},
	statusKey: {inverse: true, bold: true},
	flash: {bold: true},
	warn: {bold: true},
	key: {bold: true},
	same: {},
	changed: {bold: true},
	hedged: {underline: true},
	missing: {bold: true, underline: true},
	added: {italic: true},
	error: {bold: true},
	accent: {bold: true},
	bar: {},
	axis: {dimColor: true},
	mark: {bold: true},
	origin: {bold: true},
	caret: {inverse: true},
};

const DARK: Record<Role, TextStyle> = {
	title: {bold: true, color: 'cyan'},
	header: {bold: true, color: 'gray'},
	dim: {dimColor: true},
	boilerplate: {dimColor: true, italic: true},
	figure: {bold: true, color: 'cyanBright'},
	shared: {},
	diffChanged: {color: 'yellow', underline: true},
	onlyA: {color: 'redBright', bold: true},
	onlyB: {color: 'greenBright', bold: true},
	current: {inverse: true},
	match: {color: 'yellow', bold: true, underline: true},
	selected: {inverse: true},
	status: {backgroundColor: 'blue', color: 'white'},
	statusKey: {backgroundColor: 'blue', color: 'yellowBright', bold: true},
	flash: {color: 'greenBright', bold: true},
	warn: {color: 'yellow', bold: true},
	key: {bold: true, color: 'yellow'},
	same: {color: 'green'},
	changed: {color: 'redBright', bold: true},
	hedged: {color: 'yellow', underline: true},
	missing: {color: 'magentaBright', bold: true},
	added: {color: 'cyanBright', italic: true},
	error: {color: 'redBright', bold: true},
	accent: {color: 'cyan'},
	bar: {color: 'cyan'},
	axis: {color: 'gray'},
	mark: {color: 'yellowBright', bold: true},
	origin: {color: 'greenBright', bold: true},
	caret: {inverse: true},
};

// On a light background: no white, yellow or bright cyan text (unreadable there); darker hues instead.
const LIGHT: Record<Role, TextStyle> = {
	title: {bold: true, color: 'blue'},
	header: {bold: true, color: 'blackBright'},
	dim: {dimColor: true},
	boilerplate: {dimColor: true, italic: true},
	figure: {bold: true, color: 'blue'},
	shared: {},
	diffChanged: {color: 'magenta', underline: true},
	onlyA: {color: 'red', bold: true},
	onlyB: {color: 'green', bold: true},
	current: {inverse: true},
	match: {color: 'magenta', bold: true, underline: true},
	selected: {inverse: true},
	status: {backgroundColor: 'blue', color: 'white'},
	statusKey: {backgroundColor: 'blue', color: 'white', bold: true},
	flash: {color: 'green', bold: true},
	warn: {color: 'red', bold: true},
	key: {bold: true, color: 'magenta'},
	same: {color: 'green'},
	changed: {color: 'red', bold: true},
	hedged: {color: 'magenta', underline: true},
	missing: {color: 'red', bold: true},
	added: {color: 'blue', italic: true},
	error: {color: 'red', bold: true},
	accent: {color: 'blue'},
	bar: {color: 'blue'},
	axis: {color: 'blackBright'},
	mark: {color: 'magenta', bold: true},
	origin: {color: 'green', bold: true},
	caret: {inverse: true},
};

const SOURCE_COLORS: Record<ThemeName, string[]> = {
	dark: ['cyan', 'magenta', 'yellow', 'green', 'blueBright', 'redBright', 'cyanBright', 'magentaBright'],
	light: ['blue', 'magenta', 'red', 'green', 'cyan', 'blackBright', 'redBright', 'blueBright'],
};

export function makeTheme(env: NodeJS.ProcessEnv = process.env, name: ThemeName = themeName(undefined, env)): Theme {
	const color = colorEnabled(env);
	if (!color) return {name, color, roles: MONO, sources: [{underline: true}]};
	return {name, color, roles: name === 'light' ? LIGHT : DARK, sources: SOURCE_COLORS[name].map(c => ({color: c, underline: false}))};
}

/** The style of a segment: its roles merged in order (later roles win). A passage shared with another source is never dimmed as boilerplate. */
export function styleOf(theme: Theme, roles: readonly string[]): TextStyle {
	let out: TextStyle = {};
	const shared = roles.some(r => r.startsWith('source:'));
	for (const r of roles) {
		if (r === 'boilerplate' && shared) continue;
		const m = /^source:(\d+)$/.exec(r);
		const s = m ? theme.sources[Number(m[1]) % theme.sources.length] : theme.roles[r as Role];
		if (s) out = {...out, ...s};
	}
	return out;
}

/** The mark of a figure status, so that a cell reads without colour. */
export const STATUS_MARK: Record<string, string> = {same: '=', changed: '≠', hedged: '~', missing: '-', added: '+'};
