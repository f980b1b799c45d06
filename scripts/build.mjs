// Bundle the CLI (and the benchmark) with esbuild: one production bundle starts several times faster
// than Ink and React loaded module by module, and code splitting keeps Ink off the subcommands' path.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';

rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
await build({
	entryPoints: {
		cli: 'source/cli.tsx',
		worker: 'source/threads/worker.ts',
		'file-worker': 'source/threads/file-worker.ts',
		bench: 'bench/bench.ts',
	},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: false,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink loads its devtools only when DEV is set; it is not a dependency of ours.
	external: ['react-devtools-core'],
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	logLevel: 'warning',
});
