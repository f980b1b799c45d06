import {mkdtempSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEED = join(ROOT, 'corpus');
export const CLI = join(ROOT, 'dist', 'cli.js');

/** A corpus folder built by a test: file name → contents. */
export function makeCorpus(files: Record<string, string | Uint8Array>): string {
	const dir = mkdtempSync(join(tmpdir(), 'churnscope-'));
	for (const [name, body] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), {recursive: true});
		writeFileSync(join(dir, name), body);
	}
	return dir;
}
