// One scratch folder for the whole test run, removed at the end: every corpus a test builds and the
// analysis cache live in it, so tests neither litter /tmp nor touch the user's cache.
import {chmodSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export function setup(): () => void {
	// Once per run, though every project of the config (vitest.config.ts) calls it.
	if (process.env['CHURNSCOPE_TEST_TMP_PID'] === String(process.pid)) return () => {};
	process.env['CHURNSCOPE_TEST_TMP_PID'] = String(process.pid);
	const root = mkdtempSync(join(tmpdir(), 'churnscope-test-'));
	chmodSync(root, 0o755); // a test runs the CLI as another user on a folder in here
	process.env['CHURNSCOPE_TEST_TMP'] = root;
	process.env['CHURNSCOPE_CACHE_DIR'] = join(root, 'cache');
	return () => {
		unlock(root);
		rmSync(root, {recursive: true, force: true});
	};
}

/** Give back the permissions a test took away, so the folder can be removed. */
function unlock(dir: string): void {
	try {
		chmodSync(dir, 0o755);
		for (const e of readdirSync(dir, {withFileTypes: true})) if (e.isDirectory() && !e.isSymbolicLink()) unlock(join(dir, e.name));
	} catch {
		// already gone or not ours
	}
}
