import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		// Tests never touch the user's cache.
		env: {FORCE_COLOR: '0', CHURNSCOPE_CACHE_DIR: join(tmpdir(), `churnscope-test-cache-${process.pid}`)},
	},
});
