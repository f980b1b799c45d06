// A corpus written by an attacker: escape sequences that set the terminal title (OSC 0/2), write the
// clipboard (OSC 52), plant links (OSC 8), clear the screen (CSI), their C1 forms, bidi overrides, in
// article text, in sidecar titles and publishers, and in file names (with a line feed, to forge a row).
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {makeCorpus} from '../helpers.js';

export const SEQUENCES = [
	'\x1b]0;PWNED-TITLE\x07',
	'\x1b]2;PWNED-TITLE\x1b\\',
	'\x1b]52;c;cHduZWQ=\x07',
	'\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\',
	'\x1b[2J\x1b[H',
	'\x1b[31m',
	'\x9b2J',
	'\x9d0;PWNED-C1\x9c',
	'\u202egnp.exe',
	'\u2066isolate\u2069',
	'\x7f',
	'\x08\x08\x08',
];

const evil = SEQUENCES.join(' ');

export function hostileCorpus(): {dir: string; evilName: string} {
	const body = (n: number) =>
		`The harbour authority approved a new container terminal ${evil} on Tuesday after months of debate in the city council.\n` +
		`The terminal will cost 4.2 billion euros ${SEQUENCES[2]} and handle 3 million containers a year, officials said of plan ${n}.\n` +
		`Opponents ${SEQUENCES[0]} said the money would be better spent on rail links to the hinterland, story ${n}.\n`;
	const evilName = `evil${SEQUENCES[0]}\nforged row.txt`;
	const dir = makeCorpus({
		'a.txt': `PWNED headline ${SEQUENCES[0]}${SEQUENCES[3]}\n${body(1)}`,
		'b.txt': `Second outlet\n${body(2)}`,
		[`bidi\u202ename.txt`]: `Third outlet ${SEQUENCES[6]}\nA different story about PWNED ferries ${SEQUENCES[7]} and 12 percent more passengers.\n`,
		'churnscope.json': JSON.stringify({
			sources: {
				'a.txt': {title: `Sidecar title ${SEQUENCES[2]} ${SEQUENCES[1]}`, publisher: `Pub\u202elisher ${SEQUENCES[6]}`, date: '2026-02-05'},
				'b.txt': {title: `Copy ${SEQUENCES[7]}`, date: '2026-02-06'},
			},
		}),
	});
	writeFileSync(join(dir, evilName), `Fourth ${SEQUENCES[0]} outlet\n${body(4)}`);
	return {dir, evilName};
}
