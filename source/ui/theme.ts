// Colours are roles, not literals. With NO_COLOR (or TERM=dumb) every role falls back to plain
// attributes (bold, underline, inverse, dim), so nothing depends on colour to be seen.

export type TextStyle = {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dimColor?: boolean;
	underline?: boolean;
	inverse?: boolean;
	italic?: boolean;
};

export type Theme = {
	color: boolean;
	roles: Record<string, TextStyle>;
	/** One colour per source, for highlighting passages by the source they are shared with. */
	sources: TextStyle[];
};

const SOURCE_COLORS = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'redBright', 'cyanBright', 'magentaBright'];

export function makeTheme(env: NodeJS.ProcessEnv = process.env): Theme {
	const color = !('NO_COLOR' in env && env['NO_COLOR'] !== '') && env['TERM'] !== 'dumb';
	if (!color) {
		return {
			color,
			roles: {
				title: {bold: true},
				dim: {dimColor: true},
				boilerplate: {dimColor: true},
				figure: {underline: true},
				onlyA: {bold: true, underline: true},
				onlyB: {bold: true, underline: true},
				current: {inverse: true},
				match: {bold: true, underline: true},
				selected: {inverse: true},
				status: {inverse: true},
				key: {bold: true},
				same: {},
				changed: {bold: true},
				hedged: {italic: true, underline: true},
				missing: {underline: true},
				added: {underline: true},
				error: {bold: true},
				accent: {bold: true},
				bar: {},
			},
			sources: SOURCE_COLORS.map(() => ({underline: true})),
		};
	}
	return {
		color,
		roles: {
			title: {bold: true, color: 'cyan'},
			dim: {dimColor: true},
			boilerplate: {dimColor: true, italic: true},
			figure: {underline: true, bold: true},
			onlyA: {color: 'red', bold: true},
			onlyB: {color: 'green', bold: true},
			current: {inverse: true},
			match: {color: 'yellow', bold: true, underline: true},
			selected: {inverse: true},
			status: {backgroundColor: 'blue', color: 'white'},
			key: {bold: true, color: 'yellow'},
			same: {color: 'green'},
			changed: {color: 'red', bold: true},
			hedged: {color: 'yellow'},
			missing: {color: 'redBright'},
			added: {color: 'greenBright'},
			error: {color: 'red', bold: true},
			accent: {color: 'cyan'},
			bar: {color: 'cyan'},
		},
		sources: SOURCE_COLORS.map(c => ({color: c})),
	};
}

/** The style of a segment: its roles merged in order (later roles win). */
export function styleOf(theme: Theme, roles: string[]): TextStyle {
	let out: TextStyle = {};
	for (const r of roles) {
		const m = /^source:(\d+)$/.exec(r);
		const s = m ? theme.sources[Number(m[1]) % theme.sources.length] : theme.roles[r];
		if (s) out = {...out, ...s};
	}
	return out;
}
