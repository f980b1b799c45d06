// Writing a command's output: chunks gathered into blocks of about 64 KB and written with backpressure,
// so output of any size streams to a pipe or a file without being held whole in memory.

import {createWriteStream, renameSync, rmSync} from 'node:fs';
import type {Writable} from 'node:stream';

const BLOCK = 64 * 1024;

export async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
	let block = '';
	const flush = async () => {
		if (!block) return;
		const data = block;
		block = '';
		if (!stream.write(data)) await new Promise<void>(resolve => stream.once('drain', resolve));
	};
	for (const chunk of chunks) {
		block += chunk;
		if (block.length >= BLOCK) await flush();
	}
	await flush();
}

/** Write chunks to a file, whole or not at all: into a temporary file beside it, renamed into place. */
export async function writeFileChunks(path: string, chunks: Iterable<string>): Promise<void> {
	const tmp = `${path}.${process.pid}.tmp`;
	const stream = createWriteStream(tmp);
	const failed = new Promise<never>((_, reject) => stream.once('error', reject));
	failed.catch(() => {}); // handled by the races below; an error after them has nothing left to stop
	try {
		await Promise.race([writeChunks(stream, chunks), failed]);
		await Promise.race([new Promise<void>(resolve => stream.end(resolve)), failed]);
		renameSync(tmp, path);
	} catch (error) {
		stream.destroy();
		rmSync(tmp, {force: true});
		throw error;
	}
}
