import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		// A scratch folder per run for test corpora and the cache, removed afterwards (see global-setup).
		globalSetup: ['test/global-setup.ts'],
		env: {FORCE_COLOR: '0'},
	},
});
