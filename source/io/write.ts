// Writing a command's output: chunks gathered into blocks of about 64 KB and written with backpressure,
// so output of any size streams to a pipe or a file without being held whole in memory. A write that
// fails (the reader of a pipe has gone: EPIPE; the disk is full: ENOSPC) rejects with the stream's error,
// once, and nothing more is written.

import {randomBytes} from 'node:crypto';
import {createWriteStream, renameSync, rmSync} from 'node:fs';
import type {Writable} from 'node:stream';

const BLOCK = 64 * 1024;

export async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
	let failure: Error | null = null;
	let wake: (() => void) | null = null;
	const onError = (error: Error) => {
		failure ??= error;
		wake?.();
	};
	stream.on('error', onError);
	/** Resolves when the stream can take more, or has failed. */
	const drained = () =>
		new Promise<void>(resolve => {
			wake = resolve;
			stream.once('drain', resolve);
		});
	let block = '';
	const flush = async () => {
		if (!block) return;
		const data = block;
		block = '';
		if (!stream.write(data)) await drained();
		if (failure) throw failure;
	};
	try {
		for (const chunk of chunks) {
			if (failure) throw failure;
			block += chunk;
			if (block.length >= BLOCK) await flush();
		}
		await flush();
		// The last write's outcome: an error on it is reported a tick later.
		if (!failure) await new Promise<void>(resolve => stream.write('', () => resolve()));
		if (failure) throw failure;
	} finally {
		stream.off('error', onError);
	}
}

/** What a failed write says on stderr, in one line. */
export function writeFailure(error: unknown): string {
	const e = error as NodeJS.ErrnoException;
	const reasons: Record<string, string> = {ENOSPC: 'no space left on the device', EIO: 'input/output error', EDQUOT: 'disk quota exceeded'};
	return `cannot write the output: ${(e.code && reasons[e.code]) ?? e.message} (${e.code ?? 'error'})`;
}

/**
 * Write chunks to a file, whole or not at all: into a temporary file beside it, renamed into place. The
 * temporary name is random and created exclusively, so a link planted beside the file is never written
 * through; the temporary file is removed on failure only if this call created it.
 */
export async function writeFileChunks(path: string, chunks: Iterable<string>): Promise<void> {
	const tmp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
	const stream = createWriteStream(tmp, {flags: 'wx', mode: 0o644});
	let created = false;
	stream.once('open', () => {
		created = true;
	});
	const failed = new Promise<never>((_, reject) => stream.once('error', reject));
	failed.catch(() => {}); // handled by the races below; an error after them has nothing left to stop
	try {
		await Promise.race([writeChunks(stream, chunks), failed]);
		await Promise.race([new Promise<void>(resolve => stream.end(resolve)), failed]);
		renameSync(tmp, path);
	} catch (error) {
		stream.destroy();
		if (created) rmSync(tmp, {force: true});
		throw error;
	}
}
