// Small shared pieces: a styled line, the status bar, the help overlay.

import {Box, Text} from 'ink';
import {BINDINGS, hints, type ViewName} from '../state/keymap.js';
import {fit, width, type Line} from './layout.js';
import {styleOf, type Theme} from './theme.js';

export function StyledLine({line, theme, cols, extra}: {line: Line | undefined; theme: Theme; cols: number; extra?: string[]}) {
	if (!line || line.segs.length === 0) return <Text>{' '.repeat(Math.max(0, cols))}</Text>;
	let used = 0;
	return (
		<Text wrap="truncate">
			{line.segs.map((s, i) => {
				const text = s.text.replace(/[\r\t]/g, ' ');
				used += width(text);
				return (
					<Text key={i} {...styleOf(theme, extra ? [...s.roles, ...extra] : s.roles)}>
						{text}
					</Text>
				);
			})}
			{used < cols ? ' '.repeat(cols - used) : ''}
		</Text>
	);
}

export function StatusBar({theme, cols, view, where, busy}: {theme: Theme; cols: number; view: ViewName; where: string; busy?: string}) {
	const keys = hints(view)
		.map(h => `${keyLabel(h.key)} ${h.label}`)
		.join('  ');
	const left = ` ${view.toUpperCase()} · ${where}${busy ? ` · ${busy}` : ''} `;
	const room = Math.max(0, cols - width(left));
	return (
		<Text wrap="truncate" {...theme.roles['status']}>
			{fit(left, cols)}
			{room > 0 ? fit(`│ ${keys}`, room, true) : ''}
		</Text>
	);
}

export function keyLabel(k: string): string {
	return (
		({enter: '⏎', esc: 'esc', tab: 'tab', down: '↓', up: '↑', pgdn: 'PgDn', pgup: 'PgUp', space: 'space'} as Record<string, string>)[k] ?? k
	);
}

export function Help({theme, view, cols, rows}: {theme: Theme; view: ViewName; cols: number; rows: number}) {
	const lines = BINDINGS[view].map(b => `${b.keys.map(keyLabel).join(', ').padEnd(26)} ${b.label}`);
	lines.push(`${'ctrl-c'.padEnd(26)} quit from anywhere`);
	const shown = lines.slice(0, Math.max(1, rows - 2));
	return (
		<Box flexDirection="column" height={rows}>
			<Text {...theme.roles['title']}>{fit(`Keys: ${view}   (? or esc to close)`, cols)}</Text>
			<Text> </Text>
			{shown.map((l, i) => (
				<Text key={i}>{fit(l, cols)}</Text>
			))}
		</Box>
	);
}
