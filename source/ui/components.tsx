// Small shared pieces: a styled line, a line being typed, the status bar, the help overlay and the short
// menus. They only draw what they are given; no component reads keys.

import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {CONTEXT_TITLES, hints, helpLines, keyLabel, type Context} from '../state/keymap.js';
import type {Line as Typed} from '../state/line-edit.js';
import {fit, width, windowStart, type Line} from './layout.js';
import {styleOf, type Role, type Theme} from './theme.js';

export function StyledLine({line, theme, cols, extra}: {line: Line | null | undefined; theme: Theme; cols: number; extra?: string[]}) {
	if (!line || line.segs.length === 0) return <Text>{' '.repeat(Math.max(0, cols))}</Text>;
	let used = 0;
	const segs: {text: string; roles: string[]}[] = [];
	for (const s of line.segs) {
		// Wrapped lines fit by construction; this guard keeps a row from ever wrapping.
		const text = fit(s.text.replace(/[\r\t]/g, ' '), cols - used);
		if (!text) break;
		used += width(text);
		segs.push({text, roles: extra ? [...s.roles, ...extra] : s.roles});
	}
	return (
		<Text wrap="truncate">
			{segs.map((s, i) => (
				<Text key={i} {...styleOf(theme, s.roles)}>
					{s.text}
				</Text>
			))}
			{used < cols ? ' '.repeat(cols - used) : ''}
		</Text>
	);
}

/** A line of plain text in one role, fitted to the width. */
export function Row({text, cols, theme, tone}: {text: string; cols: number; theme: Theme; tone?: Role}) {
	return (
		<Text wrap="truncate" {...(tone ? theme.roles[tone] : {})}>
			{fit(text, cols, true)}
		</Text>
	);
}

/** A line being typed, with its caret; the part around the caret is kept in view when the line is long. */
export function TypedLine({
	prompt,
	line,
	cols,
	theme,
	after = '',
}: {
	prompt: string;
	line: Typed;
	cols: number;
	theme: Theme;
	after?: string;
}) {
	const chars = [...line.text];
	const room = Math.max(4, cols - width(prompt) - 1 - Math.min(width(after), Math.floor(cols / 3)));
	let from = 0;
	// Scroll the text so that the caret is on screen.
	while (from < line.caret && width(chars.slice(from, line.caret).join('')) > room - 1) from++;
	const before = fit(chars.slice(from, line.caret).join(''), room - 1);
	const at = chars[line.caret] ?? ' ';
	const rest = fit(chars.slice(line.caret + 1).join(''), Math.max(0, room - 1 - width(before)));
	const used = width(prompt) + width(before) + Math.max(1, width(fit(at, 2))) + width(rest);
	return (
		<Text wrap="truncate">
			<Text {...theme.roles.key}>{prompt}</Text>
			<Text>{before}</Text>
			<Text {...theme.roles.caret}>{fit(at, 2)}</Text>
			<Text>{rest}</Text>
			<Text {...theme.roles.dim}>{fit(after, Math.max(0, cols - used), true)}</Text>
		</Text>
	);
}

export function StatusBar({
	theme,
	cols,
	context,
	view,
	where,
	busy,
	warnings,
	flash,
}: {
	theme: Theme;
	cols: number;
	context: Context;
	view: string;
	where: string;
	busy?: string;
	warnings: number;
	flash: string | null;
}) {
	// A message (what was copied, where a report went) takes the room of the position and the keys.
	const left = flash
		? ` ${view.toUpperCase()} `
		: ` ${view.toUpperCase()} · ${where}${busy ? ` · ${busy}` : ''}${warnings ? ` · ⚠ ${warnings} (!)` : ''} `;
	const leftShown = fit(left, cols);
	const room = Math.max(0, cols - width(leftShown));
	// The key to the keys comes first: when the line is cut, it is what must stay.
	const all = hints(context);
	const keys = [...all.filter(h => h.key === '?'), ...all.filter(h => h.key !== '?')].map(h => `${keyLabel(h.key)} ${h.label}`).join('  ');
	const right = flash ? `│ ${flash}` : `│ ${keys}`;
	return (
		<Text wrap="truncate">
			<Text {...theme.roles.status}>{leftShown}</Text>
			{room > 0 ? (
				<Text {...(flash ? {...theme.roles.status, ...theme.roles.statusKey} : theme.roles.status)}>{fit(right, room, true)}</Text>
			) : null}
		</Text>
	);
}

export function Help({theme, context, cols, rows, top}: {theme: Theme; context: Context; cols: number; rows: number; top: number}) {
	const lines = helpLines(context);
	const keyW = Math.min(30, Math.max(...lines.map(([k]) => width(k))) + 2, Math.floor(cols / 2));
	const all = [
		...lines.map(([k, label]) => fit(k, keyW, true) + fit(label, cols - keyW)),
		fit('ctrl-c', keyW, true) + 'quit from anywhere',
		fit('ctrl-z', keyW, true) + 'suspend (fg comes back)',
	];
	const body = Math.max(1, rows - 1);
	const shown = all.slice(top, top + body);
	const more = top + body < all.length ? ` · ↓ ${all.length - top - body} more (j)` : '';
	return (
		<Box flexDirection="column" height={rows}>
			<Row text={`Keys: ${CONTEXT_TITLES[context]}   (? or Esc closes${more})`} cols={cols} theme={theme} tone="title" />
			{Array.from({length: body}, (_, i) => (
				<Row key={i} text={shown[i] ?? ''} cols={cols} theme={theme} />
			))}
		</Box>
	);
}

/** The rows a menu of `items` takes in `room` rows: a border above and below, a title, and the items that fit. */
export function menuHeight(items: number, room = Number.POSITIVE_INFINITY): number {
	return Math.max(4, Math.min(items + 3, room));
}

/**
 * A short menu in a box, drawn by ink-select-input. Its cursor is ours: the keymap moves it and the
 * component is only told where it is (remounted at the new position; it never reads keys itself). When
 * the terminal is short, the items around the cursor are shown.
 */
export function Menu({
	title,
	labels,
	cursor,
	cols,
	rows,
	theme,
}: {
	title: string;
	labels: string[];
	cursor: number;
	cols: number;
	rows: number;
	theme: Theme;
}) {
	const inner = Math.max(4, Math.min(cols - 2, Math.max(width(title), ...labels.map(l => width(l) + 6)) + 2));
	const shown = Math.max(1, rows - 3);
	const start = windowStart(cursor, labels.length, shown);
	const items = labels.slice(start, start + shown).map((label, k) => ({
		key: String(start + k),
		label: fit(`${start + k < 9 ? `${start + k + 1} ` : '  '}${label}`, inner - 3),
		value: start + k,
	}));
	const more = labels.length > shown ? ` ${cursor + 1}/${labels.length}` : '';
	return (
		<Box flexDirection="column" borderStyle="round" width={inner + 2} height={rows}>
			<Text {...theme.roles.title} wrap="truncate">
				{fit(title + more, inner)}
			</Text>
			<SelectInput
				key={cursor}
				items={items}
				initialIndex={cursor - start}
				isFocused={false}
				indicatorComponent={({isSelected}) => <Text {...theme.roles.accent}>{isSelected ? '› ' : '  '}</Text>}
				itemComponent={({isSelected, label}) => (
					<Text wrap="truncate" {...(isSelected ? theme.roles.selected : {})}>
						{label}
					</Text>
				)}
			/>
		</Box>
	);
}
