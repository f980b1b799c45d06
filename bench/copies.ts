// How output grows with the number of copies of one release (issue: pairs grew with the square of the copies):
// one ten-paragraph release carried by k sites, among unrelated articles, for several k. Prints the family
// count, the size of `pairs --json` and of `families --json`, the time, and the growth exponents.

import {analysisOf} from '../source/core/analysis.js';
import {findReuse} from '../source/core/reuse.js';
import {buildSource} from '../source/core/source.js';
import {runCommand} from '../source/commands/index.js';
import {releaseCopies} from './release.js';
import {synthesize} from './synth.js';

const bytes = (chunks: Iterable<string>) => {
	let n = 0;
	for (const c of chunks) n += Buffer.byteLength(c);
	return n;
};

export function copies(sizes: number[], unrelated = 300) {
	const others = synthesize(unrelated, 21, 0).files.map(f => buildSource(f.name, Buffer.from(f.text), {date: f.date}));
	const runs = sizes.map(k => {
		const sources = [
			...releaseCopies(k, 5).map(c => buildSource(c.name, Buffer.from(c.text), {publisher: c.publisher, date: c.date})),
			...others,
		];
		const corpus = {dir: '.', sources, warnings: []};
		const t0 = performance.now();
		const reuse = findReuse(sources);
		const seconds = (performance.now() - t0) / 1000;
		const an = analysisOf(corpus, reuse);
		const release = reuse.families.filter(f => f.members.some(m => m.source === 'origin.txt'));
		return {
			copies: k,
			articles: sources.length,
			families: reuse.families.length,
			release_families: release.length,
			release_members: release[0]?.members.length ?? 0,
			pairs: reuse.pairs.length,
			pairs_json_bytes: bytes(runCommand('pairs', [], corpus, {json: true}, an).chunks),
			families_json_bytes: bytes(runCommand('families', [], corpus, {json: true}, an).chunks),
			analyse_s: Math.round(seconds * 100) / 100,
		};
	});
	const first = runs[0]!;
	const last = runs[runs.length - 1]!;
	const exp = (a: number, b: number) => Math.round((Math.log(b / a) / Math.log(last.copies / first.copies)) * 100) / 100;
	return {
		unrelated_articles: unrelated,
		runs,
		pairs_bytes_exponent: exp(first.pairs_json_bytes, last.pairs_json_bytes),
		time_exponent: exp(first.analyse_s, last.analyse_s),
		target: {pairs_json_bytes_at_300: 5 * 1024 * 1024, exponent: 1},
	};
}
