import {defineConfig} from 'vitest/config';

/** Tests that keep both cores busy for long: run last, alone. */
const HEAVY = ['test/hostile/pathological.test.ts'];
/** UI tests that still wait fixed times between keys: run alone, so that no other test takes the CPU from them. */
const TIMED = ['test/ui/app.test.tsx'];

export default defineConfig({
	test: {
		testTimeout: 30_000,
		// A scratch folder per run for test corpora and the cache, removed afterwards (see global-setup).
		globalSetup: ['test/global-setup.ts'],
		env: {FORCE_COLOR: '0'},
		projects: [
			{extends: true, test: {name: 'main', include: ['test/**/*.test.{ts,tsx}'], exclude: [...HEAVY, ...TIMED], sequence: {groupOrder: 0}}},
			{extends: true, test: {name: 'timed', include: TIMED, sequence: {groupOrder: 1}}},
			{extends: true, test: {name: 'heavy', include: HEAVY, sequence: {groupOrder: 2}}},
		],
	},
});
