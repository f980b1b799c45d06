// Sources in the compact form they are cached in and sent between threads: blocks and sentences as
// offsets, their text cut from the source's when unpacked.

import type {Source} from './source.js';

/** A source as stored and sent between threads: blocks and sentences as offsets, their text cut from the source's. */
export type PackedSource = Omit<Source, 'blocks' | 'sentences'> & {
	blocks: [number, number, string, boolean][];
	sentences: [number, number, number, boolean][];
};

export function packSource(s: Source): PackedSource {
	return {
		...s,
		blocks: s.blocks.map(b => [b.start, b.end, b.kind, b.boilerplate]),
		sentences: s.sentences.map(x => [x.start, x.end, x.block, x.boilerplate]),
	};
}

export function unpackSource(s: PackedSource): Source {
	return {
		...s,
		blocks: s.blocks.map(([start, end, kind, boilerplate]) => ({
			start,
			end,
			text: s.text.slice(start, end),
			kind: kind as Source['blocks'][number]['kind'],
			boilerplate,
		})),
		sentences: s.sentences.map(([start, end, block, boilerplate], index) => ({
			start,
			end,
			text: s.text.slice(start, end),
			block,
			index,
			boilerplate,
		})),
	};
}
