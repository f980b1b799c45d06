// Leaving the explorer with the work: a source opened in the user's pager or editor at the line of the
// passage (the app suspended meanwhile, its terminal restored afterwards), and reports written to files.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, openSync, closeSync, writeSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join, relative, resolve as resolvePath, isAbsolute} from 'node:path';

/** A command line from an environment variable, split as a shell would split simple words and quotes. */
export function splitCommand(s: string): string[] {
	const out: string[] = [];
	const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
	for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
	return out;
}

/** The pager or editor to run: $PAGER, or $VISUAL/$EDITOR, else less or vi. */
export function programFor(kind: 'pager' | 'editor', env: NodeJS.ProcessEnv): string[] {
	const given = kind === 'pager' ? env['PAGER'] : (env['VISUAL'] ?? env['EDITOR']);
	const words = given ? splitCommand(given) : [];
	return words.length ? words : [kind === 'pager' ? 'less' : 'vi'];
}

/**
 * The arguments that open `path` at `line` for a program: `+LINE path` for the vi family, less, more,
 * nano, emacs, micro and most others; `--goto path:LINE` for VS Code and its forks; `path:LINE` for
 * Sublime Text, Helix and Zed.
 */
export function argsAt(program: string[], path: string, line: number): string[] {
	const name = basename(program[0]!).replace(/\.exe$/i, '');
	if (/^(code|code-insiders|codium|vscodium|cursor|windsurf)$/.test(name)) return [...program, '--goto', `${path}:${line}`];
	if (/^(subl|sublime_text|hx|helix|zed)$/.test(name)) return [...program, `${path}:${line}`];
	if (name === 'mate') return [...program, '-l', String(line), path];
	return [...program, `+${line}`, path];
}

export type Terminal = {
	/** Give the terminal to another program: leave the alternate screen, cooked mode, cursor shown. */
	suspend(): void;
	/** Take it back: raw mode, the alternate screen, and the app redrawn. */
	resume(): void;
};

export type OpenRequest = {program: 'pager' | 'editor'; path: string; text: string | null; line: number; source: string};

export type Spawner = (command: string, args: string[]) => {status: number | null; error?: Error};

/** Run the program in the foreground: the event loop waits, so no key is read from under it. */
export const spawnForeground: Spawner = (command, args) => {
	const r = spawnSync(command, args, {stdio: 'inherit'});
	return {status: r.status, error: r.error};
};

/**
 * Open a source in the pager or editor at a line, the app suspended meanwhile. An HTML source is opened
 * as its extracted text (written to a temporary file), since the passage's line is a line of that text.
 */
export function openAt(req: OpenRequest, terminal: Terminal, env: NodeJS.ProcessEnv, spawn: Spawner = spawnForeground): string {
	let path = req.path;
	if (req.text !== null) {
		const dir = mkdtempSync(join(tmpdir(), 'churnscope-'));
		path = join(dir, `${basename(req.source).replace(/\.[^.]+$/, '')}.txt`);
		writeFileSync(path, req.text);
	}
	const program = programFor(req.program, env);
	const args = argsAt(program, path, req.line);
	terminal.suspend();
	let result: ReturnType<Spawner>;
	try {
		result = spawn(args[0]!, args.slice(1));
	} finally {
		terminal.resume();
	}
	if (result.error) return `could not run ${program[0]}: ${result.error.message}`;
	const what = req.text !== null ? `the text of ${req.source}` : req.source;
	return `${program[0]} closed (${what}, line ${req.line})${result.status ? `, exit ${result.status}` : ''}`;
}

/**
 * Where reports go: $CHURNSCOPE_EXPORT_DIR, else the working folder; never inside the corpus folder (it
 * is only ever read), the temporary folder instead.
 */
export function exportDir(env: NodeJS.ProcessEnv, cwd: string, corpusDir: string): string {
	const dir = resolvePath(env['CHURNSCOPE_EXPORT_DIR'] ?? cwd);
	const rel = relative(resolvePath(corpusDir), dir);
	const inside = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
	return inside ? tmpdir() : dir;
}

/** Write a report's pieces to a new file in `dir` (never over an existing one: `-2`, `-3`… are added); returns its path. */
export function saveReport(dir: string, name: string, chunks: Iterable<string>): string {
	const dot = name.lastIndexOf('.');
	for (let n = 1; ; n++) {
		const path = join(dir, n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`);
		let fd: number;
		try {
			fd = openSync(path, 'wx');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST' && n < 100) continue;
			throw error;
		}
		try {
			for (const chunk of chunks) writeSync(fd, chunk);
		} finally {
			closeSync(fd);
		}
		return path;
	}
}
