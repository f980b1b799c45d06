import {defineConfig} from 'vitest/config';

/** Tests that keep both cores busy for long: run after the others, so that timing-sensitive UI tests do not share the CPU with them. */
const HEAVY = ['test/hostile/pathological.test.ts'];

export default defineConfig({
	test: {
		testTimeout: 30_000,
		// A scratch folder per run for test corpora and the cache, removed afterwards (see global-setup).
		globalSetup: ['test/global-setup.ts'],
		env: {FORCE_COLOR: '0'},
		projects: [
			{extends: true, test: {name: 'main', include: ['test/**/*.test.{ts,tsx}'], exclude: HEAVY, sequence: {groupOrder: 0}}},
			{extends: true, test: {name: 'heavy', include: HEAVY, sequence: {groupOrder: 1}}},
		],
	},
});
