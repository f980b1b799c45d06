// A source packed (as the cache keeps it and threads send it) and unpacked is the same source, down to the
// order of its keys: `sources --json` and `figures --json` print what was unpacked, byte for byte as they
// would print what was read. Checked on real pages in six languages, where figures come in every shape.
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {packSource, unpackSource} from '../../source/core/pack.js';
import type {Source} from '../../source/core/source.js';
import {loadCorpus} from '../../source/io/read-corpus.js';
import {SEED} from '../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const corpora = [
	SEED,
	join(FIXTURES, 'figures', 'articles'),
	join(FIXTURES, 'lineup', 'pages'),
	join(FIXTURES, 'syndicated', 'pages'),
	join(FIXTURES, 'syndicated-fresh2', 'pages'),
];

const roundTrip = (s: Source) => unpackSource(JSON.parse(JSON.stringify(packSource(s))));

describe('packed sources', () => {
	for (const dir of corpora) {
		it(`come back byte for byte: ${dir.split('/').slice(-2).join('/')}`, () => {
			const sources = loadCorpus(dir).sources;
			expect(sources.reduce((n, s) => n + s.figures.length, 0)).toBeGreaterThan(10);
			for (const s of sources) expect(JSON.stringify(roundTrip(s)), s.id).toBe(JSON.stringify(s));
		});
	}

	it('pack figures as rows, several times smaller than as objects', () => {
		const sources = loadCorpus(join(FIXTURES, 'figures', 'articles')).sources;
		const asObjects = JSON.stringify(sources.map(s => s.figures)).length;
		const asRows = JSON.stringify(sources.map(s => packSource(s).figures)).length;
		expect(asRows * 2).toBeLessThan(asObjects);
		expect(sources.flatMap(s => packSource(s).figures).every(f => Array.isArray(f))).toBe(true);
	});

	it('keep a figure of another shape as it is', () => {
		const [s] = loadCorpus(SEED).sources.filter(x => x.figures.length > 0);
		const odd = {...s!, figures: s!.figures.map((f, i) => (i === 0 ? {...f, text: 'not its text'} : f))};
		const packed = packSource(odd);
		expect(Array.isArray(packed.figures[0])).toBe(false);
		expect(JSON.stringify(unpackSource(JSON.parse(JSON.stringify(packed))))).toBe(JSON.stringify(odd));
	});
});
