// Warnings from loading the corpus (files skipped, sidecars that could not be read, text decoded with a
// guess), one a line, as the command line prints them on exit.

import {Box, Text} from 'ink';
import type {WarningsFrame} from '../../state/app-state.js';
import {follow} from '../../state/list.js';
import {Row} from '../components.js';
import type {Warning} from '../controller.js';
import {fit, listLayout} from '../layout.js';
import type {Theme} from '../theme.js';

export function WarningsView({
	theme,
	cols,
	rows,
	frame,
	warnings,
}: {
	theme: Theme;
	cols: number;
	rows: number;
	frame: WarningsFrame;
	warnings: Warning[];
}) {
	const {listRows} = listLayout(rows);
	const top = follow(frame.list.top, frame.list.cursor, listRows, warnings.length);
	return (
		<Box flexDirection="column" height={rows}>
			<Row text={`Warnings from loading · ${warnings.length}`} cols={cols} theme={theme} tone="title" />
			<Row text="  Enter reads the source a warning names" cols={cols} theme={theme} tone="header" />
			{Array.from({length: listRows}, (_, i) => {
				const at = top + i;
				const w = warnings[at];
				if (!w)
					return (
						<Row
							key={i}
							text={i === 0 && warnings.length === 0 ? '  nothing to report: every file loaded' : ''}
							cols={cols}
							theme={theme}
							tone="dim"
						/>
					);
				const selected = at === frame.list.cursor;
				return (
					<Text key={i} wrap="truncate" {...(selected ? theme.roles.selected : theme.roles.warn)}>
						{fit(`${selected ? '›' : ' '} ${w.text}`, cols, true)}
					</Text>
				);
			})}
		</Box>
	);
}
