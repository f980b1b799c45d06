import {mkdtempSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEED = join(ROOT, 'corpus');
export const CLI = join(ROOT, 'dist', 'cli.js');

/** A new empty folder inside the test run's scratch folder. */
export function scratchDir(prefix = 'corpus-'): string {
	return mkdtempSync(join(process.env['CHURNSCOPE_TEST_TMP'] ?? tmpdir(), prefix));
}

/** A corpus folder built by a test: file name → contents. */
export function makeCorpus(files: Record<string, string | Uint8Array>): string {
	const dir = scratchDir();
	for (const [name, body] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), {recursive: true});
		writeFileSync(join(dir, name), body);
	}
	return dir;
}
